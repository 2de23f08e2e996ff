package dev.symbiont.policy.bench;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import dev.symbiont.policy.AttributeCondition;
import dev.symbiont.policy.Effect;
import dev.symbiont.policy.NamePattern;
import dev.symbiont.policy.Policy;
import dev.symbiont.policy.PolicyAction;
import dev.symbiont.policy.PolicyContext;
import dev.symbiont.policy.PolicyRule;
import dev.symbiont.policy.SubjectMatcher;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One rule set written twice, as Symbiont rules and as Cedar policies with the same meaning, and requests to ask
 * both. 70% of rules name one agent, the rest apply to every agent with sensitivity and role constraints; 10% are
 * denies; 30% test the requested memory. Allow/deny only: Cedar has no obligations (allow_with_conditions).
 */
final class PolicyWorkload {

    static final int AGENTS = 250;
    private static final String[] ROLES = {"admin", "operator", "auditor"};

    final List<PolicyRule> rules = new ArrayList<>();
    final StringBuilder cedar = new StringBuilder();
    final PolicyContext[] contexts;
    final PolicyAction[] actions;

    PolicyWorkload(int ruleCount, int requestCount, long seed) {
        Random random = new Random(seed);
        PolicyAction[] allActions = PolicyAction.values();
        for (int i = 0; i < ruleCount; i++) {
            boolean deny = random.nextInt(10) == 0;
            PolicyAction action = allActions[random.nextInt(allActions.length)];
            boolean named = random.nextInt(10) < 7;
            String agent = "agent-" + random.nextInt(200);
            DataSensitivity sensitivity = named ? null : DataSensitivity.values()[random.nextInt(4)];
            String role = named ? null : ROLES[random.nextInt(ROLES.length)];
            Integer memoryAbove = random.nextInt(10) < 3 ? random.nextInt(4096) : null;
            rules.add(new PolicyRule("r" + i, null, deny ? Effect.DENY : Effect.ALLOW, EnumSet.of(action),
                    new SubjectMatcher(Set.of(), named ? List.of(NamePattern.of(agent)) : List.of(), Set.of(),
                            role == null ? Set.of() : Set.of(role), EnumSet.noneOf(SandboxTierPreference.class),
                            sensitivity == null ? EnumSet.noneOf(DataSensitivity.class) : EnumSet.of(sensitivity)),
                    List.of(), memoryAbove == null ? List.of() : List.of(new AttributeCondition(
                            "resource_limits.memory_mb", AttributeCondition.Operator.GT, (double) memoryAbove)),
                    List.of(), null));
            cedar.append(deny ? "forbid(" : "permit(")
                    .append(named ? "principal == Agent::\"" + agent + "\"" : "principal")
                    .append(", action == Action::\"").append(action.documentName()).append("\", resource)");
            List<String> when = new ArrayList<>();
            if (sensitivity != null) {
                when.add("context.sensitivity == \"" + sensitivity.name().toLowerCase() + "\"");
            }
            if (role != null) {
                when.add("context.role == \"" + role + "\"");
            }
            if (memoryAbove != null) {
                when.add("context.memory_mb > " + memoryAbove);
            }
            if (!when.isEmpty()) {
                cedar.append(" when { ").append(String.join(" && ", when)).append(" }");
            }
            cedar.append(";\n");
        }
        contexts = new PolicyContext[requestCount];
        actions = new PolicyAction[requestCount];
        for (int i = 0; i < requestCount; i++) {
            String agent = "agent-" + random.nextInt(AGENTS);
            contexts[i] = new PolicyContext(null, agent, Set.of(), ROLES[random.nextInt(ROLES.length)],
                    SandboxTierPreference.AUTO, DataSensitivity.values()[random.nextInt(4)], "agents/" + agent,
                    Map.of("resource_limits.memory_mb", random.nextInt(4096)));
            actions[i] = allActions[random.nextInt(allActions.length)];
        }
    }

    Policy policy() {
        return new Policy("bench", null, rules);
    }
}
