-- Agents, their lifecycle history, and API keys: the foundation schema.
-- Flyway owns the schema; Hibernate never generates or alters it outside unit tests.

CREATE TABLE agent (
    id                   uuid          PRIMARY KEY,
    name                 varchar(128)  NOT NULL,
    version              varchar(64)   NOT NULL,
    description          varchar(4096),
    capabilities         varchar(128)[] NOT NULL,
    memory_mb            integer       NOT NULL CHECK (memory_mb > 0),
    cpu_cores            double precision NOT NULL CHECK (cpu_cores > 0),
    disk_io_mbps         integer       NOT NULL CHECK (disk_io_mbps > 0),
    network_io_mbps      integer       NOT NULL CHECK (network_io_mbps >= 0),
    execution_timeout_ms bigint        NOT NULL CHECK (execution_timeout_ms > 0),
    sandbox_tier         varchar(16)   NOT NULL CHECK (sandbox_tier IN ('AUTO', 'TIER1', 'TIER2')),
    requires_network     boolean       NOT NULL,
    requires_filesystem  boolean       NOT NULL,
    external_apis        varchar(2048)[] NOT NULL,
    data_sensitivity     varchar(16)   NOT NULL
        CHECK (data_sensitivity IN ('PUBLIC', 'INTERNAL', 'CONFIDENTIAL', 'RESTRICTED')),
    metadata             jsonb         NOT NULL DEFAULT '{}'::jsonb,
    state                varchar(16)   NOT NULL
        CHECK (state IN ('INITIALIZING', 'READY', 'RUNNING', 'SUSPENDED', 'FAILED', 'TERMINATED')),
    state_reason         varchar(1024),
    state_changed_at     timestamptz   NOT NULL,
    created_at           timestamptz   NOT NULL,
    created_by           varchar(200)  NOT NULL,
    updated_at           timestamptz   NOT NULL,
    row_version          bigint        NOT NULL
);

-- Keyset paging walks (created_at, id); the state filter is the common one.
CREATE INDEX agent_created_idx       ON agent (created_at, id);
CREATE INDEX agent_state_created_idx ON agent (state, created_at, id);
CREATE INDEX agent_name_idx          ON agent (lower(name));

-- One row per lifecycle event: never updated, never deleted (terminated agents keep their history).
CREATE TABLE agent_history (
    id            bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    agent_id      uuid          NOT NULL REFERENCES agent (id),
    event         varchar(32)   NOT NULL CHECK (event IN ('CREATED', 'TRANSITION', 'DEFINITION_UPDATED')),
    from_state    varchar(16),
    to_state      varchar(16)   NOT NULL,
    actor         varchar(200)  NOT NULL,
    reason        varchar(1024),
    occurred_at   timestamptz   NOT NULL,
    agent_version bigint        NOT NULL
);
CREATE INDEX agent_history_agent_idx ON agent_history (agent_id, id);

-- Only a slow hash of each key is stored; key_id is the public, non-secret part used to find the row.
CREATE TABLE api_key (
    id          uuid         PRIMARY KEY,
    key_id      varchar(32)  NOT NULL UNIQUE,
    name        varchar(128) NOT NULL,
    role        varchar(16)  NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR', 'AUDITOR')),
    secret_hash varchar(256) NOT NULL,
    created_at  timestamptz  NOT NULL,
    created_by  varchar(200) NOT NULL,
    expires_at  timestamptz,
    revoked_at  timestamptz,
    revoked_by  varchar(200),
    row_version bigint       NOT NULL
);
CREATE INDEX api_key_active_role_idx ON api_key (role) WHERE revoked_at IS NULL;
