/**
 * `kok backup FILE` / `kok restore FILE`: every table in one file, restorable into an empty database of either
 * engine (PGlite ↔ PostgreSQL).
 *
 * Format: gzip-compressed JSON Lines. Line 1 is a header (format, version, engine, applied migrations); then
 * per table a line `{"table":…,"columns":[…]}` followed by one line `{"t":…,"r":<row>}` per row. A row is
 * PostgreSQL's own `to_jsonb(row)::text`, written and read back as raw text: it never passes through
 * JSON.parse, so bigint, numeric, jsonb and microsecond timestamps survive exactly.
 */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/connect.ts';
import { appliedMigrations, migrate } from '../../db/migrate.ts';
import type { DB } from '../../db/types.ts';

const FORMAT = 'kok-backup';
const VERSION = 1;
/** Rows per SELECT page and per INSERT: bounds memory whatever the table size. */
const BATCH = 2000;

/** A problem an administrator can act on; the message says what is wrong and what to do. */
export class BackupError extends Error {
  override name = 'BackupError';
}

interface Header {
  format: typeof FORMAT;
  version: number;
  created_at: string;
  engine: string;
  migrations: string[];
}

interface Table {
  name: string;
  /** Non-generated columns in ordinal order: generated ones are recomputed by the target on INSERT. */
  columns: string[];
  /** Primary key columns, for stable paging. */
  key: string[];
  /** Tables this one references by foreign key (itself included if self-referencing). */
  parents: Set<string>;
}

export async function writeBackup(
  database: Database,
  file: string,
): Promise<{ tables: number; rows: number }> {
  // Written next to the target and renamed at the end, so an interrupted backup never looks like a complete one.
  const partial = `${file}.partial`;
  let tables = 0;
  let rows = 0;
  try {
    // One REPEATABLE READ transaction: every table (and the migration list) is read from the same snapshot.
    await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        // Make the text independent of the server's settings: UTC offsets, shortest exact floats, hex bytea.
        await sql`SELECT set_config('TimeZone', 'UTC', true), set_config('extra_float_digits', '3', true),
          set_config('bytea_output', 'hex', true)`.execute(trx);
        const header: Header = {
          format: FORMAT,
          version: VERSION,
          created_at: new Date().toISOString(),
          engine: database.engine,
          migrations: await appliedMigrations(trx),
        };
        const order = dependencyOrder(await describeTables(trx));
        async function* lines() {
          yield `${JSON.stringify(header)}\n`;
          for (const table of order) {
            tables++;
            yield `${JSON.stringify({ table: table.name, columns: table.columns })}\n`;
            const prefix = rowPrefix(table.name);
            for await (const batch of readTable(trx, table)) {
              rows += batch.length;
              yield batch.map((row) => `${prefix}${row}}\n`).join('');
            }
          }
        }
        await pipeline(lines, createGzip(), fs.createWriteStream(partial));
      });
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { tables, rows };
}

export async function restoreBackup(
  database: Database,
  file: string,
): Promise<{ tables: number; rows: number }> {
  const header = await readHeader(file);
  // Checked before migrating too, so that pointing restore at a live database of an older version does not
  // upgrade it as a side effect of being refused.
  await assertEmpty(database.db);
  await migrate(database.db);
  checkMigrations(header.migrations, await appliedMigrations(database.db), file);

  // One transaction: a failure anywhere (damaged file, constraint violation) leaves the target untouched.
  return database.db.transaction().execute(async (trx) => {
    await assertEmpty(trx);
    const target = await describeTables(trx);
    const loaded = new Set<string>();
    let current: (Table & { prefix: string }) | undefined;
    let pending: string[] = [];
    let tables = 0;
    let rows = 0;

    const flush = async () => {
      if (!current || pending.length === 0) return;
      const from = sql.id('public', current.name);
      const columns = sql.join(current.columns.map((c) => sql.id(c)));
      // The rows go to the server as one jsonb parameter and are typed there by jsonb_populate_recordset.
      // `::text::jsonb` so that neither driver tries to serialise the string as a JSON value itself.
      // OVERRIDING SYSTEM VALUE keeps the backed-up values of GENERATED ALWAYS identity columns.
      await sql`INSERT INTO ${from} (${columns}) OVERRIDING SYSTEM VALUE
        SELECT ${columns} FROM jsonb_populate_recordset(NULL::${from}, ${`[${pending.join(',')}]`}::text::jsonb)`.execute(
        trx,
      );
      rows += pending.length;
      pending = [];
    };

    let lineNumber = 0;
    for await (const line of readLines(file)) {
      lineNumber++;
      if (lineNumber === 1 || line === '') continue; // the header, already checked
      if (current && line.startsWith(current.prefix) && line.endsWith('}')) {
        pending.push(line.slice(current.prefix.length, -1));
        // A self-referencing table is inserted in one statement: foreign keys are checked at the end of a
        // statement, so a row may then refer to a row that comes later in the file.
        if (pending.length >= BATCH && !current.parents.has(current.name)) await flush();
        continue;
      }
      await flush();
      const table = startTable(line, lineNumber, file, target, loaded);
      current = { ...table, prefix: rowPrefix(table.name) };
      tables++;
    }
    await flush();
    await resetSequences(trx);
    return { tables, rows };
  });
}

