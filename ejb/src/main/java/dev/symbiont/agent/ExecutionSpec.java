package dev.symbiont.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What running the agent means: an image already on the sandbox engine (nothing is pulled at execution time), the
 * command started in it, and environment variables every execution gets. Part of the definition, so policy sees
 * and approves it with the rest.
 */
public record ExecutionSpec(String image, List<String> command, Map<String, String> environment) {

    public ExecutionSpec {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("execution image is required");
        }
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("execution command is required");
        }
        command = List.copyOf(command);
        environment = environment == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(environment)));
    }
}
