-- Declarative policies. The document is kept exactly as submitted (the reviewed artifact); every change is a new
-- revision row, so who changed what, and when, is never lost.

CREATE TABLE policy (
    id          varchar(64)   PRIMARY KEY,
    version     integer       NOT NULL CHECK (version > 0),
    description varchar(4096),
    document    text          NOT NULL,
    rule_count  integer       NOT NULL,
    created_at  timestamptz   NOT NULL,
    created_by  varchar(200)  NOT NULL,
    updated_at  timestamptz   NOT NULL,
    updated_by  varchar(200)  NOT NULL,
    deleted_at  timestamptz,
    deleted_by  varchar(200),
    row_version bigint        NOT NULL
);
CREATE INDEX policy_active_idx ON policy (id) WHERE deleted_at IS NULL;

CREATE TABLE policy_revision (
    id          bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    policy_id   varchar(64)   NOT NULL REFERENCES policy (id),
    version     integer       NOT NULL,
    change      varchar(16)   NOT NULL CHECK (change IN ('CREATED', 'UPDATED', 'DELETED')),
    document    text          NOT NULL,
    actor       varchar(200)  NOT NULL,
    changed_at  timestamptz   NOT NULL,
    UNIQUE (policy_id, version, change)
);
CREATE INDEX policy_revision_policy_idx ON policy_revision (policy_id, id);
