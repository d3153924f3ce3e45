-- 0031: KZRU-22 (Regulation cl. 10) retention of a commission's records (issue #14).
-- A commission records the date its flight tests were completed, with the act that states it,
-- or a decision that sets another term; the latest row is the term in force. Until the term has
-- passed the database itself refuses to delete or change a signed decision, its issued PDF (and
-- the stored file), and the sessions' materials (and their files) — for every role, the
-- application's included, whatever SQL it sends. (Signatures are final for ever: 0008.)

CREATE TABLE retention_bases (
    id uuid NOT NULL,
    commission_id uuid NOT NULL,
    flight_tests_completed_on date,
    term_decision_id uuid,
    keep_until date NOT NULL,
    act character varying(500) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    recorded_by_user_id uuid,
    CONSTRAINT pk_retention_bases PRIMARY KEY (id),
    CONSTRAINT fk_retention_bases_commissions_commission_id FOREIGN KEY (commission_id) REFERENCES commissions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_retention_bases_decisions_term_decision_id FOREIGN KEY (term_decision_id) REFERENCES decisions (id) ON DELETE RESTRICT,
    CONSTRAINT ck_retention_bases_basis CHECK (flight_tests_completed_on IS NOT NULL OR term_decision_id IS NOT NULL)
);

CREATE INDEX ix_retention_bases_commission_id_recorded_at ON retention_bases (commission_id, recorded_at);
CREATE INDEX ix_retention_bases_term_decision_id ON retention_bases (term_decision_id);

CREATE FUNCTION retention_bases_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'retention_bases is append-only: record a new basis instead (KZRU-22)';
END;
$$;

CREATE TRIGGER retention_bases_no_update_or_delete BEFORE UPDATE OR DELETE ON retention_bases
    FOR EACH ROW EXECUTE FUNCTION retention_bases_append_only();
CREATE TRIGGER retention_bases_no_truncate BEFORE TRUNCATE ON retention_bases
    FOR EACH STATEMENT EXECUTE FUNCTION records_never_truncated();

-- The last day the commission's records are kept; 'infinity' while no basis is recorded.
CREATE FUNCTION records_kept_until(p_commission_id uuid) RETURNS date LANGUAGE sql STABLE AS $$
    SELECT COALESCE(
        (SELECT keep_until FROM retention_bases WHERE commission_id = p_commission_id ORDER BY recorded_at DESC, id DESC LIMIT 1),
        'infinity'::date);
$$;

CREATE FUNCTION retained_records_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    v_commission uuid;
    v_until date;
BEGIN
    IF TG_TABLE_NAME = 'decisions' THEN
        -- Any decision may not be deleted; an issued one may not change at all.
        IF TG_OP = 'UPDATE' AND OLD.state <> 'Issued' THEN
            RETURN NEW;
        END IF;
        v_commission := OLD.commission_id;
    ELSIF TG_TABLE_NAME = 'issued_decision_documents' THEN
        SELECT commission_id INTO v_commission FROM decisions WHERE id = OLD.decision_id;
    ELSIF TG_TABLE_NAME = 'materials' THEN
        SELECT commission_id INTO v_commission FROM sessions WHERE id = OLD.session_id;
    ELSIF TG_TABLE_NAME = 'stored_files' THEN
        SELECT d.commission_id INTO v_commission
            FROM issued_decision_documents i JOIN decisions d ON d.id = i.decision_id WHERE i.file_id = OLD.id LIMIT 1;
        IF v_commission IS NULL THEN
            SELECT s.commission_id INTO v_commission
                FROM materials m JOIN sessions s ON s.id = m.session_id WHERE m.file_id = OLD.id LIMIT 1;
        END IF;
        IF v_commission IS NULL THEN
            RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
        END IF;
    END IF;

    v_until := records_kept_until(v_commission);
    IF current_date <= v_until THEN
        RAISE EXCEPTION 'KZRU-22: % of commission % is kept until % (Regulation cl. 10)', TG_TABLE_NAME, v_commission,
            CASE WHEN v_until = 'infinity'::date THEN '3 years after the flight tests are completed' ELSE v_until::text END
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;

CREATE TRIGGER decisions_retained BEFORE UPDATE OR DELETE ON decisions
    FOR EACH ROW EXECUTE FUNCTION retained_records_guard();
CREATE TRIGGER issued_decision_documents_retained BEFORE UPDATE OR DELETE ON issued_decision_documents
    FOR EACH ROW EXECUTE FUNCTION retained_records_guard();
CREATE TRIGGER materials_retained BEFORE UPDATE OR DELETE ON materials
    FOR EACH ROW EXECUTE FUNCTION retained_records_guard();
CREATE TRIGGER stored_files_retained BEFORE UPDATE OR DELETE ON stored_files
    FOR EACH ROW EXECUTE FUNCTION retained_records_guard();

-- Row triggers do not fire on TRUNCATE: the kept tables are never truncated.
CREATE TRIGGER decisions_no_truncate BEFORE TRUNCATE ON decisions
    FOR EACH STATEMENT EXECUTE FUNCTION records_never_truncated();
CREATE TRIGGER materials_no_truncate BEFORE TRUNCATE ON materials
    FOR EACH STATEMENT EXECUTE FUNCTION records_never_truncated();
CREATE TRIGGER stored_files_no_truncate BEFORE TRUNCATE ON stored_files
    FOR EACH STATEMENT EXECUTE FUNCTION records_never_truncated();
