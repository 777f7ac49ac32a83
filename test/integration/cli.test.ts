import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/db/connect.ts';
import { acquireDataDirLock } from '../../src/db/data-dir-lock.ts';
import { kok } from '../helpers/cli.ts';

describe('kok command', () => {
  const saved = { ...process.env };
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-cli-'));
    process.env.DATA_DIR = path.join(dir, 'data');
    delete process.env.DATABASE_URL;
    process.env.KOK_LANG = 'de';
  });
  afterAll(() => {
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints usage and refuses unknown commands', async () => {
    expect((await kok()).code).toBe(2);
    const unknown = await kok('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('Unbekannter Befehl: frobnicate');
  });

  it('migrates, creates an organisation, accounts and a token', async () => {
    expect((await kok('migrate')).out).toMatch(/Migration\(en\) angewendet/);
    const org = await kok('org', 'create', '--slug', 'fbs-test', '--name', 'FBS Test');
    expect(org.code).toBe(0);
    expect((await kok('org', 'create', '--slug', 'FBS TEST', '--name', 'x')).code).toBe(1);
    expect(
      (
        await kok(
          'user',
          'create',
          '--email',
          'lea@fbs.invalid',
          '--role',
          'member',
          '--org',
          'fbs-test',
          '--password',
          'ein langes passwort',
        )
      ).code,
    ).toBe(0);
    const noOrg = await kok('user', 'create', '--email', 'x@fbs.invalid', '--role', 'member');
    expect(noOrg.code).toBe(1);
    expect(noOrg.err).toContain('--org');
    const invited = await kok('user', 'create', '--email', 'office@kok.invalid', '--role', 'office');
    expect(invited.out).toContain('Einladung');
    const token = await kok('token', 'create', '--email', 'lea@fbs.invalid', '--name', 'Auswertung');
    expect(token.code).toBe(0);
    expect(token.out).toMatch(/^kok_[A-Za-z0-9_-]{40,}$/);
    expect((await kok('token', 'create', '--email', 'niemand@x.invalid', '--name', 'x')).code).toBe(1);
  });

  it('says clearly when a running server holds the data directory', async () => {
    const release = acquireDataDirLock(process.env.DATA_DIR!, 'the KOK server');
    // pretend another live process holds it: PID 1 always exists
    fs.writeFileSync(
      path.join(process.env.DATA_DIR!, 'kok.lock'),
      JSON.stringify({ pid: 1, holder: 'the KOK server' }),
    );
    try {
      const busy = await kok('audit', 'verify');
      expect(busy.code).toBe(1);
      expect(busy.err).toContain('wird gerade von the KOK server (PID 1) benutzt');
    } finally {
      fs.rmSync(path.join(process.env.DATA_DIR!, 'kok.lock'));
      release();
    }
  });

  it('verifies the audit chain and fails, naming the entry, after tampering', async () => {
    const ok = await kok('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/in Ordnung: \d+ Einträge/);
    const database = await connect({ dataDir: process.env.DATA_DIR });
    await database.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(trx);
      await sql`UPDATE audit_log SET action = 'user.nothing' WHERE seq = 2`.execute(trx);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(trx);
    });
    await database.close();
    const broken = await kok('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.err).toContain('Protokollkette verletzt bei Eintrag 2: Eintrag verändert');
  });

  it('backs up and restores into an empty directory with nothing lost', async () => {
    const file = path.join(dir, 'sicherung.kokbackup');
    const backup = await kok('backup', file);
    expect(backup.code).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(100);
    const source = await snapshot(process.env.DATA_DIR!);
    process.env.DATA_DIR = path.join(dir, 'restored');
    const restore = await kok('restore', file);
    expect(restore.err).toBe('');
    expect(restore.code).toBe(0);
    const restored = await snapshot(process.env.DATA_DIR);
    // the restore appends its own audit entry (and moves the chain head); everything else is identical
    const restoreEntry = restored.audit_log!.filter((r) => r.includes('"backup.restore"'));
    expect(restoreEntry).toHaveLength(1);
    restored.audit_log = restored.audit_log!.filter((r) => !r.includes('"backup.restore"'));
    restored.settings = restored.settings!.filter((r) => !r.includes('audit_head'));
    source.settings = source.settings!.filter((r) => !r.includes('audit_head'));
    expect(restored).toEqual(source);
    // the tampering of the previous test travels with the backup: still detected after the restore
    expect((await kok('audit', 'verify')).err).toContain('Eintrag 2');
    const again = await kok('restore', file);
    expect(again.code).toBe(1);
  });

  it('loads demo content only into an empty database', async () => {
    process.env.DATA_DIR = path.join(dir, 'demo');
    const seeded = await kok('seed', 'demo');
    expect(seeded.code).toBe(0);
    expect(seeded.out).toContain('admin@demo.kok.invalid');
    expect((await kok('seed', 'demo')).code).toBe(1);
  });
});

async function snapshot(dataDir: string): Promise<Record<string, string[]>> {
  const database = await connect({ dataDir });
  try {
    const out: Record<string, string[]> = {};
    for (const table of [
      'organisations',
      'users',
      'api_tokens',
      'audit_log',
      'pages',
      'invitations',
      'mail_outbox',
      'settings',
    ]) {
      const rows = await sql<{ r: string }>`SELECT to_jsonb(t)::text AS r FROM ${sql.table(table)} t`.execute(
        database.db,
      );
      out[table] = rows.rows.map((r) => r.r).sort();
    }
    return out;
  } finally {
    await database.close();
  }
}
