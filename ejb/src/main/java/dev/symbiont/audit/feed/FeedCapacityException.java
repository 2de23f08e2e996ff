package dev.symbiont.audit.feed;

import dev.symbiont.runtime.DomainException;

/** As many live feeds are open as configured; the client should retry later. */
public class FeedCapacityException extends DomainException {

    public FeedCapacityException(int max) {
        super("all " + max + " audit event streams are in use; retry later "
                + "(symbiont.audit.stream.max-clients raises the limit)");
    }
}
