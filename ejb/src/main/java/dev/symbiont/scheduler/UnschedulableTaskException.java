package dev.symbiont.scheduler;

/**
 * A task asks for more than the node could ever give it, so queueing it would only let it wait for ever.
 * The message names the parts that are too large; the caller answers with a client error.
 */
public class UnschedulableTaskException extends IllegalArgumentException {

    public UnschedulableTaskException(String message) {
        super(message);
    }
}
