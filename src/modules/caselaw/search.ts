/**
 * Public search over published decisions: German full text (websearch syntax: "phrase", OR, -word), filters and
 * facets whose counts follow the query. A facet counts over the set filtered by the query and every other filter
 * (not its own), so each count equals the total of the search with that value chosen.
 */
import { type RawBuilder, sql } from 'kysely';
import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import type { Db } from '../../db/types.ts';
import { normaliseEcli } from './ecli.ts';
import { highlight } from './highlight.ts';
import { COMPLEX, keyPrefix, parseNormQuery, SECTION_KEY, SIMPLE } from './norm-query.ts';
import { type Citation, normMatches } from './norms.ts';
import { DATA_VERSION } from './search-cache.ts';
import { refreshSearchIndex, searchWithIndex } from './search-index/registry.ts';
import { courtTypes } from './store.ts';

export { parseNormQuery };

export const JURISDICTIONS = [
  'ordinary',
  'criminal',
  'administrative',
  'labour',
  'social',
  'civil',
  'constitutional',
  'european',
  'international',
] as const;

const optional = (schema: z.ZodType) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.format')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'validation.format',
  );

export const SORTS = ['relevance', 'newest', 'oldest'] as const;

/** The search parameters shared by the page, the JSON API, the Atom feed and saved alerts. */
export const searchSchema = z
  .object({
    q: optional(
      z
        .string()
        .trim()
        .max(200)
        .refine((v) => splitQuery(v) !== null, 'validation.invalid'),
    ),
    court_type: optional(z.enum(courtTypes as [string, ...string[]])),
    land: optional(z.string().regex(/^(0[1-9]|1[0-6])$/)),
    jurisdiction: optional(z.enum(JURISDICTIONS)),
    year: optional(z.coerce.number().int().min(1900).max(2100)),
    area: optional(z.string().regex(/^[a-z_]{2,40}$/)),
    exploitation: optional(z.string().regex(/^[a-z_]{2,40}$/)),
    type: optional(z.string().trim().max(60)),
    outcome: optional(z.string().trim().max(80)),
    norm: optional(
      z
        .string()
        .trim()
        .max(120)
        .refine((v) => parseNormQuery(v) !== null, 'validation.invalid'),
    ),
    from: optional(isoDate),
    to: optional(isoDate),
    sort: optional(z.enum(SORTS)),
    page: z.preprocess((v) => (v === undefined || v === '' ? 1 : v), z.coerce.number().int().min(1).max(500)),
    per_page: z.preprocess(
      (v) => (v === undefined || v === '' ? 20 : v),
      z.coerce.number().int().min(1).max(100),
    ),
  })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'validation.invalid' });

export type SearchParams = {
  q?: string;
  court_type?: string;
  land?: string;
  jurisdiction?: string;
  year?: number;
  area?: string;
  exploitation?: string;
  type?: string;
  outcome?: string;
  norm?: string;
  from?: string;
  to?: string;
  sort?: (typeof SORTS)[number];
  page: number;
  per_page: number;
};

/** The query parameters that describe a search (for links, feeds and saved alerts); paging is not part of it. */
export const SEARCH_KEYS = [
  'q',
  'norm',
  'court_type',
  'land',
  'jurisdiction',
  'year',
  'area',
  'exploitation',
  'type',
  'outcome',
  'from',
  'to',
  'sort',
] as const;

/** Only the search's own parameters, with empty ones dropped: the canonical form stored in an alert. */
export function searchValues(input: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of SEARCH_KEYS) {
    const v = input[k];
    if (typeof v === 'string' && v.trim() !== '') out[k] = v.trim();
  }
  return out;
}

/**
 * Fielded terms in the query box (`gericht:BGH`, `az:"5 StR 123/20"`, `norm:"§ 232a StGB"`, `ecli:…`) are taken
 * out; what remains is German web-search syntax. Null when a fielded value cannot be understood.
 */
