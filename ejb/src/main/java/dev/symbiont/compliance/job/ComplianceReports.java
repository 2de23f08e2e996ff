package dev.symbiont.compliance.job;

import dev.symbiont.audit.AuditEntry;
import dev.symbiont.audit.AuditEventType;
import dev.symbiont.audit.AuditTrail;
import dev.symbiont.audit.chain.AuditStorageException;
import dev.symbiont.compliance.ComplianceConfiguration;
import dev.symbiont.compliance.ComplianceFramework;
import dev.symbiont.compliance.ReportPeriod;
import dev.symbiont.compliance.render.ReportFormat;
import dev.symbiont.runtime.Ids;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Compliance reports as a service: a request is committed with its audit event and only then handed to a job, so
 * a job never runs for a request that rolled back and a committed request is never lost (a restart resumes it).
 */
@Stateless
public class ComplianceReports {

    @PersistenceContext(unitName = "symbiont")
    EntityManager em;

    @Resource(lookup = "jdbc/symbiont")
    DataSource dataSource;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    ComplianceConfiguration configuration;

    @Inject
    ReportJobs jobs;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    public List<ComplianceFramework> frameworks() {
        return configuration.frameworks().all();
    }

    /**
     * Queues a report over [from, to) under the named framework.
     *
     * @throws dev.symbiont.compliance.UnknownFrameworkException when no such framework is configured
     * @throws InvalidReportPeriodException                      when the period is empty or not over yet
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ReportStatus request(String frameworkName, Instant from, Instant to, String actor) {
        ComplianceFramework framework = configuration.frameworks().find(frameworkName);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ReportRequest request = new ReportRequest(Ids.newId(), framework.name(), period(from, to, now), actor, now);
        em.runWithConnection((Connection connection) -> ReportRows.insert(connection, request));
        trail.record(AuditEntry.of(AuditEventType.COMPLIANCE_REPORT_REQUESTED, now, null, actor, Map.of(
                "report_id", request.id().toString(), "framework", framework.name(),
                "from", request.period().from().toString(), "to", request.period().to().toString())));
        submitAfterCommit(request.id());
        return new ReportStatus(request, ReportState.QUEUED, ReportPhase.QUEUED, 0, null, 0, null, null, null,
                List.of());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ReportStatus find(UUID id) {
        return read(connection -> ReportRows.find(connection, id)).orElseThrow(() -> new ReportNotFoundException(id));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<ReportStatus> newest(int limit) {
        return read(connection -> ReportRows.newest(connection, limit));
    }

    /** A rendered file of a succeeded report. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ReportDownload file(UUID id, ReportFormat format) {
        return download(id, connection -> ReportRows.content(connection, id, format));
    }

    /** The signed manifest (JSON) that lists that file, for the offline verifier. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public ReportDownload manifest(UUID id, ReportFormat format) {
        ReportDownload manifest = download(id, connection -> ReportRows.manifest(connection, id, format));
        return new ReportDownload(manifest.fileName() + ".manifest.json", manifest.content());
    }

    private ReportDownload download(UUID id, Query<Optional<ReportDownload>> query) {
        return read(query).orElseGet(() -> {
            ReportStatus status = find(id);
            throw new ReportNotReadyException(id, status.state(), status.percentDone());
        });
    }

    private static ReportPeriod period(Instant from, Instant to, Instant now) {
        if (from == null) {
            throw new InvalidReportPeriodException("from", "from is required");
        }
        if (to == null) {
            throw new InvalidReportPeriodException("to", "to is required");
        }
        if (!from.isBefore(to)) {
            throw new InvalidReportPeriodException("to", "to must be after from (" + from + ")");
        }
        if (to.isAfter(now)) {
            throw new InvalidReportPeriodException("to", "the period must be over: to (" + to
                    + ") is after the time of the request (" + now + "); events could still be added to it");
        }
        return new ReportPeriod(from.truncatedTo(ChronoUnit.MICROS), to.truncatedTo(ChronoUnit.MICROS));
    }

    private void submitAfterCommit(UUID id) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    jobs.submit(id);
                }
            }
        });
    }

    private <T> T read(Query<T> query) {
        try (Connection connection = dataSource.getConnection()) {
            return query.run(connection);
        } catch (SQLException e) {
            throw new AuditStorageException("cannot read compliance reports", e);
        }
    }

    @FunctionalInterface
    private interface Query<T> {
        T run(Connection connection) throws SQLException;
    }
}
