import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/connect.ts';
import { createTestDatabase } from '../../src/db/testing.ts';
import { purgeRequestPersonalData } from '../../src/modules/referral/retention.ts';

describe('requesters’ personal data is deleted on schedule', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('anonymises finished requests after a year, keeps open ones and the figures, audits counts only', async () => {
    const db = database.db;
    const old = new Date(Date.now() - 400 * 86_400_000);
    const recent = new Date(Date.now() - 30 * 86_400_000);
    const training = (status: 'new' | 'declined' | 'scheduled', updated_at: Date, email: string) => ({
      organisation: 'Jobcenter Beispiel',
      contact_name: 'Kim Beispiel',
      email,
      phone: '0301234',
      audiences: ['jobcenter'],
      group_size: 12,
      topics: ['labour_exploitation'],
      preferred_dates: 'Mai',
      format: 'online' as const,
      land: null,
      message: 'Bitte rufen Sie Frau Muster an.',
      status,
      created_at: old,
      updated_at,
    });
    const rows = await db
      .insertInto('training_requests')
      .values([
        training('declined', old, 'old@example.org'),
        training('new', old, 'open@example.org'),
        training('scheduled', recent, 'recent@example.org'),
      ])
      .returning(['id', 'email'])
      .execute();
    await db
      .insertInto('referral_history')
      .values(
        rows.map((r) => ({
          training_request_id: r.id,
          actor_kind: 'office' as const,
          action: 'note',
          note: 'Frau Muster',
        })),
      )
      .execute();
    await db
      .insertInto('speaker_requests')
      .values({
        contact_name: 'Robin',
        email: 'robin@example.org',
        event_date: '2025-01-01',
        audience: 'civil_society',
        group_size: 40,
        topic: 'identification',
        language: 'de',
        format: 'talk',
        status: 'closed',
        updated_at: old,
      })
      .execute();

    expect(await purgeRequestPersonalData(db)).toEqual({ training: 1, speaker: 1 });
    const after = await db.selectFrom('training_requests').selectAll().orderBy('email').execute();
    const purged = after.find((r) => r.id === rows[0]!.id)!;
    expect(purged).toMatchObject({
      contact_name: '–',
      email: '',
      phone: '',
      message: '',
      preferred_dates: '',
    });
    expect(purged.topics).toEqual(['labour_exploitation']);
    expect(purged.organisation).toBe('Jobcenter Beispiel');
    expect(
      after
        .filter((r) => r.email !== '')
        .map((r) => r.email)
        .sort(),
    ).toEqual(['open@example.org', 'recent@example.org']);
    const notes = await db.selectFrom('referral_history').select(['training_request_id', 'note']).execute();
    expect(notes.find((n) => n.training_request_id === rows[0]!.id)!.note).toBe('');
    expect(notes.filter((n) => n.note === 'Frau Muster')).toHaveLength(2);
    const speaker = await db
      .selectFrom('speaker_requests')
      .select(['email', 'contact_name', 'topic'])
      .executeTakeFirstOrThrow();
    expect(speaker).toEqual({ email: '', contact_name: '–', topic: 'identification' });

    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'meta'])
      .where('action', '=', 'referral.personal_data_purge')
      .execute();
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]!.meta)).not.toMatch(/example\.org|Kim|Robin/);
    // nothing left to do: a second run changes nothing and writes no audit entry
    expect(await purgeRequestPersonalData(db)).toEqual({ training: 0, speaker: 0 });
  });
});
