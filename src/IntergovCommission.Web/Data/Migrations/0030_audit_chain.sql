-- 0030: the audit trail becomes a hash chain (issue #14). Each row stores its place (seq), the
-- hash of the row before it and its own hash over its canonical content (AuditCanonicalForm in
-- IntergovCommission.Domain/Audit). One chain for the whole installation; see docs/architecture.md.
-- Signed checkpoints of the chain are kept in audit_checkpoints and, outside the database, in
-- the checkpoint file (docs/operations.md).

ALTER TABLE audit_entries ADD COLUMN seq bigint;
ALTER TABLE audit_entries ADD COLUMN previous_hash character varying(64);
ALTER TABLE audit_entries ADD COLUMN hash character varying(64);

-- No two rows share a place or a predecessor: a fork cannot be stored, whatever the writers do.
CREATE UNIQUE INDEX ix_audit_entries_seq ON audit_entries (seq);
CREATE UNIQUE INDEX ix_audit_entries_previous_hash ON audit_entries (previous_hash);

-- Still append-only. The one update allowed: rows written before this migration get their place
-- in the chain once (AuditChain.SealEarlierRowsAsync at start-up), nothing else about them changes.
CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND OLD.hash IS NULL AND NEW.seq IS NOT NULL AND NEW.hash IS NOT NULL
       AND NEW.id = OLD.id AND NEW.at = OLD.at AND NEW.user_id IS NOT DISTINCT FROM OLD.user_id
       AND NEW.user_name IS NOT DISTINCT FROM OLD.user_name AND NEW.commission_id IS NOT DISTINCT FROM OLD.commission_id
       AND NEW.action = OLD.action AND NEW.request = OLD.request AND NEW.changes = OLD.changes
       AND NEW.correlation_id IS NOT DISTINCT FROM OLD.correlation_id AND NEW.remote_address IS NOT DISTINCT FROM OLD.remote_address
       AND OLD.at < (SELECT applied_at FROM schema_migrations WHERE number = 30) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_entries is append-only';
END;
$$;

CREATE TABLE audit_checkpoints (
    id uuid NOT NULL,
    length bigint NOT NULL,
    head_hash character varying(64) NOT NULL,
    at timestamp with time zone NOT NULL,
    signature text NOT NULL,
    reason character varying(32) NOT NULL,
    CONSTRAINT pk_audit_checkpoints PRIMARY KEY (id)
);

CREATE INDEX ix_audit_checkpoints_length ON audit_checkpoints (length);

CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_checkpoints is append-only';
END;
$$;

CREATE TRIGGER audit_checkpoints_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION records_never_truncated();
