package dev.symbiont.web.policy;

import dev.symbiont.agent.DataSensitivity;
import dev.symbiont.agent.SandboxTierPreference;
import dev.symbiont.policy.PolicyAction;
import dev.symbiont.policy.PolicyContext;
import dev.symbiont.web.problem.ApiExceptions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PolicyEvaluationRequest", description = "A question for the policy engine (a dry run: nothing is enforced)")
public record EvaluationRequest(
        @NotBlank @Schema(examples = "agent.create") String action,
        @Valid Subject subject,
        @Size(max = 1024) @Schema(examples = "agents/invoice-bot") String resource,
        @Size(max = 256) Map<@NotBlank @Size(max = 256) String, Object> attributes) {

    @Schema(name = "PolicySubject")
    public record Subject(@Size(max = 128) String agentId, @Size(max = 128) String agentName,
                          @Size(max = 64) Set<@NotBlank String> capabilities,
                          @Pattern(regexp = "admin|operator|auditor|runtime") String role,
                          @Pattern(regexp = "auto|tier1|tier2") String sandboxTier,
                          @Pattern(regexp = "public|internal|confidential|restricted") String dataSensitivity) {
    }

    PolicyAction policyAction() {
        return PolicyAction.fromDocumentName(action).orElseThrow(() -> new ApiExceptions.InvalidParameter("action",
                "unknown action '" + action + "'"));
    }

    PolicyContext context() {
        Subject s = subject == null ? new Subject(null, null, null, null, null, null) : subject;
        return new PolicyContext(s.agentId(), s.agentName(), s.capabilities(), s.role(),
                s.sandboxTier() == null ? null : SandboxTierPreference.valueOf(s.sandboxTier().toUpperCase()),
                s.dataSensitivity() == null ? null : DataSensitivity.valueOf(s.dataSensitivity().toUpperCase()),
                resource, attributes);
    }
}
