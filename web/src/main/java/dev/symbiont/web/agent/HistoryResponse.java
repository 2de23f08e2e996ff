package dev.symbiont.web.agent;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgentHistory", description = "An agent's history, oldest first")
public record HistoryResponse(List<HistoryEntryResponse> items,
                              @Schema(description = "Pass as ?after= for the next page; absent on the last page")
                              Long nextAfter) {
}
