package dev.symbiont.web.task;

import dev.symbiont.scheduler.TaskState;
import dev.symbiont.scheduler.queue.TaskTransition;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TaskTransition", description = "One state change of a task, as the database recorded it")
public record TaskTransitionResponse(int seq, @Schema(description = "Absent for the submission") String from,
                                     String to, Instant at, String nodeId, String reason) {

    public static TaskTransitionResponse of(TaskTransition t) {
        return new TaskTransitionResponse(t.seq(), t.from().map(TaskState::label).orElse(null), t.to().label(), t.at(),
                t.nodeId().orElse(null), t.reason().orElse(null));
    }
}
