/**
 * Public search over published decisions: German full text (websearch syntax: "phrase", OR, -word), filters and
 * facets whose counts follow the query. A facet counts over the set filtered by the query and every other filter
 * (not its own), so each count equals the total of the search with that value chosen.
 */
import { type RawBuilder, sql } from 'kysely';
import sanitizeHtml from 'sanitize-html';
import { z } from 'zod';
import type { Db } from '../../db/types.ts';
import { type Citation, normMatches, parseNorms } from './norms.ts';
import { courtTypes } from './store.ts';

const optional = (schema: z.ZodType) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

export const searchSchema = z.object({
  q: optional(z.string().trim().max(200)),
  court_type: optional(z.enum(courtTypes as [string, ...string[]])),
  year: optional(z.coerce.number().int().min(1900).max(2100)),
  area: optional(z.string().regex(/^[a-z_]{2,40}$/)),
  type: optional(z.string().trim().max(60)),
  norm: optional(
    z
      .string()
      .trim()
      .max(120)
      .refine((v) => parseNormQuery(v) !== null, 'validation.invalid'),
  ),
  page: z.preprocess((v) => (v === undefined || v === '' ? 1 : v), z.coerce.number().int().min(1).max(500)),
  per_page: z.preprocess(
    (v) => (v === undefined || v === '' ? 20 : v),
    z.coerce.number().int().min(1).max(100),
  ),
});
export type SearchParams = {
  q?: string;
  court_type?: string;
  year?: number;
  area?: string;
  type?: string;
  norm?: string;
  page: number;
  per_page: number;
};

const V = String.raw`(?:[0-9]+(?:[a-z](?!f?\.))?|[a-z](?!f?\.))`;
const KEY = new RegExp(
  String.raw`^(?:(.+?) )?(§|Art)(${V})(?:-(${V})|(ff?\.))?((?: (?:Abs|S|Nr|lit)${V}(?:-${V}|ff?\.)?)*)$`,
);
const LEVEL = new RegExp(String.raw`^(Abs|S|Nr|lit)(${V})(?:-(${V})|(ff?\.))?$`);

/** A citation from a norm key ("StGB §232a Abs1 Nr2", as links carry it) or from German text ("§ 232a StGB"). */
export function parseNormQuery(value: string): Citation | null {
  const m = KEY.exec(value.trim());
  if (m) {
    const c: Citation = {
      book: m[1] ?? null,
      section: m[3]!,
      paragraph: null,
      sentence: null,
      number: null,
      letter: null,
      kind: m[2] === 'Art' ? 'article' : 'paragraph_sign',
      raw: value,
      start: 0,
      end: value.length,
    };
    if (m[4]) c.range_end = m[4];
    if (m[5]) c.following = m[5] === 'f.' ? 'f' : 'ff';
    const levels = { Abs: 'paragraph', S: 'sentence', Nr: 'number', lit: 'letter' } as const;
    for (const part of (m[6] ?? '').trim().split(' ').filter(Boolean)) {
      const lm = LEVEL.exec(part);
      if (!lm) return null;
      c[levels[lm[1] as keyof typeof levels]] = lm[2]!;
      if (lm[3]) c.range_end = lm[3];
      if (lm[4]) c.following = lm[4] === 'f.' ? 'f' : 'ff';
    }
    return c;
  }
  return parseNorms(value)[0] ?? null;
}

/** The published decisions citing a provision or any sub-part of it (normMatches semantics). */
async function decisionsCiting(db: Db, query: Citation): Promise<string[]> {
  let q = db
    .selectFrom('caselaw_decision_norms as n')
    .innerJoin('caselaw_decisions as d', 'd.id', 'n.decision_id')
    .select(['n.decision_id', 'n.norm_key'])
    .where('d.status', '=', 'published');
  q = query.book === null ? q.where('n.book', 'is', null) : q.where('n.book', '=', query.book);
  // a cited range ("§§ 10 bis 12") may cover the section asked for, so ranges are always candidates
  if (!query.range_end)
    q = q.where(sql<boolean>`(lower(n.section) = ${query.section.toLowerCase()} OR n.norm_key LIKE '%-%')`);
  const rows = await q.execute();
  const ids = new Set<string>();
  for (const row of rows) {
    const cited = parseNormQuery(row.norm_key);
    if (cited && normMatches(query, cited)) ids.add(row.decision_id);
  }
  return [...ids];
}

type Filter = 'q' | 'court_type' | 'year' | 'area' | 'type' | 'norm';

