package dev.symbiont.web.policy;

import dev.symbiont.policy.PolicyCondition;
import dev.symbiont.policy.PolicyDecision;
import dev.symbiont.policy.engine.Explanation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PolicyEvaluation", description = "The decision, and (single evaluations) every candidate rule and why")
public record EvaluationResponse(
        @Schema(enumeration = {"allow", "deny", "allow_with_conditions"}) String decision,
        @Schema(description = "Why the action is denied") String reason,
        @Schema(description = "policy/rule that denied it; absent for the default deny") String rule,
        @Schema(description = "Obligations the enforcement point must honour") List<Map<String, Object>> conditions,
        List<RuleEvaluation> evaluatedRules) {

    @Schema(name = "PolicyRuleEvaluation")
    public record RuleEvaluation(String policy, String rule, String effect, boolean matched, String why) {
    }

    static EvaluationResponse of(PolicyDecision decision, Explanation explanation) {
        List<RuleEvaluation> rules = explanation == null ? null : explanation.rules().stream()
                .map(r -> new RuleEvaluation(r.policyId(), r.ruleId(), r.effect().documentName(), r.matched(), r.why()))
                .toList();
        return switch (decision) {
            case PolicyDecision.Allow a -> new EvaluationResponse("allow", null, null, null, rules);
            case PolicyDecision.Deny d -> new EvaluationResponse("deny", d.reason(), d.ruleId(), null, rules);
            case PolicyDecision.AllowWithConditions c -> new EvaluationResponse("allow_with_conditions", null, null,
                    c.conditions().stream().map(EvaluationResponse::condition).toList(), rules);
        };
    }

    /** A condition in the same shape as in policy documents. */
    static Map<String, Object> condition(PolicyCondition c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", c.type());
        switch (c) {
            case PolicyCondition.MaxMemoryMb m -> json.put("value", m.value());
            case PolicyCondition.MaxCpuCores m -> json.put("value", m.value());
            case PolicyCondition.MinimumSandboxTier t -> json.put("value", t.tier().name().toLowerCase());
            case PolicyCondition.RateLimit r -> json.put("value", r.perMinute());
            case PolicyCondition.RedactFields f -> json.put("fields", f.fields().stream().sorted().toList());
            case PolicyCondition.AuditLevel l -> json.put("value", l.level().name().toLowerCase());
            case PolicyCondition.RequireApproval a -> json.put("role", a.role());
        }
        return json;
    }
}
