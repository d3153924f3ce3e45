-- 0005: live session (issue 4): stored files, attendance register, ballots and votes (one per member per round; one open ballot per session), dissenting opinions, expert-group referrals.

CREATE TABLE stored_files (
    id uuid NOT NULL,
    sha256 character varying(64) NOT NULL,
    size bigint NOT NULL,
    content_type character varying(200) NOT NULL,
    content bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_stored_files PRIMARY KEY (id)
);

CREATE TABLE ballots (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    agenda_item_id uuid NOT NULL,
    round integer NOT NULL,
    text_version integer NOT NULL,
    text_kk text NOT NULL,
    text_ru text NOT NULL,
    text_hash character varying(64) NOT NULL,
    state character varying(16) NOT NULL,
    opened_by_membership_id uuid NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    closed_by_membership_id uuid,
    closed_at timestamp with time zone,
    voters_present_at_close integer,
    for_count integer,
    against_count integer,
    abstain_count integer,
    adopted boolean,
    CONSTRAINT pk_ballots PRIMARY KEY (id),
    CONSTRAINT fk_ballots_agenda_items_agenda_item_id FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id) ON DELETE RESTRICT,
    CONSTRAINT fk_ballots_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE RESTRICT
);

CREATE TABLE votes (
    id uuid NOT NULL,
    ballot_id uuid NOT NULL,
    membership_id uuid NOT NULL,
    choice character varying(16) NOT NULL,
    cast_at timestamp with time zone NOT NULL,
    recorded_by_membership_id uuid,
    changes integer NOT NULL,
    CONSTRAINT pk_votes PRIMARY KEY (id),
    CONSTRAINT fk_votes_ballots_ballot_id FOREIGN KEY (ballot_id) REFERENCES ballots (id) ON DELETE RESTRICT,
    CONSTRAINT fk_votes_memberships_membership_id FOREIGN KEY (membership_id) REFERENCES memberships (id) ON DELETE RESTRICT
);

CREATE TABLE attendance_records (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    membership_id uuid NOT NULL,
    mode character varying(16) NOT NULL,
    representative_name character varying(300),
    must_attend_in_person boolean NOT NULL,
    recorded_by_person_id uuid,
    self_check_in boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_attendance_records PRIMARY KEY (id),
    CONSTRAINT fk_attendance_records_memberships_membership_id FOREIGN KEY (membership_id) REFERENCES memberships (id) ON DELETE RESTRICT,
    CONSTRAINT fk_attendance_records_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE RESTRICT
);

CREATE TABLE dissenting_opinions (
    id uuid NOT NULL,
    ballot_id uuid NOT NULL,
    membership_id uuid NOT NULL,
    person_id uuid NOT NULL,
    language character varying(8) NOT NULL,
    text character varying(20000) NOT NULL,
    file_id uuid,
    submitted_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_dissenting_opinions PRIMARY KEY (id),
    CONSTRAINT fk_dissenting_opinions_ballots_ballot_id FOREIGN KEY (ballot_id) REFERENCES ballots (id) ON DELETE RESTRICT,
    CONSTRAINT fk_dissenting_opinions_stored_files_file_id FOREIGN KEY (file_id) REFERENCES stored_files (id) ON DELETE RESTRICT
);

CREATE TABLE expert_group_referrals (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    agenda_item_id uuid NOT NULL,
    task character varying(4000) NOT NULL,
    deadline date NOT NULL,
    member_ids uuid[] NOT NULL,
    created_by_person_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    state character varying(16) NOT NULL,
    proposal_text character varying(20000),
    CONSTRAINT pk_expert_group_referrals PRIMARY KEY (id),
    CONSTRAINT fk_expert_group_referrals_agenda_items_agenda_item_id FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id) ON DELETE RESTRICT,
    CONSTRAINT fk_expert_group_referrals_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_stored_files_sha256 ON stored_files (sha256);

CREATE UNIQUE INDEX ix_ballots_agenda_item_id_round ON ballots (agenda_item_id, round);

CREATE UNIQUE INDEX ux_ballots_one_open_per_session ON ballots (session_id) WHERE state = 'Open';

CREATE INDEX ix_votes_membership_id ON votes (membership_id);

CREATE UNIQUE INDEX ux_votes_ballot_member ON votes (ballot_id, membership_id);

CREATE INDEX ix_attendance_records_membership_id ON attendance_records (membership_id);

CREATE UNIQUE INDEX ix_attendance_records_session_id_membership_id ON attendance_records (session_id, membership_id);

CREATE UNIQUE INDEX ix_dissenting_opinions_ballot_id_membership_id ON dissenting_opinions (ballot_id, membership_id);

CREATE INDEX ix_dissenting_opinions_file_id ON dissenting_opinions (file_id);

CREATE INDEX ix_expert_group_referrals_agenda_item_id ON expert_group_referrals (agenda_item_id);

CREATE INDEX ix_expert_group_referrals_session_id ON expert_group_referrals (session_id);
