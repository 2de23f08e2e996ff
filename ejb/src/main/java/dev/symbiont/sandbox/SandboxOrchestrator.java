package dev.symbiont.sandbox;

/**
 * Runs agent code isolated at one security tier. One implementation per tier; which one an execution gets is
 * decided before (risk assessment and policy), never here. An orchestrator never runs code outside its sandbox:
 * when the sandbox is missing it refuses.
 */
public interface SandboxOrchestrator {

    SecurityTier tier();

    /** A real round trip to the sandbox's engine; cheap enough for readiness checks. */
    SandboxHealth health();

    /**
     * Runs the request to its end (exit, timeout or memory kill) and removes everything it created, also when
     * interrupted or failing.
     *
     * @throws SandboxUnavailableException    the engine or this tier's runtime cannot be reached
     * @throws SandboxRequestRefusedException this tier cannot honour the request (e.g. network on a tier without)
     * @throws SandboxFailureException        the engine failed during the run
     */
    ExecutionResult run(ExecutionRequest request);
}
