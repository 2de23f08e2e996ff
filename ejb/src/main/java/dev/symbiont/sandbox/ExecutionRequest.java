package dev.symbiont.sandbox;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One run of agent code: which image, which command, its environment and input, under which limits.
 *
 * @param executionId    names the run in container labels and results
 * @param image          an image already present on the engine (nothing is pulled)
 * @param command        the program and its arguments, run without a shell unless it is one
 * @param environment    variables for the process; nothing of the runtime's own environment leaks in
 * @param stdin          bytes the process reads on standard input, then end of file
 * @param limits         what the run may consume
 * @param networkAllowed whether the agent's policy grants it network access; otherwise it has none at all
 */
public record ExecutionRequest(UUID executionId, String image, List<String> command, Map<String, String> environment,
                               byte[] stdin, SandboxLimits limits, boolean networkAllowed) {

    public ExecutionRequest {
        Objects.requireNonNull(executionId, "executionId");
        Objects.requireNonNull(limits, "limits");
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("image is required");
        }
        if (command == null || command.isEmpty()) {
            throw new IllegalArgumentException("command is required");
        }
        command = List.copyOf(command);
        environment = environment == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        environment.keySet().forEach(ExecutionRequest::checkVariableName);
        stdin = stdin == null ? new byte[0] : stdin.clone();
    }

    public static ExecutionRequest of(UUID executionId, String image, SandboxLimits limits, String... command) {
        return new ExecutionRequest(executionId, image, List.of(command), Map.of(), null, limits, false);
    }

    public ExecutionRequest withStdin(byte[] bytes) {
        return new ExecutionRequest(executionId, image, command, environment, bytes, limits, networkAllowed);
    }

    public ExecutionRequest withEnvironment(Map<String, String> variables) {
        return new ExecutionRequest(executionId, image, command, variables, stdin, limits, networkAllowed);
    }

    public ExecutionRequest withNetworkAllowed(boolean allowed) {
        return new ExecutionRequest(executionId, image, command, environment, stdin, limits, allowed);
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    public boolean hasStdin() {
        return stdin.length > 0;
    }

    private static void checkVariableName(String name) {
        if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("invalid environment variable name: " + name);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExecutionRequest r && executionId.equals(r.executionId) && image.equals(r.image)
                && command.equals(r.command) && environment.equals(r.environment) && Arrays.equals(stdin, r.stdin)
                && limits.equals(r.limits) && networkAllowed == r.networkAllowed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(executionId, image, command, environment, Arrays.hashCode(stdin), limits, networkAllowed);
    }

    @Override
    public String toString() {
        return "ExecutionRequest[" + executionId + ", " + image + ", " + command + ", stdin " + stdin.length
                + " bytes, network " + networkAllowed + ", " + limits + "]";
    }
}
