-- Datenerhebung: anonymised case records of the member centres, one reporting year at a time.
-- No free-text columns: a record's values are codebook keys in jsonb (validated by the codebook's schema), and the
-- case number is generated from a per-organisation, per-year counter, never derived from a person.

CREATE TABLE data_years (
  year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
  codebook text NOT NULL CHECK (codebook ~ '^[0-9]{4}$'),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  deadline date,
  opened_at timestamptz NOT NULL DEFAULT now(),
  closed_at timestamptz,
  published_at timestamptz,
  -- the protected report as published (figures frozen at publication)
  report jsonb
);

CREATE TABLE data_case_counters (
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  year integer NOT NULL REFERENCES data_years (year),
  last_number integer NOT NULL DEFAULT 0 CHECK (last_number >= 0),
  PRIMARY KEY (organisation_id, year)
);

CREATE TABLE data_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  year integer NOT NULL REFERENCES data_years (year),
  case_number text NOT NULL CHECK (case_number ~ '^[0-9]{4}-[0-9]{4,}$'),
  codebook text NOT NULL CHECK (codebook ~ '^[0-9]{4}$'),
  "values" jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof("values") = 'object'),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete', 'released', 'locked')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organisation_id, year, case_number)
);
CREATE INDEX data_records_year_status ON data_records (year, status);
CREATE INDEX data_records_org_updated ON data_records (organisation_id, updated_at DESC);
