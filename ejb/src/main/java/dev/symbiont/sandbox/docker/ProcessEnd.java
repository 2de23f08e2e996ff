package dev.symbiont.sandbox.docker;

import dev.symbiont.sandbox.Termination;
import java.util.Optional;

/**
 * How a run saw its process end, as settled against a concurrent stop ({@link RunInProgress#settle}).
 *
 * @param timedOut   the deadline passed with neither an end nor a stop seen
 * @param stopReason a stop accepted before the run saw the end; it wins over everything else
 */
record ProcessEnd(boolean timedOut, Optional<String> stopReason) {

    /** Killed by us, at the deadline or for a stop: a SIGKILL exit is then ours, not a memory kill's. */
    boolean killedByUs() {
        return timedOut || stopReason.isPresent();
    }

    Termination termination(boolean oomKilled) {
        return Termination.of(stopReason.isPresent(), timedOut, oomKilled);
    }
}
