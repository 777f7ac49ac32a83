import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { insertEvent, oldStamp } from './events-helpers.ts';

/**
 * 200 people register at once for 50 places and all confirm at once: exactly 50 are confirmed, 150 wait.
 * On PostgreSQL (TEST_DATABASE_URL) the confirmations really run in parallel on a connection pool; on PGlite
 * they serialise, and the result must be the same.
 */
describe('capacity under a burst of registrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('confirms exactly 50 of 200 and puts 150 on the waitlist', { timeout: 120_000 }, async () => {
    const db = t.database.db;
    const id = await insertEvent(db, { capacity: 50 });
    const stamp = await oldStamp(db);
    const registered = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        t.post(`/veranstaltungen/${id}/anmelden`, {
          name: `Person ${i}`,
          email: `burst${i}@example.org`,
          website: '',
          started: stamp,
        }),
      ),
    );
    expect(registered.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const mails = await db.selectFrom('mail_outbox').select('body_text').execute();
    const links = mails
      .map((m) => /\/veranstaltungen\/bestaetigen\/[A-Za-z0-9_-]+/.exec(m.body_text)?.[0])
      .filter((l): l is string => Boolean(l));
    expect(links).toHaveLength(200);
    const confirmed = await Promise.all(links.map((l) => t.post(l, {})));
    expect(confirmed.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const counts = await db
      .selectFrom('event_registrations')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('event_id', '=', id)
      .groupBy('status')
      .execute();
    expect(Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]))).toEqual({
      confirmed: 50,
      waitlisted: 150,
    });
  });
});
