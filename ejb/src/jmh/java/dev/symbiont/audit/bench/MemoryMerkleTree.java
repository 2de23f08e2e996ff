package dev.symbiont.audit.bench;

import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Merkle;
import java.util.Arrays;
import java.util.List;

/**
 * Every aligned perfect subtree of a Merkle tree, level by level, in memory: what audit_merkle_node stores from level
 * 8 up, here from the leaves, so that proofs over a million leaves are built in microseconds. Other ranges are split
 * as RFC 9162 splits them.
 */
final class MemoryMerkleTree implements Merkle.SubtreeHashes {

    private static final int HASH = 32;

    private final long size;
    /** levels[l]: the hashes of the subtrees of 2^l leaves, back to back. */
    private final byte[][] levels;

    MemoryMerkleTree(List<ChainedEvent> events) {
        size = events.size();
        levels = new byte[64 - Long.numberOfLeadingZeros(Math.max(1, size))][];
        levels[0] = new byte[events.size() * HASH];
        for (int i = 0; i < events.size(); i++) {
            System.arraycopy(Merkle.leafHash(events.get(i).chainHash()), 0, levels[0], i * HASH, HASH);
        }
        for (int l = 1; l < levels.length; l++) {
            int count = levels[l - 1].length / HASH / 2;
            levels[l] = new byte[count * HASH];
            for (int i = 0; i < count; i++) {
                byte[] node = Merkle.nodeHash(node(l - 1, 2L * i), node(l - 1, 2L * i + 1));
                System.arraycopy(node, 0, levels[l], i * HASH, HASH);
            }
        }
    }

    byte[] root() {
        return hash(0, size);
    }

    long size() {
        return size;
    }

    @Override
    public byte[] hash(long start, long end) {
        long n = end - start;
        if (n <= 0) {
            return Merkle.emptyRoot();
        }
        int level = Long.numberOfTrailingZeros(n);
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return node(level, start >>> level);
        }
        long k = Long.highestOneBit(n - 1);
        return Merkle.nodeHash(hash(start, start + k), hash(start + k, end));
    }

    private byte[] node(int level, long index) {
        int from = Math.toIntExact(index * HASH);
        return Arrays.copyOfRange(levels[level], from, from + HASH);
    }
}
