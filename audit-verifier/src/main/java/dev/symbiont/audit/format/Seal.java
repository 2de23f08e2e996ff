package dev.symbiont.audit.format;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * An Ed25519 signature over the chain hash of {@code lastSeq}, covering the batch [firstSeq, lastSeq]. Arrays are not
 * copied; treat them as immutable. The signature may have any length here: a wrong one fails verification.
 */
public record Seal(long firstSeq, long lastSeq, byte[] chainHash, Instant sealedAt, String keyId, byte[] signature) {

    public Seal {
        if (firstSeq < 0 || lastSeq < firstSeq) {
            throw new IllegalArgumentException("seal range [" + firstSeq + ".." + lastSeq + "] is not a range of seqs");
        }
        Hashes.requireHash(chainHash, "chain_hash");
        AuditEncoding.micros(Objects.requireNonNull(sealedAt, "sealedAt"));
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(signature, "signature");
    }

    /** Seals [firstSeq, lastSeq] whose last event has {@code chainHash}, signed now by {@code signer}. */
    public static Seal sign(long firstSeq, long lastSeq, byte[] chainHash, Instant sealedAt, Ed25519.Signer signer) {
        Seal unsigned = new Seal(firstSeq, lastSeq, chainHash, sealedAt, signer.keyId(), new byte[0]);
        return new Seal(firstSeq, lastSeq, chainHash, sealedAt, signer.keyId(), signer.sign(unsigned.statement()));
    }

    /** The signed bytes: seal_statement of FORMAT.md. */
    public byte[] statement() {
        return AuditEncoding.sealStatement(this);
    }

    /** "[first..last]", as messages name a seal. */
    public String range() {
        return "[" + firstSeq + ".." + lastSeq + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Seal s
                && firstSeq == s.firstSeq
                && lastSeq == s.lastSeq
                && Arrays.equals(chainHash, s.chainHash)
                && sealedAt.equals(s.sealedAt)
                && keyId.equals(s.keyId)
                && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstSeq, lastSeq, sealedAt, keyId) * 31 + Arrays.hashCode(chainHash);
    }

    @Override
    public String toString() {
        return "Seal[" + firstSeq + ".." + lastSeq + ", chainHash=" + Hashes.hex(chainHash) + ", sealedAt=" + sealedAt
                + ", keyId=" + keyId + ", signature=" + Hashes.hex(signature) + "]";
    }
}
