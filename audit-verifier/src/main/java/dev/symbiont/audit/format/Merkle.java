package dev.symbiont.audit.format;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Merkle tree of RFC 9162 section 2.1 over the events' chain hashes: hashing, inclusion and consistency proofs.
 * Proofs are built from MTH(D[a:b]) of exactly the ranges the RFC's recursion names, asked of the caller, who answers
 * each from a few stored perfect subtrees instead of rehashing leaves.
 */
public final class Merkle {

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final byte[] EMPTY_ROOT = Hashes.sha256();

    /** MTH of the leaves [start, end): supplied by whoever holds the tree. */
    @FunctionalInterface
    public interface SubtreeHashes {
        byte[] hash(long start, long end);
    }

    private Merkle() {
    }

    /** H(0x00 || leaf): the leaf input is an event's chain hash (any bytes in RFC 9162). */
    public static byte[] leafHash(byte[] leaf) {
        return leafHash(Hashes.newSha256(), leaf);
    }

    /** H(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        return nodeHash(Hashes.newSha256(), left, right);
    }

    /** MTH({}) = H(""). */
    public static byte[] emptyRoot() {
        return EMPTY_ROOT.clone();
    }

    static byte[] leafHash(MessageDigest sha256, byte[] leaf) {
        sha256.update(LEAF_PREFIX);
        sha256.update(leaf);
        return sha256.digest();
    }

    static byte[] nodeHash(MessageDigest sha256, byte[] left, byte[] right) {
        sha256.update(NODE_PREFIX);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** PATH(index, D[treeSize]) of RFC 9162 2.1.3.1, bottom-up. */
    public static List<byte[]> inclusionProof(long index, long treeSize, SubtreeHashes tree) {
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + treeSize);
        }
        List<byte[]> path = new ArrayList<>();
        addPath(index, 0, treeSize, tree, path);
        return path;
    }

    private static void addPath(long m, long start, long end, SubtreeHashes tree, List<byte[]> path) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = splitPoint(n);
        if (m < k) {
            addPath(m, start, start + k, tree, path);
            path.add(tree.hash(start + k, end));
        } else {
            addPath(m - k, start + k, end, tree, path);
            path.add(tree.hash(start, start + k));
        }
    }

    /** PROOF(oldSize, D[newSize]) of RFC 9162 2.1.4.1; empty when oldSize is 0 or equals newSize. */
    public static List<byte[]> consistencyProof(long oldSize, long newSize, SubtreeHashes tree) {
        if (oldSize < 0 || newSize < oldSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to " + newSize);
        }
        List<byte[]> proof = new ArrayList<>();
        if (oldSize > 0 && oldSize < newSize) {
            addSubproof(oldSize, 0, newSize, true, tree, proof);
        }
        return proof;
    }

    private static void addSubproof(long m, long start, long end, boolean complete, SubtreeHashes tree,
                                    List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!complete) {
                proof.add(tree.hash(start, end));
            }
            return;
        }
        long k = splitPoint(n);
        if (m <= k) {
            addSubproof(m, start, start + k, complete, tree, proof);
            proof.add(tree.hash(start + k, end));
        } else {
            addSubproof(m - k, start + k, end, false, tree, proof);
            proof.add(tree.hash(start, start + k));
        }
    }

    /** RFC 9162 2.1.3.2. False (never an exception) for any malformed input. */
    public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> path,
                                          byte[] root) {
        if (index < 0 || index >= treeSize || !isHash(leafHash) || !isHash(root) || path == null) {
            return false;
        }
        MessageDigest sha256 = Hashes.newSha256();
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash;
        for (byte[] p : path) {
            if (!isHash(p) || sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(sha256, p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(sha256, r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /**
     * RFC 9162 2.1.4.2, plus the two cases it leaves out: from the empty tree (oldRoot must be the empty root) and
     * between equal sizes (the roots must be equal); both take an empty proof.
     */
    public static boolean verifyConsistency(long oldSize, long newSize, byte[] oldRoot, byte[] newRoot,
                                            List<byte[]> proof) {
        if (oldSize < 0 || newSize < oldSize || !isHash(oldRoot) || !isHash(newRoot) || proof == null) {
            return false;
        }
        if (oldSize == 0) {
            return proof.isEmpty() && Arrays.equals(oldRoot, EMPTY_ROOT);
        }
        if (oldSize == newSize) {
            return proof.isEmpty() && Arrays.equals(oldRoot, newRoot);
        }
        if (proof.isEmpty() || !proof.stream().allMatch(Merkle::isHash)) {
            return false;
        }
        List<byte[]> path = proof;
        if (Long.bitCount(oldSize) == 1) {
            path = new ArrayList<>(proof.size() + 1);
            path.add(oldRoot);
            path.addAll(proof);
        }
        MessageDigest sha256 = Hashes.newSha256();
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(sha256, c, fr);
                sr = nodeHash(sha256, c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sha256, sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, oldRoot) && Arrays.equals(sr, newRoot);
    }

    /** k of RFC 9162: the largest power of two smaller than n (n >= 2). */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }

    private static boolean isHash(byte[] hash) {
        return hash != null && hash.length == Hashes.LENGTH;
    }
}
