import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCaselaw } from '../../src/modules/caselaw/demo.ts';
import { parseNormField } from '../../src/modules/caselaw/norms.ts';
import { type SearchParams, searchDecisions, searchSchema } from '../../src/modules/caselaw/search.ts';
import { refreshSearchIndex, searchWithIndex } from '../../src/modules/caselaw/search-index/registry.ts';
import { resolveCourt, upsertDecision } from '../../src/modules/caselaw/store.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const base = {
  chamber: '2. Strafkammer',
  ecli: null,
  decisionType: 'Urteil',
  title: '',
  headnotes: '',
  tenor: '',
  facts: '',
  dissent: '',
  summaryDe: '',
  summaryEn: '',
  exploitation: [] as string[],
  source: 'test',
  lowerInstances: [] as string[],
  isDemo: false,
};

/** The same search through SQL only (the index switched off for this call). */
async function inSql(db: TestApp['database']['db'], p: SearchParams) {
  process.env.KOK_CASELAW_SEARCH_INDEX = '0';
  try {
    return await searchDecisions(db, p);
  } finally {
    delete process.env.KOK_CASELAW_SEARCH_INDEX;
  }
}

describe('case-law search index', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await seedDemoCaselaw(db);
    const lg = await resolveCourt(db, 'LG', 'Köln');
    // ranges and "ff." citations, which the norm filter and facet decide in code
    const cited = ['§§ 232 ff. StGB', '§§ 232 bis 233a StGB', '§ 232 Abs. 1 bis 3 StGB', '§§ 403 ff. StPO'];
    for (const [i, norms] of cited.entries())
      await upsertDecision(db, {
        ...base,
        doknr: `TESTINDEX${i}`,
        status: 'published',
        courtId: lg,
        // two on the same day: the order by id decides between them
        decisionDate: i < 2 ? '2021-03-01' : `202${i}-03-0${i + 1}`,
        fileNumbers: [`10 KLs ${i}/2${i}`],
        reasons: `<p>Die Angeklagten nutzten die Zwangslage der Geschädigten aus. Ausbeutung der Arbeitskraft ${i}.</p>`,
        legalAreas: i % 2 ? ['criminal', 'labour'] : ['criminal'],
        outcome: i % 2 ? 'conviction' : 'partial',
        norms: parseNormField(norms),
      });
    await upsertDecision(db, {
      ...base,
      doknr: 'TESTINDEXDRAFT',
      status: 'draft',
      courtId: lg,
      decisionDate: '2024-01-01',
      fileNumbers: ['DRAFT 1/24'],
      reasons: '<p>Zwangslage Ausbeutung Entwurf</p>',
      legalAreas: ['criminal'],
      outcome: 'conviction',
      norms: parseNormField('§ 232a StGB'),
    });
    await refreshSearchIndex(db);
  });
  afterEach(() => {
    delete process.env.KOK_CASELAW_SEARCH_INDEX;
  });
  afterAll(() => t.close());

  it('answers plain searches from the index once it is built, and leaves phrases and fielded terms to SQL', async () => {
    const db = t.database.db;
    const parse = (q: Record<string, string>) => searchSchema.parse(q) as SearchParams;
    expect(await searchWithIndex(db, parse({ q: 'Zwangslage' }))).not.toBeNull();
    expect(await searchWithIndex(db, parse({ q: 'Zwangslage -Entwurf OR Menschenhandel' }))).not.toBeNull();
    expect(await searchWithIndex(db, parse({ norm: '§ 232 StGB', area: 'labour' }))).not.toBeNull();
    expect(await searchWithIndex(db, parse({ q: '"Zwangslage der Geschädigten"' }))).toBeNull();
    expect(await searchWithIndex(db, parse({ q: 'gericht:LG Zwangslage' }))).toBeNull();
    // the draft is never found
    const r = await searchDecisions(db, parse({ q: 'Entwurf' }));
    expect(r.total).toBe(0);
  });

  it('gives exactly the totals, facets and pages of the SQL search', async () => {
    const db = t.database.db;
    const words = [
      'Zwangslage',
      'Ausbeutung',
      'Menschenhandel',
      'Arbeitskraft',
      'Prostitution',
      'Lohn',
      'der',
      'Aufenthaltserlaubnis',
      'unbekanntwort',
    ];
    const query = fc
      .array(
        fc.oneof(
          fc.constantFrom(...words),
          fc.constantFrom(...words).map((w) => `-${w}`),
          fc.tuple(fc.constantFrom(...words), fc.constantFrom(...words)).map(([a, b]) => `${a} OR ${b}`),
        ),
        { minLength: 0, maxLength: 3 },
      )
      .map((parts) => parts.join(' '));
    const filter = fc.oneof(
      fc.constantFrom('LG', 'BGH', 'OLG', 'VG', 'AG').map((v) => ['court_type', v]),
      fc.constantFrom('05', '11', '09', '16').map((v) => ['land', v]),
      fc.constantFrom('criminal', 'administrative', 'labour', 'ordinary').map((v) => ['jurisdiction', v]),
      fc.integer({ min: 2010, max: 2025 }).map((v) => ['year', String(v)]),
      fc
        .constantFrom('criminal', 'labour', 'residence', 'compensation', 'nonexistent')
        .map((v) => ['area', v]),
      fc.constantFrom('sexual', 'labour', 'begging', 'criminal_activities').map((v) => ['exploitation', v]),
      fc.constantFrom('Urteil', 'Beschluss', 'Gerichtsbescheid').map((v) => ['type', v]),
      fc
        .constantFrom('conviction', 'partial', 'acquittal', 'dismissed', 'granted')
        .map((v) => ['outcome', v]),
      fc
        .constantFrom(
          '§ 232 StGB',
          'StGB §232a',
          '§ 233 StGB',
          '§ 403 StPO',
          '§§ 232 bis 233 StGB',
          '§ 25 AufenthG',
        )
        .map((v) => ['norm', v]),
      fc.constantFrom('2015-01-01', '2020-06-30', '2022-03-02').map((v) => ['from', v]),
      fc.constantFrom('2021-12-31', '2023-03-04', '2026-01-01').map((v) => ['to', v]),
    );
    // a query and at most two filters, so that most searches find something
    const params = fc
      .record({
        q: query,
        filters: fc.array(filter, { maxLength: 2 }),
        sort: fc.option(fc.constantFrom('relevance', 'newest', 'oldest'), { nil: undefined }),
        page: fc.constantFrom('1', '1', '2'),
        per_page: fc.constantFrom('3', '20'),
      })
      .map(({ filters, ...rest }) => ({ ...rest, ...Object.fromEntries(filters) }) as Record<string, string>);
    let withResults = 0;
    await fc.assert(
      fc.asyncProperty(params, async (raw) => {
        const parsed = searchSchema.safeParse(raw);
        if (!parsed.success) return; // from after to
        const p = parsed.data as SearchParams;
        const fromIndex = await searchWithIndex(db, p);
        expect(fromIndex, JSON.stringify(raw)).not.toBeNull();
        const viaIndex = await searchDecisions(db, p);
        const viaSql = await inSql(db, p);
        expect(viaIndex.total, JSON.stringify(raw)).toBe(viaSql.total);
        if (viaSql.total > 0) withResults++;
        expect(viaIndex.facets, JSON.stringify(raw)).toEqual(viaSql.facets);
        const ids = (r: typeof viaSql) => r.results.map((x) => x.id);
        // the index ranks by its own score; the order by date is the same, and so is every whole set
        if (p.sort === 'newest' || p.sort === 'oldest' || !p.q) expect(ids(viaIndex)).toEqual(ids(viaSql));
        else if (viaSql.total <= p.per_page && p.page === 1)
          expect(new Set(ids(viaIndex))).toEqual(new Set(ids(viaSql)));
      }),
      { numRuns: 150 },
    );
    // the property compared real result sets, not only empty ones
    expect(withResults).toBeGreaterThan(30);
  });

  it('ranks a word in the headnotes above the same word in the reasons', async () => {
    const db = t.database.db;
    const lg = await resolveCourt(db, 'LG', 'Köln');
    const add = (doknr: string, field: 'headnotes' | 'reasons', date: string) =>
      upsertDecision(db, {
        ...base,
        doknr,
        status: 'published',
        courtId: lg,
        decisionDate: date,
        fileNumbers: [doknr],
        reasons: '',
        [field]: '<p>Schuldknechtschaft und Schuldknechtschaft und Schuldknechtschaft</p>',
        legalAreas: ['criminal'],
        outcome: 'conviction',
        norms: [],
      });
    const inReasons = (await add('TESTRANKR', 'reasons', '2025-01-01')).id;
    const inHeadnotes = (await add('TESTRANKH', 'headnotes', '2010-01-01')).id;
    await refreshSearchIndex(db);
    const p = searchSchema.parse({ q: 'Schuldknechtschaft' }) as SearchParams;
    expect(await searchWithIndex(db, p)).not.toBeNull();
    const r = await searchDecisions(db, p);
    expect(r.results.map((x) => x.id)).toEqual([inHeadnotes, inReasons]);
    expect(r.results[0]!.snippet).toContain('<mark>');
  });

  it('follows a change at once: SQL answers until the index of the new data is built', async () => {
    const db = t.database.db;
    const lg = await resolveCourt(db, 'LG', 'Köln');
    const p = searchSchema.parse({ q: 'Kinderhandelsring' }) as SearchParams;
    expect((await searchDecisions(db, p)).total).toBe(0);
    await upsertDecision(db, {
      ...base,
      doknr: 'TESTINDEXNEW',
      status: 'published',
      courtId: lg,
      decisionDate: '2025-02-02',
      fileNumbers: ['NEW 1/25'],
      reasons: '<p>Ein Kinderhandelsring wurde zerschlagen.</p>',
      legalAreas: ['criminal'],
      outcome: 'conviction',
      norms: [],
    });
    expect(await searchWithIndex(db, p)).toBeNull();
    // the first search remembered the query's tsquery: the index answers at once from the old data, unchecked,
    // and searchDecisions drops that answer when its page statement reads the new data version
    const unchecked = await searchWithIndex(db, p, { deferVersionCheck: true });
    expect(unchecked).toMatchObject({ total: 0, versionChecked: false });
    expect((await searchDecisions(db, p)).total).toBe(1);
    await refreshSearchIndex(db);
    const fromIndex = await searchWithIndex(db, p);
    expect(fromIndex?.total).toBe(1);
  });
});
