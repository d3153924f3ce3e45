-- 0007: KZRU-12 proposal deadline reminders, one row per session (the key makes the reminder go once across restarts and instances).

CREATE TABLE proposal_deadline_reminders (
    session_id uuid NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_proposal_deadline_reminders PRIMARY KEY (session_id),
    CONSTRAINT fk_proposal_deadline_reminders_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
);
