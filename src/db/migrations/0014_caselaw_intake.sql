-- Getting decisions in beyond RII: the uploaded original PDF, member submissions, the full change history with
-- before/after values, and the anonymisation flags the office confirmed as harmless.

ALTER TABLE caselaw_decisions
  ADD COLUMN original_file_id uuid REFERENCES stored_files (id) ON DELETE SET NULL,
  -- the original may still carry names: it is offered publicly only once the office has said it is anonymised
  ADD COLUMN original_public boolean NOT NULL DEFAULT false,
  ADD COLUMN submitted_by uuid REFERENCES users (id) ON DELETE SET NULL,
  ADD COLUMN submission_note text NOT NULL DEFAULT '' CHECK (length(submission_note) <= 2000);
CREATE INDEX caselaw_decisions_submitted_by ON caselaw_decisions (submitted_by) WHERE submitted_by IS NOT NULL;

-- [{"field": "title", "before": "…", "after": "…"}, …]; empty for entries written before this migration
ALTER TABLE caselaw_history ADD COLUMN changes jsonb NOT NULL DEFAULT '[]';

-- A flag of the anonymisation check that the office confirmed as harmless (e.g. a public authority's address).
-- Flags fixed in the text simply stop being found; so only confirmations need storing.
CREATE TABLE caselaw_anonymisation_confirmations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  decision_id uuid NOT NULL REFERENCES caselaw_decisions (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('name', 'birth_date', 'address', 'phone', 'email')),
  match text NOT NULL CHECK (length(match) BETWEEN 1 AND 300),
  confirmed_by uuid REFERENCES users (id) ON DELETE SET NULL,
  confirmed_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (decision_id, kind, match)
);
