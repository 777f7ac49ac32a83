import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formStamp } from '../../src/modules/events/repo.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';
import { insertEvent, linkIn, oldStamp } from './events-helpers.ts';

describe('event registration through a real SMTP server', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ mail: smtp.transport, env: { KOK_TRUST_PROXY: '1' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const mailTo = (address: string) => {
    const found = smtp.received.filter((m) => m.to.includes(address));
    return found.map((m) => mailText(m.raw));
  };

  it('opt-in, confirmation, waitlist, cancellation and promotion, each with its mail', async () => {
    const db = t.database.db;
    const id = await insertEvent(db, { capacity: 1 });
    const register = async (email: string) =>
      t.post(`/veranstaltungen/${id}/anmelden`, {
        name: 'Alex Beispiel',
        email,
        organisation: 'Beratungsstelle',
        website: '',
        started: await oldStamp(db),
      });
    const page = await t.request(`/veranstaltungen/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain('meet.example.org');
    expect(html).toContain('name="website"');

    const r1 = await register('a@example.org');
    expect(r1.status).toBe(200);
    expect(await r1.text()).toContain('E-Mail geschickt');
    await t.flushMail();
    const optin = mailTo('a@example.org').at(-1)!;
    expect(optin).toContain('bestätigen');
    expect(optin).not.toContain('meet.example.org');
    const confirmLink = linkIn(optin, 'bestaetigen');
    expect((await t.request(confirmLink)).status).toBe(200); // a GET changes nothing (link scanners)
    const confirmed = await t.post(confirmLink, {});
    expect(await confirmed.text()).toContain('Ihre Anmeldung ist bestätigt');
    expect((await t.post(confirmLink, {})).status).toBe(404); // used once
    await t.flushMail();
    const confirmation = mailTo('a@example.org').at(-1)!;
    expect(confirmation).toContain('https://meet.example.org/kok-geheim');
    expect(confirmation).toContain(`/veranstaltungen/${id}/kalender.ics`);
    const cancelA = linkIn(confirmation, 'abmelden');

    await register('b@example.org');
    await t.flushMail();
    const bConfirm = linkIn(mailTo('b@example.org').at(-1)!, 'bestaetigen');
    expect(await (await t.post(bConfirm, {})).text()).toContain('Warteliste');
    await t.flushMail();
    const waitMail = mailTo('b@example.org').at(-1)!;
    expect(waitMail).toContain('Warteliste');
    expect(waitMail).not.toContain('meet.example.org');

    expect((await t.request(cancelA)).status).toBe(200);
    expect(await (await t.post(cancelA, {})).text()).toContain('storniert');
    await t.flushMail();
    const promoted = mailTo('b@example.org').at(-1)!;
    expect(promoted).toContain('Platz ist frei geworden');
    expect(promoted).toContain('https://meet.example.org/kok-geheim');

    const rows = await db
      .selectFrom('event_registrations')
      .select(['email', 'status'])
      .orderBy('email')
      .execute();
    expect(rows).toEqual([
      { email: 'a@example.org', status: 'cancelled' },
      { email: 'b@example.org', status: 'confirmed' },
    ]);
    // tokens are stored hashed: no raw token from any mail is in the database
    const stored = await db
      .selectFrom('event_registrations')
      .select(['optin_token_hash', 'cancel_token_hash'])
      .execute();
    const raw = promoted.match(/abmelden\/([A-Za-z0-9_-]+)/)![1]!;
    expect(JSON.stringify(stored)).not.toContain(raw);
  });

  it('refuses a filled honeypot and a too-fast form with 422 and a message', async () => {
    const db = t.database.db;
    const id = await insertEvent(db);
    const base = { name: 'Bot', email: 'bot@example.org', organisation: '' };
    const honey = await t.post(`/veranstaltungen/${id}/anmelden`, {
      ...base,
      website: 'http://spam.example',
      started: await oldStamp(db),
    });
    expect(honey.status).toBe(422);
    expect(await honey.text()).toContain('versteckte Feld leer');
    const fast = await t.post(`/veranstaltungen/${id}/anmelden`, {
      ...base,
      website: '',
      started: await formStamp(db),
    });
    expect(fast.status).toBe(422);
    expect(await fast.text()).toContain('zu schnell');
    const forged = await t.post(`/veranstaltungen/${id}/anmelden`, {
      ...base,
      website: '',
      started: `${Date.now() - 60_000}.${'A'.repeat(43)}`,
    });
    expect(forged.status).toBe(422);
    const invalid = await t.post(`/veranstaltungen/${id}/anmelden`, {
      name: '',
      email: 'kein-at',
      website: '',
      started: await oldStamp(db),
    });
    expect(invalid.status).toBe(422);
    const text = await invalid.text();
    expect(text).toContain('gültige E-Mail-Adresse');
    expect(text).toContain('Bitte füllen Sie dieses Feld aus');
    expect(
      await db.selectFrom('event_registrations').select('id').where('event_id', '=', id).execute(),
    ).toEqual([]);
  });

  it('limits registrations per address (429)', async () => {
    const db = t.database.db;
    const id = await insertEvent(db);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.request(`/veranstaltungen/${id}/anmelden`, {
        method: 'POST',
        body: new URLSearchParams({
          name: 'N',
          email: `rl${i}@example.org`,
          website: '',
          started: await oldStamp(db),
        }),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': '203.0.113.9',
          'sec-fetch-site': 'same-origin',
        },
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('answers any form post with 200, 4xx, never 500', async () => {
    const db = t.database.db;
    const id = await insertEvent(db, { capacity: 1000 });
    const stamp = await oldStamp(db);
    const anyString = fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constant('\u0000'));
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            name: anyString,
            email: fc.oneof(anyString, fc.emailAddress()),
            organisation: anyString,
            website: fc.oneof(fc.constant(''), anyString),
            started: fc.oneof(fc.constant(stamp), anyString),
          },
          { requiredKeys: [] },
        ),
        async (form) => {
          const res = await t.post(`/veranstaltungen/${id}/anmelden`, form as Record<string, string>);
          expect([200, 400, 404, 409, 422, 429]).toContain(res.status);
        },
      ),
      { numRuns: 60 },
    );
    for (const path of [
      '/veranstaltungen/bestaetigen/x',
      '/veranstaltungen/abmelden/%00',
      `/veranstaltungen/${id}/x`,
    ]) {
      expect((await t.post(path, {})).status).toBeLessThan(500);
    }
    expect((await t.request('/veranstaltungen?kind=nope')).status).toBe(400);
  });
});
