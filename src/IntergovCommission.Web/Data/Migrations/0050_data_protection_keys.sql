-- 0050: Data Protection keys kept in the database, so every app instance behind a load balancer
-- reads the same key ring (sign-in cookies and antiforgery tokens made on one are valid on all).
CREATE TABLE data_protection_keys (
    id bigint GENERATED ALWAYS AS IDENTITY,
    friendly_name character varying(200),
    xml text NOT NULL,
    CONSTRAINT pk_data_protection_keys PRIMARY KEY (id)
);
