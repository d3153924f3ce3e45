-- 0021: assignments under control (issue 13; KZRU-05, KZRU-07, WF-02, WF-05, WF-06): from an issued decision or a co-chair's act,
-- with the deadline in force, the original deadline and the working-day rule that produced it; progress reports with
-- files (bytes in stored_files); deadline extensions, in force once the side's co-chair approves. Overdue is derived, not stored.

CREATE TABLE assignments (
    id uuid NOT NULL,
    commission_id uuid NOT NULL,
    side_id uuid NOT NULL,
    number integer NOT NULL,
    source character varying(32) NOT NULL,
    decision_id uuid,
    source_act character varying(1000),
    task_ru character varying(4000),
    task_kk character varying(4000),
    organisation character varying(500) NOT NULL,
    responsible_person_id uuid,
    responsible_name character varying(300),
    co_executors character varying(1000),
    controller_person_id uuid NOT NULL,
    state character varying(32) NOT NULL,
    due_on date NOT NULL,
    original_due_on date NOT NULL,
    deadline_working_days integer,
    deadline_counted_from date,
    deadline_country character varying(2),
    years_without_calendar integer[] NOT NULL,
    cancel_reason character varying(2000),
    created_by_person_id uuid NOT NULL,
    created_at timestamp with time zone NOT NULL,
    closed_at timestamp with time zone,
    CONSTRAINT pk_assignments PRIMARY KEY (id),
    CONSTRAINT fk_assignments_commissions_commission_id FOREIGN KEY (commission_id) REFERENCES commissions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assignments_decisions_decision_id FOREIGN KEY (decision_id) REFERENCES decisions (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assignments_people_controller_person_id FOREIGN KEY (controller_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assignments_people_created_by_person_id FOREIGN KEY (created_by_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assignments_people_responsible_person_id FOREIGN KEY (responsible_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assignments_sides_side_id FOREIGN KEY (side_id) REFERENCES sides (id) ON DELETE RESTRICT
);

CREATE TABLE assignment_reports (
    id uuid NOT NULL,
    assignment_id uuid NOT NULL,
    text character varying(8000) NOT NULL,
    submitted_by_person_id uuid NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    submitted_on date NOT NULL,
    outcome character varying(32) NOT NULL,
    return_reason character varying(2000),
    decided_by_person_id uuid,
    decided_at timestamp with time zone,
    CONSTRAINT pk_assignment_reports PRIMARY KEY (id),
    CONSTRAINT fk_assignment_reports_assignments_assignment_id FOREIGN KEY (assignment_id) REFERENCES assignments (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assignment_reports_people_decided_by_person_id FOREIGN KEY (decided_by_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assignment_reports_people_submitted_by_person_id FOREIGN KEY (submitted_by_person_id) REFERENCES people (id) ON DELETE RESTRICT
);

CREATE TABLE deadline_extensions (
    id uuid NOT NULL,
    assignment_id uuid NOT NULL,
    previous_due_on date NOT NULL,
    proposed_due_on date NOT NULL,
    working_days integer,
    counted_from date,
    country character varying(2),
    years_without_calendar integer[] NOT NULL,
    reason character varying(2000) NOT NULL,
    requested_by_person_id uuid NOT NULL,
    requested_at timestamp with time zone NOT NULL,
    approved boolean,
    decided_by_person_id uuid,
    decided_at timestamp with time zone,
    CONSTRAINT pk_deadline_extensions PRIMARY KEY (id),
    CONSTRAINT fk_deadline_extensions_assignments_assignment_id FOREIGN KEY (assignment_id) REFERENCES assignments (id) ON DELETE RESTRICT,
    CONSTRAINT fk_deadline_extensions_people_decided_by_person_id FOREIGN KEY (decided_by_person_id) REFERENCES people (id) ON DELETE RESTRICT,
    CONSTRAINT fk_deadline_extensions_people_requested_by_person_id FOREIGN KEY (requested_by_person_id) REFERENCES people (id) ON DELETE RESTRICT
);

CREATE TABLE assignment_report_files (
    id uuid NOT NULL,
    report_id uuid NOT NULL,
    file_id uuid NOT NULL,
    file_name character varying(255) NOT NULL,
    file_type character varying(16) NOT NULL,
    size bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    CONSTRAINT pk_assignment_report_files PRIMARY KEY (id),
    CONSTRAINT fk_assignment_report_files_assignment_reports_report_id FOREIGN KEY (report_id) REFERENCES assignment_reports (id) ON DELETE RESTRICT,
    CONSTRAINT fk_assignment_report_files_stored_files_file_id FOREIGN KEY (file_id) REFERENCES stored_files (id) ON DELETE RESTRICT
);

CREATE INDEX ix_assignment_report_files_file_id ON assignment_report_files (file_id);
CREATE INDEX ix_assignment_report_files_report_id ON assignment_report_files (report_id);
CREATE INDEX ix_assignment_reports_assignment_id ON assignment_reports (assignment_id);
CREATE INDEX ix_assignment_reports_decided_by_person_id ON assignment_reports (decided_by_person_id);
CREATE INDEX ix_assignment_reports_submitted_by_person_id ON assignment_reports (submitted_by_person_id);
CREATE UNIQUE INDEX ix_assignments_commission_id_number ON assignments (commission_id, number);
CREATE INDEX ix_assignments_controller_person_id ON assignments (controller_person_id);
CREATE INDEX ix_assignments_created_by_person_id ON assignments (created_by_person_id);
CREATE INDEX ix_assignments_decision_id ON assignments (decision_id);
CREATE INDEX ix_assignments_responsible_person_id ON assignments (responsible_person_id);
CREATE INDEX ix_assignments_side_id ON assignments (side_id);
CREATE INDEX ix_deadline_extensions_assignment_id ON deadline_extensions (assignment_id);
CREATE INDEX ix_deadline_extensions_decided_by_person_id ON deadline_extensions (decided_by_person_id);
CREATE INDEX ix_deadline_extensions_requested_by_person_id ON deadline_extensions (requested_by_person_id);
