-- Agent tasks (issue 6): the durable queue behind POST /api/v1/agents/{id}/tasks.
--
-- A task is written once when it is submitted (queued) and then only moves along TaskState's allowed transitions;
-- the scheduler keeps its queues in memory and rebuilds them from the waiting rows at start. Each run of a task is
-- a sandbox_execution row. Every state change leaves a row in agent_task_transition, written by a trigger so no
-- writer can forget it. A task left running by a server that died is requeued or failed at that node's next start
-- (the restart rule in TaskRows.recoverRunning), so a task runs at least once and possibly more than once.

CREATE TABLE agent_task (
    id               uuid          PRIMARY KEY,
    agent_id         uuid          NOT NULL REFERENCES agent (id),
    priority         varchar(8)    NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'critical')),
    -- the claim order's first key; generated so the waiting index and the queries cannot disagree on it
    priority_rank    smallint      NOT NULL GENERATED ALWAYS AS (CASE priority WHEN 'critical' THEN 3
                                       WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END) STORED,
    state            varchar(16)   NOT NULL CHECK (state IN ('queued', 'running', 'preempted', 'succeeded', 'failed',
                                                             'cancelled', 'timed_out')),
    state_changed_at timestamptz   NOT NULL,
    -- what the task asks of the node (ResourceRequest)
    memory_mb        integer       NOT NULL CHECK (memory_mb > 0),
    cpu_cores        double precision NOT NULL CHECK (cpu_cores > 0),
    disk_io_mbps     integer       NOT NULL CHECK (disk_io_mbps > 0),
    network_io_mbps  integer       NOT NULL CHECK (network_io_mbps >= 0),
    timeout_ms       bigint        NOT NULL CHECK (timeout_ms > 0),
    -- null when the task was submitted without input (its process then reads an empty stdin)
    input            bytea,
    input_size       integer       NOT NULL CHECK (input_size = coalesce(octet_length(input), 0)),
    input_sha256     char(64)      NOT NULL,
    -- a retry with the same key finds the first submission; request_sha256 tells whether it asked the same
    idempotency_key  varchar(255)  CHECK (length(idempotency_key) > 0),
    request_sha256   char(64)      NOT NULL,
    submitted_by     varchar(200)  NOT NULL,
    submitted_at     timestamptz   NOT NULL,
    -- when it first joined the queue: preemption and requeueing keep it, so FIFO and ageing count from here
    enqueued_at      timestamptz   NOT NULL,
    started_at       timestamptz,
    ended_at         timestamptz,
    -- ties on enqueued_at are broken by submission order; also the stable order of recovery
    seq              bigint        NOT NULL GENERATED ALWAYS AS IDENTITY,
    -- how many times it was claimed (preemptions and restarts included)
    attempts         integer       NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- how many claims the restart rule allows before a task interrupted by a dead server fails instead
    max_attempts     integer       NOT NULL CHECK (max_attempts > 0),
    -- the node that claimed it: set while running, kept once ended, cleared while it waits again
    node_id          varchar(200),
    -- the last sandbox execution of the task. Execution rows are committed when a run starts, before its id can
    -- be handed here, and are never deleted, so the reference cannot dangle and a wrong id is refused.
    execution_id     uuid          REFERENCES sandbox_execution (id),
    reason           varchar(4096),
    exit_code        integer,
    row_version      bigint        NOT NULL DEFAULT 0,
    UNIQUE (agent_id, idempotency_key),
    CHECK (enqueued_at >= submitted_at),
    CHECK (CASE state WHEN 'running' THEN node_id IS NOT NULL AND started_at IS NOT NULL
                      WHEN 'queued' THEN node_id IS NULL
                      WHEN 'preempted' THEN node_id IS NULL
                      ELSE true END),
    CHECK ((state IN ('succeeded', 'failed', 'cancelled', 'timed_out')) = (ended_at IS NOT NULL)),
    CHECK (exit_code IS NULL OR state IN ('succeeded', 'failed', 'cancelled', 'timed_out')),
    -- ending badly, being cancelled or preempted always says why
    CHECK (state NOT IN ('failed', 'cancelled', 'timed_out', 'preempted') OR reason IS NOT NULL)
);

-- The claim order (priority, then age, then submission) over waiting tasks only: the queue stays small even when
-- finished tasks pile up.
CREATE INDEX agent_task_waiting_idx ON agent_task (priority_rank DESC, enqueued_at, seq)
    WHERE state IN ('queued', 'preempted');
-- What a node was running when it stopped (recovery), in submission order.
CREATE INDEX agent_task_running_idx ON agent_task (node_id, seq) WHERE state = 'running';
-- An agent's tasks newest first, keyset-paged on (submitted_at, id).
CREATE INDEX agent_task_agent_idx ON agent_task (agent_id, submitted_at DESC, id DESC);

