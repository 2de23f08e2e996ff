package dev.symbiont.audit.format;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Builds the tree incrementally while keeping only its right edge: the perfect subtrees of the binary decomposition
 * of size (at most 64 hashes). Appending costs one hash per completed subtree, amortized two; the root costs one
 * hash per subtree on the edge. Not thread-safe.
 */
public final class MerkleFrontier {

    private static final int MAX_SUBTREES = 64;

    /** Hashes of the perfect subtrees, largest (leftmost) first; as many as size has one bits. */
    private final byte[][] subtrees;
    private long size;
    private final Consumer<CompletedSubtree> listener;
    private final MessageDigest sha256 = Hashes.newSha256();

    /** An empty tree. */
    public MerkleFrontier() {
        this(null);
    }

    /** An empty tree that reports every completed subtree of two or more leaves to {@code listener}. */
    public MerkleFrontier(Consumer<CompletedSubtree> listener) {
        this(new byte[MAX_SUBTREES][], 0, listener);
    }

    private MerkleFrontier(byte[][] subtrees, long size, Consumer<CompletedSubtree> listener) {
        this.subtrees = subtrees;
        this.size = size;
        this.listener = listener;
    }

    /** The frontier of a tree of {@code size} leaves, from the hashes of its aligned perfect subtrees. */
    public static MerkleFrontier restore(long size, Merkle.SubtreeHashes tree) {
        return restore(size, tree, null);
    }

    public static MerkleFrontier restore(long size, Merkle.SubtreeHashes tree, Consumer<CompletedSubtree> listener) {
        if (size < 0) {
            throw new IllegalArgumentException("tree size must not be negative: " + size);
        }
        byte[][] subtrees = new byte[MAX_SUBTREES][];
        int count = 0;
        long start = 0;
        for (int level = Long.SIZE - 2; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                subtrees[count++] = Hashes.requireHash(tree.hash(start, start + width),
                        "hash of leaves [" + start + ", " + (start + width) + ")");
                start += width;
            }
        }
        return new MerkleFrontier(subtrees, size, listener);
    }

    /** Appends the next leaf, given as its leaf hash (Merkle.leafHash of the chain hash). */
    public void append(byte[] leafHash) {
        Hashes.requireHash(leafHash, "leaf hash");
        int count = Long.bitCount(size);
        long newSize = size + 1;
        byte[] hash = leafHash;
        int level = 0;
        // each trailing one bit of size is a subtree the new leaf completes into one twice as large
        for (long s = size; (s & 1) == 1; s >>>= 1) {
            hash = Merkle.nodeHash(sha256, subtrees[--count], hash);
            level++;
            if (listener != null) {
                listener.accept(new CompletedSubtree(level, (newSize >>> level) - 1, hash));
            }
        }
        subtrees[count] = hash;
        size = newSize;
    }

    /** Appends the event whose chain hash is {@code chainHash}. */
    public void appendChainHash(byte[] chainHash) {
        append(Merkle.leafHash(sha256, Hashes.requireHash(chainHash, "chain_hash")));
    }

    public long size() {
        return size;
    }

    /** MTH of all leaves appended: the edge's subtrees folded from the right. */
    public byte[] root() {
        int count = Long.bitCount(size);
        if (count == 0) {
            return Merkle.emptyRoot();
        }
        byte[] root = subtrees[count - 1].clone();
        for (int i = count - 2; i >= 0; i--) {
            root = Merkle.nodeHash(sha256, subtrees[i], root);
        }
        return root;
    }

    /** An independent frontier with the same leaves and listener. */
    public MerkleFrontier copy() {
        return copy(listener);
    }

    /** An independent frontier with the same leaves, reporting to {@code newListener} (null: to no one). */
    public MerkleFrontier copy(Consumer<CompletedSubtree> newListener) {
        return new MerkleFrontier(Arrays.copyOf(subtrees, MAX_SUBTREES), size, newListener);
    }
}
