package dev.symbiont.audit.format;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** FORMAT.md's primitives, built with ByteBuffer independently of the production writer. */
final class FormatBytes {
    private final ByteBuffer buffer = ByteBuffer.allocate(4096);

    FormatBytes u32(int v) {
        buffer.putInt(v);
        return this;
    }

    FormatBytes u64(long v) {
        buffer.putLong(v);
        return this;
    }

    FormatBytes str(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        buffer.putInt(utf8.length).put(utf8);
        return this;
    }

    FormatBytes raw(byte[] bytes) {
        buffer.put(bytes);
        return this;
    }

    byte[] toArray() {
        return Arrays.copyOf(buffer.array(), buffer.position());
    }
}
