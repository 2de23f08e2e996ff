package dev.symbiont.compliance;

/** The outcome of one check, with a detail an auditor can follow up (counts and the seqs of the exceptions). */
public record CheckResult(String id, String title, String clause, boolean passed, String detail) {

    static CheckResult of(ComplianceCheck check, boolean passed, String detail) {
        return new CheckResult(check.id(), check.title(), check.clause(), passed, detail);
    }
}
