-- 0040: the room screen (issue #15). A secretary creates a secret screen link for a session's
-- room screen (stored as its SHA-256 only) and revokes it; the link reads the room's view only.
-- A ballot may carry an announced closing time (informational: the presiding person closes).

CREATE TABLE screen_links (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    token_hash character varying(64) NOT NULL,
    label character varying(200) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by_person_id uuid,
    revoked_at timestamp with time zone,
    revoked_by_person_id uuid,
    CONSTRAINT pk_screen_links PRIMARY KEY (id),
    CONSTRAINT fk_screen_links_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_screen_links_token_hash ON screen_links (token_hash);
CREATE INDEX ix_screen_links_session_id ON screen_links (session_id);

ALTER TABLE ballots ADD COLUMN closing_announced_for timestamp with time zone;
