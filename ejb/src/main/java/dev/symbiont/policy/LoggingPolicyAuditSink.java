package dev.symbiont.policy;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Interim {@link PolicyAuditSink}: one structured log line per decision (denials at WARNING). */
@ApplicationScoped
public class LoggingPolicyAuditSink implements PolicyAuditSink {

    private static final Logger LOG = Logger.getLogger("dev.symbiont.audit.policy");

    @Override
    public void record(PolicyAuditRecord r) {
        Level level = r.decision().permits() ? Level.INFO : Level.WARNING;
        LOG.log(level, () -> "policy decision action=" + r.action().documentName()
                + " decision=" + r.decision()
                + " matched=" + r.matchedRules()
                + " agent=" + r.subject().agentName() + "(" + r.subject().agentId() + ")"
                + " role=" + r.subject().role()
                + " resource=" + r.subject().resource());
    }
}
