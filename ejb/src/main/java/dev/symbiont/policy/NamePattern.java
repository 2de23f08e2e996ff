package dev.symbiont.policy;

import java.util.regex.Pattern;

/**
 * A name with {@code *} wildcards ("invoice-*", "*-prod", "*"). Compiled once to the cheapest test that decides
 * it, so matching a rule costs a string comparison, not a regular expression, in the common cases.
 */
public final class NamePattern {

    private enum Kind { ANY, EXACT, PREFIX, SUFFIX, REGEX }

    private final String source;
    private final Kind kind;
    private final String literal;
    private final Pattern regex;

    private NamePattern(String source, Kind kind, String literal, Pattern regex) {
        this.source = source;
        this.kind = kind;
        this.literal = literal;
        this.regex = regex;
    }

    public static NamePattern of(String pattern) {
        int stars = pattern.length() - pattern.replace("*", "").length();
        if (pattern.equals("*")) {
            return new NamePattern(pattern, Kind.ANY, null, null);
        }
        if (stars == 0) {
            return new NamePattern(pattern, Kind.EXACT, pattern, null);
        }
        if (stars == 1 && pattern.endsWith("*")) {
            return new NamePattern(pattern, Kind.PREFIX, pattern.substring(0, pattern.length() - 1), null);
        }
        if (stars == 1 && pattern.startsWith("*")) {
            return new NamePattern(pattern, Kind.SUFFIX, pattern.substring(1), null);
        }
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return new NamePattern(pattern, Kind.REGEX, null, Pattern.compile(regex.toString()));
    }

    public boolean matches(String name) {
        if (name == null) {
            return false;
        }
        return switch (kind) {
            case ANY -> true;
            case EXACT -> literal.equals(name);
            case PREFIX -> name.startsWith(literal);
            case SUFFIX -> name.endsWith(literal);
            case REGEX -> regex.matcher(name).matches();
        };
    }

    /** The exact name this pattern stands for, when it has no wildcard. */
    public String exactName() {
        return kind == Kind.EXACT ? literal : null;
    }

    @Override
    public String toString() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamePattern p && p.source.equals(source);
    }

    @Override
    public int hashCode() {
        return source.hashCode();
    }
}
