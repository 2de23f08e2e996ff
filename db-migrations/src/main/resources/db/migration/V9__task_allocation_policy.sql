-- Scheduling is its own permission (resource.allocate), decided when a task is submitted (for the caller) and again
-- when the scheduler starts it (for the runtime, with sandbox.exec). Admins and operators may queue tasks within
-- their agent's resource limits; a request above those limits carries above_agent_limits = true and matches no rule
-- here, so it is denied unless an operator adds a rule that allows it (e.g. for admins, or up to some memory). The
-- runtime may start what was accepted; a deny rule written for an agent still stops its tasks at their start. Kept
-- apart from the baseline so it can be narrowed or removed on its own.
INSERT INTO policy (id, version, description, document, rule_count, created_at, created_by, updated_at, updated_by,
                    row_version)
VALUES ('task-allocation', 1, 'Admins and operators may queue tasks within their agent''s limits',
$doc${
  "id": "task-allocation",
  "description": "Admins and operators may queue tasks within their agent's limits",
  "rules": [
    {"id": "within-agent-limits", "effect": "allow",
     "actions": ["resource.allocate"],
     "subject": {"roles": ["admin", "operator"]},
     "when": [{"attribute": "above_agent_limits", "op": "eq", "value": false}]},
    {"id": "scheduler-starts-accepted-tasks", "effect": "allow",
     "actions": ["resource.allocate", "sandbox.exec"],
     "subject": {"roles": ["runtime"]}}
  ]
}$doc$, 2, now(), 'migration:V9', now(), 'migration:V9', 0);

INSERT INTO policy_revision (policy_id, version, change, document, actor, changed_at)
SELECT id, version, 'CREATED', document, created_by, created_at FROM policy WHERE id = 'task-allocation';
