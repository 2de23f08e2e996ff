package dev.symbiont.security;

/** A newly created key together with its token: the only moment the token is available. */
public record IssuedApiKey(ApiKey key, ApiKeyToken token) {
}
