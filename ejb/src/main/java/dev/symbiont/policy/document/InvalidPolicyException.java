package dev.symbiont.policy.document;

import dev.symbiont.runtime.DomainException;
import java.util.List;
import java.util.stream.Collectors;

/** A policy document that is malformed or contradictory; every problem is reported with its JSON path. */
public class InvalidPolicyException extends DomainException {

    /** One problem: where in the document ({@code $.rules[2].effect}) and what is wrong. */
    public record Violation(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    private final List<Violation> violations;

    public InvalidPolicyException(List<Violation> violations) {
        super("invalid policy document: " + violations.stream().map(Violation::toString)
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
