-- 0022: assignment deadline reminders (issue 13, WF-05): one row per assignment, kind (Coming / Overdue) and deadline, inserted with
-- ON CONFLICT DO NOTHING in the same transaction as the notifications, so each goes once across restarts and instances.

CREATE TABLE assignment_reminders (
    assignment_id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    due_on date NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_assignment_reminders PRIMARY KEY (assignment_id, kind, due_on),
    CONSTRAINT fk_assignment_reminders_assignments_assignment_id FOREIGN KEY (assignment_id) REFERENCES assignments (id) ON DELETE CASCADE
);
