-- The baseline policy installed with the schema. The engine denies whatever no rule allows, so without it nobody
-- could register or run an agent. It allows what the API roles already allow; replace or extend it through
-- PUT /api/v1/policies/baseline (its history is kept like any other policy's).
INSERT INTO policy (id, version, description, document, rule_count, created_at, created_by, updated_at, updated_by,
                    row_version)
VALUES ('baseline', 1, 'Admins and operators may register and run agents; everything else is denied by default',
$doc${
  "id": "baseline",
  "description": "Admins and operators may register and run agents; everything else is denied by default",
  "rules": [
    {"id": "manage-agents", "effect": "allow",
     "actions": ["agent.create", "agent.transition"],
     "subject": {"roles": ["admin", "operator", "runtime"]}}
  ]
}$doc$, 1, now(), 'migration:V3', now(), 'migration:V3', 0);

INSERT INTO policy_revision (policy_id, version, change, document, actor, changed_at)
SELECT id, version, 'CREATED', document, created_by, created_at FROM policy WHERE id = 'baseline';
