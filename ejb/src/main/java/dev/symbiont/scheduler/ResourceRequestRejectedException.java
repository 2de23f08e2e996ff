package dev.symbiont.scheduler;

import dev.symbiont.runtime.DomainException;

/** A request this node can never place: larger than its capacity (or than the share its priority may use). */
public class ResourceRequestRejectedException extends DomainException {

    public ResourceRequestRejectedException(String message) {
        super(message);
    }
}
