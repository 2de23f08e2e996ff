package dev.symbiont.compliance;

import java.util.List;

/**
 * Events that break a rule a check looks at: how many, and the seqs of the first few so an auditor can look them
 * up in the trail without the report growing with the trail.
 */
public record Findings(long count, List<Long> sampleSeqs) {

    /** How many seqs a finding keeps as examples. */
    public static final int SAMPLE_SIZE = 20;

    public static final Findings NONE = new Findings(0, List.of());

    public Findings {
        sampleSeqs = List.copyOf(sampleSeqs);
    }

    public boolean none() {
        return count == 0;
    }

    /** "seq 17, 88, 90", or "seq 17, 88 and 37 more" when the sample is shorter than the count. */
    public String describeSeqs() {
        StringBuilder text = new StringBuilder("seq ");
        for (int i = 0; i < sampleSeqs.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(sampleSeqs.get(i));
        }
        long more = count - sampleSeqs.size();
        return more > 0 ? text.append(" and ").append(Wording.grouped(more)).append(" more").toString()
                : text.toString();
    }
}
