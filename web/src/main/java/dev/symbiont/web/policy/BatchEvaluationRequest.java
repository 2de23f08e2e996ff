package dev.symbiont.web.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PolicyBatchEvaluationRequest")
public record BatchEvaluationRequest(@NotNull @NotEmpty @Size(max = 1000) List<@NotNull @Valid EvaluationRequest> requests) {
}
