-- 0023: the register of treaties a commission serves and the annual report on their execution (issue 13; WF-07, seed 004 annex 1).
-- A treaty keeps fields (1)-(8); a report (one per treaty and year) keeps what the reporting side's secretariat writes: the measures
-- and the other party's performance for (9), problems and proposals (10), the proposal on further implementation (12). The figures of
-- (9) are computed from the year's record on each read; (11) belongs to the Ministry of Foreign Affairs and is not stored.

CREATE TABLE treaties (
    id uuid NOT NULL,
    commission_id uuid NOT NULL,
    reporting_side_id uuid NOT NULL,
    name_ru character varying(2000) NOT NULL,
    name_kk character varying(2000),
    concluded_on date NOT NULL,
    signing_acts character varying(2000),
    in_force_on date,
    in_force_acts character varying(2000),
    validity character varying(1000),
    responsible_bodies character varying(2000),
    subject character varying(4000),
    created_by_person_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_treaties PRIMARY KEY (id),
    CONSTRAINT fk_treaties_commissions_commission_id FOREIGN KEY (commission_id) REFERENCES commissions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_treaties_people_created_by_person_id FOREIGN KEY (created_by_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_treaties_sides_reporting_side_id FOREIGN KEY (reporting_side_id) REFERENCES sides (id) ON DELETE RESTRICT
);

CREATE TABLE treaty_reports (
    id uuid NOT NULL,
    treaty_id uuid NOT NULL,
    year integer NOT NULL,
    measures character varying(8000),
    problems character varying(8000),
    proposal character varying(16),
    proposal_text character varying(4000),
    updated_by_person_id uuid,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone,
    CONSTRAINT pk_treaty_reports PRIMARY KEY (id),
    CONSTRAINT fk_treaty_reports_people_updated_by_person_id FOREIGN KEY (updated_by_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_treaty_reports_treaties_treaty_id FOREIGN KEY (treaty_id) REFERENCES treaties (id) ON DELETE RESTRICT
);

CREATE INDEX ix_treaties_commission_id ON treaties (commission_id);
CREATE INDEX ix_treaties_created_by_person_id ON treaties (created_by_person_id);
CREATE INDEX ix_treaties_reporting_side_id ON treaties (reporting_side_id);
CREATE UNIQUE INDEX ix_treaty_reports_treaty_id_year ON treaty_reports (treaty_id, year);
CREATE INDEX ix_treaty_reports_updated_by_person_id ON treaty_reports (updated_by_person_id);
