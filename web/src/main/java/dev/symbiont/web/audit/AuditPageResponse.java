package dev.symbiont.web.audit;

import java.util.List;

/** A page of events; pass {@code next_after} as {@code after} for the next page (absent on the last). */
public record AuditPageResponse(List<AuditEventResponse> items, Long nextAfter) {
}
