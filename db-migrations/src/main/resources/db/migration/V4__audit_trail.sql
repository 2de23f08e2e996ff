-- The audit trail (byte formats: audit-verifier/FORMAT.md).
--
-- An action's transaction writes its events to audit_pending: one plain INSERT, no lock shared with other
-- actions, so an acknowledged action always has its events and a rolled-back one never does. The sealer then
-- moves pending events into the chain in batches: it numbers them, hash-chains them, signs the batch (audit_seal)
-- and deletes them from audit_pending, all in one transaction. The database itself refuses what would break the
-- trail: changes to sealed rows, forks and gaps in the chain, and removing a pending event that was never sealed.

CREATE TABLE audit_pending (
    id          bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid          NOT NULL,
    occurred_at timestamptz   NOT NULL,
    agent_id    uuid,
    event_type  varchar(64)   NOT NULL,
    actor       varchar(200),
    decision    varchar(32),
    details     text          NOT NULL CHECK ((details::jsonb) IS NOT NULL)
);

CREATE TABLE audit_event (
    seq         bigint        PRIMARY KEY CHECK (seq >= 0),
    event_id    uuid          NOT NULL UNIQUE,
    occurred_at timestamptz   NOT NULL,
    agent_id    uuid,
    event_type  varchar(64)   NOT NULL,
    actor       varchar(200),
    decision    varchar(32),
    details     text          NOT NULL,
    prev_hash   bytea         NOT NULL CHECK (octet_length(prev_hash) = 32),
    chain_hash  bytea         NOT NULL CHECK (octet_length(chain_hash) = 32)
);
CREATE INDEX audit_event_agent_idx ON audit_event (agent_id, seq) WHERE agent_id IS NOT NULL;
CREATE INDEX audit_event_type_idx ON audit_event (event_type, seq);
-- Events are sealed within moments of happening, so time correlates with seq: a BRIN index is tiny and enough.
CREATE INDEX audit_event_time_idx ON audit_event USING brin (occurred_at);

-- One Ed25519 signature per sealed batch, over the chain hash of its last event (covers the whole batch).
CREATE TABLE audit_seal (
    last_seq    bigint        PRIMARY KEY,
    first_seq   bigint        NOT NULL UNIQUE,
    chain_hash  bytea         NOT NULL CHECK (octet_length(chain_hash) = 32),
    sealed_at   timestamptz   NOT NULL,
    key_id      varchar(16)   NOT NULL,
    signature   bytea         NOT NULL CHECK (octet_length(signature) = 64),
    CHECK (first_seq >= 0 AND first_seq <= last_seq)
);

-- Signed tree heads of the Merkle tree over the chain (RFC 9162).
CREATE TABLE audit_checkpoint (
    tree_size   bigint        PRIMARY KEY CHECK (tree_size >= 0),
    root_hash   bytea         NOT NULL CHECK (octet_length(root_hash) = 32),
    created_at  timestamptz   NOT NULL,
    key_id      varchar(16)   NOT NULL,
    signature   bytea         NOT NULL CHECK (octet_length(signature) = 64)
);

-- Hashes of the aligned perfect subtrees of 2^level leaves, level >= 8: any inclusion or consistency proof is
-- assembled from O(log n) of these plus at most a few hundred chain hashes.
CREATE TABLE audit_merkle_node (
    level       smallint      NOT NULL CHECK (level BETWEEN 8 AND 62),
    idx         bigint        NOT NULL CHECK (idx >= 0),
    hash        bytea         NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, idx)
);

-- Public halves of the nodes' signing keys (the private keys live in each node's keystore, never here).
CREATE TABLE audit_signing_key (
    key_id      varchar(16)   PRIMARY KEY,
    public_key  bytea         NOT NULL UNIQUE CHECK (octet_length(public_key) = 32),
    valid_from  timestamptz   NOT NULL,
    valid_to    timestamptz,
    CHECK (valid_to IS NULL OR valid_to > valid_from)
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- A new event must extend the current head: the genesis event links to 32 zero bytes, every other one to the
-- chain hash of its predecessor. With seq as primary key this makes a fork or a gap impossible to commit.
CREATE FUNCTION audit_event_extends_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    predecessor bytea;
BEGIN
    IF NEW.seq = 0 THEN
        predecessor := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    ELSE
        SELECT chain_hash INTO predecessor FROM audit_event WHERE seq = NEW.seq - 1;
    END IF;
    IF predecessor IS NULL OR predecessor <> NEW.prev_hash THEN
        RAISE EXCEPTION 'audit event % does not extend the chain at %', NEW.seq, NEW.seq - 1
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$;

CREATE FUNCTION audit_pending_release() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit_event WHERE event_id = OLD.event_id) THEN
        RAISE EXCEPTION 'pending audit event % is not sealed yet and cannot be removed', OLD.event_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
END;
$$;

-- A key's validity may be closed once (rotation); nothing else about a published key ever changes.
CREATE FUNCTION audit_signing_key_retire_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'UPDATE' OR OLD.valid_to IS NOT NULL OR NEW.valid_to IS NULL
            OR NEW.key_id <> OLD.key_id OR NEW.public_key <> OLD.public_key OR NEW.valid_from <> OLD.valid_from THEN
        RAISE EXCEPTION 'published signing key %: only closing its validity once is allowed', OLD.key_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER audit_event_links BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_extends_chain();
CREATE TRIGGER audit_event_immutable BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_seal_immutable BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_checkpoint_immutable BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_merkle_node_immutable BEFORE UPDATE OR DELETE ON audit_merkle_node
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_merkle_node_no_truncate BEFORE TRUNCATE ON audit_merkle_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_pending_immutable BEFORE UPDATE ON audit_pending
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_pending_sealed_only BEFORE DELETE ON audit_pending
    FOR EACH ROW EXECUTE FUNCTION audit_pending_release();
CREATE TRIGGER audit_pending_no_truncate BEFORE TRUNCATE ON audit_pending
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

CREATE TRIGGER audit_signing_key_guard BEFORE UPDATE OR DELETE ON audit_signing_key
    FOR EACH ROW EXECUTE FUNCTION audit_signing_key_retire_only();
CREATE TRIGGER audit_signing_key_no_truncate BEFORE TRUNCATE ON audit_signing_key
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- Roles other than the owner get no way to rewrite history (the owner is held by the triggers above; run the
-- runtime as a role that does not own these tables to keep even ALTER TABLE ... DISABLE TRIGGER out of reach).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_seal, audit_checkpoint, audit_merkle_node FROM PUBLIC;
