package dev.symbiont.audit.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.symbiont.audit.fixtures.NaiveMerkle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class MerkleFrontierTest {

    static final int MAX_SIZE = 130;

    final List<byte[]> leaves = LongStream.range(0, MAX_SIZE)
            .mapToObj(i -> Merkle.leafHash(NaiveMerkle.chainHashOf(i))).toList();
    final NaiveMerkle naive = new NaiveMerkle(leaves);

    @Test
    void rootIsTheRfcRootAtEverySize() {
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size = 0; size <= MAX_SIZE; size++) {
            assertThat(frontier.size()).isEqualTo(size);
            assertThat(frontier.root()).as("root of %d leaves", size).isEqualTo(naive.root(size));
            if (size < MAX_SIZE) {
                frontier.append(leaves.get(size));
            }
        }
    }

    @Test
    void restoredAtAnySizeItContinuesLikeTheOriginal() {
        for (int size = 0; size <= MAX_SIZE; size++) {
            MerkleFrontier restored = MerkleFrontier.restore(size, naive.subtrees());

            assertThat(restored.root()).as("restored at %d", size).isEqualTo(naive.root(size));
            for (int next = size; next < Math.min(MAX_SIZE, size + 9); next++) {
                restored.append(leaves.get(next));
                assertThat(restored.root()).isEqualTo(naive.root(next + 1));
            }
        }
    }

    @Test
    void restoreAsksOnlyForTheAlignedPerfectSubtreesOfTheSize() {
        List<NaiveMerkle.Range> asked = new ArrayList<>();

        MerkleFrontier.restore(0b1011010, naive.recording(asked));

        assertThat(asked).containsExactly(new NaiveMerkle.Range(0, 64), new NaiveMerkle.Range(64, 80),
                new NaiveMerkle.Range(80, 88), new NaiveMerkle.Range(88, 90));
    }

    @Test
    void reportsEveryPerfectSubtreeOfTwoOrMoreLeavesOnceAsItCompletes() {
        List<CompletedSubtree> completed = new ArrayList<>();
        MerkleFrontier frontier = new MerkleFrontier(completed::add);
        for (int size = 1; size <= MAX_SIZE; size++) {
            int before = completed.size();
            frontier.append(leaves.get(size - 1));

            List<CompletedSubtree> now = completed.subList(before, completed.size());
            assertThat(now).hasSize(Long.numberOfTrailingZeros(size));
            for (CompletedSubtree subtree : now) {
                assertThat(subtree.end()).isEqualTo(size);
                assertThat(subtree.hash()).isEqualTo(naive.mth(subtree.start(), subtree.end()));
            }
        }
        // every aligned perfect subtree of 2^level leaves within 130, level >= 1
        long expected = LongStream.rangeClosed(1, 7).map(level -> MAX_SIZE >> level).sum();
        assertThat(completed).hasSize((int) expected);
        assertThat(completed).extracting(CompletedSubtree::level).allMatch(level -> level >= 1);
    }

    @Test
    void aCopyGrowsIndependently() {
        MerkleFrontier frontier = new MerkleFrontier();
        leaves.subList(0, 5).forEach(frontier::append);
        MerkleFrontier copy = frontier.copy();

        copy.append(leaves.get(5));

        assertThat(frontier.size()).isEqualTo(5);
        assertThat(frontier.root()).isEqualTo(naive.root(5));
        assertThat(copy.root()).isEqualTo(naive.root(6));
    }

    @Test
    void appendingAChainHashAppendsItsLeafHash() {
        MerkleFrontier frontier = new MerkleFrontier();
        frontier.appendChainHash(NaiveMerkle.chainHashOf(0));

        assertThat(frontier.root()).isEqualTo(NaiveMerkle.leafHash(NaiveMerkle.chainHashOf(0)));
    }
}