function where(p: SearchParams, normIds: string[] | null, except?: Filter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`d.status = 'published'`];
  if (p.q && except !== 'q') parts.push(sql`d.search @@ websearch_to_tsquery('german', ${p.q})`);
  if (p.court_type && except !== 'court_type') parts.push(sql`c.type = ${p.court_type}`);
  if (p.year && except !== 'year')
    parts.push(sql`d.decision_date >= make_date(${p.year}::int, 1, 1)
      AND d.decision_date < make_date(${p.year + 1}::int, 1, 1)`);
  if (p.area && except !== 'area') parts.push(sql`${p.area}::text = ANY (d.legal_areas)`);
  if (p.type && except !== 'type') parts.push(sql`d.decision_type = ${p.type}`);
  if (normIds !== null && except !== 'norm')
    parts.push(normIds.length === 0 ? sql`false` : sql`d.id IN (${sql.join(normIds)})`);
  return sql.join(parts, sql` AND `);
}

const FROM = sql`caselaw_decisions d JOIN caselaw_courts c ON c.id = d.court_id`;

export interface SearchHit {
  id: string;
  ecli: string | null;
  court_name: string;
  court_type: string;
  decision_date: string;
  decision_type: string;
  file_numbers: string[];
  title: string;
  is_demo: boolean;
  snippet: string;
}
export interface FacetValue {
  value: string;
  count: number;
}
export interface SearchOutcome {
  total: number;
  results: SearchHit[];
  facets: { court_type: FacetValue[]; year: FacetValue[]; area: FacetValue[]; type: FacetValue[] };
}

const plain = (column: RawBuilder<unknown>) => sql`regexp_replace(${column}, '<[^>]*>', ' ', 'g')`;

/** A highlighted snippet: only `<mark>` survives, everything else is escaped text. */
function cleanSnippet(html: string): string {
  return sanitizeHtml(html, { allowedTags: ['mark'], allowedAttributes: {} })
    .replace(/\s+/g, ' ')
    .trim();
}

export async function searchDecisions(db: Db, p: SearchParams): Promise<SearchOutcome> {
  const normQuery = p.norm ? parseNormQuery(p.norm) : null;
  const normIds = normQuery ? await decisionsCiting(db, normQuery) : null;
  const w = where(p, normIds);
  const total = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${FROM} WHERE ${w}`.execute(db);
  const tsq = p.q ? sql`websearch_to_tsquery('german', ${p.q})` : null;
  const body = plain(
    sql`coalesce(d.title, '') || ' ' || d.headnotes || ' ' || d.summary_de || ' ' || d.tenor || ' ' || d.reasons`,
  );
  const rows = await sql<SearchHit>`
    SELECT d.id, d.ecli, c.name AS court_name, c.type AS court_type,
      to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date, d.decision_type, d.file_numbers, d.title, d.is_demo,
      ${
        tsq
          ? sql`ts_headline('german', ${body}, ${tsq},
              'StartSel=<mark>, StopSel=</mark>, MaxWords=40, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "')`
          : sql`left(${body}, 400)`
      } AS snippet
    FROM ${FROM} WHERE ${w}
    ORDER BY ${tsq ? sql`ts_rank(d.search, ${tsq}) DESC,` : sql``} d.decision_date DESC, d.id
    LIMIT ${p.per_page} OFFSET ${(p.page - 1) * p.per_page}`.execute(db);
  const facet = async (name: Filter, expr: RawBuilder<unknown>, order: RawBuilder<unknown>) => {
    const r = await sql<FacetValue>`SELECT value, count(*)::int AS count FROM (
        SELECT ${expr} AS value FROM ${FROM} WHERE ${where(p, normIds, name)}) f
      WHERE value IS NOT NULL AND value <> '' GROUP BY value ORDER BY ${order}`.execute(db);
    return r.rows;
  };
  const [courtType, year, area, type] = [
    await facet('court_type', sql`c.type`, sql`count(*) DESC, value`),
    await facet('year', sql`extract(year FROM d.decision_date)::int::text`, sql`value DESC`),
    await facet('area', sql`unnest(d.legal_areas)`, sql`count(*) DESC, value`),
    await facet('type', sql`d.decision_type`, sql`count(*) DESC, value`),
  ];
  return {
    total: total.rows[0]?.n ?? 0,
    results: rows.rows.map((r) => ({
      ...r,
      snippet: tsq ? cleanSnippet(r.snippet) : cleanSnippet(r.snippet.replace(/</g, '&lt;')),
    })),
    facets: { court_type: courtType!, year: year!, area: area!, type: type! },
  };
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
