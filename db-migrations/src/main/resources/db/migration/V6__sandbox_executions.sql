-- Sandbox executions (issue 5): what an agent runs, and a record of every execution with the tier it ran in and why.

-- The execution spec of an agent: an image on the sandbox engine and the command started in it. Optional (an agent
-- can be registered without being runnable), but image and command come together.
ALTER TABLE agent
    ADD COLUMN exec_image       varchar(512),
    ADD COLUMN exec_command     varchar(4096)[],
    ADD COLUMN exec_environment jsonb,
    ADD CONSTRAINT agent_exec_spec_complete CHECK ((exec_image IS NULL) = (exec_command IS NULL));

-- One row per execution attempt, written when it starts (RUNNING) and completed once when it ends. An attempt the
-- policy denied or the sandbox refused is kept too, with its reason. A RUNNING row found at startup belonged to a
-- server that died: it becomes INTERRUPTED (its container is reaped as an orphan).
CREATE TABLE sandbox_execution (
    id                 uuid          PRIMARY KEY,
    agent_id           uuid          NOT NULL REFERENCES agent (id),
    node_id            varchar(200)  NOT NULL,
    status             varchar(16)   NOT NULL CHECK (status IN ('RUNNING', 'EXITED', 'TIMED_OUT', 'OOM_KILLED',
                                                                'POLICY_DENIED', 'REFUSED', 'FAILED', 'INTERRUPTED')),
    requested_by       varchar(200)  NOT NULL,
    requested_at       timestamptz   NOT NULL,
    ended_at           timestamptz,
    image              varchar(512)  NOT NULL,
    command            varchar(4096)[] NOT NULL,
    input_bytes        integer       NOT NULL CHECK (input_bytes >= 0),
    input_sha256       char(64)      NOT NULL,
    -- the choice: null only when policy denied before the risk was assessed
    tier               varchar(8)    CHECK (tier IN ('TIER1', 'TIER2')),
    risk_score         double precision CHECK (risk_score BETWEEN 0 AND 1),
    risk_contributions jsonb,
    tier_reason        varchar(1024),
    network_granted    boolean       NOT NULL,
    limits             jsonb,
    -- the outcome
    reason             varchar(4096),
    exit_code          integer,
    warm               boolean,
    stdout             bytea,
    stdout_total       bigint,
    stderr             bytea,
    stderr_total       bigint,
    duration_ms        bigint,
    startup_ms         bigint,
    first_output_ms    bigint,
    peak_memory_bytes  bigint,
    cpu_time_ms        bigint,
    CHECK ((status = 'RUNNING') = (ended_at IS NULL)),
    CHECK (status IN ('POLICY_DENIED') OR tier IS NOT NULL)
);
CREATE INDEX sandbox_execution_agent_idx ON sandbox_execution (agent_id, requested_at, id);
CREATE INDEX sandbox_execution_running_idx ON sandbox_execution (node_id) WHERE status = 'RUNNING';

-- An ended execution is history: it is never changed again, and no execution is ever deleted.
CREATE FUNCTION sandbox_execution_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR OLD.status <> 'RUNNING' THEN
        RAISE EXCEPTION 'sandbox execution %: % refused once ended or ever deleted', OLD.id, TG_OP;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER sandbox_execution_guard BEFORE UPDATE OR DELETE ON sandbox_execution
    FOR EACH ROW EXECUTE FUNCTION sandbox_execution_final();
CREATE FUNCTION sandbox_execution_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'sandbox executions are never truncated';
END $$;
CREATE TRIGGER sandbox_execution_no_truncate BEFORE TRUNCATE ON sandbox_execution
    FOR EACH STATEMENT EXECUTE FUNCTION sandbox_execution_no_truncate();

-- Running agent code is its own permission (sandbox.exec). Kept apart from the baseline so operators can narrow or
-- remove it without touching agent management; without any allow, every execution is denied.
INSERT INTO policy (id, version, description, document, rule_count, created_at, created_by, updated_at, updated_by,
                    row_version)
VALUES ('sandbox-exec', 1, 'Admins and operators may run agents in the sandbox',
$doc${
  "id": "sandbox-exec",
  "description": "Admins and operators may run agents in the sandbox",
  "rules": [
    {"id": "run-agents", "effect": "allow",
     "actions": ["sandbox.exec"],
     "subject": {"roles": ["admin", "operator"]}}
  ]
}$doc$, 1, now(), 'migration:V6', now(), 'migration:V6', 0);

INSERT INTO policy_revision (policy_id, version, change, document, actor, changed_at)
SELECT id, version, 'CREATED', document, created_by, created_at FROM policy WHERE id = 'sandbox-exec';
