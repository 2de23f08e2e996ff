package dev.symbiont.runtime;

import java.security.SecureRandom;
import java.util.UUID;

/** Identifier generation. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /**
     * A version 7 UUID (RFC 9562): millisecond time first, then randomness. Ids of rows created together sit
     * together in the primary key index, and they sort roughly by creation time.
     */
    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextLong();
        long randB = RANDOM.nextLong();
        long msb = (millis << 16) | 0x7000L | (randA & 0x0FFFL);
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
