package dev.symbiont.web.audit;

import java.util.List;

/** Checkpoints oldest first; pass {@code next_after} as {@code after} for the next page (absent on the last). */
public record CheckpointPageResponse(List<CheckpointResponse> items, Long nextAfter) {
}
