package dev.symbiont.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What a process wrote to one stream: the first bytes up to the cap, and how many it wrote in all.
 *
 * @param bytes      the kept prefix
 * @param totalBytes everything the process wrote, kept or not
 */
public record CapturedOutput(byte[] bytes, long totalBytes) {

    public CapturedOutput {
        bytes = bytes.clone();
        if (totalBytes < bytes.length) {
            throw new IllegalArgumentException("total " + totalBytes + " below kept " + bytes.length);
        }
    }

    public static CapturedOutput empty() {
        return new CapturedOutput(new byte[0], 0);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Whether the process wrote more than was kept. */
    public boolean truncated() {
        return totalBytes > bytes.length;
    }

    /** The kept bytes as UTF-8; a character cut by the cap becomes a replacement character. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CapturedOutput c && totalBytes == c.totalBytes && Arrays.equals(bytes, c.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bytes) + Long.hashCode(totalBytes);
    }

    @Override
    public String toString() {
        return "CapturedOutput[" + bytes.length + " of " + totalBytes + " bytes]";
    }
}
