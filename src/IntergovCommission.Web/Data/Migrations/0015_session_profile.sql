-- 0015: a session pins the regulation profile version it started under (issue 12).
ALTER TABLE sessions ADD COLUMN profile_id uuid;
ALTER TABLE sessions ADD CONSTRAINT fk_sessions_regulation_profiles_profile_id FOREIGN KEY (profile_id) REFERENCES regulation_profiles (id) ON DELETE RESTRICT;
CREATE INDEX ix_sessions_profile_id ON sessions (profile_id);
UPDATE sessions s SET profile_id = c.profile_id FROM commissions c WHERE c.id = s.commission_id AND s.state IN ('InProgress', 'Closed');
