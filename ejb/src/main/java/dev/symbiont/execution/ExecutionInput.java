package dev.symbiont.execution;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a caller hands one execution: bytes for the process's standard input (followed by end of file) and
 * environment variables added to, or overriding, the agent's own.
 */
public record ExecutionInput(byte[] stdin, Map<String, String> environment) {

    public ExecutionInput {
        stdin = stdin == null ? new byte[0] : stdin.clone();
        environment = environment == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(environment));
    }

    @Override
    public byte[] stdin() {
        return stdin.clone();
    }

    public int size() {
        return stdin.length;
    }
}
