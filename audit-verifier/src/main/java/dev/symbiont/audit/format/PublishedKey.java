package dev.symbiont.audit.format;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signing key as the server publishes it: the raw 32-byte Ed25519 public key and the window in which its
 * signatures count. The key id must be the one derived from the key, so a mislabelled key cannot be loaded.
 *
 * @param validTo nullable: still in use
 */
public record PublishedKey(String keyId, byte[] publicKey, Instant validFrom, Instant validTo) {

    public PublishedKey {
        Objects.requireNonNull(keyId, "keyId");
        if (publicKey == null || publicKey.length != Ed25519.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("public key " + keyId + " must be " + Ed25519.PUBLIC_KEY_LENGTH
                    + " bytes");
        }
        publicKey = publicKey.clone();
        String derived = Ed25519.keyId(publicKey);
        if (!derived.equals(keyId)) {
            throw new IllegalArgumentException("key_id " + keyId + " does not match its public key, whose id is "
                    + derived);
        }
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("key " + keyId + " has valid_to " + validTo + " before valid_from "
                    + validFrom);
        }
    }

    public static PublishedKey of(byte[] publicKey, Instant validFrom, Instant validTo) {
        return new PublishedKey(Ed25519.keyId(publicKey), publicKey, validFrom, validTo);
    }

    /** valid_from <= t and (no valid_to or t < valid_to). */
    public boolean validAt(Instant t) {
        return !t.isBefore(validFrom) && (validTo == null || t.isBefore(validTo));
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublishedKey k
                && keyId.equals(k.keyId)
                && Arrays.equals(publicKey, k.publicKey)
                && validFrom.equals(k.validFrom)
                && Objects.equals(validTo, k.validTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyId, validFrom, validTo);
    }

    @Override
    public String toString() {
        return "PublishedKey[keyId=" + keyId + ", publicKey=" + Hashes.hex(publicKey) + ", validFrom=" + validFrom
                + ", validTo=" + validTo + "]";
    }

    /** "from A until B" / "from A, no end", as messages describe a key's window. */
    public String validity() {
        return "from " + validFrom + (validTo == null ? ", no end" : " until " + validTo);
    }
}
