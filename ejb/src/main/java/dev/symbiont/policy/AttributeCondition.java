package dev.symbiont.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A test on one request attribute: {@code resource_limits.memory_mb gt 4096}. An attribute that is absent, or of a
 * type the operator cannot compare, makes the test false: a rule never matches on what it cannot see.
 */
public record AttributeCondition(String attribute, Operator op, Object value) {

    public enum Operator {
        EQ, NE, LT, LE, GT, GE, IN, NOT_IN, MATCHES;

        public String documentName() {
            return name().toLowerCase();
        }

        public boolean numeric() {
            return this == LT || this == LE || this == GT || this == GE;
        }
    }

    public boolean test(Map<String, Object> attributes) {
        Object actual = attributes.get(attribute);
        if (actual == null) {
            return false;
        }
        return switch (op) {
            case EQ -> same(actual, value);
            case NE -> !same(actual, value);
            case LT -> compare(actual) < 0;
            case LE -> compare(actual) <= 0;
            case GT -> compare(actual) > 0;
            case GE -> compare(actual) >= 0;
            case IN -> contains((List<?>) value, actual);
            case NOT_IN -> !contains((List<?>) value, actual);
            case MATCHES -> actual instanceof String s && ((NamePattern) value).matches(s);
        };
    }

    private static boolean contains(List<?> values, Object actual) {
        for (int i = 0; i < values.size(); i++) {
            if (same(actual, values.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Numbers compare by value whatever their Java type; everything else by equals. */
    private static boolean same(Object actual, Object expected) {
        if (actual instanceof Number a && expected instanceof Number e) {
            return Double.compare(a.doubleValue(), e.doubleValue()) == 0;
        }
        return Objects.equals(actual, expected);
    }

    /** Integer.MIN_VALUE-safe comparison; a non-number never satisfies an ordering test. */
    private int compare(Object actual) {
        if (!(actual instanceof Number a) || !(value instanceof Number e)) {
            return op == Operator.LT || op == Operator.LE ? 1 : -1;
        }
        return Double.compare(a.doubleValue(), e.doubleValue());
    }

    @Override
    public String toString() {
        return attribute + " " + op.documentName() + " " + value;
    }
}
