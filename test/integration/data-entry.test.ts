import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type TestApp, type TestSession } from '../helpers/app.ts';

type Form = Record<string, string | string[]>;

const complete: Form = {
  first_contact: '2025-03',
  sex: 'female',
  age_group: '22_29',
  nationality: 'NG',
  exploitation_forms: ['sexual_exploitation'],
  recruitment_place: 'abroad:NG',
  exploitation_place: ['land:11', 'abroad:IT'],
  access_route: 'police',
  residence_status: 'asylum_procedure',
  proceedings: ['statement_to_police', 'investigation_opened'],
  services_provided: ['crisis_intervention', 'accommodation'],
  consent_recorded: 'yes',
};

describe('data entry by the centres', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let memberA: TestSession;
  let memberB: TestSession;
  let office: TestSession;

  /** Posts a form with repeated keys for lists, as a browser sends checkboxes. */
  function send(path: string, form: Form, session: TestSession) {
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
      },
      session,
    });
  }

  const records = () => t.database.db.selectFrom('data_records').selectAll().orderBy('case_number').execute();
  const idOf = (res: Response) =>
    /\/datenerhebung\/([0-9a-f-]{36})/.exec(res.headers.get('location') ?? '')![1]!;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const orgs = await db
      .insertInto('organisations')
      .values([
        { slug: 'fbs-a', name: 'FBS Alpha' },
        { slug: 'fbs-b', name: 'FBS Beta' },
      ])
      .returning('id')
      .execute();
    orgA = orgs[0]!.id;
    orgB = orgs[1]!.id;
    memberA = await t.sessionFor('member', { organisationId: orgA });
    memberB = await t.sessionFor('member_admin', { organisationId: orgB });
    office = await t.sessionFor('office');
    const res = await t.post(
      '/verwaltung/datenerhebung/jahre',
      { year: '2025', codebook: '2025', deadline: '2026-03-31' },
      office,
    );
    expect(res.status).toBe(303);
  });
  afterAll(() => t.close());

  it('shows a form generated from the codebook, with conditional fields marked', async () => {
    const res = await t.request('/datenerhebung/neu', { session: memberA });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="sex"');
    expect(html).toContain('type="month"');
    expect(html).toContain('type="checkbox" name="exploitation_forms"');
    expect(html).toContain('data-condition');
    expect(html).toContain('Nigeria');
    expect(html).not.toContain('name="released_for_analysis"');
    expect(html).not.toContain('name="reporting_year"');
  });

  it('takes a partial draft, then refuses an incomplete record with errors beside the fields', async () => {
    const draft = await send('/datenerhebung/neu', { _action: 'draft', sex: 'female' }, memberA);
    expect(draft.status).toBe(303);
    const id = idOf(draft);
    const [row] = await records();
    expect(row).toMatchObject({ id, case_number: '2025-0001', status: 'draft', organisation_id: orgA });
    expect(row!.values).toEqual({ sex: 'female', reporting_year: 2025, released_for_analysis: 'no' });

    const incomplete = await send(`/datenerhebung/${id}`, { _action: 'complete', sex: 'female' }, memberA);
    expect(incomplete.status).toBe(422);
    const html = await incomplete.text();
    expect(html).toContain('id="f-age_group-error"');
    expect(html).toContain('Bitte machen Sie hier eine Angabe.');
    expect((await records())[0]!.status).toBe('draft');

    const done = await send(`/datenerhebung/${id}`, { ...complete, _action: 'complete' }, memberA);
    expect(done.status).toBe(303);
    expect((await records())[0]!.status).toBe('complete');
  });

  it('enforces conditions and value lists on the server, also for drafts', async () => {
    const before = (await records()).length;
    // a sector without a labour form does not apply
    const wrong = await send(
      '/datenerhebung/neu',
      { ...complete, labour_sector: ['construction'], _action: 'draft' },
      memberA,
    );
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('id="f-labour_sector-error"');
    // a labour form needs the sector when complete
    const missing = await send(
      '/datenerhebung/neu',
      { ...complete, exploitation_forms: ['labour_exploitation'], _action: 'complete' },
      memberA,
    );
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('id="f-labour_sector-error"');
    // unknown values and a day in the month are refused; free text has nowhere to go
    const bad = await send(
      '/datenerhebung/neu',
      { sex: 'Anna Muster', first_contact: '2025-03-14', name: 'Anna', _action: 'draft' },
      memberA,
    );
    expect(bad.status).toBe(422);
    // "unknown" cannot be combined
    const exclusive = await send(
      '/datenerhebung/neu',
      { ...complete, proceedings: ['none', 'trial'], _action: 'complete' },
      memberA,
    );
    expect(exclusive.status).toBe(422);
    expect((await records()).length).toBe(before);
    const ok = await send(
      '/datenerhebung/neu',
      {
        ...complete,
        exploitation_forms: ['labour_exploitation'],
        labour_sector: ['construction'],
        _action: 'complete',
      },
      memberA,
    );
    expect(ok.status).toBe(303);
    const stored = (await records()).at(-1)!;
    expect(stored.case_number).toBe('2025-0002');
    expect(stored.values).not.toHaveProperty('name');
  });

  it('releases only complete records with recorded consent', async () => {
    const noConsent = await send(
      '/datenerhebung/neu',
      { ...complete, consent_recorded: 'no', _action: 'release' },
      memberA,
    );
    expect(noConsent.status).toBe(422);
    expect(await noConsent.text()).toContain('id="f-consent_recorded-error"');
    const res = await send('/datenerhebung/neu', { ...complete, _action: 'release' }, memberA);
    expect(res.status).toBe(303);
    const row = (await records()).find((r) => r.id === idOf(res))!;
    expect(row.status).toBe('released');
    expect((row.values as Record<string, unknown>).released_for_analysis).toBe('yes');
    // a posted release flag is ignored: saving as draft un-releases
    const back = await send(
      `/datenerhebung/${row.id}`,
      { ...complete, released_for_analysis: 'yes', _action: 'draft' },
      memberA,
    );
    expect(back.status).toBe(303);
    const again = (await records()).find((r) => r.id === row.id)!;
    expect(again.status).toBe('draft');
    expect((again.values as Record<string, unknown>).released_for_analysis).toBe('no');
    await send(`/datenerhebung/${row.id}`, { ...complete, _action: 'release' }, memberA);
    const actions = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'meta'])
      .where('action', 'like', 'data.record_%')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['data.record_create', 'data.record_update', 'data.record_release']),
    );
    // ids and statuses only, never values
    expect(JSON.stringify(actions)).not.toContain('NG');
  });

  it('copies the answers of the last record into a new form', async () => {
    const res = await t.request('/datenerhebung/neu?kopie=1', { session: memberA });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('aus dem letzten Datensatz');
    expect(html).toMatch(/value="NG" selected/);
  });

  it('keeps every centre to its own records: list, read, change, delete, count', async () => {
    const own = await records();
    const idA = own[0]!.id;
    const listB = await t.request('/datenerhebung', { session: memberB });
    expect(listB.status).toBe(200);
    const htmlB = await listB.text();
    for (const r of own) expect(htmlB).not.toContain(r.id);
    expect(htmlB).toContain('Noch keine Datensätze');
    expect((await t.request(`/datenerhebung/${idA}`, { session: memberB })).status).toBe(404);
    expect((await send(`/datenerhebung/${idA}`, { ...complete, _action: 'draft' }, memberB)).status).toBe(
      404,
    );
    expect((await send(`/datenerhebung/${idA}/loeschen`, {}, memberB)).status).toBe(404);
    expect((await t.request('/datenerhebung/nicht-eine-id', { session: memberB })).status).toBe(404);
    expect((await t.request('/api/v1/data/reports/2025', { session: memberB })).status).toBe(404);
    expect((await t.request('/verwaltung/datenerhebung', { session: memberB })).status).toBe(403);
    expect(await records()).toEqual(own);
    // B's own record gets B's own numbering
    const b = await send('/datenerhebung/neu', { _action: 'draft', sex: 'male' }, memberB);
    expect(b.status).toBe(303);
    const rowB = (await records()).find((r) => r.organisation_id === orgB)!;
    expect(rowB.case_number).toBe('2025-0001');
    const listA = await (await t.request('/datenerhebung', { session: memberA })).text();
    expect(listA).not.toContain(rowB.id);
    for (const r of own) expect(listA).toContain(r.id);
    const listed = await t.database.db
      .selectFrom('audit_log')
      .select('meta')
      .where('action', '=', 'data.records_listed')
      .execute();
    expect(listed.length).toBeGreaterThanOrEqual(2);
  });

  it('lets the office see participation counts, never a single record and never a centre name', async () => {
    const res = await t.request('/verwaltung/datenerhebung?jahr=2025', { session: office });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('FBS Alpha');
    expect(html).not.toContain('FBS Beta');
    expect(html).toContain('Einrichtung 1');
    for (const r of await records()) {
      expect(html).not.toContain(r.id);
      expect(html).not.toContain(r.case_number);
    }
    const all = await records();
    const sums =
      /Summe<\/th><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/.exec(
        html,
      );
    expect(Number(sums![1])).toBe(all.length);
    expect(Number(sums![3])).toBe(all.filter((r) => r.status === 'released').length);
    const id = all[0]!.id;
    expect((await t.request(`/datenerhebung/${id}`, { session: office })).status).toBe(403);
  });

  it('deletes an own record while the year is open', async () => {
    const res = await send('/datenerhebung/neu', { _action: 'draft', sex: 'unknown' }, memberA);
    const id = idOf(res);
    expect((await send(`/datenerhebung/${id}/loeschen`, {}, memberA)).status).toBe(303);
    expect((await records()).some((r) => r.id === id)).toBe(false);
    const deleted = await t.database.db
      .selectFrom('audit_log')
      .select('target_id')
      .where('action', '=', 'data.record_delete')
      .execute();
    expect(deleted.map((d) => d.target_id)).toContain(id);
  });

  it('never answers a random form post with a server error', async () => {
    const keys = [
      'sex',
      'age_group',
      'first_contact',
      'nationality',
      'exploitation_forms',
      'labour_sector',
      'exploitation_place',
      'recruitment_place',
      'consent_recorded',
      'reporting_year',
      'released_for_analysis',
      '_action',
      'x',
    ];
    const value = fc.oneof(
      fc.constantFrom(
        'female',
        'yes',
        'no',
        '2025-01',
        '2031-13',
        'NG',
        'land:11',
        'abroad:DE',
        'release',
        'complete',
        'labour_exploitation',
        'unknown',
        '',
      ),
      fc.string({ maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...keys), fc.oneof(value, fc.array(value, { maxLength: 3 }))),
        async (form) => {
          const res = await send('/datenerhebung/neu', form, memberA);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('locks released records when the office closes the year', async () => {
    const before = await records();
    const released = before.filter((r) => r.status === 'released').length;
    expect(released).toBeGreaterThan(0);
    const close = await t.post('/verwaltung/datenerhebung/2025/schliessen', {}, office);
    expect(close.status).toBe(303);
    const after = await records();
    expect(after.filter((r) => r.status === 'locked').length).toBe(released);
    expect(after.filter((r) => r.status === 'draft').length).toBe(
      before.filter((r) => r.status === 'draft').length,
    );
    const locked = after.find((r) => r.status === 'locked')!;
    expect(
      (await send(`/datenerhebung/${locked.id}`, { ...complete, _action: 'draft' }, memberA)).status,
    ).toBe(409);
    expect((await send(`/datenerhebung/${locked.id}/loeschen`, {}, memberA)).status).toBe(409);
    expect((await send('/datenerhebung/neu', { ...complete, _action: 'draft' }, memberA)).status).toBe(409);
    const page = await t.request(`/datenerhebung/${locked.id}`, { session: memberA });
    expect(await page.text()).toContain('gesperrt');
    // publish, then the public sees the (tiny, hence fully withheld) report
    expect((await t.post('/verwaltung/datenerhebung/2025/veroeffentlichen', {}, office)).status).toBe(303);
    const report = await (await t.request('/api/v1/data/reports/2025')).json();
    expect(report.year).toBe(2025);
    for (const table of report.tables) {
      for (const cell of table.cells.flat()) expect(cell.value === null || cell.value === 0).toBe(true);
    }
  });
});
