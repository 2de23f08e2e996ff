package dev.symbiont.audit.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * The primitive encodings of FORMAT.md into one growable buffer that is reset and reused, so that hashing an event
 * allocates nothing (the server chains tens of thousands of events per second; a verifier checks millions).
 */
final class ByteWriter {

    private static final int ABSENT = 0xFFFFFFFF;
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final int UUID_TEXT_LENGTH = 36;

    private byte[] buffer;
    private int length;

    ByteWriter(int initialCapacity) {
        buffer = new byte[initialCapacity];
    }

    ByteWriter reset() {
        length = 0;
        return this;
    }

    ByteWriter u32(int value) {
        ensure(4);
        putInt(length, value);
        length += 4;
        return this;
    }

    ByteWriter u64(long value) {
        ensure(8);
        putInt(length, (int) (value >>> 32));
        putInt(length + 4, (int) value);
        length += 8;
        return this;
    }

    ByteWriter time(Instant instant) {
        return u64(AuditEncoding.micros(instant));
    }

    ByteWriter uuid(UUID uuid) {
        return u64(uuid.getMostSignificantBits()).u64(uuid.getLeastSignificantBits());
    }

    ByteWriter hash(byte[] hash) {
        return bytes(Hashes.requireHash(hash, "hash"));
    }

    ByteWriter bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
        return this;
    }

    ByteWriter str(String s) {
        // at most 3 UTF-8 bytes per UTF-16 char (a surrogate pair is 2 chars -> 4 bytes)
        ensure(4L + 3L * s.length());
        int lengthAt = length;
        length += 4;
        int start = length;
        encodeUtf8(s);
        putInt(lengthAt, length - start);
        return this;
    }

    ByteWriter opt(String s) {
        return s == null ? u32(ABSENT) : str(s);
    }

    /** opt() of the UUID's canonical lowercase text, written without building the String. */
    ByteWriter optUuidText(UUID uuid) {
        if (uuid == null) {
            return u32(ABSENT);
        }
        u32(UUID_TEXT_LENGTH);
        ensure(UUID_TEXT_LENGTH);
        long msb = uuid.getMostSignificantBits();
        long lsb = uuid.getLeastSignificantBits();
        hexDigits(msb >>> 32, 8);
        buffer[length++] = '-';
        hexDigits(msb >>> 16, 4);
        buffer[length++] = '-';
        hexDigits(msb, 4);
        buffer[length++] = '-';
        hexDigits(lsb >>> 48, 4);
        buffer[length++] = '-';
        hexDigits(lsb, 12);
        return this;
    }

    void digestInto(MessageDigest digest) {
        digest.update(buffer, 0, length);
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    private void hexDigits(long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            buffer[length + i] = HEX_DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
        length += digits;
    }

    /** UTF-8 exactly as String.getBytes(UTF_8): an unpaired surrogate becomes '?'. Capacity is ensured by str(). */
    private void encodeUtf8(String s) {
        byte[] out = buffer;
        int at = length;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | (c >> 6));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                char low = i + 1 < n ? s.charAt(i + 1) : 0;
                if (Character.isHighSurrogate(c) && Character.isLowSurrogate(low)) {
                    int cp = Character.toCodePoint(c, low);
                    i++;
                    out[at++] = (byte) (0xF0 | (cp >> 18));
                    out[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                    out[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                    out[at++] = (byte) (0x80 | (cp & 0x3F));
                } else {
                    out[at++] = '?';
                }
            } else {
                out[at++] = (byte) (0xE0 | (c >> 12));
                out[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        length = at;
    }

    private void putInt(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    private void ensure(long extra) {
        long needed = length + extra;
        if (needed > buffer.length) {
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("encoding exceeds 2 GiB");
            }
            buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, 2L * buffer.length)));
        }
    }
}
