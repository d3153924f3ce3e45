-- 0011: every text printed in a document is kept per document language (issue 11). The meeting
-- place, so far one string (printed in both columns), gets its Kazakh form; null = not given
-- (the documents then print the one place in both columns, as before).

ALTER TABLE sessions ADD COLUMN place_kk character varying(500);
