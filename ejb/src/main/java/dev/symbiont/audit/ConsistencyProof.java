package dev.symbiont.audit;

import dev.symbiont.audit.format.Checkpoint;
import java.util.List;

/**
 * That the tree of {@code second} extends the tree of {@code first} unchanged (RFC 9162, 2.1.4): with both signed
 * roots, a monitor that saw {@code first} knows nothing it covered was rewritten or dropped since.
 */
public record ConsistencyProof(Checkpoint first, Checkpoint second, List<byte[]> path) {

    public ConsistencyProof {
        path = List.copyOf(path);
    }
}
