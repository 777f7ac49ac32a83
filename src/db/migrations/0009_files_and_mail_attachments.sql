-- Uploaded and generated files live in the database: one backup holds everything, and every app instance
-- behind a load balancer sees the same files without a shared disk.
CREATE TABLE stored_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  media_type text NOT NULL,
  size integer NOT NULL CHECK (size >= 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  -- Text extracted from PDFs for full-text search; null for other types.
  text_content text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX stored_files_sha256 ON stored_files (sha256);

-- Mails may carry attachments (an event's .ics, a certificate) and extra headers (List-Unsubscribe).
ALTER TABLE mail_outbox
  ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
  ADD COLUMN headers jsonb NOT NULL DEFAULT '{}'::jsonb;
