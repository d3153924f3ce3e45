-- 0032: KZRU-22 disposal acts (issue #14): after the term, who disposed of which records of a
-- commission for a period, on which decision, and the SHA-256 of the archive made before it.
-- Append-only; a disposal is refused while any record of the set is within its term.

CREATE TABLE disposal_acts (
    id uuid NOT NULL,
    commission_id uuid NOT NULL,
    period_from date NOT NULL,
    period_to date NOT NULL,
    by_decision character varying(500) NOT NULL,
    archive_sha256 character varying(64) NOT NULL,
    records jsonb NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    recorded_by_user_id uuid,
    CONSTRAINT pk_disposal_acts PRIMARY KEY (id),
    CONSTRAINT fk_disposal_acts_commissions_commission_id FOREIGN KEY (commission_id) REFERENCES commissions (id) ON DELETE RESTRICT
);

CREATE INDEX ix_disposal_acts_commission_id ON disposal_acts (commission_id);

CREATE FUNCTION disposal_acts_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'disposal_acts is append-only (KZRU-22)';
END;
$$;

CREATE TRIGGER disposal_acts_no_update_or_delete BEFORE UPDATE OR DELETE ON disposal_acts
    FOR EACH ROW EXECUTE FUNCTION disposal_acts_append_only();
CREATE TRIGGER disposal_acts_no_truncate BEFORE TRUNCATE ON disposal_acts
    FOR EACH STATEMENT EXECUTE FUNCTION records_never_truncated();
