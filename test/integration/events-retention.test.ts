import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purgeEventPersonalData } from '../../src/modules/events/retention.ts';
import { verifyAuditChain } from '../../src/platform/audit.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { insertEvent } from './events-helpers.ts';

/** DOMAIN.md rule 6: participants' personal data is deleted on schedule; only anonymous counts stay. */
describe('deleting participants’ personal data on schedule', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function register(
    eventId: string,
    i: number,
    status: 'confirmed' | 'waitlisted' | 'cancelled' | 'pending_optin',
    createdAt = new Date(),
  ) {
    await t.database.db
      .insertInto('event_registrations')
      .values({
        event_id: eventId,
        name: `Person ${i}`,
        email: `person${i}@example.org`,
        status,
        created_at: createdAt,
      })
      .execute();
  }

  it('deletes the registrations of events past the retention period, keeps counts, audits without personal data', async () => {
    const db = t.database.db;
    const now = new Date('2027-06-15T12:00:00Z');
    const old = await insertEvent(db, { starts: new Date('2026-11-01T09:00:00Z') });
    const recent = await insertEvent(db, { starts: new Date('2027-05-01T09:00:00Z') });
    for (let i = 0; i < 3; i++) await register(old, i, 'confirmed');
    await register(old, 3, 'waitlisted');
    await register(old, 4, 'cancelled');
    await register(recent, 5, 'confirmed');

    const result = await purgeEventPersonalData(db, { retentionMonths: 6, now });
    expect(result).toMatchObject({ events: 1, registrations: 5 });

    expect(
      await db.selectFrom('event_registrations').select('id').where('event_id', '=', old).execute(),
    ).toHaveLength(0);
    expect(
      await db.selectFrom('event_registrations').select('id').where('event_id', '=', recent).execute(),
    ).toHaveLength(1);
    const event = await db.selectFrom('events').selectAll().where('id', '=', old).executeTakeFirstOrThrow();
    expect(event.participant_counts).toEqual({ confirmed: 3, waitlisted: 1, cancelled: 1 });
    expect(event.personal_data_deleted_at).not.toBeNull();

    const entries = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'event.personal_data_deleted')
      .execute();
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0])).not.toMatch(/person\d|Person \d|example\.org/);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    // a second run finds nothing more to do
    expect(await purgeEventPersonalData(db, { retentionMonths: 6, now })).toMatchObject({
      events: 0,
      registrations: 0,
    });
  });

  it('removes opt-ins never confirmed within a week', async () => {
    const db = t.database.db;
    const event = await insertEvent(db);
    await register(event, 10, 'pending_optin', new Date(Date.now() - 8 * 86_400_000));
    await register(event, 11, 'pending_optin', new Date(Date.now() - 2 * 86_400_000));
    const result = await purgeEventPersonalData(db, { retentionMonths: 6 });
    expect(result.unconfirmed).toBe(1);
    const left = await db
      .selectFrom('event_registrations')
      .select('email')
      .where('event_id', '=', event)
      .execute();
    expect(left.map((r) => r.email)).toEqual(['person11@example.org']);
  });
});
