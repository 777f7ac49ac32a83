import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';
import { insertEvent, oldStamp } from './events-helpers.ts';

describe('training requests through a real SMTP server', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let office: TestSession;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ mail: smtp.transport });
    office = await t.sessionFor('office');
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const mailsTo = (address: string) =>
    smtp.received.filter((m) => m.to.includes(address)).map((m) => mailText(m.raw));

  const valid = async (over: Record<string, string> = {}) => ({
    organisation: 'Bundespolizeidirektion Beispiel',
    contact_name: 'Kim Beispiel',
    email: 'kim@example.org',
    phone: '',
    audiences: 'federal_police',
    group_size: '20',
    topics: 'identification',
    preferred_dates: 'März, vormittags',
    format: 'in_person',
    land: '11',
    message: 'Wir brauchen eine Einführung.',
    website: '',
    started: await oldStamp(t.database.db),
    ...over,
  });

  async function submit(over: Record<string, string> = {}, prefix = '') {
    const res = await t.post(`${prefix}/schulungen/anfragen`, await valid(over));
    return { status: res.status, html: await res.text() };
  }

  it('shows the form with its guards and refuses bad input with 422 and readable messages', async () => {
    const page = await t.request('/schulungen/anfragen');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="website"');
    expect(html).toContain('name="started"');
    expect(html).toContain('Bundeskriminalamt (BKA)');

    const cases: Array<[Record<string, string>, string]> = [
      [{ audiences: '' }, 'Bitte wählen Sie mindestens einen Eintrag aus.'],
      [{ audiences: 'police_of_mars' }, 'f-audiences-error'],
      [{ email: 'keine-adresse' }, 'f-email-error'],
      [{ group_size: '0' }, 'f-group_size-error'],
      [{ land: '99' }, 'f-land-error'],
      [{ format: 'telepathy' }, 'f-format-error'],
      [{ organisation: '   ' }, 'f-organisation-error'],
      [{ website: 'https://spam.example' }, 'versteckte Feld'],
      [{ started: '' }, 'abgelaufen'],
    ];
    for (const [over, expected] of cases) {
      const r = await submit(over);
      expect(r.status, JSON.stringify(over)).toBe(422);
      expect(r.html, JSON.stringify(over)).toContain(expected);
    }
    // the values come back, ticked checkboxes included
    const back = await submit({ email: 'x', topics: 'victim_rights' });
    expect(back.html).toMatch(/value="victim_rights"[^>]*checked|checked[^>]*value="victim_rights"/);
    const tooFast = await t.post('/schulungen/anfragen', { ...(await valid()), started: String(Date.now()) });
    expect(tooFast.status).toBe(422);
    const count = await t.database.db
      .selectFrom('training_requests')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('takes a request, confirms it by mail, and limits requests per address', async () => {
    const ok = await submit();
    expect(ok.status).toBe(200);
    expect(ok.html).toContain('Vielen Dank');
    await t.flushMail();
    const confirmation = mailsTo('kim@example.org').at(-1)!;
    expect(confirmation).toContain('Schulungsanfrage');
    expect(confirmation).toContain('Bundespolizeidirektion Beispiel');

    await submit({ email: 'limit@example.org' });
    await submit({ email: 'limit@example.org' });
    await submit({ email: 'limit@example.org' });
    const limited = await submit({ email: 'limit@example.org' });
    expect(limited.status).toBe(429);
  });

  it('is worked by the office: transitions, mails at each step, internal notes never mailed, history, audit', async () => {
    const db = t.database.db;
    await submit(
      { email: 'flow@example.org', organisation: 'Jugendamt Musterstadt', audiences: 'youth_welfare' },
      '/en',
    );
    await t.flushMail();
    expect(mailsTo('flow@example.org').at(-1)).toContain('We have received your training request');
    const request = await db
      .selectFrom('training_requests')
      .selectAll()
      .where('email', '=', 'flow@example.org')
      .executeTakeFirstOrThrow();
    expect(request.locale).toBe('en');
    expect(request.status).toBe('new');

    const list = await t.request('/verwaltung/schulungsanfragen?status=new', { session: office });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('Jugendamt Musterstadt');
    const declinedOnly = await (
      await t.request('/verwaltung/schulungsanfragen?status=declined', { session: office })
    ).text();
    expect(declinedOnly).not.toContain('Jugendamt Musterstadt');
    expect((await t.request('/verwaltung/schulungsanfragen?status=bogus', { session: office })).status).toBe(
      400,
    );

    const base = `/verwaltung/schulungsanfragen/${request.id}`;
    expect((await t.request(base, { session: office })).status).toBe(200);

    // a note is internal
    const note = await t.post(`${base}/notiz`, { note: 'Interner Hinweis: Budget unklar' }, office);
    expect(note.status).toBe(303);
    expect((await t.post(`${base}/notiz`, { note: '' }, office)).status).toBe(422);

    // scheduled needs an event; new → new is no transition
    expect(
      (await t.post(`${base}/status`, { status: 'scheduled', event_id: '', message: '' }, office)).status,
    ).toBe(422);
    expect(
      (await t.post(`${base}/status`, { status: 'new', event_id: '', message: '' }, office)).status,
    ).toBe(422);
    expect(
      (await t.post(`${base}/status`, { status: 'flying', event_id: '', message: '' }, office)).status,
    ).toBe(422);

    const clarify = await t.post(
      `${base}/status`,
      { status: 'in_clarification', event_id: '', message: 'Welche Termine passen Ihnen?' },
      office,
    );
    expect(clarify.status).toBe(303);
    await t.flushMail();
    const clarifyMail = mailsTo('flow@example.org').at(-1)!;
    expect(clarifyMail).toContain('being clarified');
    expect(clarifyMail).toContain('Welche Termine passen Ihnen?');

    const eventId = await insertEvent(db, { title: 'Schulung für das Jugendamt Musterstadt' });
    const scheduled = await t.post(
      `${base}/status`,
      { status: 'scheduled', event_id: eventId, message: '' },
      office,
    );
    expect(scheduled.status).toBe(303);
    await t.flushMail();
    const scheduledMail = mailsTo('flow@example.org').at(-1)!;
    expect(scheduledMail).toContain('scheduled');
    expect(scheduledMail).toContain('Schulung für das Jugendamt Musterstadt');
    expect(scheduledMail).toContain(`/en/veranstaltungen/${eventId}`);

    for (const mail of mailsTo('flow@example.org')) expect(mail).not.toContain('Budget unklar');
    expect(mailsTo('flow@example.org')).toHaveLength(3);

    const after = await db
      .selectFrom('training_requests')
      .selectAll()
      .where('id', '=', request.id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('scheduled');
    expect(after.event_id).toBe(eventId);
    const detail = await (await t.request(base, { session: office })).text();
    expect(detail).toContain('Budget unklar');
    expect(detail).toContain('Schulung für das Jugendamt Musterstadt');
    const history = await db
      .selectFrom('referral_history')
      .select(['action', 'status'])
      .where('training_request_id', '=', request.id)
      .orderBy('at')
      .execute();
    expect(history.map((h) => `${h.action}:${h.status ?? ''}`)).toEqual([
      'created:new',
      'note:',
      'status:in_clarification',
      'status:scheduled',
    ]);
    const audits = await db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', request.id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'training_request.create',
        'training_request.note',
        'training_request.status',
        'training_request.read',
      ]),
    );
    // nothing personal in the audit log
    const meta = await db
      .selectFrom('audit_log')
      .select('meta')
      .where('target_id', '=', request.id)
      .execute();
    expect(JSON.stringify(meta)).not.toContain('flow@example.org');
  });
});
