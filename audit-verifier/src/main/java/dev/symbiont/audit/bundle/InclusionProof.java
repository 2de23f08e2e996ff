package dev.symbiont.audit.bundle;

import dev.symbiont.audit.format.Hashes;
import java.util.Arrays;
import java.util.List;

/** The audit path (RFC 9162 2.1.3, bottom-up) of event {@code seq} in a checkpoint's tree. */
public record InclusionProof(long seq, List<byte[]> auditPath) {

    public InclusionProof {
        auditPath = List.copyOf(auditPath);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof InclusionProof p) || seq != p.seq || auditPath.size() != p.auditPath.size()) {
            return false;
        }
        for (int i = 0; i < auditPath.size(); i++) {
            if (!Arrays.equals(auditPath.get(i), p.auditPath.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + auditPath.size();
    }

    @Override
    public String toString() {
        return "InclusionProof[seq=" + seq + ", auditPath=" + auditPath.stream().map(Hashes::hex).toList() + "]";
    }
}
