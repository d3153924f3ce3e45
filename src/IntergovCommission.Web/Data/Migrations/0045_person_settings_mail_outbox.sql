-- 0045 (issue 15 items 5 and 8): a person's own settings and the e-mail outbox.
-- time_zone_id: the zone the person reads times in (null: their side's zone, KZRU Asia/Almaty, RU Europe/Moscow).
-- email_kinds: the notification kinds that also come by e-mail (null: every kind; empty: none).
ALTER TABLE identity_users ADD COLUMN time_zone_id character varying(64);
ALTER TABLE identity_users ADD COLUMN email_kinds text[];

-- One row per notification, written in the same transaction as the notification; the background sender
-- decides (address, chosen kinds), renders in the person's language and zone, sends through SMTP or writes
-- an .eml file to the pickup folder, and records the outcome; failures are retried with a growing delay.
CREATE TABLE mail_outbox (
    id uuid NOT NULL,
    notification_id uuid NOT NULL,
    recipient_person_id uuid NOT NULL,
    kind character varying(64) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    state character varying(16) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    to_address character varying(256),
    language character varying(8),
    subject character varying(500),
    delivered_via character varying(16),
    sent_at timestamp with time zone,
    last_error character varying(1000),
    CONSTRAINT pk_mail_outbox PRIMARY KEY (id),
    CONSTRAINT fk_mail_outbox_notifications_notification_id FOREIGN KEY (notification_id) REFERENCES notifications (id) ON DELETE CASCADE,
    CONSTRAINT fk_mail_outbox_people_recipient_person_id FOREIGN KEY (recipient_person_id) REFERENCES people (id) ON DELETE CASCADE
);

CREATE INDEX ix_mail_outbox_state_next_attempt_at ON mail_outbox (state, next_attempt_at);
CREATE INDEX ix_mail_outbox_notification_id ON mail_outbox (notification_id);
CREATE INDEX ix_mail_outbox_recipient_person_id ON mail_outbox (recipient_person_id);
