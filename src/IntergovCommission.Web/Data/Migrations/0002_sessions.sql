-- 0002: sessions (issue 3): sessions, agenda items, invited persons, co-chairs' approvals per agenda version,
-- members' agenda proposals, co-chairs' acceptances of unscheduled items (KZRU-06..14).
-- Generated from the EF model (--print-model-ddl), then reviewed. Never edit an applied migration: add the next number.

CREATE TABLE sessions (
    id uuid NOT NULL,
    commission_id uuid NOT NULL,
    number integer NOT NULL,
    kind character varying(32) NOT NULL,
    format character varying(32) NOT NULL,
    place character varying(500),
    conference_link character varying(1000),
    starts_at timestamp with time zone NOT NULL,
    time_zone_id character varying(64) NOT NULL,
    state character varying(32) NOT NULL,
    cancel_reason character varying(1000),
    created_at timestamp with time zone NOT NULL,
    agenda_version integer NOT NULL,
    sent_version integer,
    published_at timestamp with time zone,
    CONSTRAINT pk_sessions PRIMARY KEY (id),
    CONSTRAINT fk_sessions_commissions_commission_id FOREIGN KEY (commission_id) REFERENCES commissions (id) ON DELETE RESTRICT
);

CREATE TABLE agenda_items (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    position integer NOT NULL,
    rapporteurs character varying(1000),
    decision_kind character varying(64) NOT NULL,
    is_unscheduled boolean NOT NULL,
    proposal_id uuid,
    draft_decision_en character varying(20000),
    draft_decision_kk character varying(20000),
    draft_decision_ru character varying(20000),
    title_en character varying(500),
    title_kk character varying(500),
    title_ru character varying(500),
    CONSTRAINT pk_agenda_items PRIMARY KEY (id),
    CONSTRAINT fk_agenda_items_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE TABLE invited_persons (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    full_name character varying(300) NOT NULL,
    organisation character varying(500) NOT NULL,
    person_id uuid,
    topics character varying(2000),
    item_ids uuid[] NOT NULL,
    CONSTRAINT pk_invited_persons PRIMARY KEY (id),
    CONSTRAINT fk_invited_persons_people_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_invited_persons_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE TABLE agenda_approvals (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    agenda_version integer NOT NULL,
    person_id uuid NOT NULL,
    side_id uuid NOT NULL,
    outcome character varying(32) NOT NULL,
    comment character varying(4000),
    decided_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_agenda_approvals PRIMARY KEY (id),
    CONSTRAINT fk_agenda_approvals_people_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agenda_approvals_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agenda_approvals_sides_side_id FOREIGN KEY (side_id) REFERENCES sides (id) ON DELETE RESTRICT
);

CREATE TABLE agenda_proposals (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    commission_id uuid NOT NULL,
    proposer_person_id uuid NOT NULL,
    side_id uuid NOT NULL,
    received_at timestamp with time zone NOT NULL,
    deadline_at timestamp with time zone NOT NULL,
    is_late boolean NOT NULL,
    status character varying(32) NOT NULL,
    decline_reason character varying(2000),
    decided_by_person_id uuid,
    decided_at timestamp with time zone,
    agenda_item_id uuid,
    draft_decision_en character varying(20000),
    draft_decision_kk character varying(20000),
    draft_decision_ru character varying(20000),
    rationale_en character varying(10000),
    rationale_kk character varying(10000),
    rationale_ru character varying(10000),
    title_en character varying(500),
    title_kk character varying(500),
    title_ru character varying(500),
    CONSTRAINT pk_agenda_proposals PRIMARY KEY (id),
    CONSTRAINT fk_agenda_proposals_commissions_commission_id FOREIGN KEY (commission_id) REFERENCES commissions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agenda_proposals_people_decided_by_person_id FOREIGN KEY (decided_by_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agenda_proposals_people_proposer_person_id FOREIGN KEY (proposer_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agenda_proposals_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_agenda_proposals_sides_side_id FOREIGN KEY (side_id) REFERENCES sides (id) ON DELETE RESTRICT
);

CREATE TABLE unscheduled_acceptances (
    id uuid NOT NULL,
    agenda_item_id uuid NOT NULL,
    person_id uuid NOT NULL,
    side_id uuid NOT NULL,
    accepted_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_unscheduled_acceptances PRIMARY KEY (id),
    CONSTRAINT fk_unscheduled_acceptances_agenda_items_agenda_item_id FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id) ON DELETE CASCADE,
    CONSTRAINT fk_unscheduled_acceptances_people_person_id FOREIGN KEY (person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_unscheduled_acceptances_sides_side_id FOREIGN KEY (side_id) REFERENCES sides (id) ON DELETE RESTRICT
);

CREATE INDEX ix_agenda_approvals_person_id ON agenda_approvals (person_id);

CREATE INDEX ix_agenda_approvals_side_id ON agenda_approvals (side_id);

CREATE UNIQUE INDEX ux_agenda_approvals_session_version_person ON agenda_approvals (session_id, agenda_version, person_id);

CREATE INDEX ix_agenda_items_session_id ON agenda_items (session_id);

CREATE UNIQUE INDEX ux_agenda_items_proposal ON agenda_items (proposal_id) WHERE proposal_id IS NOT NULL;

CREATE INDEX ix_agenda_proposals_commission_id ON agenda_proposals (commission_id);

CREATE INDEX ix_agenda_proposals_decided_by_person_id ON agenda_proposals (decided_by_person_id);

CREATE INDEX ix_agenda_proposals_proposer_person_id ON agenda_proposals (proposer_person_id);

CREATE INDEX ix_agenda_proposals_session_id_side_id_status ON agenda_proposals (session_id, side_id, status);

CREATE INDEX ix_agenda_proposals_side_id ON agenda_proposals (side_id);

CREATE INDEX ix_invited_persons_person_id ON invited_persons (person_id);

CREATE INDEX ix_invited_persons_session_id ON invited_persons (session_id);

CREATE UNIQUE INDEX ux_sessions_commission_number ON sessions (commission_id, number);

CREATE INDEX ix_unscheduled_acceptances_person_id ON unscheduled_acceptances (person_id);

CREATE INDEX ix_unscheduled_acceptances_side_id ON unscheduled_acceptances (side_id);

CREATE UNIQUE INDEX ux_unscheduled_acceptances_item_person ON unscheduled_acceptances (agenda_item_id, person_id);
