package dev.symbiont.scheduler;

import dev.symbiont.runtime.DomainException;

/** A request this node can never place: larger than its whole capacity (or than its critical headroom allows). */
public class ResourceRequestRejectedException extends DomainException {

    public ResourceRequestRejectedException(String message) {
        super(message);
    }
}
