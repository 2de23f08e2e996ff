package dev.symbiont.web.agent;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AgentList", description = "One page of agents, oldest first")
public record AgentListResponse(List<AgentResponse> items,
                                @Schema(description = "Pass as ?cursor= for the next page; absent on the last page")
                                String nextCursor) {
}
