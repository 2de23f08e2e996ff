package dev.symbiont.compliance;

import java.util.List;
import java.util.Locale;

/** How numbers and lists read in check details, the same in every report whatever the server's locale. */
final class Wording {

    private static final int FAILURES_SHOWN = 3;

    private Wording() {
    }

    /** 1204 -> "1,204". */
    static String grouped(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    static String plural(long count, String singular, String plural) {
        return grouped(count) + " " + (count == 1 ? singular : plural);
    }

    /** "the 1 denial", "all 1,204 denials": agreement for the sentences that say every one of them passed. */
    static String all(long count, String singular, String plural) {
        return count == 1 ? "the 1 " + singular : "all " + grouped(count) + " " + plural;
    }

    /** The first few failures, then how many more, so one broken chain cannot flood a detail line. */
    static String firstFailures(List<String> failures) {
        String shown = String.join("; ", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size())));
        int more = failures.size() - FAILURES_SHOWN;
        return more > 0 ? shown + "; and " + grouped(more) + " more" : shown;
    }
}
