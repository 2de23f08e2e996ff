package dev.symbiont.audit;

import java.util.List;

/** One page of events in chain order; {@code nextAfterSeq} is null on the last page. */
public record AuditPage(List<AuditEvent> items, Long nextAfterSeq) {
}
