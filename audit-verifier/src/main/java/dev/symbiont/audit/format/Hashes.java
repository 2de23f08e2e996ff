package dev.symbiont.audit.format;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and the lowercase hex the formats use for hashes. */
public final class Hashes {

    /** Length of a SHA-256 hash, and so of every hash in the formats. */
    public static final int LENGTH = 32;

    private static final HexFormat HEX = HexFormat.of();
    private static final int PREFIX_BYTES = 8;

    private Hashes() {
    }

    /** H(parts[0] || parts[1] || ...). */
    public static byte[] sha256(byte[]... parts) {
        MessageDigest digest = newSha256();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /**
     * A fresh SHA-256 digest. A MessageDigest is not thread-safe: hot paths keep one per thread of work (a verifier
     * run, a frontier) instead of a ThreadLocal, which would pin this class loader in a server's pooled threads.
     */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    /** Completes {@code digest} into {@code out[0..32)} without allocating. */
    static void finish(MessageDigest digest, byte[] out) {
        try {
            digest.digest(out, 0, LENGTH);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 output does not fit 32 bytes", e);
        }
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Parses hex (either case); IllegalArgumentException when it is not hex. */
    public static byte[] fromHex(String hex) {
        return HEX.parseHex(hex);
    }

    /** Parses a 32-byte hash in hex; IllegalArgumentException otherwise. */
    public static byte[] hashFromHex(String hex) {
        return requireHash(fromHex(hex), "hash");
    }

    /** The first 8 bytes in hex followed by an ellipsis: enough to tell hashes apart in a message. */
    public static String prefix(byte[] hash) {
        if (hash == null) {
            return "(none)";
        }
        return hash.length <= PREFIX_BYTES ? hex(hash) : HEX.formatHex(hash, 0, PREFIX_BYTES) + "…";
    }

    static byte[] requireHash(byte[] hash, String what) {
        if (hash == null || hash.length != LENGTH) {
            throw new IllegalArgumentException(what + " must be " + LENGTH + " bytes, was "
                    + (hash == null ? "null" : hash.length + " bytes"));
        }
        return hash;
    }
}
