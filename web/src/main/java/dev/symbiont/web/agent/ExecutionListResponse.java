package dev.symbiont.web.agent;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ExecutionList", description = "An agent's executions, oldest first")
public record ExecutionListResponse(List<ExecutionResponse> items,
                                    @Schema(description = "Pass as ?after= for the next page; absent on the last page")
                                    UUID nextAfter) {
}
