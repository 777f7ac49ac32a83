import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCaselaw } from '../../src/modules/caselaw/demo.ts';
import { parseNormField } from '../../src/modules/caselaw/norms.ts';
import { resolveCourt, upsertDecision } from '../../src/modules/caselaw/store.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

interface ApiResult {
  total: number;
  results: Array<{
    id: string;
    citation: string;
    highlight: string;
    ecli: string | null;
    file_numbers: string[];
  }>;
  facets: Record<'court_type' | 'year' | 'area' | 'type', Array<{ value: string; count: number }>>;
}

const base = {
  chamber: '1. Kammer',
  fileNumbers: [] as string[],
  decisionType: 'Urteil',
  title: '',
  headnotes: '',
  tenor: '',
  facts: '',
  reasons: '',
  dissent: '',
  summaryDe: '',
  summaryEn: '',
  legalAreas: [] as string[],
  exploitation: [] as string[],
  outcome: '',
  source: 'test',
  lowerInstances: [] as string[],
  isDemo: false,
};

describe('case-law search', () => {
  let t: TestApp;
  let draftId: string;
  let headnoteId: string;
  let reasonsId: string;

  async function api(query: string): Promise<ApiResult> {
    const res = await t.request(`/api/v1/caselaw/search?${query}`);
    expect(res.status, query).toBe(200);
    return (await res.json()) as ApiResult;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await seedDemoCaselaw(db);
    const lg = await resolveCourt(db, 'LG', 'Köln');
    const add = async (
      over: Partial<typeof base> & { doknr: string; status: 'draft' | 'published'; date: string },
    ) =>
      (
        await upsertDecision(db, {
          ...base,
          ...over,
          ecli: null,
          courtId: lg,
          decisionDate: over.date,
          fileNumbers: [over.doknr],
          norms: parseNormField('§ 232a Abs. 1 StGB'),
        })
      ).id;
    draftId = await add({
      doknr: 'TESTDRAFT1',
      status: 'draft',
      date: '2024-01-01',
      headnotes: '<p>Geheimwort Zwangsarbeit</p>',
      legalAreas: ['criminal'],
    });
    await db
      .updateTable('caselaw_decisions')
      .set({ ecli: 'ECLI:DE:LGK:2024:GEHEIM' })
      .where('id', '=', draftId)
      .execute();
    reasonsId = await add({
      doknr: 'TESTRANK1',
      status: 'published',
      date: '2024-05-01',
      reasons: '<p>Am Rande ging es auch um Kinderhandel.</p>',
    });
    headnoteId = await add({
      doknr: 'TESTRANK2',
      status: 'published',
      date: '2015-05-01',
      headnotes: '<p>Kinderhandel ist eine besonders schwere Form des Menschenhandels.</p>',
    });
  });
  afterAll(() => t.close());

  it('renders the search page with the demo decisions, in German and English', async () => {
    const res = await t.request('/rechtsprechung');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Rechtsprechungsdatenbank');
    expect(html).toContain('BGH, Beschluss vom 14.01.2010 – IX ZB 72/08');
    expect(html).toContain('Demo (fiktive Entscheidung)');
    const en = await t.request('/en/rechtsprechung?q=Menschenhandel');
    expect(en.status).toBe(200);
    expect(await en.text()).toContain('Case-law database');
  });

  it('ranks headnote matches above matches in the reasons, and highlights them', async () => {
    const r = await api('q=Kinderhandel');
    expect(r.results.map((x) => x.id)).toEqual([headnoteId, reasonsId]);
    expect(r.results[0]!.highlight).toContain('<mark>Kinderhandel</mark>');
    const page = await (await t.request('/rechtsprechung?q=Kinderhandel')).text();
    expect(page).toContain('<mark>Kinderhandel</mark>');
  });

  it('supports stemming, phrases, OR and exclusion', async () => {
    const stem = await api('q=Aufenthaltserlaubnisse');
    expect(stem.total).toBeGreaterThanOrEqual(2);
    const phrase = await api(`q=${encodeURIComponent('"Ausbeutung der Arbeitskraft"')}`);
    expect(phrase.results.map((x) => x.file_numbers[0])).toContain('4 RVs 88/20');
    const either = await api(`q=${encodeURIComponent('Opferentschädigung OR Haushaltsangestellte')}`);
    const files = either.results.map((x) => x.file_numbers[0]);
    expect(files).toEqual(expect.arrayContaining(['L 10 VE 45/16', '12 Ca 201/22']));
    const all = await api('q=Menschenhandel');
    const without = await api(`q=${encodeURIComponent('Menschenhandel -Aufenthaltserlaubnis')}`);
    expect(without.total).toBeLessThan(all.total);
    expect(without.results.map((x) => x.file_numbers[0])).not.toContain('11 K 2345/19');
  });

  it('counts facets that equal the number of matching decisions', async () => {
    for (const query of ['', 'q=Menschenhandel', 'area=labour', 'q=Ausbeutung&court_type=LG']) {
      const r = await api(query);
      for (const facet of ['court_type', 'year', 'area', 'type'] as const) {
        for (const { value, count } of r.facets[facet]) {
          const params = new URLSearchParams(query);
          params.set(facet, value);
          const again = await api(params.toString());
          expect(again.total, `${query} ${facet}=${value}`).toBe(count);
        }
      }
      const sum = r.facets.court_type.reduce((s, v) => s + v.count, 0);
      if (!query.includes('court_type')) expect(sum).toBe(r.total);
    }
  });

  it('filters by norm, matching the provision and any sub-part', async () => {
    const files = async (norm: string) =>
      (await api(`norm=${encodeURIComponent(norm)}&per_page=100`)).results
        .map((x) => x.file_numbers[0])
        .sort();
    expect(await files('StGB §232')).toEqual(['11 K 2345/19', '3 StR 401/21', '527 KLs 12/20']);
    expect(await files('§ 25 Abs. 4a AufenthG')).toEqual(['11 K 2345/19', 'OVG 3 B 17/22']);
    expect(await files('AufenthG §25 Abs4a S3')).toEqual(['OVG 3 B 17/22']);
    expect(await files('§ 25 Abs. 5 AufenthG')).toEqual([]);
    expect(await files('Art. 4 EMRK')).toEqual(['60561/14']);
    expect(await files('§ 403 StPO')).toEqual(['941 Ls 7110 Js 2233/24']);
    expect(await files('§ 404 StPO')).toEqual([]); // normMatches: `ff.` is not a range
  });

  it('shows a decision with citation, norms linked to the norm search, and a print view', async () => {
    const [hit] = (await api('q=Ruhen')).results;
    const res = await t.request(`/rechtsprechung/${hit!.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('BGH, Beschluss vom 14.01.2010 – IX ZB 72/08');
    expect(html).toContain(`href="/rechtsprechung?${new URLSearchParams({ norm: 'InsO §4' })}"`);
    expect(html).toContain('<a name="rd_1">1</a>');
    const print = await t.request(`/rechtsprechung/${hit!.id}?ansicht=druck`);
    expect(await print.text()).toContain('print-view');
    const json = await t.request(`/api/v1/caselaw/decisions/${hit!.id}`);
    expect(await json.json()).toMatchObject({
      citation: 'BGH, Beschluss vom 14.01.2010 – IX ZB 72/08',
      norms: [{ norm_key: 'InsO §4' }, { norm_key: 'ZPO §13' }, { norm_key: 'ZPO §251' }],
    });
  });

  it('redirects an ECLI permalink to the decision', async () => {
    const [hit] = (await api('q=Zwangslage&court_type=BGH')).results;
    expect(hit!.ecli).toBe('ECLI:DE:BGH:2022:DEMO0001');
    const res = await t.request('/rechtsprechung/ecli/ecli:de:bgh:2022:demo0001');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`/rechtsprechung/${hit!.id}`);
    const en = await t.request('/en/rechtsprechung/ecli/ECLI:DE:BGH:2022:DEMO0001');
    expect(en.headers.get('location')).toBe(`/en/rechtsprechung/${hit!.id}`);
    expect((await t.request('/rechtsprechung/ecli/kein-ecli')).status).toBe(404);
    expect((await t.request('/rechtsprechung/ecli/ECLI:DE:BGH:2022:UNBEKANNT')).status).toBe(404);
  });

  it('answers bad parameters with 400, never 500', async () => {
    for (const q of ['year=abc', 'court_type=XYZ', 'page=0', 'page=x', 'norm=kein+Gesetz', 'area=%3Cb%3E']) {
      const page = await t.request(`/rechtsprechung?${q}`);
      expect(page.status, q).toBe(400);
      const json = await t.request(`/api/v1/caselaw/search?${q}`);
      expect(json.status, q).toBe(400);
      expect(((await json.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    expect((await t.request('/rechtsprechung/nicht-uuid')).status).toBe(404);
    expect((await t.request('/api/v1/caselaw/decisions/nicht-uuid')).status).toBe(404);
  });

  it('shows no unpublished decision anywhere public', async () => {
    expect((await api('q=Geheimwort')).total).toBe(0);
    expect((await api('norm=StGB+%C2%A7232a')).results.map((r) => r.id)).not.toContain(draftId);
    expect((await api('year=2024&court_type=LG')).results.map((r) => r.id)).toEqual([reasonsId]);
    expect(await (await t.request('/rechtsprechung?q=Geheimwort')).text()).not.toContain('TESTDRAFT1');
    expect((await t.request(`/rechtsprechung/${draftId}`)).status).toBe(404);
    expect((await t.request(`/api/v1/caselaw/decisions/${draftId}`)).status).toBe(404);
    expect((await t.request('/rechtsprechung/ecli/ECLI:DE:LGK:2024:GEHEIM')).status).toBe(404);
    const all = await api('per_page=100');
    expect(all.results.map((r) => r.id)).not.toContain(draftId);
    expect(all.facets.year.find((y) => y.value === '2024')?.count).toBe(2); // SG Leipzig + TESTRANK1
  });

  it('never answers random input with a 500', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 60 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc.constantFrom('"', '-', 'OR', '<script>', '&', '!', '(', ':*', '\\', '%', "'", '§', 'Art.'),
      fc.integer().map(String),
    );
    const key = fc.constantFrom('q', 'norm', 'year', 'court_type', 'area', 'type', 'page', 'per_page', 'x');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 4 }), async (pairs) => {
        const qs = new URLSearchParams(pairs).toString();
        const page = await t.request(`/rechtsprechung?${qs}`);
        const json = await t.request(`/api/v1/caselaw/search?${qs}`);
        expect(page.status, qs).toBeLessThan(500);
        expect(json.status, qs).toBeLessThan(500);
        const html = await page.text();
        expect(html).not.toContain('<script>alert');
      }),
      { numRuns: 60 },
    );
  });

  it('answers repeated searches from the cache, yet follows every change at once, however it is written', async () => {
    const db = t.database.db;
    const before = await api('q=Geheimwort');
    expect(before.total).toBe(0);
    expect(await api('q=Geheimwort')).toEqual(before);
    const pageBefore = await (await t.request('/rechtsprechung?q=Geheimwort')).text();
    expect(pageBefore).not.toContain('TESTDRAFT1');
    // written with plain SQL, not through the module: the triggers still advance the data version
    await sql`UPDATE caselaw_decisions SET status = 'published' WHERE id = ${draftId}`.execute(db);
    try {
      const after = await api('q=Geheimwort');
      expect(after.results.map((r) => r.id)).toEqual([draftId]);
      expect(after.facets.year).toEqual([{ value: '2024', count: 1 }]);
      expect(await (await t.request('/rechtsprechung?q=Geheimwort')).text()).toContain('TESTDRAFT1');
      // a change of a cited norm alone changes the outcome of a norm search
      const norm = 'norm=OEG+%C2%A71';
      const withoutNorm = (await api(norm)).results.map((r) => r.id);
      expect(withoutNorm).not.toContain(draftId);
      await sql`UPDATE caselaw_decision_norms SET book = 'OEG', section = '1', paragraph = NULL, number = NULL,
        norm_key = 'OEG §1' WHERE decision_id = ${draftId}`.execute(db);
      expect((await api(norm)).results.map((r) => r.id)).toContain(draftId);
    } finally {
      await sql`UPDATE caselaw_decisions SET status = 'draft' WHERE id = ${draftId}`.execute(db);
    }
    expect((await api('q=Geheimwort')).total).toBe(0);
  });
});
