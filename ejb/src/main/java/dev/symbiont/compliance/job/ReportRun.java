package dev.symbiont.compliance.job;

import dev.symbiont.audit.AuditEvents;
import dev.symbiont.audit.chain.EventReader;
import dev.symbiont.audit.chain.PendingEvents;
import dev.symbiont.audit.chain.SealerLoop;
import dev.symbiont.audit.format.Ed25519;
import dev.symbiont.audit.format.ManifestFile;
import dev.symbiont.audit.bundle.AuditJson;
import dev.symbiont.audit.bundle.ManifestSigner;
import dev.symbiont.compliance.ComplianceFramework;
import dev.symbiont.compliance.ComplianceReport;
import dev.symbiont.compliance.ComplianceReportBuilder;
import dev.symbiont.compliance.IntegrityEvidence;
import dev.symbiont.compliance.render.ReportFormat;
import dev.symbiont.compliance.render.ReportRenderers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * One run of one report: wait until the period is sealed, read its events once in seq order (recording progress as
 * it goes), verify the trail, render every format, sign a manifest per file, and store it all in one transaction.
 * Reads happen in one REPEATABLE READ snapshot, so the count behind the percentage and the events read agree.
 */
final class ReportRun {

    /** Progress is written at most this often, so a large report does not pay a commit per few events. */
    private static final Duration PROGRESS_INTERVAL = Duration.ofMillis(250);
    private static final Duration SEALING_TIMEOUT = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final SealerLoop sealer;
    private final TrailEvidence evidence;
    private final Supplier<Ed25519.Signer> signer;
    private final ReportRenderers renderers;
    private final Clock clock;
    private final int maxRowsPerSection;

    ReportRun(DataSource dataSource, SealerLoop sealer, TrailEvidence evidence, Supplier<Ed25519.Signer> signer,
              ReportRenderers renderers, Clock clock, int maxRowsPerSection) {
        this.dataSource = dataSource;
        this.sealer = sealer;
        this.evidence = evidence;
        this.signer = signer;
        this.renderers = renderers;
        this.clock = clock;
        this.maxRowsPerSection = maxRowsPerSection;
    }

    void execute(ReportRequest request, ComplianceFramework framework) throws SQLException {
        try (Connection progress = dataSource.getConnection()) {
            progress.setAutoCommit(true);
            awaitPeriodSealed(request);
            var builder = new ComplianceReportBuilder(request.id(), framework, request.period(), clock.instant(),
                    request.requestedBy(), maxRowsPerSection);
            long[] seqs = collect(request, framework, builder, progress);
            ReportRows.phase(progress, request.id(), ReportPhase.VERIFYING);
            IntegrityEvidence integrity = evidence.collect(request.period(), seqs[0] < 0 ? null : seqs[0],
                    seqs[1] < 0 ? null : seqs[1]);
            ReportRows.phase(progress, request.id(), ReportPhase.RENDERING);
            List<RenderedFile> files = render(request, builder.build(integrity));
            store(request, files);
        }
    }

    /** Every event of the period must be in the chain before it is read, or the report would miss some. */
    private void awaitPeriodSealed(ReportRequest request) throws SQLException {
        long deadline = System.nanoTime() + SEALING_TIMEOUT.toNanos();
        while (true) {
            sealer.awaitSealed(Duration.ofSeconds(5));
            try (Connection connection = dataSource.getConnection()) {
                if (!PendingEvents.anyUnsealedBefore(connection, request.period().to())) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("events of the period were still waiting to be sealed after "
                        + SEALING_TIMEOUT.toSeconds() + " s; the audit sealer is not keeping up or not running");
            }
        }
    }

    /** @return seq of the first and last event read, -1 when there were none */
    private long[] collect(ReportRequest request, ComplianceFramework framework, ComplianceReportBuilder builder,
                           Connection progress) throws SQLException {
        long first = -1;
        long last = -1;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                // for this transaction only: a pooled connection must not keep read-only or isolation settings
                try (var statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                }
                var reader = new EventReader(connection);
                var period = request.period();
                long total = reader.countInPeriod(framework.eventTypes(), period.from(), period.to());
                ReportRows.progress(progress, request.id(), total, 0);
                long read = 0;
                long nextReport = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
                try (EventReader.Cursor events = reader.inPeriod(framework.eventTypes(), period.from(), period.to())) {
                    while (events.hasNext()) {
                        var event = events.next();
                        if (builder.accept(AuditEvents.fromChain(event))) {
                            first = first < 0 ? event.seq() : first;
                            last = event.seq();
                        }
                        read++;
                        if (System.nanoTime() >= nextReport) {
                            ReportRows.progress(progress, request.id(), total, read);
                            nextReport = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
                        }
                    }
                }
                ReportRows.progress(progress, request.id(), total, read);
            } finally {
                connection.rollback();
            }
        }
        return new long[] {first, last};
    }

    private List<RenderedFile> render(ReportRequest request, ComplianceReport report) {
        ManifestSigner manifests = new ManifestSigner(signer.get());
        List<RenderedFile> files = new ArrayList<>();
        for (ReportFormat format : ReportFormat.values()) {
            var out = new ByteArrayOutputStream();
            try {
                renderers.forFormat(format).render(report, out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot render the " + format.extension() + " report", e);
            }
            byte[] content = out.toByteArray();
            String name = fileName(request, format);
            ManifestFile listed = ManifestFile.of(name, content);
            var manifest = manifests.sign("compliance report " + request.id() + " (" + request.framework() + ", "
                    + request.period().from() + " to " + request.period().to() + ")", clock.instant(), List.of(listed));
            files.add(new RenderedFile(format, name, content, listed.sha256(),
                    AuditJson.write(AuditJson.toJson(manifest))));
        }
        return files;
    }

    private void store(ReportRequest request, List<RenderedFile> files) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                ReportRows.succeed(connection, request.id(), files, clock.instant());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The name a download is saved under; the manifest lists the file by exactly this name. */
    static String fileName(ReportRequest request, ReportFormat format) {
        return "symbiont-" + request.framework() + "-report-" + request.id() + "." + format.extension();
    }
}
