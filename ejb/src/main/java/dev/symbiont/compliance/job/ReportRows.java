package dev.symbiont.compliance.job;

import dev.symbiont.audit.format.Hashes;
import dev.symbiont.compliance.ReportPeriod;
import dev.symbiont.compliance.render.ReportFormat;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The compliance_report and compliance_report_file tables (V5). Callers own the connection and its transaction. */
final class ReportRows {

    private static final String COLUMNS = "id, framework, period_from, period_to, requested_by, requested_at, status, "
            + "phase, attempts, events_total, events_processed, started_at, finished_at, failure";

    private ReportRows() {
    }

    static void insert(Connection connection, ReportRequest request) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO compliance_report (id, framework, "
                + "period_from, period_to, requested_by, requested_at, status, phase) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'QUEUED', 'queued')")) {
            insert.setObject(1, request.id());
            insert.setString(2, request.framework());
            insert.setObject(3, utc(request.period().from()));
            insert.setObject(4, utc(request.period().to()));
            insert.setString(5, request.requestedBy());
            insert.setObject(6, utc(request.requestedAt()));
            insert.executeUpdate();
        }
    }

    /**
     * Takes an unfinished report for a (new) run: progress starts over and the attempt is counted.
     *
     * @return the claimed report, or empty if it is unknown or already finished
     */
    static Optional<ReportStatus> claim(Connection connection, UUID id, Instant now) throws SQLException {
        try (PreparedStatement claim = connection.prepareStatement("UPDATE compliance_report SET status = 'RUNNING', "
                + "phase = 'sealing', attempts = attempts + 1, started_at = ?, events_total = NULL, "
                + "events_processed = 0 WHERE id = ? AND status IN ('QUEUED', 'RUNNING') RETURNING " + COLUMNS)) {
            claim.setObject(1, utc(now));
            claim.setObject(2, id);
            try (ResultSet row = claim.executeQuery()) {
                return row.next() ? Optional.of(status(row)) : Optional.empty();
            }
        }
    }

    static void phase(Connection connection, UUID id, ReportPhase phase) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE compliance_report SET phase = ? WHERE id = ? AND status = 'RUNNING'")) {
            update.setString(1, phase.label());
            update.setObject(2, id);
            update.executeUpdate();
        }
    }

    static void progress(Connection connection, UUID id, long total, long processed) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE compliance_report SET phase = 'collecting', "
                + "events_total = ?, events_processed = ? WHERE id = ? AND status = 'RUNNING'")) {
            update.setLong(1, total);
            update.setLong(2, processed);
            update.setObject(3, id);
            update.executeUpdate();
        }
    }

    /** Stores every file and finishes the report; in the caller's transaction, so all of it or none commits. */
    static void succeed(Connection connection, UUID id, List<RenderedFile> files, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO compliance_report_file "
                + "(report_id, format, file_name, content, sha256, manifest) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (RenderedFile file : files) {
                insert.setObject(1, id);
                insert.setString(2, file.format().extension());
                insert.setString(3, file.fileName());
                insert.setBytes(4, file.content());
                insert.setBytes(5, file.sha256());
                insert.setString(6, file.manifestJson());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        finish(connection, id, "SUCCEEDED", "done", null, now);
    }

    static void fail(Connection connection, UUID id, String reason, Instant now) throws SQLException {
        String clipped = reason == null || reason.isBlank() ? "failed without a reason" : reason;
        finish(connection, id, "FAILED", "failed", clipped.length() > 2000 ? clipped.substring(0, 2000) : clipped,
                now);
    }

    private static void finish(Connection connection, UUID id, String status, String phase, String failure,
                               Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE compliance_report SET status = ?, "
                + "phase = ?, failure = ?, finished_at = ? WHERE id = ? AND status IN ('QUEUED', 'RUNNING')")) {
            update.setString(1, status);
            update.setString(2, phase);
            update.setString(3, failure);
            update.setObject(4, utc(now));
            update.setObject(5, id);
            if (update.executeUpdate() != 1) {
                throw new SQLException("compliance report " + id + " is not unfinished any more");
            }
        }
    }

    static Optional<ReportStatus> find(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM compliance_report WHERE id = ?")) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(status(row).withFiles(files(connection, id))) : Optional.empty();
            }
        }
    }

    /** The newest reports first, at most {@code limit}, without their file lists. */
    static List<ReportStatus> newest(Connection connection, int limit) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT " + COLUMNS + " FROM compliance_report "
                + "ORDER BY requested_at DESC, id DESC LIMIT ?")) {
            query.setInt(1, limit);
            List<ReportStatus> reports = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    reports.add(status(rows));
                }
            }
            return reports;
        }
    }

    static List<UUID> unfinished(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT id FROM compliance_report "
                + "WHERE status IN ('QUEUED', 'RUNNING') ORDER BY requested_at");
             ResultSet rows = query.executeQuery()) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        }
    }

    static Optional<ReportDownload> content(Connection connection, UUID id, ReportFormat format) throws SQLException {
        return download(connection, "content", id, format);
    }

    static Optional<ReportDownload> manifest(Connection connection, UUID id, ReportFormat format) throws SQLException {
        return download(connection, "convert_to(manifest, 'UTF8')", id, format);
    }

    private static Optional<ReportDownload> download(Connection connection, String column, UUID id,
                                                     ReportFormat format) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT file_name, " + column
                + " FROM compliance_report_file WHERE report_id = ? AND format = ?")) {
            query.setObject(1, id);
            query.setString(2, format.extension());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(new ReportDownload(row.getString(1), row.getBytes(2)))
                        : Optional.empty();
            }
        }
    }

    private static List<StoredFile> files(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT format, file_name, octet_length(content), "
                + "sha256 FROM compliance_report_file WHERE report_id = ? ORDER BY format")) {
            query.setObject(1, id);
            List<StoredFile> files = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    files.add(new StoredFile(ReportFormat.fromExtension(rows.getString(1)).orElseThrow(),
                            rows.getString(2), rows.getLong(3), Hashes.hex(rows.getBytes(4))));
                }
            }
            return files;
        }
    }

    private static ReportStatus status(ResultSet row) throws SQLException {
        var request = new ReportRequest(row.getObject(1, UUID.class), row.getString(2),
                new ReportPeriod(instant(row, 3), instant(row, 4)), row.getString(5), instant(row, 6));
        long total = row.getLong(10);
        Long eventsTotal = row.wasNull() ? null : total;
        return new ReportStatus(request, ReportState.valueOf(row.getString(7)),
                ReportPhase.fromLabel(row.getString(8).toLowerCase(Locale.ROOT)), row.getInt(9), eventsTotal,
                row.getLong(11), instant(row, 12), instant(row, 13), row.getString(14), List.of());
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Object utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
