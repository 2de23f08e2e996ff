-- Cancelling a task is a scheduling action too, decided as resource.allocate with operation = cancel for the caller
-- (issue 6). Admins and operators may cancel any task, including one whose request went above its agent's limits
-- under a special rule, so that runaway work can always be stopped; a deny rule (for an agent, a priority, a role)
-- narrows it. A policy of its own, so that it can be changed or removed without touching task-allocation.
--
-- From this version on the restart rule counts only the runs a crash interrupted against max_attempts: runs handed
-- back as preempted (a preemption, an orderly stop, an operator's suspend) spend no attempt (TaskRows.SPENT).
INSERT INTO policy (id, version, description, document, rule_count, created_at, created_by, updated_at, updated_by,
                    row_version)
VALUES ('task-cancellation', 1, 'Admins and operators may cancel any task',
$doc${
  "id": "task-cancellation",
  "description": "Admins and operators may cancel any task",
  "rules": [
    {"id": "operators-cancel-tasks", "effect": "allow",
     "actions": ["resource.allocate"],
     "subject": {"roles": ["admin", "operator"]},
     "when": [{"attribute": "operation", "op": "eq", "value": "cancel"}]}
  ]
}$doc$, 1, now(), 'migration:V10', now(), 'migration:V10', 0);

INSERT INTO policy_revision (policy_id, version, change, document, actor, changed_at)
SELECT id, version, 'CREATED', document, created_by, created_at FROM policy WHERE id = 'task-cancellation';
