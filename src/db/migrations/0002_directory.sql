-- Fachberatungsstellensuche: counselling centres (HSDS organization + one service), their locations and phones,
-- and the review queue for changes proposed by the centres themselves.

CREATE TABLE directory_centres (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,80}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  alternate_name text NOT NULL DEFAULT '',
  description_de text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  email text NOT NULL DEFAULT '',
  website text NOT NULL DEFAULT '',
  -- the platform organisation whose accounts may propose changes (self-service)
  organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  is_member boolean NOT NULL DEFAULT false,
  online_counselling boolean NOT NULL DEFAULT false,
  online_url text NOT NULL DEFAULT '',
  shelter_status text NOT NULL DEFAULT 'unknown' CHECK (shelter_status IN ('available', 'limited', 'none', 'unknown')),
  shelter_updated_at timestamptz,
  targets text[] NOT NULL DEFAULT '{}',
  exploitation text[] NOT NULL DEFAULT '{}',
  services text[] NOT NULL DEFAULT '{}',
  languages text[] NOT NULL DEFAULT '{}',
  -- Länder (two-digit keys) the centre is responsible for; nationwide covers all of them
  lands text[] NOT NULL DEFAULT '{}',
  nationwide boolean NOT NULL DEFAULT false,
  verified_at date,
  verify_reminder_sent_at timestamptz,
  published boolean NOT NULL DEFAULT true,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directory_centres_org ON directory_centres (organisation_id);

CREATE TABLE directory_locations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  centre_id uuid NOT NULL REFERENCES directory_centres (id) ON DELETE CASCADE,
  name text NOT NULL DEFAULT '',
  street text NOT NULL DEFAULT '',
  postal_code text NOT NULL DEFAULT '' CHECK (postal_code = '' OR postal_code ~ '^[0-9]{5}$'),
  city text NOT NULL,
  land text NOT NULL CHECK (land ~ '^(0[1-9]|1[0-6])$'),
  -- exact position: shown and used only when address_privacy = 'public'
  latitude double precision,
  longitude double precision,
  -- the city centre (from the postal-code data): the marker for address_privacy = 'city'
  city_latitude double precision,
  city_longitude double precision,
  address_privacy text NOT NULL DEFAULT 'city' CHECK (address_privacy IN ('public', 'city', 'on_request')),
  accessibility text[] NOT NULL DEFAULT '{}',
  opening_hours jsonb NOT NULL DEFAULT '[]'::jsonb,
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX directory_locations_centre ON directory_locations (centre_id);

CREATE TABLE directory_phones (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  centre_id uuid NOT NULL REFERENCES directory_centres (id) ON DELETE CASCADE,
  number text NOT NULL,
  description text NOT NULL DEFAULT '',
  languages text[] NOT NULL DEFAULT '{}',
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX directory_phones_centre ON directory_phones (centre_id);

CREATE TABLE directory_change_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  centre_id uuid NOT NULL REFERENCES directory_centres (id) ON DELETE CASCADE,
  submitted_by uuid REFERENCES users (id),
  changes jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'returned')),
  comment text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_by uuid REFERENCES users (id),
  decided_at timestamptz
);
CREATE INDEX directory_change_requests_pending ON directory_change_requests (status, created_at);
