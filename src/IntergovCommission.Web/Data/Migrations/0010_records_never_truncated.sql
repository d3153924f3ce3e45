-- 0010: the audit trail and the decisions' signatures and issued documents cannot be emptied by
-- TRUNCATE either (row triggers do not fire on TRUNCATE; a statement trigger does). KZRU-22 keeps
-- decisions; the product keeps every change audited.

CREATE FUNCTION records_never_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: it is never truncated', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries
    FOR EACH STATEMENT EXECUTE FUNCTION records_never_truncated();
CREATE TRIGGER decision_signatures_no_truncate BEFORE TRUNCATE ON decision_signatures
    FOR EACH STATEMENT EXECUTE FUNCTION records_never_truncated();
CREATE TRIGGER issued_decision_documents_no_truncate BEFORE TRUNCATE ON issued_decision_documents
    FOR EACH STATEMENT EXECUTE FUNCTION records_never_truncated();
