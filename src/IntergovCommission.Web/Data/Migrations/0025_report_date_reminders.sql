-- 0025: reminders of the fixed report dates (issue 13; WF-05: 15 June, 15 December, 10 January; WF-07: 10 January): one row per
-- commission, report kind, date and stage, inserted with ON CONFLICT DO NOTHING in the notifications' transaction (once across instances).

CREATE TABLE report_date_reminders (
    commission_id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    due_on date NOT NULL,
    stage character varying(16) NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_report_date_reminders PRIMARY KEY (commission_id, kind, due_on, stage),
    CONSTRAINT fk_report_date_reminders_commissions_commission_id FOREIGN KEY (commission_id) REFERENCES commissions (id) ON DELETE CASCADE
);
