import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';
import { oldStamp } from './events-helpers.ts';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('speaker pool and referral through a real SMTP server', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let office: TestSession;
  const ids: Record<string, string> = {};
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

  /** The office's speaker form, sent as a browser sends it (repeated names for checkbox groups). */
  function postSpeaker(path: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams({ _csrf: office.csrf });
    for (const [k, v] of Object.entries(fields))
      for (const x of Array.isArray(v) ? v : [v]) body.append(k, x);
    return t.request(path, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'http://localhost:3000',
        'sec-fetch-site': 'same-origin',
      },
      session: office,
    });
  }

  const speaker = (over: Record<string, string | string[]>) => ({
    name: 'Alex',
    email: 'alex@example.org',
    organisation: '',
    active: '1',
    user_email: '',
    topics: ['labour_exploitation'],
    languages: ['de'],
    regions: ['05'],
    formats: ['talk'],
    fee_notes: '',
    unavailable: '',
    ...over,
  });

  it('keeps the pool: validation, creation, public only with consent', async () => {
    const bad = await postSpeaker(
      '/verwaltung/referentinnen/neu',
      speaker({ topics: [], unavailable: '2027-05-10 – 2027-05-01' }),
    );
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Bitte wählen Sie mindestens einen Eintrag aus.');
    expect(html).toContain('das Ende nicht vor dem Anfang');
    expect(
      (await postSpeaker('/verwaltung/referentinnen/neu', speaker({ user_email: 'nobody@example.org' })))
        .status,
    ).toBe(422);
    expect((await postSpeaker('/verwaltung/referentinnen/neu', speaker({ regions: ['mars'] }))).status).toBe(
      422,
    );

    const create = async (key: string, over: Record<string, string | string[]>) => {
      const res = await postSpeaker('/verwaltung/referentinnen/neu', speaker(over));
      expect(res.status, key).toBe(303);
      ids[key] = /referentinnen\/([0-9a-f-]{36})/.exec(res.headers.get('location')!)![1]!;
    };
    await create('anna', {
      name: 'Anna Arbeitsrecht',
      email: 'anna@example.org',
      organisation: 'Beratungsstelle Köln',
      public_consent: '1',
      topics: ['labour_exploitation', 'forced_labour'],
      languages: ['de', 'ro'],
      regions: ['nationwide'],
      formats: ['talk', 'workshop'],
    });
    await create('bernd', {
      name: 'Bernd Beispiel',
      email: 'bernd@example.org',
      topics: ['labour_exploitation'],
      languages: ['de'],
      regions: ['05'],
      formats: ['talk'],
      unavailable: `${inDays(25)} – ${inDays(35)}`,
    });
    await create('carla', {
      name: 'Carla Zwangsheirat',
      email: 'carla@example.org',
      topics: ['forced_marriage'],
      languages: ['de', 'tr'],
      regions: ['11'],
    });
    const page = await (await t.request('/referentinnen')).text();
    expect(page).toContain('Anna Arbeitsrecht');
    expect(page).toContain('Beratungsstelle Köln');
    expect(page).not.toContain('Bernd Beispiel');
    expect(page).not.toContain('carla@example.org');
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', ids.anna!)
      .execute();
    expect(audits.map((a) => a.action)).toContain('speaker.create');
  });

  it('lets a speaker keep the profile current through a personal link, renewed by the office', async () => {
    const send = await t.post(`/verwaltung/referentinnen/${ids.bernd}/link`, {}, office);
    expect(send.status).toBe(303);
    await t.flushMail();
    const link = /\/referentinnen\/profil\/([A-Za-z0-9_-]+)/.exec(mailsTo('bernd@example.org').at(-1)!)![0];
    const token = link.split('/').at(-1)!;
    const stored = await t.database.db
      .selectFrom('speakers')
      .select('profile_token_hash')
      .where('id', '=', ids.bernd!)
      .executeTakeFirstOrThrow();
    expect(stored.profile_token_hash).not.toContain(token);
    const form = await t.request(link);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Bernd Beispiel');
    const fields = {
      organisation: 'Bernds Büro',
      topics: 'labour_exploitation',
      languages: 'de',
      regions: '05',
      formats: 'talk',
      fee_notes: '300 Euro',
      unavailable: `${inDays(25)} – ${inDays(35)}`,
    };
    expect((await t.post(link, { ...fields, regions: '' })).status).toBe(422);
    const saved = await t.post(link, fields);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Ihre Angaben sind gespeichert');
    const row = await t.database.db
      .selectFrom('speakers')
      .select(['organisation', 'fee_notes', 'name'])
      .where('id', '=', ids.bernd!)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ organisation: 'Bernds Büro', fee_notes: '300 Euro', name: 'Bernd Beispiel' });

    // a renewed link replaces the old one
    await t.post(`/verwaltung/referentinnen/${ids.bernd}/link`, {}, office);
    expect((await t.request(link)).status).toBe(404);
    expect((await t.post(link, fields)).status).toBe(404);
    expect((await t.request('/referentinnen/profil/ausgedacht-aber-lang-genug-123')).status).toBe(404);
  });

  it('lets a linked member account keep the profile current', async () => {
    const member = await t.sessionFor('member');
    const none = await t.request('/referentinnen/mein-profil', { session: member });
    expect(await none.text()).toContain('kein Profil');
    const link = await postSpeaker(
      `/verwaltung/referentinnen/${ids.carla}`,
      speaker({
        name: 'Carla Zwangsheirat',
        email: 'carla@example.org',
        topics: ['forced_marriage'],
        languages: ['de', 'tr'],
        regions: ['11'],
        user_email: member.user.email,
      }),
    );
    expect(link.status).toBe(303);
    const form = await t.request('/referentinnen/mein-profil', { session: member });
    expect(await form.text()).toContain('Carla Zwangsheirat');
    const saved = await t.post(
      '/referentinnen/mein-profil',
      { topics: 'forced_marriage', languages: 'tr', regions: '11', formats: 'workshop', public_consent: '1' },
      member,
    );
    expect(saved.status).toBe(200);
    expect(await (await t.request('/referentinnen')).text()).toContain('Carla Zwangsheirat');
  });

  it('takes a request, ranks, proposes, records single-use answers and tells the requester', async () => {
    const db = t.database.db;
    const request = async (over: Record<string, string> = {}) =>
      t.post('/referentinnen', {
        event_date: inDays(30),
        online: '',
        place: 'Köln',
        land: '05',
        audience: 'civil_society',
        group_size: '50',
        topic: 'labour_exploitation',
        language: 'de',
        format: 'talk',
        organisation: 'Volkshochschule',
        contact_name: 'Robin Anfrage',
        email: 'robin@example.org',
        phone: '',
        message: '',
        website: '',
        started: await oldStamp(db),
        ...over,
      });
    for (const [over, text] of [
      [{ event_date: '2020-01-01' }, 'Vergangenheit'],
      [{ event_date: '2027-02-30' }, 'gültiges Datum'],
      [{ place: '' }, 'online'],
      [{ topic: 'astrology' }, 'f-topic-error'],
      [{ language: 'xx' }, 'f-language-error'],
      [{ group_size: 'viele' }, 'f-group_size-error'],
      [{ website: 'bot' }, 'versteckte Feld'],
    ] as Array<[Record<string, string>, string]>) {
      const res = await request(over);
      expect(res.status, JSON.stringify(over)).toBe(422);
      expect(await res.text(), JSON.stringify(over)).toContain(text);
    }
    const ok = await request();
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Vielen Dank');
    await t.flushMail();
    expect(mailsTo('robin@example.org').at(-1)).toContain('Anfrage für den');
    const row = await db.selectFrom('speaker_requests').select(['id', 'status']).executeTakeFirstOrThrow();
    expect(row.status).toBe('new');

    // ranked: Anna (topic, language, nationwide) before Bernd (unavailable that day) before Carla (other topic)
    const detailPath = `/verwaltung/vermittlung/${row.id}`;
    const detail = await (await t.request(detailPath, { session: office })).text();
    const pos = (name: string) => detail.indexOf(name);
    expect(pos('Anna Arbeitsrecht')).toBeGreaterThan(0);
    expect(pos('Anna Arbeitsrecht')).toBeLessThan(pos('Carla Zwangsheirat'));
    expect(pos('Carla Zwangsheirat')).toBeLessThan(pos('Bernd Beispiel'));
    expect(detail).toContain('an dem Tag nicht verfügbar');

    expect((await t.post(`${detailPath}/vorschlagen`, {}, office)).status).toBe(422);
    const propose = await postSpeaker(`${detailPath}/vorschlagen`, { speakers: [ids.anna!, ids.bernd!] });
    expect(propose.status).toBe(303);
    await t.flushMail();
    const linkOf = (mail: string, answer: 'ja' | 'nein') => {
      const m = new RegExp(
        `/referentinnen/antwort/([0-9a-f-]{36})/([A-Za-z0-9_-]+)\\?antwort=${answer}`,
      ).exec(mail);
      return { path: `/referentinnen/antwort/${m![1]}/${m![2]}`, id: m![1]!, token: m![2]! };
    };
    const annaMail = mailsTo('anna@example.org').at(-1)!;
    const berndMail = mailsTo('bernd@example.org').at(-1)!;
    expect(annaMail).toContain('Volkshochschule');
    const annaYes = linkOf(annaMail, 'ja');
    const berndNo = linkOf(berndMail, 'nein');
    expect(linkOf(annaMail, 'nein').path).toBe(annaYes.path);

    // another speaker's token does not answer for someone else
    expect(
      (await t.post(`/referentinnen/antwort/${berndNo.id}/${annaYes.token}`, { answer: 'yes' })).status,
    ).toBe(404);
    // looking at the link changes nothing
    const look = await t.request(`${annaYes.path}?antwort=ja`);
    expect(look.status).toBe(200);
    expect(await look.text()).toContain('Ja, ich sage zu');
    expect(
      (
        await db
          .selectFrom('speaker_proposals')
          .select('status')
          .where('id', '=', annaYes.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('pending');

    const no = await t.post(berndNo.path, { answer: 'no' });
    expect(no.status).toBe(200);
    expect(await no.text()).toContain('Absage ist vermerkt');
    expect(mailsTo('robin@example.org')).toHaveLength(1); // a no is not announced to the requester

    // clicked twice at the same moment: one answer counts, the other finds the link used
    const both = await Promise.all([
      t.post(annaYes.path, { answer: 'yes' }),
      t.post(annaYes.path, { answer: 'yes' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 404]);
    const yes = both.find((r) => r.status === 200)!;
    expect(await yes.text()).toContain('Vielen Dank für Ihre Zusage');
    // single use
    expect((await t.post(annaYes.path, { answer: 'no' })).status).toBe(404);
    expect((await t.request(annaYes.path)).status).toBe(404);

    await t.flushMail();
    const told = mailsTo('robin@example.org').at(-1)!;
    expect(told).toContain('Anna Arbeitsrecht (Beratungsstelle Köln) hat zugesagt');
    expect(mailsTo('robin@example.org').filter((m) => m.includes('hat zugesagt'))).toHaveLength(1);

    const proposals = await db
      .selectFrom('speaker_proposals')
      .select(['speaker_id', 'status', 'answer_token_hash'])
      .orderBy('speaker_id')
      .execute();
    expect(proposals.every((p) => p.answer_token_hash === null)).toBe(true);
    expect(Object.fromEntries(proposals.map((p) => [p.speaker_id, p.status]))).toEqual({
      [ids.anna!]: 'accepted',
      [ids.bernd!]: 'declined',
    });
    expect((await db.selectFrom('speaker_requests').select('status').executeTakeFirstOrThrow()).status).toBe(
      'accepted',
    );

    // asking the same person twice is refused
    expect((await postSpeaker(`${detailPath}/vorschlagen`, { speakers: [ids.anna!] })).status).toBe(422);

    const history = await db
      .selectFrom('referral_history')
      .select(['action', 'status'])
      .where('speaker_request_id', '=', row.id)
      .orderBy('at')
      .execute();
    expect(history.map((h) => h.action)).toEqual([
      'created',
      'proposed',
      'proposed',
      'status',
      'speaker_declined',
      'speaker_accepted',
      'status',
    ]);

    // closing: the requester gets a mail, internal notes stay inside
    expect((await t.post(`${detailPath}/notiz`, { note: 'Intern: Honorar 300 Euro' }, office)).status).toBe(
      303,
    );
    expect(
      (await t.post(`${detailPath}/status`, { status: 'closed', message: 'Viel Erfolg!' }, office)).status,
    ).toBe(303);
    await t.flushMail();
    const closed = mailsTo('robin@example.org').at(-1)!;
    expect(closed).toContain('abgeschlossen');
    expect(closed).toContain('Viel Erfolg!');
    for (const mail of mailsTo('robin@example.org')) expect(mail).not.toContain('Honorar 300');
    expect((await postSpeaker(`${detailPath}/vorschlagen`, { speakers: [ids.carla!] })).status).toBe(409);
  });

  it('counts the year for the office: page and CSV, audited', async () => {
    const year = new Date().getFullYear();
    const page = await t.request(`/verwaltung/vermittlung/statistik?jahr=${year}`, { session: office });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Referent*innen-Anfragen nach Thema');
    expect(html).toContain('Arbeitsausbeutung');
    const csv = await t.request(`/verwaltung/vermittlung/statistik.csv?jahr=${year}`, { session: office });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const text = await csv.text();
    expect(text).toContain(`${year},speaker,topic,labour_exploitation,1`);
    expect(text).toContain(`${year},speaker,answer,accepted,1`);
    expect(text).toContain(`${year},speaker,answer,declined,1`);
    expect(
      (await t.request('/verwaltung/vermittlung/statistik?jahr=neunzehn', { session: office })).status,
    ).toBe(400);
    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'referral.statistics_export')
      .execute();
    expect(audited).toHaveLength(1);
  });
});
