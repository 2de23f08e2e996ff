package dev.symbiont.policy.engine;

import dev.symbiont.policy.Effect;
import dev.symbiont.policy.PolicyAction;
import dev.symbiont.policy.PolicyChanged;
import dev.symbiont.policy.PolicyContext;
import dev.symbiont.policy.PolicyDecision;
import dev.symbiont.policy.PolicyEngine;
import dev.symbiont.policy.PolicyService;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one real {@link PolicyEngine}: decisions on an immutable {@link CompiledPolicySet} held in an atomic
 * reference. A committed policy change triggers a reload, which reads every active policy in a transaction of its
 * own, compiles, and swaps; reloads are serialized so a slower, older reload never replaces a newer snapshot.
 */
@ApplicationScoped
public class CompiledPolicyEngine implements PolicyEngine {

    private static final Logger LOG = Logger.getLogger(CompiledPolicyEngine.class.getName());

    private final AtomicReference<CompiledPolicySet> snapshot = new AtomicReference<>();

    @Inject
    PolicyService policies;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "symbiont.policy.default-effect", defaultValue = "deny")
    String defaultEffect;

    @Override
    public PolicyDecision evaluatePolicy(PolicyContext context, PolicyAction action) {
        return current().evaluate(context, action);
    }

    @Override
    public Explanation explain(PolicyContext context, PolicyAction action) {
        return current().explain(context, action);
    }

    @Override
    public String registerPolicy(String document, String actor) {
        return policies.register(document, actor).id();
    }

    public CompiledPolicySet current() {
        CompiledPolicySet set = snapshot.get();
        return set != null ? set : CompiledPolicySet.empty(defaultEffect());
    }

    /** Compiles every active policy and makes it the snapshot for the next decision. */
    public synchronized void reload() {
        CompiledPolicySet compiled = CompiledPolicySet.compile(policies.activePolicies(), defaultEffect());
        snapshot.set(compiled);
        LOG.info(() -> "policy snapshot: " + compiled.policies().size() + " policies, " + compiled.ruleCount()
                + " rules");
    }

    /**
     * After the changing transaction commits, reload on another thread (a new transaction; none may start in the
     * completing one) and wait, so the change is in force when the caller gets its answer.
     */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyChanged change) {
        try {
            executor.submit(this::reload).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.severe(() -> "policy snapshot not reloaded after change of " + change.policyId() + ": " + e);
        }
    }

    private Effect defaultEffect() {
        return "allow".equalsIgnoreCase(defaultEffect) ? Effect.ALLOW : Effect.DENY;
    }
}
