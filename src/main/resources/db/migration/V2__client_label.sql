-- The caller's own label (X-Client-Id), kept beside the authenticated caller and never as identity.
-- The record's canonical JSON holds it as clientLabel (so the hash chain covers it); this column
-- repeats it for filtering, like the other columns. Records written before it have none.
ALTER TABLE decision_record ADD COLUMN client_label VARCHAR(200);
CREATE INDEX decision_record_client_label ON decision_record (client_label, seq);
