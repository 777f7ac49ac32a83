-- The office's public work: convention monitoring (instruments, evaluation rounds, recommendations, the
-- network's assessments over time and its shadow reports), projects, the publications library and the glossary.

CREATE TABLE monitoring_instruments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,59}$'),
  name_de text NOT NULL CHECK (length(name_de) BETWEEN 2 AND 300),
  name_en text NOT NULL CHECK (length(name_en) BETWEEN 2 AND 300),
  -- the body that evaluates the state (GRETA, CEDAW Committee, European Commission, …)
  monitoring_body text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE monitoring_rounds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instrument_id uuid NOT NULL REFERENCES monitoring_instruments (id),
  label_de text NOT NULL CHECK (length(label_de) BETWEEN 2 AND 200),
  label_en text NOT NULL CHECK (length(label_en) BETWEEN 2 AND 200),
  -- year of the evaluation report; orders the rounds of an instrument
  report_year integer NOT NULL CHECK (report_year BETWEEN 1990 AND 2100),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_rounds_instrument ON monitoring_rounds (instrument_id, report_year);

CREATE TABLE monitoring_recommendations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  round_id uuid NOT NULL REFERENCES monitoring_rounds (id),
  paragraph text NOT NULL DEFAULT '',
  text_de text NOT NULL CHECK (length(text_de) BETWEEN 2 AND 5000),
  text_en text NOT NULL DEFAULT '',
  addressee text NOT NULL DEFAULT '',
  topics text[] NOT NULL DEFAULT '{}',
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX monitoring_recommendations_round ON monitoring_recommendations (round_id);

-- Assessments are never overwritten: each is a dated judgement, the latest one is the current status.
CREATE TABLE monitoring_assessments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  recommendation_id uuid NOT NULL REFERENCES monitoring_recommendations (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('not_implemented', 'partially', 'implemented')),
  assessed_on date NOT NULL,
  reasoning text NOT NULL CHECK (length(reasoning) BETWEEN 2 AND 10000),
  sources text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id)
);
CREATE INDEX monitoring_assessments_recommendation ON monitoring_assessments (recommendation_id, assessed_on DESC, created_at DESC);

CREATE TABLE monitoring_submissions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  instrument_id uuid NOT NULL REFERENCES monitoring_instruments (id),
  round_id uuid REFERENCES monitoring_rounds (id),
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
  submitted_on date NOT NULL,
  locale text NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en')),
  file_id uuid NOT NULL REFERENCES stored_files (id),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id)
);

CREATE TABLE publications (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 300),
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  type text NOT NULL CHECK (type IN ('report', 'statement', 'factsheet', 'info_service', 'data_report',
    'annual_review')),
  locale text NOT NULL DEFAULT 'de' CHECK (locale IN ('de', 'en', 'multi')),
  summary text NOT NULL DEFAULT '',
  file_id uuid REFERENCES stored_files (id),
  published boolean NOT NULL DEFAULT true,
  -- title, summary and the PDF's text; refreshed by the code on every write (the PDF text lives in stored_files)
  search tsvector NOT NULL DEFAULT ''::tsvector,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by uuid REFERENCES users (id)
);
CREATE INDEX publications_search ON publications USING gin (search);
CREATE INDEX publications_year ON publications (year DESC);

CREATE TABLE projects (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,99}$'),
  title_de text NOT NULL CHECK (length(title_de) BETWEEN 2 AND 200),
  title_en text NOT NULL DEFAULT '',
  summary_de text NOT NULL DEFAULT '',
  summary_en text NOT NULL DEFAULT '',
  description_de text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  starts_on date NOT NULL,
  ends_on date,
  funders text NOT NULL DEFAULT '',
  team text NOT NULL DEFAULT '',
  published boolean NOT NULL DEFAULT true,
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);

-- Links from a project to existing records; the target table depends on the kind.
CREATE TABLE project_links (
  project_id uuid NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('publication', 'event', 'news')),
  target_id uuid NOT NULL,
  PRIMARY KEY (project_id, kind, target_id)
);

CREATE TABLE glossary_terms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,99}$'),
  term_de text NOT NULL CHECK (length(term_de) BETWEEN 2 AND 120),
  term_en text NOT NULL CHECK (length(term_en) BETWEEN 2 AND 120),
  definition_de text NOT NULL CHECK (length(definition_de) BETWEEN 2 AND 20000),
  definition_en text NOT NULL CHECK (length(definition_en) BETWEEN 2 AND 20000),
  is_demo boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL DEFAULT now()
);
