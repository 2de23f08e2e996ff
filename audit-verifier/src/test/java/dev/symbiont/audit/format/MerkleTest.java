package dev.symbiont.audit.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.symbiont.audit.fixtures.NaiveMerkle;
import dev.symbiont.audit.fixtures.NaiveMerkle.Range;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MerkleTest {

    static final int MAX_SIZE = 130;
    static final HexFormat HEX = HexFormat.of();

    final NaiveMerkle naive = new NaiveMerkle(LongStream.range(0, MAX_SIZE)
            .mapToObj(i -> Merkle.leafHash(NaiveMerkle.chainHashOf(i))).toList());

    // Certificate Transparency's reference data (RFC 6962 hashing, unchanged in RFC 9162 section 2.1)
    static final List<byte[]> CT_LEAVES = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f").stream().map(h -> Merkle.leafHash(HEX.parseHex(h))).toList();
    static final List<String> CT_ROOTS = List.of(
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void rootsMatchTheCertificateTransparencyReferenceTree() {
        MerkleFrontier frontier = new MerkleFrontier();
        assertThat(HEX.formatHex(frontier.root())).isEqualTo(CT_ROOTS.get(0));
        for (int size = 1; size <= CT_LEAVES.size(); size++) {
            frontier.append(CT_LEAVES.get(size - 1));
            assertThat(HEX.formatHex(frontier.root())).as("root of %d leaves", size).isEqualTo(CT_ROOTS.get(size));
        }
    }

    @Test
    void proofsMatchTheCertificateTransparencyReferenceProofs() {
        Merkle.SubtreeHashes ct = new NaiveMerkle(CT_LEAVES).subtrees();

        assertThat(hex(Merkle.inclusionProof(0, 8, ct))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(Merkle.inclusionProof(5, 8, ct))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hex(Merkle.consistencyProof(2, 8, ct))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hex(Merkle.consistencyProof(6, 8, ct))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
    }

    @Test
    void inclusionProofsAskForExactlyTheRfcSubtreesAndVerify() {
        for (long size = 1; size <= MAX_SIZE; size++) {
            byte[] root = naive.root(size);
            for (long index = 0; index < size; index++) {
                List<Range> asked = new ArrayList<>();
                List<byte[]> proof = Merkle.inclusionProof(index, size, naive.recording(asked));

                assertThat(asked).as("ranges for leaf %d of %d", index, size)
                        .isEqualTo(naive.path(index, 0, size));
                assertThat(proof).containsExactlyElementsOf(naive.hashes(asked));
                assertThat(Merkle.verifyInclusion(index, size, naive.mth(index, index + 1), proof, root))
                        .as("leaf %d of %d", index, size).isTrue();
            }
        }
    }

    @Test
    void consistencyProofsAskForExactlyTheRfcSubtreesAndVerify() {
        for (long newSize = 0; newSize <= MAX_SIZE; newSize++) {
            for (long oldSize = 0; oldSize <= newSize; oldSize++) {
                List<Range> asked = new ArrayList<>();
                List<byte[]> proof = Merkle.consistencyProof(oldSize, newSize, naive.recording(asked));

                assertThat(asked).as("ranges from %d to %d", oldSize, newSize).isEqualTo(naive.proof(oldSize, newSize));
                assertThat(proof).containsExactlyElementsOf(naive.hashes(asked));
                assertThat(Merkle.verifyConsistency(oldSize, newSize, naive.root(oldSize), naive.root(newSize), proof))
                        .as("from %d to %d", oldSize, newSize).isTrue();
            }
        }
    }

    @Test
    void inclusionFailsForAWrongLeafIndexPathOrRoot() {
        for (long size = 2; size <= 40; size++) {
            byte[] root = naive.root(size);
            for (long index = 0; index < size; index++) {
                byte[] leaf = naive.mth(index, index + 1);
                List<byte[]> proof = Merkle.inclusionProof(index, size, naive.subtrees());

                assertThat(Merkle.verifyInclusion(index, size, naive.mth((index + 1) % size, (index + 1) % size + 1),
                        proof, root)).as("wrong leaf").isFalse();
                assertThat(Merkle.verifyInclusion((index + 1) % size, size, leaf, proof, root))
                        .as("wrong index %d of %d", index, size).isFalse();
                assertThat(Merkle.verifyInclusion(index, size, leaf, proof, naive.root(size - 1)))
                        .as("wrong root").isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(Merkle.verifyInclusion(index, size, leaf, tampered(proof, i), root))
                            .as("tampered element %d", i).isFalse();
                }
                assertThat(Merkle.verifyInclusion(index, size, leaf, proof.subList(0, proof.size() - 1), root))
                        .as("truncated").isFalse();
                List<byte[]> extended = new ArrayList<>(proof);
                extended.add(root);
                assertThat(Merkle.verifyInclusion(index, size, leaf, extended, root)).as("extended").isFalse();
            }
        }
    }

    @Test
    void consistencyFailsForWrongRootsOrTamperedProofs() {
        for (long newSize = 2; newSize <= 40; newSize++) {
            for (long oldSize = 1; oldSize < newSize; oldSize++) {
                byte[] oldRoot = naive.root(oldSize);
                byte[] newRoot = naive.root(newSize);
                List<byte[]> proof = Merkle.consistencyProof(oldSize, newSize, naive.subtrees());

                assertThat(Merkle.verifyConsistency(oldSize, newSize, newRoot, newRoot, proof)).isFalse();
                assertThat(Merkle.verifyConsistency(oldSize, newSize, oldRoot, oldRoot, proof)).isFalse();
                assertThat(Merkle.verifyConsistency(oldSize, newSize, oldRoot, newRoot, List.of())).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    assertThat(Merkle.verifyConsistency(oldSize, newSize, oldRoot, newRoot, tampered(proof, i)))
                            .as("tampered element %d from %d to %d", i, oldSize, newSize).isFalse();
                }
            }
        }
    }

    @Test
    void degenerateConsistencyNeedsAnEmptyProofAndMatchingRoots() {
        byte[] root4 = naive.root(4);

        assertThat(Merkle.verifyConsistency(4, 4, root4, root4, List.of())).isTrue();
        assertThat(Merkle.verifyConsistency(4, 4, root4, naive.root(5), List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(0, 8, Merkle.emptyRoot(), naive.root(8), List.of())).isTrue();
        assertThat(Merkle.verifyConsistency(0, 8, root4, naive.root(8), List.of())).isFalse();
        assertThat(Merkle.verifyConsistency(5, 4, naive.root(5), root4, List.of())).isFalse();
    }

    @Test
    void malformedInputIsRejectedNotThrown() {
        List<byte[]> proof = Merkle.inclusionProof(3, 8, naive.subtrees());
        List<byte[]> shortHash = new ArrayList<>(proof);
        shortHash.set(0, new byte[31]);

        assertThat(Merkle.verifyInclusion(3, 8, naive.mth(3, 4), shortHash, naive.root(8))).isFalse();
        assertThat(Merkle.verifyInclusion(8, 8, naive.mth(3, 4), proof, naive.root(8))).isFalse();
        assertThat(Merkle.verifyInclusion(-1, 8, naive.mth(3, 4), proof, naive.root(8))).isFalse();
        assertThat(Merkle.verifyInclusion(3, 8, null, proof, naive.root(8))).isFalse();
        assertThatThrownBy(() -> Merkle.inclusionProof(8, 8, naive.subtrees()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Merkle.consistencyProof(5, 3, naive.subtrees()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<byte[]> tampered(List<byte[]> proof, int index) {
        List<byte[]> copy = new ArrayList<>(proof);
        byte[] element = copy.get(index).clone();
        element[index % 32] ^= 0x40;
        copy.set(index, element);
        return copy;
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }
}
