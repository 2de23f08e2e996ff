package dev.symbiont.audit.format;

import java.util.Arrays;

/**
 * An aligned perfect subtree that has just been completed: leaves [index * 2^level, (index + 1) * 2^level).
 * Its hash never changes again, so a store can keep it to answer proofs.
 */
public record CompletedSubtree(int level, long index, byte[] hash) {

    public long start() {
        return index << level;
    }

    public long end() {
        return (index + 1) << level;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompletedSubtree s && level == s.level && index == s.index
                && Arrays.equals(hash, s.hash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(index) * 31 + level;
    }

    @Override
    public String toString() {
        return "CompletedSubtree[level=" + level + ", index=" + index + ", hash=" + Hashes.hex(hash) + "]";
    }
}