export interface SplitQuery {
  text: string;
  courts: string[];
  fileNumbers: string[];
  norms: Citation[];
  eclis: string[];
}
const FIELD = /(?:^|\s)(gericht|court|az|norm|ecli):(?:"([^"]*)"|(\S+))/gi;
export function splitQuery(q: string): SplitQuery | null {
  const out: SplitQuery = { text: '', courts: [], fileNumbers: [], norms: [], eclis: [] };
  let failed = false;
  out.text = q
    .replace(FIELD, (_m, field: string, quoted: string | undefined, bare: string | undefined) => {
      const value = (quoted ?? bare ?? '').trim();
      if (!value) {
        failed = true;
        return ' ';
      }
      switch (field.toLowerCase()) {
        case 'gericht':
        case 'court':
          out.courts.push(value);
          break;
        case 'az':
          out.fileNumbers.push(value.replace(/\s+/g, ' '));
          break;
        case 'norm': {
          const c = parseNormQuery(value);
          if (c) out.norms.push(c);
          else failed = true;
          break;
        }
        default: {
          const e = normaliseEcli(value);
          if (e.ok) out.eclis.push(e.ecli);
          else failed = true;
        }
      }
      return ' ';
    })
    .replace(/\s+/g, ' ')
    .trim();
  return failed ? null : out;
}

/**
 * A norm condition on `d`: a plain citation of the provision or a sub-part matches in SQL (index on book and
 * section); cited ranges and "ff." are decided by normMatches in code. A query that is itself a range is
 * decided in code for every candidate of its book.
 */
async function normCondition(db: Db, query: Citation): Promise<RawBuilder<unknown>> {
  const book = query.book === null ? sql`n.book IS NULL` : sql`n.book = ${query.book}`;
  const candidates = await sql<{ decision_id: string; norm_key: string }>`
    SELECT n.decision_id, n.norm_key FROM caselaw_decision_norms n
    WHERE ${book} AND ${query.range_end || query.following ? sql`true` : COMPLEX}`.execute(db);
  const ids = new Set<string>();
  for (const row of candidates.rows) {
    const cited = parseNormQuery(row.norm_key);
    if (cited && normMatches(query, cited)) ids.add(row.decision_id);
  }
  const inCode = ids.size > 0 ? sql`d.id IN (${sql.join([...ids])})` : sql`false`;
  if (query.range_end || query.following) return inCode;
  const levels: RawBuilder<unknown>[] = [];
  for (const level of ['paragraph', 'sentence', 'number', 'letter'] as const) {
    const v = query[level];
    if (v !== null) levels.push(sql`lower(n.${sql.ref(level)}) = ${v.toLowerCase()}`);
  }
  const prefix = keyPrefix(query);
  return sql`(EXISTS (SELECT 1 FROM caselaw_decision_norms n WHERE n.decision_id = d.id AND ${book}
      AND lower(n.section) = ${query.section.toLowerCase()} AND left(n.norm_key, ${prefix.length}) = ${prefix}
      AND ${SIMPLE}${levels.length ? sql` AND ${sql.join(levels, sql` AND `)}` : sql``}) OR ${inCode})`;
}

