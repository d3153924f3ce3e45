-- 0006: session materials (issue 3, KZRU-13): one row per version of a document submitted for an agenda item; bytes in stored_files, committed together.

CREATE TABLE materials (
    id uuid NOT NULL,
    session_id uuid NOT NULL,
    agenda_item_id uuid NOT NULL,
    file_id uuid NOT NULL,
    title character varying(300) NOT NULL,
    file_name character varying(255) NOT NULL,
    file_type character varying(16) NOT NULL,
    size bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    submitted_by_person_id uuid NOT NULL,
    through_side_id uuid NOT NULL,
    uploaded_by_person_id uuid NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    version_number integer NOT NULL,
    CONSTRAINT pk_materials PRIMARY KEY (id),
    CONSTRAINT fk_materials_agenda_items_agenda_item_id FOREIGN KEY (agenda_item_id) REFERENCES agenda_items (id) ON DELETE RESTRICT,
    CONSTRAINT fk_materials_people_submitted_by_person_id FOREIGN KEY (submitted_by_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_materials_people_uploaded_by_person_id FOREIGN KEY (uploaded_by_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_materials_sessions_session_id FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_materials_sides_through_side_id FOREIGN KEY (through_side_id) REFERENCES sides (id) ON DELETE RESTRICT,
    CONSTRAINT fk_materials_stored_files_file_id FOREIGN KEY (file_id) REFERENCES stored_files (id) ON DELETE RESTRICT
);

CREATE UNIQUE INDEX ix_materials_agenda_item_id_sha256 ON materials (agenda_item_id, sha256);
CREATE UNIQUE INDEX ix_materials_agenda_item_id_title_version_number ON materials (agenda_item_id, title, version_number);
CREATE INDEX ix_materials_file_id ON materials (file_id);
CREATE INDEX ix_materials_session_id ON materials (session_id);
CREATE INDEX ix_materials_submitted_by_person_id ON materials (submitted_by_person_id);
CREATE INDEX ix_materials_through_side_id ON materials (through_side_id);
CREATE INDEX ix_materials_uploaded_by_person_id ON materials (uploaded_by_person_id);
