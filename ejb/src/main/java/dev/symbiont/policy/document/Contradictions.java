package dev.symbiont.policy.document;

import dev.symbiont.policy.AttributeCondition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Finds attribute tests that can never hold together, so a rule that could never match is rejected, not kept. */
final class Contradictions {

    private Contradictions() {
    }

    /** Numeric bounds per attribute: "gt 10" with "lt 5" on the same attribute is an empty range. */
    static void checkRanges(List<AttributeCondition> tests, String path, BiConsumer<String, String> violation) {
        Map<String, double[]> bounds = new HashMap<>();   // attribute -> [lower, upper]
        Map<String, boolean[]> strict = new HashMap<>();  // attribute -> [lower exclusive, upper exclusive]
        for (AttributeCondition t : tests) {
            if (!t.op().numeric() && t.op() != AttributeCondition.Operator.EQ) {
                continue;
            }
            if (!(t.value() instanceof Double v)) {
                continue;
            }
            double[] b = bounds.computeIfAbsent(t.attribute(), k -> new double[] {Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY});
            boolean[] s = strict.computeIfAbsent(t.attribute(), k -> new boolean[2]);
            switch (t.op()) {
                case GT, GE -> {
                    if (v > b[0] || (v == b[0] && t.op() == AttributeCondition.Operator.GT)) {
                        b[0] = v;
                        s[0] = t.op() == AttributeCondition.Operator.GT;
                    }
                }
                case LT, LE -> {
                    if (v < b[1] || (v == b[1] && t.op() == AttributeCondition.Operator.LT)) {
                        b[1] = v;
                        s[1] = t.op() == AttributeCondition.Operator.LT;
                    }
                }
                case EQ -> {
                    if (v > b[0]) {
                        b[0] = v;
                        s[0] = false;
                    }
                    if (v < b[1]) {
                        b[1] = v;
                        s[1] = false;
                    }
                }
                default -> { }
            }
        }
        bounds.forEach((attribute, b) -> {
            boolean[] s = strict.get(attribute);
            boolean empty = b[0] > b[1] || (b[0] == b[1] && (s[0] || s[1]));
            if (empty) {
                violation.accept(path, "the tests on '" + attribute + "' contradict each other: no value can "
                        + "satisfy all of them, so the rule could never match");
            }
        });
    }
}
