package dev.symbiont.policy.bench;

import com.cedarpolicy.BasicAuthorizationEngine;
import com.cedarpolicy.model.AuthorizationRequest;
import com.cedarpolicy.model.exception.AuthException;
import com.cedarpolicy.model.policy.PolicySet;
import com.cedarpolicy.value.EntityTypeName;
import com.cedarpolicy.value.EntityUID;
import com.cedarpolicy.value.PrimLong;
import com.cedarpolicy.value.PrimString;
import com.cedarpolicy.value.Value;
import dev.symbiont.policy.Effect;
import dev.symbiont.policy.PolicyContext;
import dev.symbiont.policy.PolicyDecision;
import dev.symbiont.policy.engine.CompiledPolicySet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Single decisions (latency percentiles) and batch throughput on both cores, for Symbiont's compiled engine and for
 * AWS Cedar (cedar-java, native) on the same rules and requests. Setup checks that both engines agree on every
 * request before anything is measured, so the comparison is between equivalent rule sets.
 *
 * <p>Run: {@code ./mvnw -Pbench -pl ejb -am verify -DskipTests} (see README, Performance).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PolicyDecisionBenchmark {

    private static final int REQUESTS = 1024;

    @Param("1000")
    int rules;

    private PolicyContext[] contexts;
    private dev.symbiont.policy.PolicyAction[] actions;
    private CompiledPolicySet symbiont;
    private BasicAuthorizationEngine cedarEngine;
    private PolicySet cedarPolicies;
    private AuthorizationRequest[] cedarRequests;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        var workload = new PolicyWorkload(rules, REQUESTS, 20261124L);
        contexts = workload.contexts;
        actions = workload.actions;
        symbiont = CompiledPolicySet.compile(List.of(workload.policy()), Effect.DENY);
        cedarEngine = new BasicAuthorizationEngine();
        cedarPolicies = PolicySet.parsePolicies(workload.cedar.toString());
        // Cedar's fast path: the policy set is parsed once on the native side, not sent with every request
        cedarPolicies.cache();
        cedarRequests = new AuthorizationRequest[REQUESTS];
        EntityTypeName agent = EntityTypeName.parse("Agent").orElseThrow();
        EntityTypeName action = EntityTypeName.parse("Action").orElseThrow();
        EntityTypeName resource = EntityTypeName.parse("Resource").orElseThrow();
        int allowed = 0;
        for (int i = 0; i < REQUESTS; i++) {
            PolicyContext c = contexts[i];
            Map<String, Value> context = Map.of(
                    "sensitivity", new PrimString(c.dataSensitivity().name().toLowerCase()),
                    "role", new PrimString(c.role()),
                    "memory_mb", new PrimLong(((Number) c.attributes().get("resource_limits.memory_mb")).longValue()));
            cedarRequests[i] = new AuthorizationRequest(new EntityUID(agent, c.agentName()),
                    new EntityUID(action, actions[i].documentName()), new EntityUID(resource, c.resource()), context);
            boolean ours = symbiont.evaluate(c, actions[i]).permits();
            boolean theirs = cedar(i);
            if (ours != theirs) {
                throw new IllegalStateException("engines disagree on request " + i + ": symbiont " + ours
                        + ", cedar " + theirs + " for " + c + " " + actions[i]);
            }
            allowed += ours ? 1 : 0;
        }
        System.out.printf("%n# %d rules, %d requests, %d allowed by both engines%n", rules, REQUESTS, allowed);
    }

    private boolean cedar(int i) throws AuthException {
        return cedarEngine.isAuthorized(cedarRequests[i], cedarPolicies, Set.of()).success.orElseThrow().isAllowed();
    }

    /** A request index per thread, cycling through all requests. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            next = (next + 1) & (REQUESTS - 1);
            return next;
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public PolicyDecision symbiontSingleDecision(Cursor cursor) {
        int i = cursor.advance();
        return symbiont.evaluate(contexts[i], actions[i]);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public void symbiontBatchThroughput(Cursor cursor, Blackhole bh) {
        int i = cursor.advance();
        bh.consume(symbiont.evaluate(contexts[i], actions[i]));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public boolean cedarSingleDecision(Cursor cursor) throws AuthException {
        return cedar(cursor.advance());
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public void cedarBatchThroughput(Cursor cursor, Blackhole bh) throws AuthException {
        bh.consume(cedar(cursor.advance()));
    }
}
