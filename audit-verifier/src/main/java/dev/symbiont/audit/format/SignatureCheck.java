package dev.symbiont.audit.format;

/** Outcome of checking one signature against a key set. */
public enum SignatureCheck {
    OK,
    /** No published key has the statement's key_id. */
    UNKNOWN_KEY,
    /** The key exists but the signing time is outside its validity window. */
    KEY_NOT_VALID_AT_TIME,
    /** The signature does not verify under the key. */
    BAD_SIGNATURE;

    public boolean ok() {
        return this == OK;
    }
}
