package dev.symbiont.web.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Turns Bean Validation violations into field errors named as the client wrote them (snake_case JSON paths). */
final class FieldErrors {

    private FieldErrors() {
    }

    static List<Problem.FieldError> of(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.FieldError(jsonPath(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
    }

    /**
     * A property path like {@code create.arg0.resourceLimits.memoryMb} or {@code capabilities[2].<list element>}
     * becomes {@code resource_limits.memory_mb} or {@code capabilities[2]}: method and parameter nodes dropped.
     */
    static String jsonPath(Path path) {
        var sb = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, PARAMETER, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                default -> { }
            }
            String name = node.getName();
            boolean element = name == null || name.startsWith("<");
            if (!element) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(snakeCase(name));
            }
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                sb.append('[').append(node.getKey()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
