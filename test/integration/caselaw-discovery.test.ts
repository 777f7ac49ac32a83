import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCaselaw } from '../../src/modules/caselaw/demo.ts';
import { normMatches, parseNormField } from '../../src/modules/caselaw/norms.ts';
import { parseNormQuery } from '../../src/modules/caselaw/search.ts';
import { resolveCourt, upsertDecision } from '../../src/modules/caselaw/store.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

type FacetName =
  | 'court_type'
  | 'land'
  | 'jurisdiction'
  | 'year'
  | 'area'
  | 'exploitation'
  | 'norm'
  | 'type'
  | 'outcome';
const FACETS: FacetName[] = [
  'court_type',
  'land',
  'jurisdiction',
  'year',
  'area',
  'exploitation',
  'norm',
  'type',
  'outcome',
];

interface Hit {
  id: string;
  ecli: string | null;
  court: { name: string; type: string; land: string | null; jurisdiction: string };
  date: string;
  decision_type: string;
  file_numbers: string[];
  legal_areas: string[];
  exploitation: string[];
  outcome: string;
  norms: string[];
  highlight: string;
}
interface ApiResult {
  total: number;
  results: Hit[];
  facets: Record<FacetName, Array<{ value: string; count: number }>>;
}

/** Does a result satisfy this filter? Written from the API's own fields, independent of the SQL. */
function satisfies(hit: Hit, key: string, value: string): boolean {
  switch (key) {
    case 'court_type':
      return hit.court.type === value;
    case 'land':
      return hit.court.land === value;
    case 'jurisdiction':
      return hit.court.jurisdiction === value;
    case 'year':
      return hit.date.startsWith(`${value}-`);
    case 'area':
      return hit.legal_areas.includes(value);
    case 'exploitation':
      return hit.exploitation.includes(value);
    case 'type':
      return hit.decision_type === value;
    case 'outcome':
      return hit.outcome === value;
    case 'from':
      return hit.date >= value;
    case 'to':
      return hit.date <= value;
    case 'norm': {
      const q = parseNormQuery(value)!;
      return hit.norms.some((k) => {
        const c = parseNormQuery(k);
        return c !== null && normMatches(q, c);
      });
    }
    default:
      return true;
  }
}

const base = {
  chamber: '2. Kammer',
  decisionType: 'Urteil',
  title: '',
  headnotes: '',
  tenor: '',
  facts: '',
  reasons: '',
  dissent: '',
  summaryDe: '',
  summaryEn: '',
  exploitation: [] as string[],
  outcome: '',
  source: 'test',
  lowerInstances: [] as string[],
  isDemo: false,
  status: 'published' as const,
  ecli: null,
};