export const FACET_NAMES = [
  'court_type',
  'land',
  'jurisdiction',
  'year',
  'area',
  'exploitation',
  'norm',
  'type',
  'outcome',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/** The search, prepared once: the fielded terms taken out of the query and the norm conditions resolved. */
interface Prepared {
  p: SearchParams;
  text: string;
  fielded: RawBuilder<unknown>[];
  norm: RawBuilder<unknown> | null;
}

async function prepare(db: Db, p: SearchParams): Promise<Prepared> {
  const split = p.q ? splitQuery(p.q) : null;
  const fielded: RawBuilder<unknown>[] = [];
  if (split) {
    for (const court of split.courts)
      fielded.push(sql`(lower(c.type) = ${court.toLowerCase()} OR lower(c.name) = ${court.toLowerCase()}
        OR lower(c.place) = ${court.toLowerCase()})`);
    for (const az of split.fileNumbers) fielded.push(sql`${az}::text = ANY (d.file_numbers)`);
    for (const ecli of split.eclis) fielded.push(sql`d.ecli = ${ecli}`);
    for (const norm of split.norms) fielded.push(await normCondition(db, norm));
  }
  const normQuery = p.norm ? parseNormQuery(p.norm) : null;
  return {
    p,
    text: split?.text ?? '',
    fielded,
    norm: normQuery ? await normCondition(db, normQuery) : null,
  };
}

function where(s: Prepared, except?: FacetName): RawBuilder<unknown> {
  const { p } = s;
  const parts: RawBuilder<unknown>[] = [sql`d.status = 'published'`, ...s.fielded];
  if (s.text) parts.push(sql`d.search @@ websearch_to_tsquery('german', ${s.text})`);
  if (p.court_type && except !== 'court_type') parts.push(sql`c.type = ${p.court_type}`);
  if (p.land && except !== 'land') parts.push(sql`c.land = ${p.land}`);
  if (p.jurisdiction && except !== 'jurisdiction') parts.push(sql`c.jurisdiction = ${p.jurisdiction}`);
  if (p.year && except !== 'year')
    parts.push(sql`d.decision_date >= make_date(${p.year}::int, 1, 1)
      AND d.decision_date < make_date(${p.year + 1}::int, 1, 1)`);
  if (p.from) parts.push(sql`d.decision_date >= ${p.from}::date`);
  if (p.to) parts.push(sql`d.decision_date <= ${p.to}::date`);
  if (p.area && except !== 'area') parts.push(sql`${p.area}::text = ANY (d.legal_areas)`);
  if (p.exploitation && except !== 'exploitation')
    parts.push(sql`${p.exploitation}::text = ANY (d.exploitation)`);
  if (p.type && except !== 'type') parts.push(sql`d.decision_type = ${p.type}`);
  if (p.outcome && except !== 'outcome') parts.push(sql`d.outcome = ${p.outcome}`);
  if (s.norm && except !== 'norm') parts.push(s.norm);
  return sql.join(parts, sql` AND `);
}

const FROM = sql`caselaw_decisions d JOIN caselaw_courts c ON c.id = d.court_id`;

export interface SearchHit {
  id: string;
  ecli: string | null;
  court_name: string;
  court_type: string;
  land: string | null;
  jurisdiction: string;
  decision_date: string;
  decision_type: string;
  file_numbers: string[];
  title: string;
  legal_areas: string[];
  exploitation: string[];
  outcome: string;
  is_demo: boolean;
  /** the norms it cites (keys), in citation order */
  norm_keys: string[];
  snippet: string;
}
export interface FacetValue {
  value: string;
  count: number;
}
export type Facets = Record<FacetName, FacetValue[]>;
export interface SearchOutcome {
  total: number;
  results: SearchHit[];
  facets: Facets;
}

/** A highlighted snippet: only `<mark>` survives, everything else is escaped text. */
function cleanSnippet(html: string): string {
  return sanitizeHtml(html, { allowedTags: ['mark'], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
}

/** How many norms the norm facet lists. */
export const NORM_FACET_SIZE = 10;

const FACET_SQL: Record<Exclude<FacetName, 'norm'>, RawBuilder<unknown>> = {
  court_type: sql`SELECT m.court_type AS value, count(*)::int AS count FROM m GROUP BY 1`,
  land: sql`SELECT m.land AS value, count(*)::int AS count FROM m GROUP BY 1`,
  jurisdiction: sql`SELECT m.jurisdiction AS value, count(*)::int AS count FROM m GROUP BY 1`,
  year: sql`SELECT m.year AS value, count(*)::int AS count FROM m GROUP BY 1`,
  area: sql`SELECT a AS value, count(*)::int AS count FROM m, unnest(m.legal_areas) a GROUP BY 1`,
  exploitation: sql`SELECT e AS value, count(*)::int AS count FROM m, unnest(m.exploitation) e GROUP BY 1`,
  type: sql`SELECT m.decision_type AS value, count(*)::int AS count FROM m GROUP BY 1`,
  outcome: sql`SELECT m.outcome AS value, count(*)::int AS count FROM m GROUP BY 1`,
};

/**
 * Counts the named facets over the decisions matching `w`, in one statement (the matching set is read once).
 * The norm facet counts plain citations in SQL and then adds the decisions that cite the provision only through
 * a range or "ff." (normMatches), so each count equals the total of the search with that norm chosen.
 */
/** The page of results, taken from the same matching set as the facets: ranking columns and where to cut. */
interface PageSpec {
  rank: RawBuilder<unknown>;
  order: RawBuilder<unknown>;
  limit: number;
  offset: number;
}

async function countFacets(
  db: Db,
  w: RawBuilder<unknown>,
  names: FacetName[],
  withTotal: boolean,
  page?: PageSpec,
) {
  const parts: RawBuilder<unknown>[] = names
    .filter((n): n is Exclude<FacetName, 'norm'> => n !== 'norm')
    .map((n) => sql`SELECT ${n}::text AS facet, f.value::text, f.count FROM (${FACET_SQL[n]}) f`);
  if (names.includes('norm'))
    parts.push(sql`SELECT 'norm' AS facet, f.value, f.count FROM (
      SELECT ${SECTION_KEY} AS value, count(DISTINCT n.decision_id)::int AS count
      FROM caselaw_decision_norms n JOIN m ON m.id = n.decision_id WHERE ${SIMPLE}
      GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${NORM_FACET_SIZE * 2}) f`);
  if (withTotal)
    parts.push(sql`SELECT '_total' AS facet, NULL::text AS value, count(*)::int AS count FROM m`);
  // the page's ids ride along as rows of their own: value = id, count = position
  if (page)
    parts.push(sql`SELECT '_page' AS facet, x.id::text AS value, x.pos::int AS count FROM (
      SELECT m.id, row_number() OVER (ORDER BY ${page.order}) AS pos FROM m
      ORDER BY ${page.order} LIMIT ${page.limit} OFFSET ${page.offset}) x`);
  const facets = Object.fromEntries(names.map((n) => [n, [] as FacetValue[]])) as Partial<Facets>;
  let total = 0;
  const pageIds: Array<{ id: string; pos: number }> = [];
  if (parts.length === 0) return { facets, total, pageIds };
  const rows = await sql<{ facet: string; value: string | null; count: number }>`
    WITH m AS MATERIALIZED (
      SELECT d.id, c.type AS court_type, c.land, c.jurisdiction,
        extract(year FROM d.decision_date)::int::text AS year, d.legal_areas, d.exploitation, d.decision_type,
        d.outcome, d.decision_date, ${page ? page.rank : sql`0`} AS rank
      FROM ${FROM} WHERE ${w})
    ${sql.join(parts, sql` UNION ALL `)}`.execute(db);
  for (const r of rows.rows) {
    if (r.facet === '_total') total = r.count;
    else if (r.facet === '_page') pageIds.push({ id: r.value as string, pos: r.count });
    else if (r.value !== null && r.value !== '')
      facets[r.facet as FacetName]!.push({ value: r.value, count: r.count });
  }
  if (names.includes('norm')) facets.norm = await completeNormFacet(db, w, facets.norm!);
  pageIds.sort((a, b) => a.pos - b.pos);
  return { facets, total, pageIds };
}

async function completeNormFacet(
  db: Db,
  w: RawBuilder<unknown>,
  values: FacetValue[],
): Promise<FacetValue[]> {
  const complex = await sql<{ decision_id: string; norm_key: string; simple: boolean }>`
    SELECT n.decision_id, n.norm_key, ${SIMPLE} AS simple FROM caselaw_decision_norms n
    WHERE n.decision_id IN (SELECT x.decision_id FROM caselaw_decision_norms x
                            WHERE x.norm_key LIKE '%-%' OR x.norm_key LIKE '%f.%')
      AND n.decision_id IN (SELECT d.id FROM ${FROM} WHERE ${w})`.execute(db);
  const byDecision = new Map<string, Array<{ key: string; simple: boolean }>>();
  for (const r of complex.rows) {
    const list = byDecision.get(r.decision_id) ?? [];
    list.push({ key: r.norm_key, simple: r.simple });
    byDecision.set(r.decision_id, list);
  }
  const out = values.map((v) => {
    const query = parseNormQuery(v.value);
    if (!query) return v;
    let extra = 0;
    for (const rows of byDecision.values()) {
      const cited = rows.map((r) => ({ ...r, c: parseNormQuery(r.key) }));
      const plainHit = cited.some((r) => r.simple && r.c && normMatches(query, r.c));
      if (!plainHit && cited.some((r) => !r.simple && r.c && normMatches(query, r.c))) extra++;
    }
    return { value: v.value, count: v.count + extra };
  });
  return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, NORM_FACET_SIZE);
}

const FACET_ORDER: Partial<Record<FacetName, 'value_desc' | 'value_asc'>> = {
  year: 'value_desc',
  land: 'value_asc',
};

function sortFacet(name: FacetName, values: FacetValue[]): FacetValue[] {
  const order = FACET_ORDER[name];
  if (order === 'value_desc') return values.sort((a, b) => b.value.localeCompare(a.value));
  if (order === 'value_asc') return values.sort((a, b) => a.value.localeCompare(b.value));
  return values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

function activeFacet(p: SearchParams, name: FacetName): boolean {
  return p[name] !== undefined;
}

/**
 * Total, facets and the page's ids in SQL: facets without a chosen value share one statement with the total and
 * the page; a chosen facet is counted in its own statement without its own filter.
 */
async function searchInSql(db: Db, s: Prepared, tsq: RawBuilder<unknown> | null) {
  const { p } = s;
  const sort = p.sort ?? (tsq ? 'relevance' : 'newest');
  // the matching set is computed once: total, facets and the page's ids in one statement (countFacets)
  const page: PageSpec = {
    rank: sort === 'relevance' && tsq ? sql`ts_rank(d.search, ${tsq})` : sql`0`,
    order: sort === 'oldest' ? sql`m.decision_date ASC, m.id` : sql`m.rank DESC, m.decision_date DESC, m.id`,
    limit: p.per_page,
    offset: (p.page - 1) * p.per_page,
  };
  const shared = FACET_NAMES.filter((n) => !activeFacet(s.p, n));
  const own = FACET_NAMES.filter((n) => activeFacet(s.p, n));
  const [main, ...separate] = await Promise.all([
    countFacets(db, where(s), shared, true, page),
    ...own.map((n) => countFacets(db, where(s, n), [n], false)),
  ]);
  const facets = { ...main.facets } as Facets;
  for (const r of separate) Object.assign(facets, r.facets);
  return { total: main.total, facets, pageIds: main.pageIds.map((x) => x.id) };
}

/**
 * The decisions matching the search, one page of them, highlighted, with every facet. Answered from the in-memory
 * index where it can (decision 0026), else in SQL; both give the same total, facets and matching set.
 */
export async function searchDecisions(db: Db, p: SearchParams): Promise<SearchOutcome> {
  // the index may answer before the data version is read: the page's statement reads it, and an answer from an
  // index of older data is dropped (searched again in SQL) while a new index is built
  const indexed = await searchWithIndex(db, p, { deferVersionCheck: true });
  if (indexed) {
    const page = await pageRows(db, indexed.pageIds, null, !indexed.versionChecked);
    if (indexed.versionChecked || page.version === indexed.version) {
      // the index knows the query's lexemes: snippets are marked here (highlight.ts)
      if (p.q) for (const r of page.rows) r.snippet = highlight(r.snippet, indexed.lexemes);
      return outcome(indexed, page.rows, p.q ? 'marked' : 'plain');
    }
    void refreshSearchIndex(db);
  }
  const s = await prepare(db, p);
  const tsq = s.text ? sql`websearch_to_tsquery('german', ${s.text})` : null;
  const matched = await searchInSql(db, s, tsq);
  const page = await pageRows(db, matched.pageIds, tsq, false);
  return outcome(matched, page.rows, tsq ? 'headline' : 'plain');
}

/**
 * The rows of a page of results in the order of `ids`, as one JSON value (parsed natively, where arrays in rows
 * would each be parsed by the driver in JavaScript). The snippet comes from the lead (title, headnotes, summary,
 * tenor, the start of the reasons; migration 0021): `ts_headline` when `tsq` is given (it stems all the text it is
 * given, so only the page's rows are highlighted), else the lead itself. `withVersion`: the current data version
 * is read in the same statement.
 */
async function pageRows(
  db: Db,
  ids: string[],
  tsq: RawBuilder<unknown> | null,
  withVersion: boolean,
): Promise<{ rows: SearchHit[]; version: string | null }> {
  if (ids.length === 0 && !withVersion) return { rows: [], version: null };
  const body = sql`d.lead_text`;
  const snippet = tsq
    ? sql`ts_headline('german', ${body}, ${tsq},
        'StartSel=<mark>, StopSel=</mark>, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')`
    : body;
  const r = await sql<{ v: string | null; rows: SearchHit[] }>`
    SELECT ${withVersion ? DATA_VERSION : sql`NULL::text`} AS v,
      (SELECT coalesce(json_agg(r ORDER BY r.position), '[]'::json) FROM (
        SELECT d.id, d.ecli, c.name AS court_name, c.type AS court_type, c.land, c.jurisdiction,
          to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date, d.decision_type, d.file_numbers, d.title,
          d.legal_areas, d.exploitation, d.outcome, d.is_demo,
          ARRAY(SELECT n.norm_key FROM caselaw_decision_norms n WHERE n.decision_id = d.id
                ORDER BY n.position, n.id) AS norm_keys,
          ${snippet} AS snippet, i.position
        FROM ${FROM} JOIN unnest(${ids}::uuid[]) WITH ORDINALITY i(id, position) ON i.id = d.id) r) AS rows`.execute(
    db,
  );
  const row = r.rows[0]!;
  const rows = typeof row.rows === 'string' ? (JSON.parse(row.rows) as SearchHit[]) : row.rows;
  return { rows, version: row.v };
}

/** The outcome of a search from its matches and its page's rows; `snippets` says how they were made. */
function outcome(
  matched: { total: number; facets: Facets },
  rows: Array<SearchHit & { position?: number }>,
  snippets: 'marked' | 'headline' | 'plain',
): SearchOutcome {
  const facets = { ...matched.facets };
  for (const n of FACET_NAMES) facets[n] = n === 'norm' ? facets[n] : sortFacet(n, facets[n]);
  return {
    total: matched.total,
    results: rows.map(({ position: _, ...r }) => ({
      ...r,
      // the lead text has no markup; highlight() escapes angle brackets itself and adds only <mark>, so only
      // ts_headline's output goes through the sanitiser
      snippet:
        snippets === 'headline'
          ? cleanSnippet(r.snippet)
          : (snippets === 'marked'
              ? r.snippet
              : r.snippet.slice(0, 400).replace(/</g, '&lt;').replace(/>/g, '&gt;')
            )
              .replace(/\s+/g, ' ')
              .trim(),
    })),
    facets,
  };
}

/** Only the ids of the newest matching decisions published after `since` (alerts and feeds). */
export async function publishedMatchesSince(
  db: Db,
  p: SearchParams,
  since: Date,
  limit = 50,
  until: Date = new Date(),
): Promise<string[]> {
  const s = await prepare(db, p);
  const rows = await sql<{ id: string }>`
    SELECT d.id FROM ${FROM} WHERE ${where(s)} AND d.published_at > ${since} AND d.published_at <= ${until}
    ORDER BY d.published_at DESC, d.id LIMIT ${limit}`.execute(db);
  return rows.rows.map((r) => r.id);
}

export interface DecisionView {
  id: string;
  doknr: string | null;
  ecli: string | null;
  court_name: string;
  court_type: string;
  chamber: string;
  decision_date: string;
  decision_type: string;
  file_numbers: string[];
  title: string;
  headnotes: string;
  tenor: string;
  facts: string;
  reasons: string;
  dissent: string;
  summary_de: string;
  summary_en: string;
  legal_areas: string[];
  lower_instances: string[];
  source: string;
  is_demo: boolean;
  norms: Array<{ norm_key: string; raw: string }>;
}

/** A published decision with its norms, or null. */
export async function findPublishedDecision(db: Db, id: string): Promise<DecisionView | null> {
  const r = await sql<Omit<DecisionView, 'norms'>>`
    SELECT d.id, d.doknr, d.ecli, c.name AS court_name, c.type AS court_type, d.chamber,
      to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date, d.decision_type, d.file_numbers, d.title,
      d.headnotes, d.tenor, d.facts, d.reasons, d.dissent, d.summary_de, d.summary_en, d.legal_areas,
      d.lower_instances, d.source, d.is_demo
    FROM ${FROM} WHERE d.id = ${id} AND d.status = 'published'`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  const norms = await db
    .selectFrom('caselaw_decision_norms')
    .select(['norm_key', 'raw'])
    .where('decision_id', '=', id)
    .orderBy('position')
    .execute();
  return { ...row, norms };
}

/** "BGH, Beschluss vom 14.01.2010 – IX ZB 72/08" */
export function citationLine(
  d: Pick<DecisionView, 'court_name' | 'decision_type' | 'decision_date' | 'file_numbers'>,
) {
  const [y, m, day] = d.decision_date.split('-');
  const what = d.decision_type ? `${d.decision_type} vom` : 'vom';
  return `${d.court_name}, ${what} ${day}.${m}.${y} – ${d.file_numbers.join(', ')}`;
}

/** German citation style with the ECLI: "BGH, Urteil vom 12.05.2021 – 5 StR 123/20, ECLI:DE:BGH:…". */
export function citationWithEcli(
  d: Pick<DecisionView, 'court_name' | 'decision_type' | 'decision_date' | 'file_numbers' | 'ecli'>,
) {
  return d.ecli ? `${citationLine(d)}, ${d.ecli}` : citationLine(d);
}
