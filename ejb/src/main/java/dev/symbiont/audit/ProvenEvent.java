package dev.symbiont.audit;

import dev.symbiont.audit.format.ChainedEvent;
import dev.symbiont.audit.format.Checkpoint;
import dev.symbiont.audit.format.Seal;
import java.util.List;

/**
 * An event with everything needed to check it independently: its hashes, the seal whose signature covers it, and
 * its RFC 9162 inclusion proof in a signed checkpoint.
 */
public record ProvenEvent(ChainedEvent event, Seal seal, Checkpoint checkpoint, List<byte[]> inclusionPath) {
}
