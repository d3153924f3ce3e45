-- 0007: KZRU-12 proposal deadline reminders, one row per session (the key makes the reminder go once across restarts and instances).

CREATE TABLE proposal_deadline_reminders (
    session_id uuid NOT NULL,
    sent_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_proposal_deadline_reminders PRIMARY KEY (session_id),
    CONSTRAINT fk_proposal_deadline_reminders_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
);

-- Personal calendar feed addresses: one per user, only the SHA-256 of the secret is stored.
CREATE TABLE calendar_feed_tokens (
    user_id uuid NOT NULL,
    token_hash character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_calendar_feed_tokens PRIMARY KEY (user_id),
    CONSTRAINT fk_calendar_feed_tokens_identity_users_user_id FOREIGN KEY (user_id) REFERENCES identity_users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_calendar_feed_tokens_token_hash ON calendar_feed_tokens (token_hash);
