-- 0012: a session opens on its scheduled day (KZRU-09); opening it earlier is a recorded rescheduling,
-- with the start as scheduled and the reason kept beside the new start.

ALTER TABLE sessions ADD COLUMN rescheduled_from timestamp with time zone;
ALTER TABLE sessions ADD COLUMN reschedule_reason character varying(1000);
