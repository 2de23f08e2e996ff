package dev.symbiont.audit.verifier;

import dev.symbiont.audit.bundle.BundleReport;
import dev.symbiont.audit.bundle.ManifestCheck;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.Failure;
import dev.symbiont.audit.format.Manifest;
import dev.symbiont.audit.format.VerificationResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** The human-readable results: a verdict line, then what was checked or each failure. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    static void printBundle(PrintStream out, Path bundle, BundleReport report) {
        VerificationResult chain = report.chain();
        if (report.valid()) {
            out.println("VALID audit bundle " + bundle);
            Manifest manifest = report.manifest();
            out.println("  manifest:   " + files(manifest) + ", signed by key " + manifest.keyId()
                    + " at " + manifest.createdAt() + " (" + manifest.subject() + ")");
            out.println("  events:     " + events(chain) + ", hash chain intact");
            out.println("  seals:      " + chain.sealsChecked() + ", every event sealed, every signature valid");
            Checkpoint checkpoint = report.checkpoint().checkpoint();
            out.println("  checkpoint: tree_size " + checkpoint.treeSize() + " signed by key " + checkpoint.keyId()
                    + " at " + checkpoint.createdAt() + "; inclusion proofs verified"
                    + (report.rootRecomputed() ? "; root recomputed from all events" : ""));
            return;
        }
        out.println("INVALID audit bundle " + bundle + ": " + count(report.failures(), report.failuresTruncated()));
        printFailures(out, report.failures(), report.failuresTruncated());
        if (chain != null) {
            out.println("  checked: " + events(chain) + ", " + chain.sealsChecked() + " seals, "
                    + chain.checkpointsChecked() + " checkpoint(s)");
        }
    }

    static void printManifest(PrintStream out, Path file, Manifest manifest, ManifestCheck check) {
        if (check.valid()) {
            out.println("VALID manifest " + file + ": " + files(manifest) + ", signed by key "
                    + manifest.keyId() + " at " + manifest.createdAt() + " (" + manifest.subject() + ")");
            return;
        }
        out.println("INVALID manifest " + file + ": " + count(check.problems(), false));
        check.problems().forEach(problem -> out.println("  " + Failure.Kind.MANIFEST + ": " + problem));
    }

    private static void printFailures(PrintStream out, List<Failure> failures, boolean truncated) {
        failures.forEach(failure -> out.println("  " + failure.describe()));
        if (truncated) {
            out.println("  ... more failures not shown (--max-failures)");
        }
    }

    private static String files(Manifest manifest) {
        int n = manifest.files().size();
        return n == 1 ? "1 file matches" : n + " files match";
    }

    private static String events(VerificationResult chain) {
        return chain.eventsChecked() + " events"
                + (chain.firstSeq() == null ? "" : " (seq " + chain.firstSeq() + ".." + chain.lastSeq() + ")");
    }

    private static String count(List<?> failures, boolean truncated) {
        int n = failures.size();
        return (truncated ? "more than " : "") + n + (n == 1 && !truncated ? " failure" : " failures");
    }
}
