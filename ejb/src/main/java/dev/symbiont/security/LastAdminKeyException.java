package dev.symbiont.security;

import dev.symbiont.runtime.DomainException;
/** Revoking this key would leave no active admin key, and nobody could manage keys any more. */
public class LastAdminKeyException extends DomainException {

    public LastAdminKeyException(String keyId) {
        super("API key " + keyId + " is the last active admin key; create another admin key before revoking it");
    }
}
