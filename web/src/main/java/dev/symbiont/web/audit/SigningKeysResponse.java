package dev.symbiont.web.audit;

import java.util.List;

/** Every audit signing key, with its validity; save it as keys.json for the offline verifier. */
public record SigningKeysResponse(List<SigningKeyResponse> keys) {
}
