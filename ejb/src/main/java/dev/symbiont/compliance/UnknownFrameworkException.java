package dev.symbiont.compliance;

import dev.symbiont.runtime.DomainException;
import java.util.List;

/** A report was asked for under a framework name that is neither built in nor configured (a client error). */
public class UnknownFrameworkException extends DomainException {

    private final String name;
    private final List<String> known;

    public UnknownFrameworkException(String name, List<String> known) {
        super("no compliance framework named '" + name + "'; known: " + String.join(", ", known));
        this.name = name;
        this.known = List.copyOf(known);
    }

    public String name() {
        return name;
    }

    /** The names that would have been accepted, for the error response. */
    public List<String> known() {
        return known;
    }
}
