package dev.symbiont.sandbox;

import java.util.UUID;

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
     * Runs the request to its end (exit, timeout, memory kill or {@link #stop}) and removes everything it created,
     * also when interrupted or failing.
     *
     * @throws SandboxUnavailableException    the engine or this tier's runtime cannot be reached
     * @throws SandboxRequestRefusedException this tier cannot honour the request (e.g. network on a tier without)
     * @throws SandboxFailureException        the engine failed during the run
     */
    ExecutionResult run(ExecutionRequest request);

    /**
     * Stops an execution this orchestrator is running, now: its {@link #run} returns promptly with
     * {@link Termination#STOPPED} and this reason, whatever exit code the kill left. A stop that comes before the
     * sandbox exists keeps the process from ever starting. Whether a stop or the process's own end (exit, timeout,
     * memory kill) counts is decided once: a stop accepted before the run saw its process end wins; after that it is
     * refused. So true means the run reports STOPPED (unless the sandbox fails under it).
     *
     * @return false when the execution is not running here: never started here, or already ended
     */
    boolean stop(UUID executionId, String reason);
}
