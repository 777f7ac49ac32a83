import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_MAX, MAX_ALERTS_PER_USER, sendAlertDigests } from '../../src/modules/caselaw/alerts.ts';
import { seedDemoCaselaw } from '../../src/modules/caselaw/demo.ts';
import { parseNormField } from '../../src/modules/caselaw/norms.ts';
import { resolveCourt, upsertDecision } from '../../src/modules/caselaw/store.ts';
import { createTestApp, type TestApp, type TestSession } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';

const DAY = 86_400_000;

describe('case-law alerts: saved searches, digests through SMTP, unsubscribe', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let member: TestSession;
  let courtId: string;
  let counter = 0;

  /** A decision as the office would publish it (the trigger stamps published_at). */
  async function decision(reasons: string, status: 'draft' | 'published' = 'published') {
    counter++;
    return (
      await upsertDecision(t.database.db, {
        doknr: `ALERT${counter}`,
        ecli: null,
        courtId,
        chamber: '1. Kammer',
        decisionDate: `2025-03-0${1 + (counter % 9)}`,
        fileNumbers: [`7 KLs ${counter}/25`],
        decisionType: 'Urteil',
        title: `Testentscheidung ${counter}`,
        headnotes: '',
        tenor: '',
        facts: '',
        reasons: `<p>${reasons}</p>`,
        dissent: '',
        summaryDe: '',
        summaryEn: '',
        legalAreas: ['criminal'],
        exploitation: [],
        outcome: '',
        source: 'test',
        lowerInstances: [],
        status,
        isDemo: false,
        norms: parseNormField('§ 232a Abs. 1 StGB'),
      })
    ).id;
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ mail: smtp.transport });
    await seedDemoCaselaw(t.database.db);
    courtId = await resolveCourt(t.database.db, 'LG', 'Bochum', '05');
    member = await t.sessionFor('member');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('saves the current search from the search page, lists it and validates the form', async () => {
    const search = await (
      await t.request('/rechtsprechung?q=Zwangsarbeit&court_type=LG', { session: member })
    ).text();
    expect(search).toContain('href="/rechtsprechung/benachrichtigungen?q=Zwangsarbeit&amp;court_type=LG"');
    const form = await t.request('/rechtsprechung/benachrichtigungen?q=Zwangsarbeit&court_type=LG&x=1', {
      session: member,
    });
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('name="q" value="Zwangsarbeit"');
    expect(html).not.toContain('name="x"');
    const invalid = await t.post(
      '/rechtsprechung/benachrichtigungen',
      { name: '', frequency: 'monthly', q: 'Zwangsarbeit', court_type: 'LG' },
      member,
    );
    expect(invalid.status).toBe(422);
    const invalidHtml = await invalid.text();
    expect(invalidHtml).toContain('error-summary');
    expect(invalidHtml).toContain('name="q" value="Zwangsarbeit"');
    const saved = await t.post(
      '/rechtsprechung/benachrichtigungen',
      { name: 'Zwangsarbeit am LG', frequency: 'daily', q: 'Zwangsarbeit', court_type: 'LG' },
      member,
    );
    expect(saved.status).toBe(200);
    const list = await saved.text();
    expect(list).toContain('Die Benachrichtigung „Zwangsarbeit am LG“ ist gespeichert.');
    expect(list).toContain('href="/rechtsprechung?q=Zwangsarbeit&amp;court_type=LG"');
    const rows = await t.database.db.selectFrom('caselaw_alerts').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.query).toEqual({ q: 'Zwangsarbeit', court_type: 'LG' });
    expect(rows[0]!.user_id).toBe(member.user.id);
  });

  it('mails a daily digest of newly published matches through SMTP, once, with an unsubscribe link', async () => {
    const later = (days: number) => new Date(Date.now() + days * DAY);
    const matching = await decision('Zwangsarbeit auf einer Baustelle im Ruhrgebiet.');
    await decision('Zwangsarbeit, aber noch im Entwurf.', 'draft');
    await decision('Arbeitsausbeutung ohne das gesuchte Wort.');
    // not yet due: saved less than a day ago
    expect(await sendAlertDigests(t.database.db, t.config, later(0.5))).toBe(0);
    expect(await sendAlertDigests(t.database.db, t.config, later(1.1))).toBe(1);
    await t.flushMail();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual([member.user.email]);
    expect(mail.raw).toMatch(
      /List-Unsubscribe:\s+<http:\/\/localhost:3000\/rechtsprechung\/benachrichtigungen\/abbestellen\/[A-Za-z0-9_-]+>/,
    );
    const text = mailText(mail.raw);
    expect(text).toContain('Zu Ihrer gespeicherten Suche „Zwangsarbeit am LG“');
    expect(text).toContain(`http://localhost:3000/rechtsprechung/${matching}`);
    expect(text).toContain('LG Bochum, Urteil vom');
    // drafts, non-matching decisions and decisions published before the alert was saved are not in it
    expect(text).not.toContain('noch im Entwurf');
    expect(text.match(/http:\/\/localhost:3000\/rechtsprechung\/[0-9a-f-]{36}/g)).toHaveLength(1);
    expect(text).toContain('http://localhost:3000/rechtsprechung?q=Zwangsarbeit&court_type=LG');
    // sent once: not due again the same day, and a day later there is nothing new to send
    expect(await sendAlertDigests(t.database.db, t.config, later(1.5))).toBe(0);
    expect(await sendAlertDigests(t.database.db, t.config, later(2.2))).toBe(0);
    await t.flushMail();
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps a weekly alert quiet until a week has passed', async () => {
    const weekly = await t.sessionFor('board');
    const res = await t.post(
      '/rechtsprechung/benachrichtigungen',
      { name: 'Wöchentlich § 232a', frequency: 'weekly', norm: 'StGB §232a' },
      weekly,
    );
    expect(res.status).toBe(200);
    await decision('Menschenhandel zur Ausbeutung der Arbeitskraft.');
    const mine = () => smtp.received.filter((m) => m.to.includes(weekly.user.email));
    await sendAlertDigests(t.database.db, t.config, new Date(Date.now() + 3 * DAY));
    await t.flushMail();
    expect(mine()).toHaveLength(0);
    await sendAlertDigests(t.database.db, t.config, new Date(Date.now() + 8 * DAY));
    await t.flushMail();
    expect(mine()).toHaveLength(1);
    expect(mailText(mine()[0]!.raw)).toContain('Wöchentlich § 232a');
  });

  it('unsubscribes by the link in the mail after a confirmation, without logging in', async () => {
    const link =
      /http:\/\/localhost:3000(\/rechtsprechung\/benachrichtigungen\/abbestellen\/[A-Za-z0-9_-]+)/.exec(
        mailText(smtp.received[0]!.raw),
      )![1]!;
    const confirm = await t.request(link);
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain(
      'Möchten Sie die Benachrichtigung „Zwangsarbeit am LG“ abbestellen?',
    );
    // following the link (as mail scanners do) removes nothing
    expect(
      await t.database.db
        .selectFrom('caselaw_alerts')
        .select('id')
        .where('user_id', '=', member.user.id)
        .execute(),
    ).toHaveLength(1);
    const done = await t.post(link, {});
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('Die Benachrichtigung ist abbestellt.');
    expect(
      await t.database.db
        .selectFrom('caselaw_alerts')
        .select('id')
        .where('user_id', '=', member.user.id)
        .execute(),
    ).toHaveLength(0);
    expect((await t.request(link)).status).toBe(404);
    expect((await t.request('/en/rechtsprechung/benachrichtigungen/abbestellen/kurz')).status).toBe(404);
  });

  it('lets each account delete only its own alerts, and limits how many it keeps', async () => {
    const owner = await t.sessionFor('member');
    const other = await t.sessionFor('office');
    await t.post(
      '/rechtsprechung/benachrichtigungen',
      { name: 'Meine', frequency: 'daily', q: 'Lohn' },
      owner,
    );
    const { id } = await t.database.db
      .selectFrom('caselaw_alerts')
      .select('id')
      .where('user_id', '=', owner.user.id)
      .executeTakeFirstOrThrow();
    const foreign = await t.post(`/rechtsprechung/benachrichtigungen/${id}/loeschen`, {}, other);
    expect(foreign.status).toBe(404);
    const list = await (await t.request('/en/rechtsprechung/benachrichtigungen', { session: other })).text();
    expect(list).not.toContain('Meine');
    expect(list).toContain('My case-law alerts');
    const own = await t.post(`/rechtsprechung/benachrichtigungen/${id}/loeschen`, {}, owner);
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('Die Benachrichtigung ist gelöscht.');
    for (let i = 0; i < MAX_ALERTS_PER_USER; i++)
      await t.post('/rechtsprechung/benachrichtigungen', { name: `A${i}`, frequency: 'weekly' }, owner);
    const over = await t.post(
      '/rechtsprechung/benachrichtigungen',
      { name: 'zu viel', frequency: 'weekly' },
      owner,
    );
    expect(over.status).toBe(422);
    expect(await over.text()).toContain(`höchstens ${MAX_ALERTS_PER_USER} Benachrichtigungen`);
    expect(DIGEST_MAX).toBeGreaterThan(0);
  });

  it('asks anonymous visitors to log in before saving an alert', async () => {
    const res = await t.request('/rechtsprechung/benachrichtigungen?q=Lohn');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `/anmelden?next=${encodeURIComponent('/rechtsprechung/benachrichtigungen?q=Lohn')}`,
    );
  });
});
