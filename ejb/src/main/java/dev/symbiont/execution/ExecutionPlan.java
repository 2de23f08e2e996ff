package dev.symbiont.execution;

import dev.symbiont.sandbox.ExecutionRequest;
import java.util.UUID;

/** An execution that policy allowed and that is recorded as running: what to hand which tier. */
public record ExecutionPlan(UUID agentId, ExecutionRequest request, TierPlacement placement) {

    public UUID executionId() {
        return request.executionId();
    }
}
