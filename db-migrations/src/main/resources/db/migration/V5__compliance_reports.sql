-- Compliance reports, produced asynchronously from the audit trail.
--
-- A request commits one QUEUED row (and its audit event); a job on the managed executor claims it, records its
-- progress, and finishes by storing every rendered file with its signed manifest and flipping the row to
-- SUCCEEDED in one transaction, so a report is either complete with all its files or has none. A row left QUEUED
-- or RUNNING by a stopped server is started again at the next start (a report is a pure function of the
-- append-only trail, so starting over gives the same content).

CREATE TABLE compliance_report (
    id               uuid          PRIMARY KEY,
    framework        varchar(64)   NOT NULL,
    period_from      timestamptz   NOT NULL,
    period_to        timestamptz   NOT NULL,
    requested_by     varchar(200)  NOT NULL,
    requested_at     timestamptz   NOT NULL,
    status           varchar(16)   NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    phase            varchar(16)   NOT NULL CHECK (phase IN ('queued', 'sealing', 'collecting', 'verifying',
                                                             'rendering', 'done', 'failed')),
    attempts         integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    events_total     bigint        CHECK (events_total >= 0),
    events_processed bigint        NOT NULL DEFAULT 0 CHECK (events_processed >= 0),
    started_at       timestamptz,
    finished_at      timestamptz,
    failure          varchar(2000),
    CHECK (period_from < period_to),
    CHECK ((status = 'FAILED') = (failure IS NOT NULL))
);
CREATE INDEX compliance_report_requested_idx ON compliance_report (requested_at DESC, id DESC);
CREATE INDEX compliance_report_unfinished_idx ON compliance_report (status) WHERE status IN ('QUEUED', 'RUNNING');

-- The rendered files. The manifest is the signed JSON document (audit-verifier/FORMAT.md, Manifests) that lists
-- exactly this file under file_name, so the offline verifier checks a download with the published keys alone.
CREATE TABLE compliance_report_file (
    report_id  uuid          NOT NULL REFERENCES compliance_report (id),
    format     varchar(8)    NOT NULL CHECK (format IN ('json', 'csv', 'pdf')),
    file_name  varchar(200)  NOT NULL,
    content    bytea         NOT NULL,
    sha256     bytea         NOT NULL CHECK (octet_length(sha256) = 32),
    manifest   text          NOT NULL CHECK ((manifest::jsonb) IS NOT NULL),
    PRIMARY KEY (report_id, format)
);

-- A finished report is evidence: its files never change once stored.
CREATE TRIGGER compliance_report_file_immutable BEFORE UPDATE OR DELETE ON compliance_report_file
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER compliance_report_file_no_truncate BEFORE TRUNCATE ON compliance_report_file
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Nor does a report once it has finished, successfully or not; reports are never deleted.
CREATE FUNCTION compliance_report_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR OLD.status IN ('SUCCEEDED', 'FAILED') THEN
        RAISE EXCEPTION 'compliance report %: % refused once finished or ever deleted', OLD.id, TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER compliance_report_guard BEFORE UPDATE OR DELETE ON compliance_report
    FOR EACH ROW EXECUTE FUNCTION compliance_report_final();
CREATE TRIGGER compliance_report_no_truncate BEFORE TRUNCATE ON compliance_report
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
