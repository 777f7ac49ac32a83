-- Schulungsanfragen and Referent*innen-Vermittlung: training requests of authorities and organisations, the
-- speaker pool, speaker requests with proposals and answers. Tokens (profile links, yes/no answers) are stored
-- only as SHA-256 hashes. Vocabulary keys (audiences, topics, formats, Länder) are checked in the application.

CREATE TABLE training_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation text NOT NULL CHECK (length(organisation) BETWEEN 1 AND 300),
  contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
  -- trimmed and lower-cased
  email text NOT NULL,
  phone text NOT NULL DEFAULT '',
  audiences text[] NOT NULL DEFAULT '{}',
  group_size integer NOT NULL CHECK (group_size BETWEEN 1 AND 10000),
  topics text[] NOT NULL DEFAULT '{}',
  preferred_dates text NOT NULL DEFAULT '',
  format text NOT NULL CHECK (format IN ('in_person', 'online', 'hybrid')),
  -- two-digit key of the Land, or NULL (nationwide / not in Germany)
  land text,
  message text NOT NULL DEFAULT '',
  -- the language of the requester's mails
  locale text NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en')),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_clarification', 'scheduled', 'declined')),
  event_id uuid REFERENCES events (id) ON DELETE SET NULL,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_requests_status ON training_requests (status, created_at);

CREATE TABLE speakers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  organisation text NOT NULL DEFAULT '',
  email text NOT NULL,
  -- name and organisation appear publicly only with this consent
  public_consent boolean NOT NULL DEFAULT false,
  topics text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{de}',
  -- Land keys and/or 'nationwide'
  regions text[] NOT NULL DEFAULT '{}',
  -- talk, workshop, panel, online
  formats text[] NOT NULL DEFAULT '{}',
  fee_notes text NOT NULL DEFAULT '',
  active boolean NOT NULL DEFAULT true,
  -- a member account that may keep this profile current
  user_id uuid UNIQUE REFERENCES users (id) ON DELETE SET NULL,
  profile_token_hash text UNIQUE,
  profile_token_expires_at timestamptz,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE speaker_unavailability (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  speaker_id uuid NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  CHECK (ends_on >= starts_on)
);
CREATE INDEX speaker_unavailability_speaker ON speaker_unavailability (speaker_id);

CREATE TABLE speaker_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation text NOT NULL DEFAULT '',
  contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
  email text NOT NULL,
  phone text NOT NULL DEFAULT '',
  event_date date NOT NULL,
  online boolean NOT NULL DEFAULT false,
  place text NOT NULL DEFAULT '',
  land text,
  audience text NOT NULL,
  group_size integer NOT NULL CHECK (group_size BETWEEN 1 AND 10000),
  topic text NOT NULL,
  language text NOT NULL,
  format text NOT NULL CHECK (format IN ('talk', 'workshop', 'panel', 'online')),
  message text NOT NULL DEFAULT '',
  locale text NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en')),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'proposed', 'accepted', 'declined', 'closed')),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX speaker_requests_status ON speaker_requests (status, created_at);

CREATE TABLE speaker_proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES speaker_requests (id) ON DELETE CASCADE,
  speaker_id uuid NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'declined', 'withdrawn')),
  -- the yes/no link: cleared once answered (single use)
  answer_token_hash text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  answered_at timestamptz,
  UNIQUE (request_id, speaker_id)
);
CREATE INDEX speaker_proposals_speaker ON speaker_proposals (speaker_id, created_at);

-- What happened to a request, in order: creation, status changes, notes, proposals, answers.
CREATE TABLE referral_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  training_request_id uuid REFERENCES training_requests (id) ON DELETE CASCADE,
  speaker_request_id uuid REFERENCES speaker_requests (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  -- office, requester, speaker, system
  actor_kind text NOT NULL,
  action text NOT NULL,
  status text,
  speaker_id uuid REFERENCES speakers (id) ON DELETE SET NULL,
  -- internal notes: never shown or sent to the requester
  note text NOT NULL DEFAULT '',
  CHECK ((training_request_id IS NULL) <> (speaker_request_id IS NULL))
);
CREATE INDEX referral_history_training ON referral_history (training_request_id, at);
CREATE INDEX referral_history_speaker_request ON referral_history (speaker_request_id, at);
