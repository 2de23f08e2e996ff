package dev.symbiont.security;

/** The authenticated caller of a request: an API key, by its public id and name. */
public record Caller(String keyId, String name, Role role) {

    /** How the caller appears in history and audit records. */
    public String actor() {
        return "apikey:" + name + "(" + keyId + ")";
    }
}
