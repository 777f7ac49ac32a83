import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Database } from './connect.ts';

/**
 * A fresh, migrated database for one test file: a clone of the template that test/global-setup.ts made once
 * per run. PGlite by default; a new database on a real PostgreSQL server when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<Database> {
  const template = inject('dbTemplate');
  if (template.kind === 'postgres') {
    const name = `kok_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: template.adminUrl });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template.templateName}`);
    } finally {
      await admin.end();
    }
    const url = new URL(template.adminUrl);
    url.pathname = `/${name}`;
    const database = await connect({ databaseUrl: url.toString(), poolSize: 5 });
    const close = database.close;
    database.close = async () => {
      await close();
      const cleanup = new pg.Client({ connectionString: template.adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    };
    return database;
  }
  const dump = new Blob([fs.readFileSync(template.file)]);
  return connect({ loadDataDir: dump });
}

export type DbTemplate =
  | { kind: 'pglite'; file: string }
  | { kind: 'postgres'; adminUrl: string; templateName: string };

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: DbTemplate;
  }
}
