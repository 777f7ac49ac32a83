-- Case-law discovery: when a decision was first published (alerts and feeds report "newly published"),
-- saved searches with e-mail digests, and indexes for the norm search and the facets.

-- Set by a trigger, so every way a decision becomes public (import, editorial workflow, SQL) counts alike.
ALTER TABLE caselaw_decisions ADD COLUMN IF NOT EXISTS published_at timestamptz;
UPDATE caselaw_decisions SET published_at = updated_at WHERE status = 'published' AND published_at IS NULL;

CREATE OR REPLACE FUNCTION caselaw_set_published_at() RETURNS trigger AS $$
BEGIN
  -- an inserted row may bring its own moment (restore from a backup); otherwise it is now
  IF TG_OP = 'INSERT' AND NEW.status = 'published' THEN
    NEW.published_at := coalesce(NEW.published_at, now());
  ELSIF NEW.status = 'published' AND OLD.status <> 'published' THEN
    NEW.published_at := now();
  ELSIF NEW.status <> 'published' THEN
    NEW.published_at := NULL;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER caselaw_decisions_published_at BEFORE INSERT OR UPDATE OF status ON caselaw_decisions
  FOR EACH ROW EXECUTE FUNCTION caselaw_set_published_at();

CREATE INDEX caselaw_decisions_published_at ON caselaw_decisions (published_at) WHERE status = 'published';
CREATE INDEX caselaw_decision_norms_section ON caselaw_decision_norms (book, lower(section), decision_id);
-- the few citations of ranges and "ff." that the norm search and facet decide in code
CREATE INDEX caselaw_decision_norms_complex ON caselaw_decision_norms (decision_id)
  WHERE norm_key LIKE '%-%' OR norm_key LIKE '%f.%';

-- A saved search. `query` holds only the search's own parameters (SEARCH_KEYS), validated again at every run.
-- `checked_until`: decisions published up to this moment have been considered for the digest. The
-- unsubscribe token only deletes this one alert, so it is kept as it is and put into every digest.
CREATE TABLE caselaw_alerts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  query jsonb NOT NULL,
  frequency text NOT NULL CHECK (frequency IN ('daily', 'weekly')),
  unsubscribe_token text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  checked_until timestamptz NOT NULL DEFAULT now(),
  last_sent_at timestamptz
);
CREATE INDEX caselaw_alerts_user ON caselaw_alerts (user_id, created_at);
CREATE INDEX caselaw_alerts_due ON caselaw_alerts (checked_until);

-- instance chain: a lower instance named in a decision is found by its file number
CREATE INDEX caselaw_decisions_file_numbers ON caselaw_decisions USING gin (file_numbers);
