package dev.symbiont.web.task;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskList", description = "An agent's tasks, newest first")
public record TaskListResponse(List<TaskResponse> items,
                               @Schema(description = "Pass as ?after= for the next page; absent on the last page")
                               UUID nextAfter) {
}
