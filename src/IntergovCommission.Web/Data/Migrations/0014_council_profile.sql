-- 0014: a second regulation (issue 12): the rotating chair (CIS-03), substitutes' credentials (CIS-01),
-- declarations of no interest (CIS-08), the states an item directly affects (CIS-11), the profile a session ran under.

CREATE TABLE chairmanships (
    id uuid NOT NULL,
    commission_id uuid NOT NULL,
    side_id uuid NOT NULL,
    starts_on date NOT NULL,
    ends_on date NOT NULL,
    basis character varying(1000) NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    recorded_by_person_id uuid,
    CONSTRAINT pk_chairmanships PRIMARY KEY (id),
    CONSTRAINT fk_chairmanships_commissions_commission_id FOREIGN KEY (commission_id) REFERENCES commissions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_chairmanships_sides_side_id FOREIGN KEY (side_id) REFERENCES sides (id) ON DELETE RESTRICT,
    CONSTRAINT ck_chairmanships_term CHECK (ends_on >= starts_on)
);
CREATE INDEX ix_chairmanships_commission_id_starts_on ON chairmanships (commission_id, starts_on);

ALTER TABLE attendance_records
    ADD COLUMN credentials_confirmed_at timestamp with time zone,
    ADD COLUMN credentials_confirmed_by_person_id uuid,
    ADD COLUMN credentials_document character varying(500);

CREATE TABLE no_interest_declarations (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    agenda_item_id uuid NOT NULL,
    side_id uuid NOT NULL,
    declared_by_person_id uuid NOT NULL,
    declared_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_no_interest_declarations PRIMARY KEY (id),
    CONSTRAINT fk_no_interest_declarations_agenda_items_agenda_item_id FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id) ON DELETE CASCADE,
    CONSTRAINT fk_no_interest_declarations_sides_side_id FOREIGN KEY (side_id) REFERENCES sides (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ux_no_interest_declarations_item_side ON no_interest_declarations (agenda_item_id, side_id);

ALTER TABLE agenda_items ADD COLUMN affected_side_ids uuid[] NOT NULL DEFAULT '{}';
CREATE INDEX ix_chairmanships_side_id ON chairmanships (side_id);
CREATE INDEX ix_no_interest_declarations_side_id ON no_interest_declarations (side_id);
