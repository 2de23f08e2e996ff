package dev.symbiont.policy;

import dev.symbiont.runtime.DomainException;

/** Policy said no, or said yes on conditions this enforcement point cannot honour (fail closed). */
public class PolicyDeniedException extends DomainException {

    private final String ruleId;

    public PolicyDeniedException(PolicyAction action, String reason, String ruleId) {
        super(action.documentName() + " denied by policy: " + reason
                + (ruleId == null ? " (no rule allows it; default deny)" : " (rule " + ruleId + ")"));
        this.ruleId = ruleId;
    }

    /** policy/rule that denied, or null for the default deny or an unhonoured condition. */
    public String ruleId() {
        return ruleId;
    }
}
