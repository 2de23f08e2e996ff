package dev.symbiont.audit.format;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * Pure Ed25519 (RFC 8032) on raw 32-byte keys, through BouncyCastle's lightweight API: here it is about twenty times
 * faster than the JDK provider, and it needs no key encodings.
 */
public final class Ed25519 {

    public static final int PUBLIC_KEY_LENGTH = Ed25519PublicKeyParameters.KEY_SIZE;
    public static final int PRIVATE_KEY_LENGTH = Ed25519PrivateKeyParameters.KEY_SIZE;
    public static final int SIGNATURE_LENGTH = Ed25519PrivateKeyParameters.SIGNATURE_SIZE;

    private static final int KEY_ID_BYTES = 8;

    /** Whoever signs seals, checkpoints and manifests: the server's key store, or a raw key. */
    public interface Signer {

        /** key_id of the public key that verifies this signer's signatures. */
        String keyId();

        /** The 64-byte Ed25519 signature of {@code message}. */
        byte[] sign(byte[] message);
    }

    private Ed25519() {
    }

    /** key_id: lowercase hex of the first 8 bytes of H(public_key). */
    public static String keyId(byte[] rawPublicKey) {
        if (rawPublicKey == null || rawPublicKey.length != PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 public key is " + PUBLIC_KEY_LENGTH + " bytes");
        }
        return Hashes.hex(Arrays.copyOf(Hashes.sha256(rawPublicKey), KEY_ID_BYTES));
    }

    /** Whether {@code signature} is a valid signature of {@code message}; false for malformed keys or signatures. */
    public static boolean verify(byte[] rawPublicKey, byte[] message, byte[] signature) {
        if (rawPublicKey == null || rawPublicKey.length != PUBLIC_KEY_LENGTH) {
            return false;
        }
        Ed25519PublicKeyParameters key;
        try {
            key = publicKey(rawPublicKey);
        } catch (IllegalArgumentException notAPoint) {
            return false;
        }
        return verify(key, message, signature);
    }

    /** 32 random bytes: a new private key. */
    public static byte[] generatePrivateKey(SecureRandom random) {
        return new Ed25519PrivateKeyParameters(random).getEncoded();
    }

    public static byte[] publicKeyOf(byte[] rawPrivateKey) {
        return privateKey(rawPrivateKey).generatePublicKey().getEncoded();
    }

    /** Decodes once so a key set can verify many signatures without decoding the point each time. */
    static Ed25519PublicKeyParameters publicKey(byte[] rawPublicKey) {
        return new Ed25519PublicKeyParameters(rawPublicKey, 0);
    }

    static Ed25519PrivateKeyParameters privateKey(byte[] rawPrivateKey) {
        if (rawPrivateKey == null || rawPrivateKey.length != PRIVATE_KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 private key is " + PRIVATE_KEY_LENGTH + " bytes");
        }
        return new Ed25519PrivateKeyParameters(rawPrivateKey, 0);
    }

    static boolean verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
        if (message == null || signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, key);
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    static byte[] sign(Ed25519PrivateKeyParameters key, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }
}
