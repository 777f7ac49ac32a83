import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { pglitePool } from './pglite-pool.ts';
import type { DB } from './types.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  engine: Engine;
  /** Where the embedded database lives (PGlite only). */
  dataDir?: string;
  /** The embedded engine itself (PGlite only): tests dump a migrated template from it. */
  pglite?: PGlite;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// int8 (counts, sums) as a JS number, as PGlite does, so both engines return the same shapes.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface ConnectOptions {
  databaseUrl?: string;
  dataDir?: string;
  /** A dump made by PGlite's dumpDataDir(), to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob;
  poolSize?: number;
  /** Who holds the PGlite directory, shown to a second process that tries to open it. */
  holder?: string;
}

export async function connect(options: ConnectOptions): Promise<Database> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl, options.poolSize ?? 10);
  return connectPglite(options);
}

async function connectPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // an idle connection closed by the server (restart, admin) must not crash the process: the pool replaces it
  pool.on('error', (err) => {
    process.emitWarning(`PostgreSQL connection lost: ${err.message}`);
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

async function connectPglite(options: ConnectOptions): Promise<Database> {
  let release = () => {};
  let pglite: PGlite;
  if (options.dataDir) {
    const dataDir = path.resolve(options.dataDir);
    release = acquireDataDirLock(dataDir, options.holder ?? 'kok');
    const pgdata = path.join(dataDir, 'pgdata');
    fs.mkdirSync(pgdata, { recursive: true });
    pglite = await PGlite.create({ dataDir: pgdata });
  } else {
    pglite = await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  }
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: pglitePool(pglite) }) });
  return {
    db,
    engine: 'pglite',
    dataDir: options.dataDir ? path.resolve(options.dataDir) : undefined,
    pglite,
    ping: async () => {
      await sql`select 1`.execute(db);
    },
    close: async () => {
      await db.destroy();
      await pglite.close();
      release();
    },
  };
}
