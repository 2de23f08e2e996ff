package dev.symbiont.web.audit;

import dev.symbiont.audit.format.PublishedKey;
import java.time.Instant;
import java.util.Base64;

/** A published audit signing key (the format the offline verifier reads: audit-verifier/FORMAT.md). */
public record SigningKeyResponse(String keyId, String algorithm, String publicKey, Instant validFrom,
                                 Instant validTo) {

    public static SigningKeyResponse of(PublishedKey key) {
        return new SigningKeyResponse(key.keyId(), "Ed25519", Base64.getEncoder().encodeToString(key.publicKey()),
                key.validFrom(), key.validTo());
    }
}
