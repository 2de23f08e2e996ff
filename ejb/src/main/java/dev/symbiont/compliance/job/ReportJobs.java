package dev.symbiont.compliance.job;

import dev.symbiont.audit.chain.SealerLoop;
import dev.symbiont.audit.keys.SigningKeys;
import dev.symbiont.compliance.ComplianceConfiguration;
import dev.symbiont.compliance.ComplianceFramework;
import dev.symbiont.compliance.render.ReportRenderers;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs report jobs on the managed executor, a bounded number at a time (each reads a whole period of the trail).
 * A job that dies with the server is run again at the next start, from the beginning; one that failed that way
 * {@code max-attempts} times is marked failed instead of being tried forever.
 */
@ApplicationScoped
public class ReportJobs {

    private static final Logger LOG = Logger.getLogger(ReportJobs.class.getName());

    @Resource(lookup = "jdbc/symbiont")
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    SealerLoop sealer;

    @Inject
    TrailEvidence evidence;

    @Inject
    SigningKeys keys;

    @Inject
    ComplianceConfiguration configuration;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "symbiont.compliance.max-concurrent-reports", defaultValue = "2")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "symbiont.compliance.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "symbiont.compliance.max-rows-per-section", defaultValue = "10000")
    int maxRowsPerSection;

    private final ReportRenderers renderers = new ReportRenderers();
    private Semaphore slots;

    @PostConstruct
    void createSlots() {
        slots = new Semaphore(Math.max(1, maxConcurrent), true);
    }

    /** Queues a committed report request. */
    public void submit(UUID id) {
        executor.execute(() -> run(id));
    }

    /** Queues every report a previous run of the server left unfinished; returns how many. */
    public int resumeUnfinished() {
        try (Connection connection = dataSource.getConnection()) {
            List<UUID> unfinished = ReportRows.unfinished(connection);
            unfinished.forEach(this::submit);
            return unfinished.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read unfinished compliance reports", e);
        }
    }

    private void run(UUID id) {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // the server is stopping: the report stays queued and is resumed at the next start
        }
        try {
            Optional<ReportStatus> claimed = claim(id);
            if (claimed.isEmpty()) {
                return;
            }
            ReportStatus report = claimed.get();
            if (report.attempts() > maxAttempts) {
                fail(id, "the server stopped " + (report.attempts() - 1) + " times while this report was being "
                        + "produced; giving up");
                return;
            }
            ComplianceFramework framework = configuration.frameworks().find(report.request().framework());
            new ReportRun(dataSource, sealer, evidence, keys::current, renderers, clock, maxRowsPerSection)
                    .execute(report.request(), framework);
            LOG.info(() -> "compliance report " + id + " (" + framework.name() + ") produced");
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "compliance report " + id + " failed", e);
            fail(id, reason(e));
        } finally {
            slots.release();
        }
    }

    private Optional<ReportStatus> claim(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            return ReportRows.claim(connection, id, clock.instant());
        }
    }

    private void fail(UUID id, String reason) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            ReportRows.fail(connection, id, reason, clock.instant());
        } catch (SQLException e) {
            // left RUNNING: the next start runs it again, within the attempt limit
            LOG.log(Level.SEVERE, "cannot mark compliance report " + id + " failed", e);
        }
    }

    /** What the report shows as its failure: no SQL or stack detail (that is in the log), but the gist. */
    private static String reason(Exception e) {
        if (e instanceof SQLException sql) {
            return "the report could not be produced: database error (SQLState " + sql.getSQLState()
                    + "); the server log has the details";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "the report could not be produced: " + (message.length() > 500 ? message.substring(0, 500) : message);
    }
}
