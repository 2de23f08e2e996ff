package dev.symbiont.security;

import dev.symbiont.runtime.DomainException;
import java.util.UUID;

public class ApiKeyNotFoundException extends DomainException {

    public ApiKeyNotFoundException(UUID id) {
        super("no API key with id " + id);
    }
}