describe('case-law discovery: facets, filters, sorting, feeds, related decisions, OpenAPI', () => {
  let t: TestApp;
  let rangeOnly: string;

  async function api(query: string): Promise<ApiResult> {
    const res = await t.request(`/api/v1/caselaw/search?${query}`);
    expect(res.status, query).toBe(200);
    return (await res.json()) as ApiResult;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await seedDemoCaselaw(db);
    const court = await resolveCourt(db, 'LG', 'Dortmund', '05');
    // cites § 232a StGB only through a range: the norm filter and the norm facet must both count it
    rangeOnly = (
      await upsertDecision(db, {
        ...base,
        doknr: 'TESTRANGE1',
        courtId: court,
        decisionDate: '2019-02-03',
        fileNumbers: ['31 KLs 4/18'],
        reasons: '<p>Menschenhandel in mehreren Fällen, Arbeitsausbeutung auf dem Bau.</p>',
        legalAreas: ['criminal'],
        exploitation: ['labour_exploitation'],
        outcome: 'Verurteilung',
        norms: parseNormField('§§ 232 bis 233 StGB'),
      })
    ).id;
    await upsertDecision(db, {
      ...base,
      doknr: 'TESTRANGE2',
      courtId: court,
      decisionDate: '2019-05-06',
      fileNumbers: ['31 KLs 9/18'],
      reasons: '<p>Menschenhandel, Ausbeutung der Arbeitskraft.</p>',
      legalAreas: ['criminal', 'labour'],
      exploitation: ['labour_exploitation', 'forced_labour'],
      outcome: 'Teilweise Verurteilung',
      norms: parseNormField('§ 232a Abs. 1 StGB, §§ 232 ff. StGB, § 1 MiLoG'),
    });
  });
  afterAll(() => t.close());

  it('lists every facet with counts, and counts the Land, jurisdiction, exploitation, norm and outcome', async () => {
    const all = await api('per_page=100');
    for (const f of FACETS) expect(all.facets[f], f).toBeInstanceOf(Array);
    expect(all.facets.land.find((v) => v.value === '11')?.count).toBeGreaterThanOrEqual(2); // Berlin
    expect(all.facets.jurisdiction.map((v) => v.value)).toEqual(
      expect.arrayContaining(['ordinary', 'administrative', 'labour', 'social']),
    );
    expect(all.facets.exploitation.find((v) => v.value === 'labour_exploitation')?.count).toBe(2);
    expect(all.facets.outcome.find((v) => v.value === 'Verurteilung')?.count).toBeGreaterThanOrEqual(3);
    const norm232a = all.facets.norm.find((v) => v.value === 'StGB §232a');
    const direct = await api(`norm=${encodeURIComponent('StGB §232a')}&per_page=100`);
    expect(direct.results.map((r) => r.id)).toContain(rangeOnly);
    expect(norm232a?.count).toBe(direct.total);
    const page = await (await t.request('/rechtsprechung')).text();
    expect(page).toContain('Bundesland');
    expect(page).toContain('Nordrhein-Westfalen');
    expect(page).toContain('Häufig zitierte Vorschriften');
    expect(page).toContain('§ 232a StGB');
    expect(page).toContain('Arbeitsausbeutung');
    const en = await (await t.request('/en/rechtsprechung')).text();
    expect(en).toContain('Most cited provisions');
    expect(en).toContain('Labour exploitation');
  });

  it('sorts by relevance, newest and oldest, and filters by a date range', async () => {
    const newest = await api('sort=newest&per_page=100');
    const dates = newest.results.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    const oldest = await api('sort=oldest&per_page=100');
    expect(oldest.results.map((r) => r.date)).toEqual([...dates].sort());
    const range = await api('from=2019-01-01&to=2020-12-31&per_page=100');
    expect(range.total).toBeGreaterThan(0);
    for (const r of range.results) expect(r.date >= '2019-01-01' && r.date <= '2020-12-31').toBe(true);
    expect(range.total).toBe(
      newest.results.filter((r) => r.date >= '2019-01-01' && r.date <= '2020-12-31').length,
    );
    const bad = await t.request('/api/v1/caselaw/search?from=2021-01-01&to=2020-01-01');
    expect(bad.status).toBe(400);
    expect((await t.request('/api/v1/caselaw/search?from=2021-02-30')).status).toBe(400);
    expect((await t.request('/rechtsprechung?sort=zufall')).status).toBe(400);
  });

  it('understands fielded terms in the query box', async () => {
    const court = await api('q=gericht%3ABGH&per_page=100');
    expect(court.total).toBeGreaterThan(0);
    for (const r of court.results) expect(r.court.type).toBe('BGH');
    const az = await api(`q=${encodeURIComponent('az:"3 StR 401/21"')}`);
    expect(az.results.map((r) => r.file_numbers[0])).toEqual(['3 StR 401/21']);
    const norm = await api(`q=${encodeURIComponent('norm:"§ 232a StGB" Menschenhandel')}&per_page=100`);
    const viaParam = await api(`q=Menschenhandel&norm=${encodeURIComponent('§ 232a StGB')}&per_page=100`);
    expect(norm.results.map((r) => r.id).sort()).toEqual(viaParam.results.map((r) => r.id).sort());
    expect(norm.results.map((r) => r.id)).toContain(rangeOnly);
    const ecli = await api(`q=${encodeURIComponent('ecli:ecli:de:bgh:2022:demo0001')}`);
    expect(ecli.results.map((r) => r.ecli)).toEqual(['ECLI:DE:BGH:2022:DEMO0001']);
    expect(
      (await t.request(`/api/v1/caselaw/search?q=${encodeURIComponent('norm:"kein Gesetz"')}`)).status,
    ).toBe(400);
  });

  it('property: every result satisfies every active filter, and each facet count is the total of its search', async () => {
    const all = await api('per_page=100');
    const values = (f: FacetName) => fc.constantFrom(...all.facets[f].map((v) => v.value), 'unbekannt');
    const filter = fc.record(
      {
        court_type: fc.constantFrom(...all.facets.court_type.map((v) => v.value)),
        land: fc.constantFrom(...all.facets.land.map((v) => v.value)),
        jurisdiction: fc.constantFrom(...all.facets.jurisdiction.map((v) => v.value)),
        year: fc.constantFrom(...all.facets.year.map((v) => v.value)),
        area: values('area'),
        exploitation: values('exploitation'),
        norm: fc.constantFrom(...all.facets.norm.map((v) => v.value), '§ 25 Abs. 4a AufenthG', 'StGB §233'),
        type: values('type'),
        outcome: values('outcome'),
        from: fc.constantFrom('2010-01-01', '2019-06-01', '2021-01-01'),
        to: fc.constantFrom('2020-12-31', '2023-06-30', '2030-01-01'),
        q: fc.constantFrom(
          'Menschenhandel',
          'Ausbeutung',
          'Zwangslage OR Opferentschädigung',
          '-Prostitution',
        ),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(filter, async (chosen) => {
        const params = new URLSearchParams({ ...chosen, per_page: '100' });
        if (chosen.from && chosen.to && chosen.from > chosen.to) params.delete('to');
        const r = await api(params.toString());
        expect(r.results.length).toBe(Math.min(r.total, 100));
        for (const hit of r.results)
          for (const [k, v] of params)
            expect(satisfies(hit, k, v), `${params} ${k}=${v} ${hit.id}`).toBe(true);
        // each facet value's count equals the total of the search with that value chosen
        for (const f of FACETS) {
          for (const { value, count } of r.facets[f].slice(0, 3)) {
            const again = new URLSearchParams(params);
            again.set(f, value);
            again.set('per_page', '1');
            expect((await api(again.toString())).total, `${again}`).toBe(count);
          }
        }
      }),
      { numRuns: 25 },
    );
  });

  it('property: no query string, however odd, yields a 500', async () => {
    const token = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        'gericht:',
        'az:"',
        'norm:"§',
        'ecli:',
        'norm:"§ 232a StGB"',
        'OR',
        '-',
        '"',
        '§§',
        ':',
        '*',
      ),
    );
    const key = fc.constantFrom(
      'q',
      'norm',
      'land',
      'jurisdiction',
      'exploitation',
      'outcome',
      'from',
      'to',
      'sort',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            key,
            fc.array(token, { maxLength: 4 }).map((a) => a.join(' ')),
          ),
          { maxLength: 4 },
        ),
        async (pairs) => {
          const qs = new URLSearchParams(pairs).toString();
          for (const path of ['/api/v1/caselaw/search', '/rechtsprechung', '/rechtsprechung/feed.xml']) {
            const res = await t.request(`${path}?${qs}`);
            expect(res.status, `${path}?${qs}`).toBeLessThan(500);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('serves every search as a valid Atom feed', async () => {
    const res = await t.request(`/rechtsprechung/feed.xml?q=Menschenhandel&court_type=LG`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/atom+xml');
    const xml = await res.text();
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => n === 'entry' || n === 'link',
    }).parse(xml);
    const feed = doc.feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toMatch(/^http:\/\/localhost:3000\/rechtsprechung\/feed\.xml\?/);
    expect(feed.title['#text'] ?? feed.title).toContain('Menschenhandel');
    expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
    expect(feed.link.some((l: Record<string, string>) => l['@_rel'] === 'self')).toBe(true);
    expect(feed.author.name).toBeTruthy();
    const lg = await api('q=Menschenhandel&court_type=LG&per_page=100');
    expect(feed.entry).toHaveLength(lg.total);
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^urn:uuid:/);
      expect(e.title['#text']).toMatch(/^LG /);
      expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
      expect(e.link[0]['@_href']).toMatch(/^http:\/\/localhost:3000\/rechtsprechung\/[0-9a-f-]{36}$/);
    }
    const page = await (await t.request('/rechtsprechung?q=Menschenhandel')).text();
    expect(page).toContain('href="/rechtsprechung/feed.xml?q=Menschenhandel"');
    expect((await t.request('/rechtsprechung/feed.xml?year=abc')).status).toBe(400);
  });

  it('shows the instance chain, related decisions, the citation with ECLI and a print stylesheet', async () => {
    const [bgh] = (await api(`q=${encodeURIComponent('az:"3 StR 401/21"')}`)).results;
    const [lg] = (await api(`q=${encodeURIComponent('az:"527 KLs 12/20"')}`)).results;
    const html = await (await t.request(`/rechtsprechung/${bgh!.id}`)).text();
    expect(html).toContain('Instanzenzug');
    expect(html).toContain(
      `<a href="/rechtsprechung/${lg!.id}">LG Berlin, Urteil vom 10.06.2021 – 527 KLs 12/20</a>`,
    );
    expect(html).toContain('BGH, Beschluss vom 15.03.2022 – 3 StR 401/21, ECLI:DE:BGH:2022:DEMO0001');
    expect(html).toContain('Ähnliche Entscheidungen');
    // the LG decision names the BGH as its higher instance
    const lower = await (await t.request(`/rechtsprechung/${lg!.id}`)).text();
    expect(lower).toContain(`Nachfolgende Instanz: <a href="/rechtsprechung/${bgh!.id}">`);
    // an instance not in the database stays as text
    const [olg] = (await api(`q=${encodeURIComponent('az:"4 RVs 88/20"')}`)).results;
    const olgHtml = await (await t.request(`/en/rechtsprechung/${olg!.id}`)).text();
    expect(olgHtml).toContain('vorgehend AG Gütersloh, 3. März 2020, Az: 9 Ls 34/19');
    expect(olgHtml).toContain('not yet in the database');
    // related decisions share norms: the LG Berlin decision (§ 232, § 232a StGB) is among the BGH's
    const related = html.slice(html.indexOf('Ähnliche Entscheidungen'));
    expect(related).toContain(`/rechtsprechung/${lg!.id}`);
    const print = await (await t.request(`/rechtsprechung/${bgh!.id}?ansicht=druck`)).text();
    expect(print).toContain('print-view');
    expect(print).not.toContain('Ähnliche Entscheidungen');
    const css =
      t.app.routes.length > 0
        ? await (await t.request(print.match(/href="(\/assets\/[^"]+\.css)"/)![1]!)).text()
        : '';
    expect(css).toMatch(/@media print\{[^}]*\.caselaw-facets/);
    const json = (await (await t.request(`/api/v1/caselaw/decisions/${bgh!.id}`)).json()) as Record<
      string,
      unknown
    >;
    expect(json.citation_with_ecli).toBe(
      'BGH, Beschluss vom 15.03.2022 – 3 StR 401/21, ECLI:DE:BGH:2022:DEMO0001',
    );
  });

  it('describes the API in OpenAPI 3.1, and real answers validate against it', async () => {
    const res = await t.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      info: { title: string; version: string };
      jsonSchemaDialect: string;
      paths: Record<
        string,
        Record<
          string,
          {
            responses: Record<
              string,
              { description: string; content?: Record<string, { schema: { $ref: string } }> }
            >;
            parameters?: Array<{ name: string; in: string; schema: object }>;
          }
        >
      >;
      components: { schemas: Record<string, object> };
    };
    // the structure OpenAPI 3.1 requires
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.jsonSchemaDialect).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/caselaw/search',
        '/api/v1/caselaw/decisions/{id}',
        '/api/v1/caselaw/norms/parse',
      ]),
    );
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat('uuid', /^[0-9a-f-]{36}$/i);
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    for (const [name, schema] of Object.entries(doc.components.schemas))
      ajv.addSchema(schema, `#/components/schemas/${name}`);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(['get', 'post', 'put', 'delete', 'patch']).toContain(method);
        for (const [status, r] of Object.entries(op.responses)) {
          expect(status).toMatch(/^[1-5]\d\d$/);
          expect(r.description, `${path} ${status}`).toBeTruthy();
          for (const media of Object.values(r.content ?? {})) {
            if (!media.schema.$ref) continue; // files and NDJSON are described inline
            const ref = media.schema.$ref.replace('#/components/schemas/', '');
            expect(doc.components.schemas[ref], ref).toBeDefined();
          }
        }
        for (const p of op.parameters ?? []) {
          expect(['query', 'path', 'header', 'cookie']).toContain(p.in);
          expect(ajv.validateSchema(p.schema), p.name).toBe(true);
        }
      }
    }
    for (const schema of Object.values(doc.components.schemas)) expect(ajv.validateSchema(schema)).toBe(true);
    const validate = (name: string, body: unknown) => {
      const v = ajv.getSchema(`#/components/schemas/${name}`)!;
      const ok = v(body);
      expect(ok, JSON.stringify(v.errors)).toBe(true);
    };
    const search = await (await t.request('/api/v1/caselaw/search?q=Menschenhandel')).json();
    validate('SearchResponse', search);
    const id = (search as ApiResult).results[0]!.id;
    validate('Decision', await (await t.request(`/api/v1/caselaw/decisions/${id}`)).json());
    const parsed = await t.request('/api/v1/caselaw/norms/parse', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: '§§ 232, 233 StGB und §§ 10 bis 12 ArbSchG' }),
    });
    validate('NormsParseResponse', await parsed.json());
    validate('Error', await (await t.request('/api/v1/caselaw/search?year=abc')).json());
    // a wrong answer fails: the schema is not vacuous
    const broken = structuredClone(search) as { results: Array<Record<string, unknown>> };
    delete broken.results[0]!.citation;
    expect(ajv.getSchema('#/components/schemas/SearchResponse')!(broken)).toBe(false);
  });
});
