-- 0008: decisions (issue 5, KZRU-17..23): one row per decision version with the wording as voted
-- (or corrected), the members present at the vote, the signing route and the content hash; its
-- signature slots; and the issued PDF (bytes in stored_files, SHA-256 kept for verification).

CREATE TABLE decisions (
    id uuid NOT NULL,
    commission_id uuid NOT NULL,
    session_id uuid NOT NULL,
    agenda_item_id uuid NOT NULL,
    ballot_id uuid NOT NULL,
    number character varying(32) NOT NULL,
    kind character varying(40) NOT NULL,
    version_number integer NOT NULL,
    previous_version_id uuid,
    title_kk text NOT NULL,
    title_ru text NOT NULL,
    text_kk text NOT NULL,
    text_ru text NOT NULL,
    present_at_vote uuid[] NOT NULL,
    state character varying(16) NOT NULL,
    content_hash character varying(64),
    route character varying(16),
    route_rule_id character varying(16),
    copies integer NOT NULL,
    signing_started_at timestamp with time zone,
    approved_at timestamp with time zone,
    CONSTRAINT pk_decisions PRIMARY KEY (id),
    CONSTRAINT fk_decisions_agenda_items_agenda_item_id FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id) ON DELETE RESTRICT,
    CONSTRAINT fk_decisions_ballots_ballot_id FOREIGN KEY (ballot_id) REFERENCES ballots (id) ON DELETE RESTRICT,
    CONSTRAINT fk_decisions_commissions_commission_id FOREIGN KEY (commission_id) REFERENCES commissions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_decisions_decisions_previous_version_id FOREIGN KEY (previous_version_id) REFERENCES decisions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_decisions_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE RESTRICT
);

CREATE TABLE decision_signatures (
    id uuid NOT NULL,
    decision_id uuid NOT NULL,
    membership_id uuid NOT NULL,
    person_id uuid NOT NULL,
    side_id uuid,
    role character varying(24) NOT NULL,
    kind character varying(16) NOT NULL,
    signed_hash character varying(64),
    signed_at timestamp with time zone,
    from_address character varying(64),
    provider character varying(64),
    CONSTRAINT pk_decision_signatures PRIMARY KEY (id),
    CONSTRAINT fk_decision_signatures_decisions_decision_id FOREIGN KEY (decision_id) REFERENCES decisions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_decision_signatures_memberships_membership_id FOREIGN KEY (membership_id) REFERENCES memberships (id) ON DELETE RESTRICT,
    CONSTRAINT fk_decision_signatures_people_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT
);

CREATE TABLE issued_decision_documents (
    id uuid NOT NULL,
    decision_id uuid NOT NULL,
    version_number integer NOT NULL,
    file_id uuid NOT NULL,
    sha256 character varying(64) NOT NULL,
    issued_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_issued_decision_documents PRIMARY KEY (id),
    CONSTRAINT fk_issued_decision_documents_decisions_decision_id FOREIGN KEY (decision_id) REFERENCES decisions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_issued_decision_documents_stored_files_file_id FOREIGN KEY (file_id) REFERENCES stored_files (id) ON DELETE RESTRICT
);

CREATE INDEX ix_decision_signatures_membership_id ON decision_signatures (membership_id);
CREATE INDEX ix_decision_signatures_person_id ON decision_signatures (person_id);
CREATE UNIQUE INDEX ux_decision_signatures_decision_member_kind ON decision_signatures (decision_id, membership_id, kind);
CREATE INDEX ix_decisions_agenda_item_id ON decisions (agenda_item_id);
CREATE INDEX ix_decisions_ballot_id ON decisions (ballot_id);
CREATE INDEX ix_decisions_previous_version_id ON decisions (previous_version_id);
CREATE INDEX ix_decisions_session_id ON decisions (session_id);
CREATE UNIQUE INDEX ux_decisions_commission_number_version ON decisions (commission_id, number, version_number);
CREATE UNIQUE INDEX ux_decisions_current_version ON decisions (commission_id, number) WHERE state <> 'Superseded';
CREATE UNIQUE INDEX ix_issued_decision_documents_decision_id ON issued_decision_documents (decision_id);
CREATE INDEX ix_issued_decision_documents_file_id ON issued_decision_documents (file_id);
CREATE INDEX ix_issued_decision_documents_sha256 ON issued_decision_documents (sha256);

-- A given signature is final (KZRU-18): a signed slot never changes and no slot is deleted.
CREATE FUNCTION decision_signatures_are_final() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'decision signatures are never deleted (KZRU-18)';
    END IF;
    IF OLD.signed_at IS NOT NULL THEN
        RAISE EXCEPTION 'a given signature never changes (KZRU-18)';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER trg_decision_signatures_final BEFORE UPDATE OR DELETE ON decision_signatures
    FOR EACH ROW EXECUTE FUNCTION decision_signatures_are_final();

-- The content hash fixed when signing starts never changes; a correction is a new version.
CREATE FUNCTION decisions_hash_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.content_hash IS NOT NULL AND NEW.content_hash IS DISTINCT FROM OLD.content_hash THEN
        RAISE EXCEPTION 'the content hash of a decision never changes once signing started (KZRU-18)';
    END IF;
    IF OLD.content_hash IS NOT NULL AND (NEW.text_kk <> OLD.text_kk OR NEW.text_ru <> OLD.text_ru OR NEW.title_kk <> OLD.title_kk OR NEW.title_ru <> OLD.title_ru) THEN
        RAISE EXCEPTION 'the wording of a decision on its route never changes; a correction is a new version (KZRU-18)';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER trg_decisions_hash_fixed BEFORE UPDATE ON decisions
    FOR EACH ROW EXECUTE FUNCTION decisions_hash_is_fixed();
