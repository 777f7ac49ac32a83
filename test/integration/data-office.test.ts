import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysUntil, sendDeadlineReminders, stageFor } from '../../src/modules/datacollection/office.ts';
import { createTestApp, ORIGIN, type TestApp, type TestSession } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';

type Form = Record<string, string | string[]>;

const complete: Form = {
  first_contact: '2025-03',
  sex: 'female',
  age_group: '22_29',
  nationality: 'NG',
  exploitation_forms: ['sexual_exploitation'],
  recruitment_place: 'abroad:NG',
  exploitation_place: ['land:11'],
  access_route: 'police',
  residence_status: 'asylum_procedure',
  proceedings: ['statement_to_police'],
  services_provided: ['crisis_intervention'],
  consent_recorded: 'yes',
};

const DEADLINE = '2026-03-31';

describe('the office: threshold, participation, reminders, publishing; isolation of the centres', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  const org: Record<'a' | 'b' | 'c', string> = { a: '', b: '', c: '' };
  let memberA: TestSession;
  let memberB: TestSession;
  let memberC: TestSession;
  let office: TestSession;
  let admin: TestSession;
  let board: TestSession;
  let recordA = '';

  function send(path: string, form: Form, session: TestSession, headers: Record<string, string> = {}) {
    const body = new URLSearchParams();
    for (const [key, value] of Object.entries(form)) {
      for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
    }
    body.append('_csrf', session.csrf);
    return t.request(path, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        ...headers,
      },
      session,
    });
  }
  const autosave = (path: string, form: Form, session: TestSession) =>
    send(path, { ...form, _action: 'draft' }, session, { 'x-autosave': '1' });
  const idOf = (res: Response) =>
    /\/datenerhebung\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')![1]!;
  const auditActions = async (action: string) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['meta', 'actor_label'])
      .where('action', '=', action)
      .execute();
  async function mailsTo(address: string) {
    await t.flushMail();
    return smtp.received.filter((m) => m.to.includes(address)).map((m) => mailText(m.raw));
  }

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ mail: smtp.transport });
    const db = t.database.db;
    const rows = await db
      .insertInto('organisations')
      .values([
        { slug: 'fbs-alpha', name: 'FBS Alpha' },
        { slug: 'fbs-beta', name: 'FBS Beta' },
        { slug: 'fbs-gamma', name: 'FBS Gamma' },
      ])
      .returning('id')
      .execute();
    org.a = rows[0]!.id;
    org.b = rows[1]!.id;
    org.c = rows[2]!.id;
    memberA = await t.sessionFor('member', { organisationId: org.a, email: 'a@alpha.test' });
    memberB = await t.sessionFor('member_admin', { organisationId: org.b, email: 'b@beta.test' });
    memberC = await t.sessionFor('member', { organisationId: org.c, email: 'c@gamma.test' });
    office = await t.sessionFor('office');
    admin = await t.sessionFor('admin');
    board = await t.sessionFor('board');
    const opened = await t.post(
      '/verwaltung/datenerhebung/jahre',
      { year: '2025', codebook: '2025', deadline: DEADLINE },
      office,
    );
    expect(opened.status).toBe(303);
    // Alpha: released records only; Beta: one released, one draft; Gamma: nothing
    for (let i = 0; i < 3; i++) {
      const res = await send('/datenerhebung/neu', { ...complete, _action: 'release' }, memberA);
      expect(res.status).toBe(303);
      recordA = idOf(res);
    }
    expect((await send('/datenerhebung/neu', { ...complete, _action: 'release' }, memberB)).status).toBe(303);
    expect(
      (await send('/datenerhebung/neu', { _action: 'draft', sex: 'male', age_group: '30_39' }, memberB))
        .status,
    ).toBe(303);
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  describe('threshold k', () => {
    it('is shown to office and admin and refused to everyone else', async () => {
      for (const s of [office, admin]) {
        const res = await t.request('/verwaltung/datenbericht/schwelle', { session: s });
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('k = 5');
      }
      for (const s of [board, memberA]) {
        expect((await t.request('/verwaltung/datenbericht/schwelle', { session: s })).status).toBe(403);
        expect((await t.post('/verwaltung/datenbericht/schwelle', { k: '7' }, s)).status).toBe(403);
      }
    });

    it('answers 422 with a readable message for anything but a whole number from 3 to 50', async () => {
      for (const k of ['2', '0', '-4', '1', '51', '4.5', 'fünf', '', ' ', '1e1', '999999999999']) {
        const res = await t.post('/verwaltung/datenbericht/schwelle', { k }, office);
        expect(res.status, k).toBe(422);
        const html = await res.text();
        expect(html, k).toContain('Bitte geben Sie eine ganze Zahl von 3 bis 50 an.');
      }
      const english = await t.post('/en/verwaltung/datenbericht/schwelle', { k: '2' }, office);
      expect(english.status).toBe(422);
      expect(await english.text()).toContain('Please enter a whole number from 3 to 50.');
      const stored = await t.database.db
        .selectFrom('settings')
        .select('value')
        .where('key', '=', 'data_threshold')
        .executeTakeFirst();
      expect(stored).toBeUndefined();
    });

    it('stores a valid k, audits old and new value, and the report uses it', async () => {
      const res = await t.post('/verwaltung/datenbericht/schwelle', { k: '7' }, office);
      expect(res.status).toBe(303);
      const audits = await auditActions('data.threshold_set');
      expect(audits.at(-1)!.meta).toMatchObject({ from: 5, to: 7 });
      expect(audits.at(-1)!.actor_label).toBe('office');
      const report = await t.request('/api/v1/data/reports/2025', { session: office });
      expect(((await report.json()) as { threshold: number }).threshold).toBe(7);
      expect((await t.post('/verwaltung/datenbericht/schwelle', { k: '3' }, admin)).status).toBe(303);
      const back = await t.request('/api/v1/data/reports/2025', { session: office });
      expect(((await back.json()) as { threshold: number }).threshold).toBe(3);
      expect((await t.post('/verwaltung/datenbericht/schwelle', { k: '5' }, office)).status).toBe(303);
    });
  });

  describe('participation', () => {
    it('shows the office the counts per centre without names, and the sums', async () => {
      const res = await t.request('/verwaltung/datenerhebung?jahr=2025', { session: office });
      const html = await res.text();
      for (const name of ['FBS Alpha', 'FBS Beta', 'FBS Gamma', 'fbs-alpha'])
        expect(html).not.toContain(name);
      // ordered by the figures: Alpha (3 released) first, Beta (1 of 2) second
      expect(html).toMatch(
        /Einrichtung 1<\/th><td class="num">3<\/td><td class="num">3<\/td><td class="num">3<\/td>/,
      );
      expect(html).toMatch(
        /Einrichtung 2<\/th><td class="num">2<\/td><td class="num">1<\/td><td class="num">1<\/td>/,
      );
      expect(html).toMatch(
        /Summe<\/th><td class="num">5<\/td><td class="num">4<\/td><td class="num">4<\/td>/,
      );
    });

    it('shows the centre names to admin only', async () => {
      const res = await t.request('/verwaltung/datenbericht/2025/einrichtungen', { session: admin });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toMatch(/FBS Alpha<\/th><td class="num">3<\/td>/);
      expect(html).toMatch(/FBS Beta<\/th><td class="num">2<\/td><td class="num">1<\/td>/);
      for (const s of [office, board, memberA, memberB]) {
        const denied = await t.request('/verwaltung/datenbericht/2025/einrichtungen', { session: s });
        expect(denied.status).toBe(403);
      }
      expect(await auditActions('data.participation_viewed')).not.toHaveLength(0);
    });

    it('gives the board a read-only overview and the produced report, without names or buttons', async () => {
      const res = await t.request('/verwaltung/datenbericht', { session: board });
      expect(res.status).toBe(200);
      const html = /<main[^>]*>([\s\S]*)<\/main>/.exec(await res.text())![1]!;
      expect(html).toContain('2026-03-31');
      expect(html).not.toContain('FBS Alpha');
      expect(html).not.toContain('<form');
      expect(html).not.toContain('/schwelle');
      expect(html).not.toContain('/einrichtungen');
      const preview = await t.request('/verwaltung/datenbericht/2025', { session: board });
      expect(preview.status).toBe(200);
      expect(await preview.text()).toContain('Vorschau');
      expect((await t.request('/verwaltung/datenerhebung', { session: board })).status).toBe(403);
      expect((await t.post('/verwaltung/datenerhebung/2025/schliessen', {}, board)).status).toBe(403);
      expect((await t.request('/verwaltung/datenbericht', { session: memberA })).status).toBe(403);
    });
  });

  describe('reminders', () => {
    it('knows its stages', () => {
      expect(stageFor(30)).toBeNull();
      expect(stageFor(14)).toBe('before_14');
      expect(stageFor(4)).toBe('before_14');
      expect(stageFor(3)).toBe('before_3');
      expect(stageFor(0)).toBe('before_3');
      expect(stageFor(-1)).toBeNull();
      expect(daysUntil('2026-03-31', new Date('2026-03-21T23:59:00Z'))).toBe(10);
    });

    it('sends the button reminder through SMTP to the centres that have not released everything, once a day', async () => {
      const res = await t.post('/verwaltung/datenerhebung/2025/erinnern', {}, office);
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toContain('erinnert=2');
      const beta = await mailsTo('b@beta.test');
      const gamma = await mailsTo('c@gamma.test');
      expect(beta).toHaveLength(1);
      expect(gamma).toHaveLength(1);
      expect(beta[0]).toContain('Erinnerung: Datenerhebung 2025');
      expect(beta[0]).toContain('FBS Beta');
      expect(beta[0]).toContain(`${ORIGIN}/datenerhebung`);
      expect(beta[0]).toContain(DEADLINE);
      expect(await mailsTo('a@alpha.test')).toHaveLength(0);
      // the same day again: nobody gets a second mail
      const again = await t.post('/verwaltung/datenerhebung/2025/erinnern', {}, office);
      expect(again.headers.get('location')).toContain('erinnert=0');
      expect(await mailsTo('b@beta.test')).toHaveLength(1);
      const audits = await auditActions('data.reminders_sent');
      expect(audits[0]!.meta).toMatchObject({ centres: 2, recipients: 2 });
      const page = await (await t.request('/verwaltung/datenerhebung?jahr=2025', { session: office })).text();
      expect(page).toContain('von Hand');
      for (const s of [memberA, board, admin]) {
        expect((await t.post('/verwaltung/datenerhebung/2025/erinnern', {}, s)).status).toBe(403);
      }
    });

    it('sends the automatic reminders N days before the deadline, once per stage', async () => {
      const at = (iso: string) => sendDeadlineReminders(t.database.db, t.config, new Date(iso));
      expect(await at('2026-02-01T08:00:00Z')).toBe(0); // too early
      expect(await at('2026-03-20T08:00:00Z')).toBe(2); // 11 days before: stage 14
      expect(await at('2026-03-21T08:00:00Z')).toBe(0); // same stage again: nothing
      expect(await at('2026-03-29T08:00:00Z')).toBe(2); // 2 days before: stage 3
      expect(await at('2026-03-30T08:00:00Z')).toBe(0);
      expect(await at('2026-04-02T08:00:00Z')).toBe(0); // after the deadline
      expect(await mailsTo('b@beta.test')).toHaveLength(3);
      expect(await mailsTo('c@gamma.test')).toHaveLength(3);
      expect(await mailsTo('a@alpha.test')).toHaveLength(0);
      const english = await t.sessionFor('member', { organisationId: org.c, email: 'en@gamma.test' });
      await t.database.db
        .updateTable('users')
        .set({ locale: 'en' })
        .where('id', '=', english.user.id)
        .execute();
      await t.database.db.deleteFrom('data_reminders').where('stage', '=', 'before_3').execute();
      expect(await at('2026-03-30T08:00:00Z')).toBe(2);
      const mail = await mailsTo('en@gamma.test');
      expect(mail[0]).toContain('Reminder: data collection 2025');
      expect(mail[0]).toContain(`${ORIGIN}/en/datenerhebung`);
    });
  });

  describe('entry: autosave, copy, delete — and the other centres', () => {
    it('autosaves a new draft as JSON and then the same record', async () => {
      const first = await autosave('/datenerhebung/neu', { sex: 'female' }, memberB);
      expect(first.status).toBe(201);
      const { id, action } = (await first.json()) as { id: string; action: string };
      expect(action).toBe(`/datenerhebung/${id}`);
      const second = await autosave(action, { sex: 'female', age_group: '18_21' }, memberB);
      expect(second.status).toBe(200);
      const row = await t.database.db
        .selectFrom('data_records')
        .select(['values', 'status', 'organisation_id'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'draft', organisation_id: org.b });
      expect(row.values).toMatchObject({ sex: 'female', age_group: '18_21' });
      const bad = await autosave(action, { sex: 'dragon' }, memberB);
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { fields: Record<string, string> }).fields.sex).toBeTruthy();
      expect((await auditActions('data.record_update')).length).toBeGreaterThan(0);
    });

    it('never autosaves a complete or released record back to a draft, nor releases one', async () => {
      const res = await autosave(`/datenerhebung/${recordA}`, complete, memberA);
      expect(res.status).toBe(409);
      const release = await send('/datenerhebung/neu', { ...complete, _action: 'release' }, memberA, {
        'x-autosave': '1',
      });
      expect(release.status).toBe(400);
      const row = await t.database.db
        .selectFrom('data_records')
        .select('status')
        .where('id', '=', recordA)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('released');
    });

    it('lets no centre read, change, autosave, copy or delete another centre’s record', async () => {
      expect((await t.request(`/datenerhebung/${recordA}`, { session: memberB })).status).toBe(404);
      expect(
        (await send(`/datenerhebung/${recordA}`, { ...complete, _action: 'draft' }, memberB)).status,
      ).toBe(404);
      expect((await autosave(`/datenerhebung/${recordA}`, { sex: 'male' }, memberB)).status).toBe(404);
      expect((await send(`/datenerhebung/${recordA}/loeschen`, {}, memberB)).status).toBe(404);
      // copy: Gamma has no record of its own, so it gets an empty form — never Alpha's answers
      const copy = await t.request('/datenerhebung/neu?kopie=1', { session: memberC });
      const html = await copy.text();
      expect(html).not.toContain('value="NG" selected');
      expect(html).not.toMatch(/value="sexual_exploitation" checked/);
      // Beta's copy holds Beta's answers
      const beta = await (await t.request('/datenerhebung/neu?kopie=1', { session: memberB })).text();
      expect(beta).toMatch(/value="female" checked/);
      // no centre can count: the office views and the admin view are closed to them
      for (const path of [
        '/verwaltung/datenerhebung',
        '/verwaltung/datenbericht',
        '/verwaltung/datenbericht/2025',
        '/verwaltung/datenbericht/2025/einrichtungen',
      ]) {
        expect((await t.request(path, { session: memberA })).status, path).toBe(403);
      }
      // Alpha's list shows Alpha's records only
      const list = await (await t.request('/datenerhebung', { session: memberA })).text();
      const numbers = [...list.matchAll(/>(2025-\d{4})</g)].map((m) => m[1]);
      expect(numbers).toEqual(['2025-0003', '2025-0002', '2025-0001']);
      const row = await t.database.db
        .selectFrom('data_records')
        .select(['status', 'values'])
        .where('id', '=', recordA)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('released');
    });
  });

  describe('the year workflow', () => {
    it('closes the year, publishes, withdraws and republishes the report, all audited', async () => {
      const draft = await send('/datenerhebung/neu', { _action: 'draft', sex: 'male' }, memberA);
      const draftId = idOf(draft);
      expect((await t.post('/verwaltung/datenerhebung/2025/veroeffentlichen', {}, office)).status).toBe(409);
      expect((await t.post('/verwaltung/datenerhebung/2025/schliessen', {}, office)).status).toBe(303);
      // closed: no deletion, no change, no reminder any more
      expect((await send(`/datenerhebung/${draftId}/loeschen`, {}, memberA)).status).toBe(409);
      expect((await autosave(`/datenerhebung/${draftId}`, { sex: 'female' }, memberA)).status).toBe(409);
      expect((await t.post('/verwaltung/datenerhebung/2025/erinnern', {}, office)).status).toBe(409);
      expect(await sendDeadlineReminders(t.database.db, t.config, new Date('2026-03-30T08:00:00Z'))).toBe(0);

      expect((await t.request('/datenbericht/2025')).status).toBe(404);
      expect((await t.post('/verwaltung/datenerhebung/2025/zurueckziehen', {}, office)).status).toBe(409);
      expect((await t.post('/verwaltung/datenerhebung/2025/veroeffentlichen', {}, office)).status).toBe(303);
      expect((await t.request('/datenbericht/2025')).status).toBe(200);
      const page = await (await t.request('/verwaltung/datenerhebung?jahr=2025', { session: office })).text();
      expect(page).toContain('Veröffentlichung zurückziehen');

      expect((await t.post('/verwaltung/datenerhebung/2025/zurueckziehen', {}, board)).status).toBe(403);
      expect((await t.post('/verwaltung/datenerhebung/2025/zurueckziehen', {}, office)).status).toBe(303);
      expect((await t.request('/datenbericht/2025')).status).toBe(404);
      expect((await t.request('/api/v1/data/reports/2025')).status).toBe(404);
      // the board still reads the produced (now unpublished) report, read-only, through the API its page links to
      const boardJson = await t.request('/api/v1/data/reports/2025', { session: board });
      expect(boardJson.status).toBe(200);
      expect(((await boardJson.json()) as { year: number }).year).toBe(2025);
      const row = await t.database.db
        .selectFrom('data_years')
        .select(['published_at', 'report'])
        .where('year', '=', 2025)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ published_at: null, report: null });

      expect((await t.post('/verwaltung/datenerhebung/2025/veroeffentlichen', {}, office)).status).toBe(303);
      expect((await t.request('/datenbericht/2025')).status).toBe(200);
      expect(await auditActions('data.report_publish')).toHaveLength(2);
      expect(await auditActions('data.report_unpublish')).toHaveLength(1);
      // the board reads the published report in its overview
      expect((await t.request('/verwaltung/datenbericht/2025', { session: board })).status).toBe(200);
    });
  });
});
