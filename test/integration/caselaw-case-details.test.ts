import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCourt } from '../../src/modules/caselaw/store.ts';
import { createTestApp, ORIGIN, type TestApp, type TestSession } from '../helpers/app.ts';

describe('case details of a decision: acts, means, purposes, sentence, compensation, victims', () => {
  let t: TestApp;
  let office: TestSession;
  let id: string;

  beforeAll(async () => {
    t = await createTestApp();
    office = await t.sessionFor('office');
    const courtId = await resolveCourt(t.database.db, 'LG', 'Hamburg');
    const row = await t.database.db
      .insertInto('caselaw_decisions')
      .values({
        court_id: courtId,
        decision_date: '2024-03-01',
        file_numbers: ['601 KLs 4/23'],
        decision_type: 'Urteil',
        title: 'Menschenhandel zur Ausbeutung der Arbeitskraft',
        reasons: '<p>Die Angeklagten warben die Geschädigten in Rumänien an.</p>',
        status: 'review',
      })
      .returning(['id', 'updated_at'])
      .executeTakeFirstOrThrow();
    id = row.id;
  });
  afterAll(() => t.close());

  async function save(extra: Array<[string, string]>) {
    const current = await t.database.db
      .selectFrom('caselaw_decisions')
      .select(['updated_at', 'reasons', 'title'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const body = new URLSearchParams([
      ['_csrf', office.csrf],
      ['base_updated_at', new Date(current.updated_at as unknown as string).toISOString()],
      ['court', 'LG Hamburg'],
      ['decision_date', '2024-03-01'],
      ['file_numbers', '601 KLs 4/23'],
      ['decision_type', 'Urteil'],
      ['title', current.title],
      ['reasons', current.reasons],
      ...extra,
    ]);
    return t.request(`/verwaltung/rechtsprechung/${id}`, {
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
      },
      session: office,
    });
  }

  it('refuses unknown countries, bad amounts and counts with 422, keeping the ticked boxes', async () => {
    const res = await save([
      ['acts', 'recruitment'],
      ['acts', 'harbouring'],
      ['victims_nationalities', 'NG, XX'],
      ['compensation_eur', 'viel'],
      ['victims_count', '-3'],
    ]);
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Ländercodes mit zwei Buchstaben');
    expect(html).toContain('Betrag in Euro');
    expect(html).toContain('ganze Zahl ab 0');
    expect(html).toMatch(/name="acts" value="recruitment" checked/);
    expect(html).toMatch(/name="acts" value="harbouring" checked/);
    const row = await t.database.db
      .selectFrom('caselaw_decisions')
      .select('acts')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.acts).toEqual([]);
  });

  it('saves them, records them in the history and shows them on the published page in both languages', async () => {
    const res = await save([
      ['exploitation', 'labour_exploitation'],
      ['acts', 'recruitment'],
      ['acts', 'transportation'],
      ['means', 'deception'],
      ['means', 'abuse_of_vulnerability'],
      ['purposes', 'labour_exploitation'],
      ['sentence', '3 Jahre 6 Monate Freiheitsstrafe'],
      ['compensation_eur', '12.500,50'],
      ['victims_count', '7'],
      ['victims_sex', 'male'],
      ['victims_sex', 'female'],
      ['victims_nationalities', 'ro, bg'],
    ]);
    expect(res.status).toBe(303);
    const row = await t.database.db
      .selectFrom('caselaw_decisions')
      .select(['acts', 'means', 'compensation_eur', 'victims_count', 'victims_nationalities'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      acts: ['recruitment', 'transportation'],
      means: ['deception', 'abuse_of_vulnerability'],
      victims_count: 7,
      victims_nationalities: ['RO', 'BG'],
    });
    expect(Number(row.compensation_eur)).toBe(12500.5);
    const history = await t.database.db
      .selectFrom('caselaw_history')
      .select('changed_fields')
      .where('decision_id', '=', id)
      .execute();
    expect(history.flatMap((h) => h.changed_fields)).toEqual(
      expect.arrayContaining(['acts', 'compensation_eur', 'victims_count']),
    );

    expect(
      (await t.post(`/verwaltung/rechtsprechung/${id}/status`, { to: 'published' }, office)).status,
    ).toBeLessThan(400);
    const de = await (await t.request(`/rechtsprechung/${id}`)).text();
    expect(de).toContain('Fallmerkmale');
    expect(de).toContain('Anwerbung, Beförderung');
    expect(de).toContain('Ausnutzung einer Zwangslage oder Hilflosigkeit');
    expect(de).toMatch(/12\.500,50\s€/);
    expect(de).toContain('Rumänien, Bulgarien');
    const en = await (await t.request(`/en/rechtsprechung/${id}`)).text();
    expect(en).toContain('Case details');
    expect(en).toContain('Romania, Bulgaria');
    const api = (await (await t.request(`/api/v1/caselaw/decisions/${id}`)).json()) as {
      case_details: Record<string, unknown>;
    };
    expect(api.case_details).toMatchObject({
      acts: ['recruitment', 'transportation'],
      compensation_eur: 12500.5,
      victims_count: 7,
      victims_nationalities: ['RO', 'BG'],
    });
  });
});
