import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DB } from './types.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function migrationFiles(): string[] {
  return fs
    .readdirSync(migrationsDir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

/**
 * Applies every migration not yet recorded, each in its own transaction. An advisory lock makes several
 * app processes starting at once against one PostgreSQL wait for each other instead of racing.
 */
export async function migrate(db: Kysely<DB>): Promise<string[]> {
  const applied: string[] = [];
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  for (const file of migrationFiles()) {
    const didApply = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(424242)`.execute(trx);
      const done = await sql<{
        name: string;
      }>`SELECT name FROM schema_migrations WHERE name = ${file}`.execute(trx);
      if (done.rows.length > 0) return false;
      const text = fs.readFileSync(path.join(migrationsDir, file), 'utf8');
      await sql.raw(text).execute(trx);
      await sql`INSERT INTO schema_migrations (name) VALUES (${file})`.execute(trx);
      return true;
    });
    if (didApply) applied.push(file);
  }
  return applied;
}

export async function appliedMigrations(db: Kysely<DB>): Promise<string[]> {
  const exists = await sql<{ t: string | null }>`SELECT to_regclass('schema_migrations')::text AS t`.execute(
    db,
  );
  if (!exists.rows[0]?.t) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}
