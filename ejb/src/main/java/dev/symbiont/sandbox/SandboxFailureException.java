package dev.symbiont.sandbox;

/**
 * The engine failed while running an execution (an incident, not an answer): whatever was started has been
 * removed, and the agent's code may or may not have run.
 */
public class SandboxFailureException extends RuntimeException {

    public SandboxFailureException(String message) {
        super(message);
    }

    public SandboxFailureException(String message, Throwable cause) {
        super(message, cause);
    }
}
