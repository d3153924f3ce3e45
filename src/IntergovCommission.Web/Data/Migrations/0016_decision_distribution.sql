-- 0016: CIS-12: adopted documents are sent to all members within the profile's term (issue 12).
CREATE TABLE decision_distributions (
    id uuid NOT NULL,
    decision_id uuid NOT NULL,
    sent_on date NOT NULL,
    how character varying(1000) NOT NULL,
    recorded_by_person_id uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_decision_distributions PRIMARY KEY (id),
    CONSTRAINT fk_decision_distributions_decisions_decision_id FOREIGN KEY (decision_id) REFERENCES decisions (id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX ix_decision_distributions_decision_id ON decision_distributions (decision_id);