-- One row per state change, the submission (null -> queued) included: never updated, never deleted.
CREATE TABLE agent_task_transition (
    task_id     uuid          NOT NULL REFERENCES agent_task (id),
    seq         integer       NOT NULL CHECK (seq > 0),
    from_state  varchar(16)   CHECK (from_state IN ('queued', 'running', 'preempted')),
    to_state    varchar(16)   NOT NULL CHECK (to_state IN ('queued', 'running', 'preempted', 'succeeded', 'failed',
                                                           'cancelled', 'timed_out')),
    at          timestamptz   NOT NULL,
    -- the node that took the task or held it when it moved; null for a change no node was involved in
    node_id     varchar(200),
    reason      varchar(4096),
    PRIMARY KEY (task_id, seq)
);

-- TaskState's allowed moves, kept here too so no writer (a bug, a hand-written UPDATE) can skip a step.
-- TaskStateGuardTest checks it against the Java enum for every pair of states.
CREATE FUNCTION agent_task_may_move(from_state varchar, to_state varchar) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE from_state
        WHEN 'queued'    THEN to_state IN ('running', 'cancelled')
        WHEN 'running'   THEN to_state IN ('succeeded', 'failed', 'timed_out', 'cancelled', 'preempted', 'queued')
        WHEN 'preempted' THEN to_state IN ('running', 'cancelled')
        ELSE false
    END
$$;

CREATE FUNCTION agent_task_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'queued' OR NEW.attempts <> 0 OR NEW.node_id IS NOT NULL OR NEW.started_at IS NOT NULL
                OR NEW.ended_at IS NOT NULL OR NEW.execution_id IS NOT NULL THEN
            RAISE EXCEPTION 'agent task %: a new task is queued and was never claimed', NEW.id
                USING ERRCODE = 'check_violation';
        END IF;
        NEW.row_version := 0;
        RETURN NEW;
    END IF;
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'agent task %: DELETE refused, tasks are never deleted', OLD.id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.state IN ('succeeded', 'failed', 'cancelled', 'timed_out') THEN
        RAISE EXCEPTION 'agent task %: UPDATE refused, the task is % (final)', OLD.id, OLD.state
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.state <> OLD.state AND NOT agent_task_may_move(OLD.state, NEW.state) THEN
        RAISE EXCEPTION 'agent task %: % -> % is not an allowed transition', OLD.id, OLD.state, NEW.state
            USING ERRCODE = 'check_violation';
    END IF;
    -- attempts counts claims: it grows by one exactly when the task starts running
    IF NEW.attempts <> OLD.attempts + (NEW.state = 'running' AND OLD.state <> 'running')::integer THEN
        RAISE EXCEPTION 'agent task %: attempts % -> % does not count one claim per start', OLD.id, OLD.attempts,
            NEW.attempts USING ERRCODE = 'check_violation';
    END IF;
    NEW.row_version := OLD.row_version + 1;
    RETURN NEW;
END;
$$;

-- What was submitted is never written again (listing the columns keeps a large input out of every comparison).
CREATE FUNCTION agent_task_submission_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'agent task %: what was submitted never changes', OLD.id
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE FUNCTION agent_task_record_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- the row lock the change holds serializes this task's transitions, so max + 1 cannot race
    INSERT INTO agent_task_transition (task_id, seq, from_state, to_state, at, node_id, reason)
    SELECT NEW.id, coalesce(max(t.seq), 0) + 1, CASE WHEN TG_OP = 'UPDATE' THEN OLD.state END, NEW.state,
           NEW.state_changed_at, coalesce(NEW.node_id, CASE WHEN TG_OP = 'UPDATE' THEN OLD.node_id END), NEW.reason
    FROM agent_task_transition t WHERE t.task_id = NEW.id;
    RETURN NULL;
END;
$$;

CREATE FUNCTION agent_task_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'agent tasks are never truncated' USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER agent_task_guard BEFORE INSERT OR UPDATE OR DELETE ON agent_task
    FOR EACH ROW EXECUTE FUNCTION agent_task_guard();
CREATE TRIGGER agent_task_submission_immutable
    BEFORE UPDATE OF id, agent_id, priority, memory_mb, cpu_cores, disk_io_mbps, network_io_mbps, timeout_ms, input,
        input_size, input_sha256, idempotency_key, request_sha256, submitted_by, submitted_at, enqueued_at, seq,
        max_attempts ON agent_task
    FOR EACH ROW EXECUTE FUNCTION agent_task_submission_immutable();
CREATE TRIGGER agent_task_no_truncate BEFORE TRUNCATE ON agent_task
    FOR EACH STATEMENT EXECUTE FUNCTION agent_task_no_truncate();
CREATE TRIGGER agent_task_submitted AFTER INSERT ON agent_task
    FOR EACH ROW EXECUTE FUNCTION agent_task_record_transition();
CREATE TRIGGER agent_task_moved AFTER UPDATE OF state ON agent_task
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state) EXECUTE FUNCTION agent_task_record_transition();

-- The history is append-only, like the audit trail (V4's refusal names the table and the operation).
CREATE TRIGGER agent_task_transition_immutable BEFORE UPDATE OR DELETE ON agent_task_transition
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER agent_task_transition_no_truncate BEFORE TRUNCATE ON agent_task_transition
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
REVOKE UPDATE, DELETE, TRUNCATE ON agent_task_transition FROM PUBLIC;
