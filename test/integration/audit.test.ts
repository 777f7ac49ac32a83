import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, verifyAuditChain } from '../../src/platform/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/** Tampering needs the append-only trigger out of the way first, as an attacker with database access would do. */
async function tamper(t: TestApp, statement: ReturnType<typeof sql>) {
  await t.database.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(trx);
    await statement.execute(trx);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(trx);
  });
}

describe('audit log hash chain', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function freshChain() {
    await tamper(t, sql`DELETE FROM audit_log`);
    await t.database.db.deleteFrom('settings').where('key', '=', 'audit_head').execute();
    for (let i = 0; i < 5; i++) {
      await audit(t.database.db, {
        actorLabel: 'admin',
        action: 'test.entry',
        targetType: 'thing',
        targetId: String(i),
        meta: { n: i, ü: 'ß' },
      });
    }
  }

  it('verifies an untouched chain', async () => {
    await freshChain();
    expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, entries: 5 });
  });

  it('is append-only for the application', async () => {
    await freshChain();
    await expect(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM audit_log WHERE seq = 1`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('names the first changed entry', async () => {
    await freshChain();
    await tamper(t, sql`UPDATE audit_log SET meta = '{"n": 99}' WHERE seq = 3`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, seq: 3, reason: 'altered' });
  });

  it('detects a removed entry in the middle', async () => {
    await freshChain();
    await tamper(t, sql`DELETE FROM audit_log WHERE seq = 2`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, seq: 2, reason: 'missing' });
  });

  it('detects entries removed at the end', async () => {
    await freshChain();
    await tamper(t, sql`DELETE FROM audit_log WHERE seq = 5`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: false, reason: 'truncated' });
  });

  it('detects a re-hashed entry whose successor still points to the old hash', async () => {
    await freshChain();
    await tamper(t, sql`UPDATE audit_log SET action = 'forged', hash = repeat('a', 64) WHERE seq = 4`);
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ seq: 4 });
  });

  it('keeps the chain linear under concurrent writers', async () => {
    await freshChain();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit(t.database.db, { actorLabel: 'system', action: 'test.concurrent', meta: { i } }),
      ),
    );
    expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, entries: 25 });
  });
});
