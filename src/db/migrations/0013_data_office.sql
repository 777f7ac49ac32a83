-- Datenerhebung, the office's side: reminders to centres that have not released their records before the
-- deadline, sent once per stage (the automatic ones N days before the deadline, a manual one at most once a day).
-- Only the organisation and the stage are kept: a reminder row says nothing about any record.

CREATE TABLE data_reminders (
  year integer NOT NULL REFERENCES data_years (year) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  stage text NOT NULL CHECK (stage ~ '^(before_[0-9]{1,3}|manual_[0-9]{4}-[0-9]{2}-[0-9]{2})$'),
  recipients integer NOT NULL CHECK (recipients >= 0),
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (year, organisation_id, stage)
);
