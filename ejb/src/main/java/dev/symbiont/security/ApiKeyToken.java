package dev.symbiont.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The bearer token of an API key: {@code sym_<key id>_<secret>}. The key id (12 lower-case base32 characters) is
 * public and finds the stored key without any hashing; the secret (32 random bytes, base64url) is what the slow
 * hash protects. Malformed tokens are rejected before any database or hashing work.
 */
public final class ApiKeyToken {

    private static final Pattern FORMAT = Pattern.compile("sym_([a-z2-7]{12})_([A-Za-z0-9_-]{43})");
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String keyId;
    private final String secret;

    private ApiKeyToken(String keyId, String secret) {
        this.keyId = keyId;
        this.secret = secret;
    }

    public static ApiKeyToken generate() {
        var id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(BASE32[RANDOM.nextInt(BASE32.length)]);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new ApiKeyToken(id.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    public static Optional<ApiKeyToken> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = FORMAT.matcher(text.strip());
        return m.matches() ? Optional.of(new ApiKeyToken(m.group(1), m.group(2))) : Optional.empty();
    }

    public String keyId() {
        return keyId;
    }

    /** The secret part, the only input of the slow hash. */
    String secret() {
        return secret;
    }

    /** The full token, to hand to its owner once. */
    public String reveal() {
        return "sym_" + keyId + "_" + secret;
    }

    @Override
    public String toString() {
        return "sym_" + keyId + "_***";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKeyToken t && keyId.equals(t.keyId) && secret.equals(t.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, secret);
    }
}
