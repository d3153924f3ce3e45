-- 0013: every text printed in a document is kept per document language (issue 11), as 0011 did
-- for the meeting place. An agenda item's speakers and an invited person's organisation and topics,
-- so far one string each, get their Kazakh form; null = not given (the documents then print the
-- one text, as before).

ALTER TABLE agenda_items ADD COLUMN rapporteurs_kk character varying(1000);
ALTER TABLE invited_persons ADD COLUMN organisation_kk character varying(500);
ALTER TABLE invited_persons ADD COLUMN topics_kk character varying(2000);
