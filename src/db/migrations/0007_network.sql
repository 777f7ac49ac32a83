-- The network: news posts, the register of member organisations (with status history) and the board.

CREATE TABLE network_news (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,99}$'),
  locale text NOT NULL CHECK (locale IN ('de', 'en')),
  category text NOT NULL CHECK (category IN ('network', 'policy', 'event', 'publication', 'press')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary text NOT NULL DEFAULT '',
  body_md text NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
  published_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id),
  UNIQUE (slug, locale),
  CONSTRAINT published_news_has_date CHECK (status <> 'published' OR published_at IS NOT NULL)
);
CREATE INDEX network_news_public ON network_news (locale, status, published_at DESC);

CREATE TABLE network_members (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL UNIQUE REFERENCES organisations (id),
  type text NOT NULL CHECK (type IN ('specialised_counselling', 'migrant_women_org', 'shelter',
    'sex_work_counselling', 'womens_human_rights_org', 'welfare_association')),
  membership text NOT NULL DEFAULT 'ordinary' CHECK (membership IN ('ordinary', 'extraordinary')),
  country text NOT NULL DEFAULT 'DE',
  city text NOT NULL DEFAULT '',
  land text,
  website text,
  joined_on date,
  status text NOT NULL DEFAULT 'applied' CHECK (status IN ('applied', 'admitted', 'left')),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE network_member_status_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  member_id uuid NOT NULL REFERENCES network_members (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('applied', 'admitted', 'left')),
  changed_on date NOT NULL,
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id)
);
CREATE INDEX network_member_status_history_member ON network_member_status_history (member_id, changed_on);

CREATE TABLE network_board_terms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  person_name text NOT NULL CHECK (length(person_name) BETWEEN 2 AND 200),
  role text NOT NULL DEFAULT '',
  term_start date NOT NULL,
  term_end date NOT NULL,
  elected_at text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (term_end >= term_start)
);
