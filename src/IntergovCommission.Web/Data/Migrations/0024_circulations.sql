-- 0024: drafts sent round for approval (issue 13; WF-04, seed 004 cl. 32). A circulation keeps the day the bodies received the draft
-- and the last day of the term (2 working days on the responsible side's calendar); each body's written answer is recorded with the
-- day it came in. A body with no answer once the term has passed is deemed to agree without remarks: derived on each read, not stored.

CREATE TABLE circulations (
    id uuid NOT NULL,
    commission_id uuid NOT NULL,
    side_id uuid NOT NULL,
    number integer NOT NULL,
    title_ru character varying(1000) NOT NULL,
    title_kk character varying(1000),
    document character varying(2000),
    sent_on date NOT NULL,
    due_on date NOT NULL,
    years_without_calendar integer[] NOT NULL,
    created_by_person_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_circulations PRIMARY KEY (id),
    CONSTRAINT fk_circulations_commissions_commission_id FOREIGN KEY (commission_id) REFERENCES commissions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_circulations_people_created_by_person_id FOREIGN KEY (created_by_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_circulations_sides_side_id FOREIGN KEY (side_id) REFERENCES sides (id) ON DELETE RESTRICT
);

CREATE TABLE circulation_bodies (
    id uuid NOT NULL,
    circulation_id uuid NOT NULL,
    organisation character varying(500) NOT NULL,
    answer character varying(32),
    answer_text character varying(8000),
    received_on date,
    recorded_by_person_id uuid,
    recorded_at timestamp with time zone,
    CONSTRAINT pk_circulation_bodies PRIMARY KEY (id),
    CONSTRAINT fk_circulation_bodies_circulations_circulation_id FOREIGN KEY (circulation_id) REFERENCES circulations (id) ON DELETE RESTRICT,
    CONSTRAINT fk_circulation_bodies_people_recorded_by_person_id FOREIGN KEY (recorded_by_person_id) REFERENCES people (id) ON DELETE RESTRICT
);

CREATE INDEX ix_circulation_bodies_circulation_id ON circulation_bodies (circulation_id);
CREATE INDEX ix_circulation_bodies_recorded_by_person_id ON circulation_bodies (recorded_by_person_id);
CREATE UNIQUE INDEX ix_circulations_commission_id_number ON circulations (commission_id, number);
CREATE INDEX ix_circulations_created_by_person_id ON circulations (created_by_person_id);
CREATE INDEX ix_circulations_side_id ON circulations (side_id);