/** Every base table in `public` except the migration bookkeeping, with columns, key and references. */
async function describeTables(db: Kysely<DB>): Promise<Map<string, Table>> {
  const columns = await sql<{ table_name: string; column_name: string }>`
    SELECT c.relname AS table_name, a.attname AS column_name
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname <> 'schema_migrations' AND a.attgenerated = ''
    ORDER BY c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    SELECT c.relname AS table_name, a.attname AS column_name
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k (attnum, position)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE i.indisprimary AND n.nspname = 'public'
    ORDER BY c.relname, k.position`.execute(db);
  const references = await sql<{ child: string; parent: string }>`
    SELECT c.relname AS child, p.relname AS parent
    FROM pg_constraint f
    JOIN pg_class c ON c.oid = f.conrelid
    JOIN pg_namespace cn ON cn.oid = c.relnamespace
    JOIN pg_class p ON p.oid = f.confrelid
    JOIN pg_namespace pn ON pn.oid = p.relnamespace
    WHERE f.contype = 'f' AND cn.nspname = 'public' AND pn.nspname = 'public'`.execute(db);

  const tables = new Map<string, Table>();
  for (const { table_name, column_name } of columns.rows) {
    let table = tables.get(table_name);
    if (!table) {
      table = { name: table_name, columns: [], key: [], parents: new Set() };
      tables.set(table_name, table);
    }
    table.columns.push(column_name);
  }
  for (const { table_name, column_name } of keys.rows) tables.get(table_name)?.key.push(column_name);
  for (const { child, parent } of references.rows) tables.get(child)?.parents.add(parent);
  return tables;
}

/** Referenced tables before the tables that reference them; alphabetical otherwise, so the order is stable. */
function dependencyOrder(tables: Map<string, Table>): Table[] {
  const order: Table[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: Table, path: string[]) => {
    if (state.get(table.name) === 'done') return;
    if (state.get(table.name) === 'visiting') {
      throw new BackupError(
        `The foreign keys between tables ${[...path, table.name].join(' → ')} form a cycle; ` +
          'such tables cannot be backed up table by table.',
      );
    }
    state.set(table.name, 'visiting');
    for (const name of [...table.parents].sort()) {
      const parent = tables.get(name);
      if (parent && name !== table.name) visit(parent, [...path, table.name]);
    }
    state.set(table.name, 'done');
    order.push(table);
  };
  for (const name of [...tables.keys()].sort()) visit(tables.get(name)!, []);
  return order;
}

/**
 * A table's rows as raw JSON text, in pages of BATCH. Keyset paging on the primary key (the last row's key is
 * typed back by jsonb_populate_record); the snapshot transaction keeps the pages consistent.
 */
async function* readTable(db: Kysely<DB>, table: Table): AsyncGenerator<string[]> {
  const from = sql.id('public', table.name);
  const page = async (where: RawBuilder<unknown>, order: RawBuilder<unknown>, offset: number) => {
    const result = await sql<{ r: string }>`SELECT to_jsonb(backup_row)::text AS r FROM ${from} backup_row
      ${where} ORDER BY ${order} LIMIT ${BATCH} OFFSET ${offset}`.execute(db);
    return result.rows.map((row) => row.r);
  };
  if (table.key.length === 0) {
    // No primary key: order by the whole row. Duplicate rows are identical, so OFFSET paging stays exact.
    for (let offset = 0; ; offset += BATCH) {
      const rows = await page(sql.raw(''), sql`to_jsonb(backup_row)`, offset);
      if (rows.length > 0) yield rows;
      if (rows.length < BATCH) return;
    }
  }
  const outer = sql.join(table.key.map((c) => sql.id('backup_row', c)));
  const inner = sql.join(table.key.map((c) => sql.id('last_row', c)));
  let last: string | undefined;
  for (;;) {
    const where =
      last === undefined
        ? sql.raw('')
        : sql`WHERE (${outer}) > (SELECT ${inner} FROM jsonb_populate_record(NULL::${from}, ${last}::text::jsonb) last_row)`;
    const rows = await page(where, outer, 0);
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    last = rows.at(-1);
  }
}

/** What precedes a row's JSON on its line; restore strips it to get the row text without parsing it. */
function rowPrefix(table: string): string {
  return `{"t":${JSON.stringify(table)},"r":`;
}

