-- The case itself, as SHERLOC describes trafficking cases: the acts, means and purposes found by the court, the
-- sentence, compensation awarded and the victims (all optional; the victims only as counts and categories).
ALTER TABLE caselaw_decisions
  ADD COLUMN acts text[] NOT NULL DEFAULT '{}',
  ADD COLUMN means text[] NOT NULL DEFAULT '{}',
  ADD COLUMN purposes text[] NOT NULL DEFAULT '{}',
  ADD COLUMN sentence text NOT NULL DEFAULT '',
  ADD COLUMN compensation_eur numeric(12, 2) CHECK (compensation_eur >= 0),
  ADD COLUMN victims_count integer CHECK (victims_count BETWEEN 0 AND 100000),
  ADD COLUMN victims_sex text[] NOT NULL DEFAULT '{}',
  ADD COLUMN victims_nationalities text[] NOT NULL DEFAULT '{}';
