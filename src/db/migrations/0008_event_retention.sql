-- Personal data of participants is kept only as long as needed (DOMAIN.md rule 6): after the retention period the
-- registrations are deleted and only anonymous counts stay with the event.
ALTER TABLE events ADD COLUMN participant_counts jsonb;
ALTER TABLE events ADD COLUMN personal_data_deleted_at timestamptz;
