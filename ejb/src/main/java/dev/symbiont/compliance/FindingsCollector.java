package dev.symbiont.compliance;

import java.util.ArrayList;
import java.util.List;

/** Counts events that break a rule and keeps the first seqs as examples. */
final class FindingsCollector {

    private final List<Long> sample = new ArrayList<>();
    private long count;

    void record(long seq) {
        count++;
        if (sample.size() < Findings.SAMPLE_SIZE) {
            sample.add(seq);
        }
    }

    Findings findings() {
        return count == 0 ? Findings.NONE : new Findings(count, sample);
    }
}
