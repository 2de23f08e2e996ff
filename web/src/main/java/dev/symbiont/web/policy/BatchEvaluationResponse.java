package dev.symbiont.web.policy;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PolicyBatchEvaluation", description = "One decision per request, in request order")
public record BatchEvaluationResponse(List<EvaluationResponse> results) {
}
