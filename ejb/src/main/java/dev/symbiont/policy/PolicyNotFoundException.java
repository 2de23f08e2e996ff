package dev.symbiont.policy;

import dev.symbiont.runtime.DomainException;

public class PolicyNotFoundException extends DomainException {

    public PolicyNotFoundException(String id) {
        super("no policy with id '" + id + "'");
    }
}
