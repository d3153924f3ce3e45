-- 0004: integration API (personal access tokens, stored hashed; idempotency records) and in-app notifications.

CREATE TABLE idempotency_records (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    key character varying(200) NOT NULL,
    request_fingerprint character varying(64) NOT NULL,
    status_code integer NOT NULL,
    content_type character varying(200) NOT NULL,
    body bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_idempotency_records PRIMARY KEY (id)
);

CREATE TABLE notifications (
    id uuid NOT NULL,
    recipient_person_id uuid NOT NULL,
    commission_id uuid,
    kind character varying(64) NOT NULL,
    text_key character varying(128) NOT NULL,
    arguments jsonb NOT NULL,
    link character varying(500),
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone,
    CONSTRAINT pk_notifications PRIMARY KEY (id),
    CONSTRAINT fk_notifications_people_recipient_person_id FOREIGN KEY (recipient_person_id) REFERENCES people (id) ON DELETE CASCADE
);

CREATE TABLE api_tokens (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    token_hash character varying(64) NOT NULL,
    display_prefix character varying(16) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone,
    last_used_at timestamp with time zone,
    CONSTRAINT pk_api_tokens PRIMARY KEY (id),
    CONSTRAINT fk_api_tokens_asp_net_users_user_id FOREIGN KEY (user_id) REFERENCES identity_users (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_api_tokens_token_hash ON api_tokens (token_hash);

CREATE INDEX ix_api_tokens_user_id ON api_tokens (user_id);

CREATE INDEX ix_idempotency_records_created_at ON idempotency_records (created_at);

CREATE UNIQUE INDEX ix_idempotency_records_user_id_key ON idempotency_records (user_id, key);

CREATE INDEX ix_notifications_recipient_person_id_read_at_created_at ON notifications (recipient_person_id, read_at, created_at);
