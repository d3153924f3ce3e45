-- 0017: CIS-04: a state's proposal of an extraordinary session and each state's answer (issue 12).
CREATE TABLE extraordinary_proposals (
    id uuid NOT NULL,
    commission_id uuid NOT NULL,
    proposing_side_id uuid NOT NULL,
    proposed_by_person_id uuid NOT NULL,
    subject character varying(2000) NOT NULL,
    proposed_at timestamp with time zone NOT NULL,
    supported_at timestamp with time zone,
    CONSTRAINT pk_extraordinary_proposals PRIMARY KEY (id),
    CONSTRAINT fk_extraordinary_proposals_commissions_commission_id FOREIGN KEY (commission_id) REFERENCES commissions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_extraordinary_proposals_sides_proposing_side_id FOREIGN KEY (proposing_side_id) REFERENCES sides (id) ON DELETE RESTRICT
);
CREATE INDEX ix_extraordinary_proposals_commission_id ON extraordinary_proposals (commission_id);
CREATE INDEX ix_extraordinary_proposals_proposing_side_id ON extraordinary_proposals (proposing_side_id);

CREATE TABLE extraordinary_answers (
    id uuid NOT NULL,
    proposal_id uuid NOT NULL,
    side_id uuid NOT NULL,
    person_id uuid NOT NULL,
    answer character varying(16) NOT NULL,
    answered_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_extraordinary_answers PRIMARY KEY (id),
    CONSTRAINT fk_extraordinary_answers_extraordinary_proposals_proposal_id FOREIGN KEY (proposal_id) REFERENCES extraordinary_proposals (id) ON DELETE CASCADE,
    CONSTRAINT fk_extraordinary_answers_sides_side_id FOREIGN KEY (side_id) REFERENCES sides (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_extraordinary_answers_proposal_id_side_id ON extraordinary_answers (proposal_id, side_id);
CREATE INDEX ix_extraordinary_answers_side_id ON extraordinary_answers (side_id);
