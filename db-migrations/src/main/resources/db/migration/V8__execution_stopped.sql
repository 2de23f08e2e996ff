-- Executions can be stopped on request (the scheduler preempts one for higher-priority work, or its task was
-- cancelled): STOPPED, with the requester's reason in reason. Only the list of statuses grows; the other
-- CHECKs of V6 and its triggers (an ended execution is final, none is deleted or truncated) stay as they are.
-- The constraint is V6's column CHECK on status, under the name PostgreSQL gave it; dropping it by that name fails
-- the migration rather than leaving a second, stale list behind.
ALTER TABLE sandbox_execution DROP CONSTRAINT sandbox_execution_status_check;
ALTER TABLE sandbox_execution ADD CONSTRAINT sandbox_execution_status_check
    CHECK (status IN ('RUNNING', 'EXITED', 'TIMED_OUT', 'OOM_KILLED', 'STOPPED', 'POLICY_DENIED', 'REFUSED', 'FAILED',
                      'INTERRUPTED'));
