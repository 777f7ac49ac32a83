-- The member area: circulars with comments, read status and notification preferences; the document library
-- (folders, access levels, versions, German full text); working groups; general assemblies.

CREATE TABLE memberarea_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 2 AND 200),
  description text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberarea_group_members (
  group_id uuid NOT NULL REFERENCES memberarea_groups (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX memberarea_group_members_user ON memberarea_group_members (user_id);

-- A circular without a group goes to the whole member area; with a group only to its members (and the office).
CREATE TABLE memberarea_circulars (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  body_md text NOT NULL,
  group_id uuid REFERENCES memberarea_groups (id) ON DELETE CASCADE,
  published_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  is_demo boolean NOT NULL DEFAULT false
);
CREATE INDEX memberarea_circulars_published ON memberarea_circulars (published_at DESC);

CREATE TABLE memberarea_circular_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  circular_id uuid NOT NULL REFERENCES memberarea_circulars (id) ON DELETE CASCADE,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX memberarea_circular_comments_circular ON memberarea_circular_comments (circular_id, created_at);

CREATE TABLE memberarea_circular_reads (
  circular_id uuid NOT NULL REFERENCES memberarea_circulars (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  read_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (circular_id, user_id)
);

-- No row: immediate notification. last_digest_at is claimed by one housekeeping run (conditional update).
CREATE TABLE memberarea_notification_prefs (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  mode text NOT NULL CHECK (mode IN ('immediate', 'weekly', 'none')),
  last_digest_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberarea_folders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberarea_assemblies (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 2 AND 200),
  held_on date NOT NULL,
  place text NOT NULL DEFAULT '',
  invitation_md text NOT NULL DEFAULT '',
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE memberarea_assembly_agenda (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assembly_id uuid NOT NULL REFERENCES memberarea_assemblies (id) ON DELETE CASCADE,
  position integer NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  UNIQUE (assembly_id, position)
);

CREATE TABLE memberarea_assembly_attendance (
  assembly_id uuid NOT NULL REFERENCES memberarea_assemblies (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
  PRIMARY KEY (assembly_id, organisation_id)
);

CREATE TABLE memberarea_assembly_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  assembly_id uuid NOT NULL REFERENCES memberarea_assemblies (id) ON DELETE CASCADE,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  text text NOT NULL DEFAULT '',
  result text NOT NULL CHECK (result IN ('adopted', 'rejected', 'deferred')),
  votes text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX memberarea_assembly_decisions_assembly ON memberarea_assembly_decisions (assembly_id, created_at);

-- A document is what people look for; its versions hold the files. body_text is the current version's PDF text,
-- copied here so the search vector can be a generated column.
CREATE TABLE memberarea_documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  description text NOT NULL DEFAULT '',
  access text NOT NULL CHECK (access IN ('public', 'members', 'board', 'office')),
  folder_id uuid REFERENCES memberarea_folders (id) ON DELETE SET NULL,
  group_id uuid REFERENCES memberarea_groups (id) ON DELETE CASCADE,
  assembly_id uuid REFERENCES memberarea_assemblies (id) ON DELETE SET NULL,
  assembly_role text CHECK (assembly_role IN ('invitation', 'minutes', 'other')),
  body_text text NOT NULL DEFAULT '',
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('german'::regconfig, title), 'A') ||
    setweight(to_tsvector('german'::regconfig, description), 'B') ||
    setweight(to_tsvector('german'::regconfig, body_text), 'C')
  ) STORED,
  -- a working group's documents are for its members, never public
  CHECK (group_id IS NULL OR access <> 'public')
);
CREATE INDEX memberarea_documents_search ON memberarea_documents USING gin (search);
CREATE INDEX memberarea_documents_folder ON memberarea_documents (folder_id);

CREATE TABLE memberarea_document_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  document_id uuid NOT NULL REFERENCES memberarea_documents (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version >= 1),
  file_id uuid NOT NULL REFERENCES stored_files (id),
  note text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users (id) ON DELETE SET NULL,
  UNIQUE (document_id, version)
);

-- The board's terms may name the general assembly that elected them.
ALTER TABLE network_board_terms
  ADD COLUMN elected_assembly_id uuid REFERENCES memberarea_assemblies (id) ON DELETE SET NULL;