/** Parses a table line of the file and checks it against the target database's table of that name. */
function startTable(
  line: string,
  lineNumber: number,
  file: string,
  target: Map<string, Table>,
  loaded: Set<string>,
): Table {
  let parsed: { table?: unknown; columns?: unknown } | undefined;
  try {
    parsed = JSON.parse(line);
  } catch {}
  const name = parsed?.table;
  const columns = parsed?.columns;
  if (typeof name !== 'string' || !Array.isArray(columns)) {
    throw new BackupError(
      `${file} is damaged: line ${lineNumber} is neither a table nor a row of the table before it.`,
    );
  }
  const table = target.get(name);
  if (!table) throw new BackupError(`The backup holds table "${name}", which this database does not have.`);
  if (loaded.has(name)) throw new BackupError(`${file} is damaged: table "${name}" appears twice.`);
  const missing = table.columns.filter((c) => !columns.includes(c));
  const extra = columns.filter((c) => !table.columns.includes(c));
  if (missing.length > 0 || extra.length > 0) {
    throw new BackupError(
      `Table "${name}" has different columns in the backup than in this database` +
        ` (only in the backup: ${extra.join(', ') || 'none'}; only here: ${missing.join(', ') || 'none'}).`,
    );
  }
  const notYet = [...table.parents].filter((p) => p !== name && !loaded.has(p));
  if (notYet.length > 0) {
    throw new BackupError(
      `${file} is damaged: table "${name}" comes before ${notYet.join(', ')}, which it references.`,
    );
  }
  loaded.add(name);
  return table;
}

async function assertEmpty(db: Kysely<DB>): Promise<void> {
  const filled: string[] = [];
  for (const name of (await describeTables(db)).keys()) {
    const result = await sql<{
      filled: boolean;
    }>`SELECT EXISTS (SELECT 1 FROM ${sql.id('public', name)}) AS filled`.execute(db);
    if (result.rows[0]?.filled) filled.push(name);
  }
  if (filled.length > 0) {
    throw new BackupError(
      `The target database is not empty (rows in ${filled.join(', ')}). ` +
        'Restore only into a new, empty database; nothing was changed.',
    );
  }
}

function checkMigrations(inBackup: string[], applied: string[], file: string): void {
  const newer = inBackup.filter((m) => !applied.includes(m));
  const older = applied.filter((m) => !inBackup.includes(m));
  if (newer.length > 0) {
    throw new BackupError(
      `${file} was made by a newer version of KOK (migrations not known here: ${newer.join(', ')}). ` +
        'Update KOK, then restore.',
    );
  }
  if (older.length > 0) {
    throw new BackupError(
      `${file} was made by an older version of KOK (it lacks migrations ${older.join(', ')}). ` +
        'Restore it with the version that made it, then update.',
    );
  }
}

/**
 * Restored rows keep their ids, but sequences do not travel in the file: each sequence owned by a column
 * (serial or identity) continues after the largest value, or restarts if its table is empty.
 */
async function resetSequences(db: Kysely<DB>): Promise<void> {
  const owned = await sql<{ sequence: string; table_name: string; column_name: string }>`
    SELECT s.oid::regclass::text AS sequence, c.relname AS table_name, a.attname AS column_name
    FROM pg_depend d
    JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
    JOIN pg_class c ON c.oid = d.refobjid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.refobjsubid
    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
      AND d.deptype IN ('a', 'i') AND n.nspname = 'public'`.execute(db);
  for (const { sequence, table_name, column_name } of owned.rows) {
    // is_called = false on an empty table, so that the next value is the start value itself.
    await sql`SELECT setval(q.seqrelid, coalesce(m.v, q.seqstart), m.v IS NOT NULL)
      FROM pg_sequence q, (SELECT max(${sql.id(column_name)})::bigint AS v FROM ${sql.id('public', table_name)}) m
      WHERE q.seqrelid = ${sequence}::text::regclass`.execute(db);
  }
}

async function readHeader(file: string): Promise<Header> {
  for await (const line of readLines(file)) {
    let header: Partial<Header> | undefined;
    try {
      header = JSON.parse(line);
    } catch {}
    if (header?.format !== FORMAT) throw new BackupError(`${file} is not a KOK backup.`);
    if (header.version !== VERSION) {
      throw new BackupError(
        `${file} is a KOK backup of format version ${header.version}; this KOK reads ${VERSION}.`,
      );
    }
    if (!Array.isArray(header.migrations) || !header.migrations.every((m) => typeof m === 'string')) {
      throw new BackupError(`${file} is damaged: its header has no list of migrations.`);
    }
    return header as Header;
  }
  throw new BackupError(`${file} is empty, not a KOK backup.`);
}

/** The file's lines, decompressed as they are read; read and format errors become BackupErrors. */
async function* readLines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error)); // pipe() does not pass errors on
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  try {
    for await (const chunk of input.pipe(gunzip)) {
      const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
      rest = lines.pop() ?? '';
      yield* lines;
    }
    rest += decoder.decode();
    if (rest) yield rest;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') throw new BackupError(`Backup file ${file} does not exist.`);
    if (code.startsWith('Z_') || code === 'ERR_ENCODING_INVALID_ENCODED_DATA') {
      throw new BackupError(`${file} is not a KOK backup or is damaged (${(error as Error).message}).`);
    }
    throw new BackupError(`Cannot read ${file}: ${(error as Error).message}`);
  } finally {
    input.destroy();
  }
}
