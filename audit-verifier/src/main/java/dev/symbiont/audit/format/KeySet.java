package dev.symbiont.audit.format;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/** The published keys, immutable, each decoded once for the many signatures a verification checks. */
public final class KeySet {

    private record Entry(PublishedKey key, Ed25519PublicKeyParameters decoded) {
    }

    private final Map<String, Entry> byId;

    private KeySet(Map<String, Entry> byId) {
        this.byId = byId;
    }

    /** IllegalArgumentException when two keys share an id or a key is not an Ed25519 point. */
    public static KeySet of(List<PublishedKey> keys) {
        Map<String, Entry> byId = new LinkedHashMap<>();
        for (PublishedKey key : keys) {
            Ed25519PublicKeyParameters decoded;
            try {
                decoded = Ed25519.publicKey(key.publicKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("public key " + key.keyId() + " is not a valid Ed25519 key", e);
            }
            if (byId.putIfAbsent(key.keyId(), new Entry(key, decoded)) != null) {
                throw new IllegalArgumentException("key " + key.keyId() + " is listed twice");
            }
        }
        return new KeySet(byId);
    }

    public static KeySet of(PublishedKey... keys) {
        return of(List.of(keys));
    }

    public Optional<PublishedKey> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId)).map(Entry::key);
    }

    public List<PublishedKey> keys() {
        return byId.values().stream().map(Entry::key).toList();
    }

    /** Checks a signature made by {@code keyId} at {@code signedAt} over {@code statement}. */
    public SignatureCheck check(String keyId, Instant signedAt, byte[] statement, byte[] signature) {
        Entry entry = byId.get(keyId);
        if (entry == null) {
            return SignatureCheck.UNKNOWN_KEY;
        }
        if (!entry.key().validAt(signedAt)) {
            return SignatureCheck.KEY_NOT_VALID_AT_TIME;
        }
        return Ed25519.verify(entry.decoded(), statement, signature) ? SignatureCheck.OK : SignatureCheck.BAD_SIGNATURE;
    }

    /** A sentence explaining a failed check, for reports: "signed by unknown key 3f9a0c1d2e4b5a69", ... */
    public String explain(SignatureCheck check, String keyId, Instant signedAt) {
        return switch (check) {
            case OK -> "signature valid under key " + keyId;
            case UNKNOWN_KEY -> "signed by key " + keyId + ", which is not a published key";
            case KEY_NOT_VALID_AT_TIME -> "signed at " + signedAt + " by key " + keyId + ", which is valid only "
                    + byId.get(keyId).key().validity();
            case BAD_SIGNATURE -> "signature does not verify under key " + keyId;
        };
    }
}
