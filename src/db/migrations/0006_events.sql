-- Veranstaltungen: events of the office and registrations of participants (no account needed).
-- Registration tokens (double opt-in, cancellation) are stored only as SHA-256 hashes.

CREATE TABLE events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('training', 'specialist', 'webinar', 'practice_day', 'general_assembly')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT '',
  audiences text[] NOT NULL DEFAULT '{}',
  topics text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{de}',
  format text NOT NULL CHECK (format IN ('in_person', 'online', 'hybrid')),
  address text NOT NULL DEFAULT '',
  -- the access link of online and hybrid events: sent to confirmed participants only, never shown publicly
  online_url text NOT NULL DEFAULT '',
  timezone text NOT NULL DEFAULT 'Europe/Berlin',
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  capacity integer NOT NULL CHECK (capacity > 0),
  registration_deadline timestamptz,
  published boolean NOT NULL DEFAULT false,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at > starts_at)
);
CREATE INDEX events_starts_at ON events (starts_at);

CREATE TABLE event_registrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  event_id uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  name text NOT NULL,
  -- trimmed and lower-cased
  email text NOT NULL,
  organisation text NOT NULL DEFAULT '',
  status text NOT NULL DEFAULT 'pending_optin'
    CHECK (status IN ('pending_optin', 'confirmed', 'waitlisted', 'cancelled')),
  optin_token_hash text UNIQUE,
  cancel_token_hash text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- when the address was confirmed: the order of the waitlist
  optin_at timestamptz,
  confirmed_at timestamptz,
  cancelled_at timestamptz
);
CREATE UNIQUE INDEX event_registrations_active_email ON event_registrations (event_id, email)
  WHERE status <> 'cancelled';
CREATE INDEX event_registrations_event_status ON event_registrations (event_id, status, optin_at);
