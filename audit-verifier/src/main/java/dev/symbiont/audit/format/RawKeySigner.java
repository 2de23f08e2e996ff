package dev.symbiont.audit.format;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/** Signs with a raw 32-byte Ed25519 private key. Thread-safe: each signature uses its own BouncyCastle signer. */
public final class RawKeySigner implements Ed25519.Signer {

    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;
    private final String keyId;

    public RawKeySigner(byte[] rawPrivateKey) {
        privateKey = Ed25519.privateKey(rawPrivateKey);
        publicKey = privateKey.generatePublicKey().getEncoded();
        keyId = Ed25519.keyId(publicKey);
    }

    /** A signer with a new random key (tests, first start of a key store). */
    public static RawKeySigner generate(SecureRandom random) {
        return new RawKeySigner(Ed25519.generatePrivateKey(random));
    }

    @Override
    public String keyId() {
        return keyId;
    }

    @Override
    public byte[] sign(byte[] message) {
        return Ed25519.sign(privateKey, message);
    }

    /** The raw public key to publish. */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    @Override
    public String toString() {
        return "RawKeySigner[keyId=" + keyId + "]";
    }
}
