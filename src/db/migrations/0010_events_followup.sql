-- After the event: attendance, reminders, feedback and materials.

-- The language the person registered in: reminders and follow-ups sent later by the server use it.
ALTER TABLE event_registrations ADD COLUMN locale text NOT NULL DEFAULT 'de';
-- Marked by the office on the participant list; certificates and the feedback mail go to attendees only.
ALTER TABLE event_registrations ADD COLUMN attended boolean NOT NULL DEFAULT false;
-- Each is sent once: the time it was queued is the record.
ALTER TABLE event_registrations ADD COLUMN reminder_sent_at timestamptz;
ALTER TABLE event_registrations ADD COLUMN followup_sent_at timestamptz;
-- The personal link to the materials (participants only); like the other tokens only its hash is kept.
ALTER TABLE event_registrations ADD COLUMN access_token_hash text UNIQUE;

-- Feedback is anonymous by construction: a token is not linked to the registration it was sent to, and an
-- answer is not linked to the token it used. Using a token deletes it, so each token answers once.
CREATE TABLE event_feedback_tokens (
  token_hash text PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX event_feedback_tokens_event ON event_feedback_tokens (event_id);

CREATE TABLE event_feedback (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  -- question key → rating 1..5; a question left out is not counted
  ratings jsonb NOT NULL DEFAULT '{}'::jsonb,
  comment text NOT NULL DEFAULT '' CHECK (length(comment) <= 4000),
  -- the day only: an exact time could be matched against the sending of the mails
  answered_on date NOT NULL DEFAULT CURRENT_DATE
);
CREATE INDEX event_feedback_event ON event_feedback (event_id);

-- Documents attached to an event after it: for its participants (through their personal link) or public.
CREATE TABLE event_materials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  file_id uuid NOT NULL REFERENCES stored_files (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  visibility text NOT NULL CHECK (visibility IN ('participants', 'public')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX event_materials_event ON event_materials (event_id);
