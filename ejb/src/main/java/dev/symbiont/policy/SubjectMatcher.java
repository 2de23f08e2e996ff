package dev.symbiont.policy;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which subjects a rule is about. Every non-empty criterion must hold (AND); within a criterion any listed value
 * will do (OR). An empty criterion does not constrain. A criterion on a field the context does not know fails.
 */
public record SubjectMatcher(Set<String> agentIds, List<NamePattern> agentNames, Set<String> capabilities,
                             Set<String> roles, Set<SandboxTierPreference> sandboxTiers,
                             Set<DataSensitivity> dataSensitivities) {

    public static final SubjectMatcher ANY = new SubjectMatcher(Set.of(), List.of(), Set.of(), Set.of(),
            EnumSet.noneOf(SandboxTierPreference.class), EnumSet.noneOf(DataSensitivity.class));

    public SubjectMatcher {
        agentIds = Set.copyOf(agentIds);
        agentNames = List.copyOf(agentNames);
        capabilities = Set.copyOf(capabilities);
        roles = Set.copyOf(roles);
        sandboxTiers = sandboxTiers.isEmpty() ? EnumSet.noneOf(SandboxTierPreference.class) : EnumSet.copyOf(sandboxTiers);
        dataSensitivities = dataSensitivities.isEmpty() ? EnumSet.noneOf(DataSensitivity.class)
                : EnumSet.copyOf(dataSensitivities);
    }

    public boolean matches(PolicyContext c) {
        return mismatch(c) == MATCH;
    }

    /** Why the subject does not match, naming the criterion; null when it matches. For explanations only. */
    public String firstMismatch(PolicyContext c) {
        return switch (mismatch(c)) {
            case AGENT_ID -> "subject.agent_ids does not contain " + c.agentId();
            case AGENT_NAME -> "subject.agent_names " + agentNames + " does not match " + c.agentName();
            case CAPABILITY -> "subject.capabilities " + capabilities + " has none of " + c.capabilities();
            case ROLE -> "subject.roles " + roles + " does not contain " + c.role();
            case TIER -> "subject.sandbox_tiers " + sandboxTiers + " does not contain " + c.sandboxTier();
            case SENSITIVITY -> "subject.data_sensitivity " + dataSensitivities + " does not contain "
                    + c.dataSensitivity();
            default -> null;
        };
    }

    private static final int MATCH = 0;
    private static final int AGENT_ID = 1;
    private static final int AGENT_NAME = 2;
    private static final int CAPABILITY = 3;
    private static final int ROLE = 4;
    private static final int TIER = 5;
    private static final int SENSITIVITY = 6;

    /** The first criterion that fails, or MATCH; allocation-free, it runs on every decision. */
    private int mismatch(PolicyContext c) {
        if (!agentIds.isEmpty() && (c.agentId() == null || !agentIds.contains(c.agentId()))) {
            return AGENT_ID;
        }
        if (!agentNames.isEmpty() && !anyNameMatches(c.agentName())) {
            return AGENT_NAME;
        }
        if (!capabilities.isEmpty() && !anyCapability(c.capabilities())) {
            return CAPABILITY;
        }
        if (!roles.isEmpty() && (c.role() == null || !roles.contains(c.role()))) {
            return ROLE;
        }
        if (!sandboxTiers.isEmpty() && (c.sandboxTier() == null || !sandboxTiers.contains(c.sandboxTier()))) {
            return TIER;
        }
        if (!dataSensitivities.isEmpty()
                && (c.dataSensitivity() == null || !dataSensitivities.contains(c.dataSensitivity()))) {
            return SENSITIVITY;
        }
        return MATCH;
    }

    private boolean anyNameMatches(String name) {
        for (int i = 0; i < agentNames.size(); i++) {
            if (agentNames.get(i).matches(name)) {
                return true;
            }
        }
        return false;
    }

    private boolean anyCapability(Set<String> has) {
        if (has.isEmpty()) {
            return false;
        }
        for (String capability : capabilities) {
            if (has.contains(capability)) {
                return true;
            }
        }
        return false;
    }
}
