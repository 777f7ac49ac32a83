-- Newsletter (double opt-in), the contact form, membership fees and the office team as data.

CREATE TABLE newsletter_subscribers (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL,
  locale text NOT NULL CHECK (locale IN ('de', 'en')),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active')),
  optin_token_hash text,
  -- Kept in clear on purpose: every newsletter mail carries it, and all it can do is end this subscription.
  unsubscribe_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  confirmed_at timestamptz
);
CREATE UNIQUE INDEX newsletter_subscribers_email ON newsletter_subscribers (lower(email));
CREATE UNIQUE INDEX newsletter_subscribers_unsubscribe ON newsletter_subscribers (unsubscribe_token);

CREATE TABLE newsletter_sends (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  news_id uuid NOT NULL REFERENCES network_news (id) ON DELETE CASCADE,
  recipients integer NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  sent_by uuid REFERENCES users (id) ON DELETE SET NULL
);

CREATE TABLE contact_messages (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  email text NOT NULL,
  subject text NOT NULL,
  message text NOT NULL,
  locale text NOT NULL CHECK (locale IN ('de', 'en')),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'done')),
  created_at timestamptz NOT NULL DEFAULT now(),
  done_at timestamptz
);
CREATE INDEX contact_messages_created ON contact_messages (created_at DESC);

CREATE TABLE membership_fees (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES network_members (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  amount_cents integer NOT NULL CHECK (amount_cents >= 0),
  invoice_number text NOT NULL UNIQUE,
  issued_on date NOT NULL,
  due_on date NOT NULL,
  paid_on date,
  reminded_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (member_id, year)
);

CREATE TABLE office_team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  role_de text NOT NULL,
  role_en text NOT NULL DEFAULT '',
  areas_de text NOT NULL DEFAULT '',
  areas_en text NOT NULL DEFAULT '',
  email text,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
