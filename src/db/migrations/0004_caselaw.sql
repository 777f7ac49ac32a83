-- Rechtsprechungsdatenbank: courts, decisions (with a German full-text index), the norms each decision cites and
-- the history of changes. The 'german' text search configuration exists in PostgreSQL and in PGlite alike, so
-- both engines stem, rank and highlight identically.

CREATE TABLE caselaw_courts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  type text NOT NULL CHECK (type IN ('AG', 'LG', 'OLG', 'BGH', 'VG', 'OVG', 'BVerwG', 'ArbG', 'LAG', 'BAG', 'SG',
                                     'LSG', 'BSG', 'BVerfG', 'EGMR', 'EuGH', 'foreign', 'other')),
  -- '' for courts without a seat in the name (BGH, EGMR …), so that (type, place) stays unique
  place text NOT NULL DEFAULT '',
  land text CHECK (land IS NULL OR land ~ '^(0[1-9]|1[0-6])$'),
  jurisdiction text NOT NULL CHECK (jurisdiction IN ('ordinary', 'criminal', 'administrative', 'labour', 'social',
                                                     'civil', 'constitutional', 'european', 'international')),
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  UNIQUE (type, place)
);

CREATE TABLE caselaw_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  doknr text UNIQUE,
  ecli text UNIQUE,
  court_id uuid NOT NULL REFERENCES caselaw_courts (id),
  chamber text NOT NULL DEFAULT '',
  decision_date date NOT NULL,
  file_numbers text[] NOT NULL DEFAULT '{}',
  decision_type text NOT NULL DEFAULT '',
  title text NOT NULL DEFAULT '',
  -- XHTML from the source, kept as sanitised HTML
  headnotes text NOT NULL DEFAULT '',
  tenor text NOT NULL DEFAULT '',
  facts text NOT NULL DEFAULT '',
  reasons text NOT NULL DEFAULT '',
  dissent text NOT NULL DEFAULT '',
  summary_de text NOT NULL DEFAULT '',
  summary_en text NOT NULL DEFAULT '',
  legal_areas text[] NOT NULL DEFAULT '{}',
  exploitation text[] NOT NULL DEFAULT '{}',
  outcome text NOT NULL DEFAULT '',
  source text NOT NULL DEFAULT '',
  lower_instances text[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'review', 'published')),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- markup is skipped by the parser (tag tokens are not indexed); weights: headnotes/title > summary > the rest
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german'::regconfig, coalesce(title, '') || ' ' || coalesce(headnotes, '')), 'A') ||
    setweight(to_tsvector('german'::regconfig, coalesce(summary_de, '')), 'B') ||
    setweight(to_tsvector('german'::regconfig, coalesce(tenor, '')), 'C') ||
    setweight(to_tsvector('german'::regconfig,
      coalesce(facts, '') || ' ' || coalesce(reasons, '') || ' ' || coalesce(dissent, '')), 'D')
  ) STORED
);
CREATE INDEX caselaw_decisions_search ON caselaw_decisions USING gin (search);
CREATE INDEX caselaw_decisions_court ON caselaw_decisions (court_id);
CREATE INDEX caselaw_decisions_date ON caselaw_decisions (status, decision_date DESC);

CREATE TABLE caselaw_decision_norms (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL REFERENCES caselaw_decisions (id) ON DELETE CASCADE,
  book text,
  section text NOT NULL,
  paragraph text,
  sentence text,
  number text,
  letter text,
  norm_key text NOT NULL,
  raw text NOT NULL DEFAULT '',
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX caselaw_decision_norms_book_section ON caselaw_decision_norms (book, section);
CREATE INDEX caselaw_decision_norms_decision ON caselaw_decision_norms (decision_id);

CREATE TABLE caselaw_history (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL REFERENCES caselaw_decisions (id) ON DELETE CASCADE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid REFERENCES users (id) ON DELETE SET NULL,
  action text NOT NULL,
  changed_fields text[] NOT NULL DEFAULT '{}'
);
CREATE INDEX caselaw_history_decision ON caselaw_history (decision_id, at);
