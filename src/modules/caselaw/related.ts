/**
 * What a decision page shows around the decision: similar decisions (our own scoring over shared norms, legal
 * areas and terms) and the instance chain (lower and higher instances matched by court and file number).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import { SECTION_KEY } from './norm-query.ts';
import type { DecisionView } from './search.ts';

export interface RelatedDecision {
  id: string;
  court_name: string;
  decision_type: string;
  decision_date: string;
  file_numbers: string[];
  title: string;
  shared_norms: number;
  shared_areas: number;
  term_rank: number;
  score: number;
}

/** Words that say little about a decision's subject, on top of the German stop words the parser drops. */
const COMMON = new Set([
  'entscheidung',
  'gericht',
  'urteil',
  'beschluss',
  'verfahren',
  'angeklagte',
  'angeklagten',
  'klägerin',
  'kläger',
  'beklagte',
  'beklagten',
  'fiktive',
  'demo',
  'senat',
  'kammer',
  'antrag',
  'insoweit',
  'jedoch',
]);

/** The decision's most frequent longer words (title, headnotes, summary): the "terms" of the similarity. */
export function characteristicTerms(d: Pick<DecisionView, 'title' | 'headnotes' | 'summary_de'>, max = 8) {
  const text = `${d.title} ${d.headnotes} ${d.summary_de}`.replace(/<[^>]*>/g, ' ').toLowerCase();
  const counts = new Map<string, number>();
  for (const word of text.match(/[a-zäöüß]{7,}/g) ?? []) {
    if (COMMON.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([w]) => w);
}

/**
 * Up to `limit` published decisions most like this one. Score: 3 per shared provision (section level), 1 per
 * shared legal area, plus ten times the full-text rank of the decision's characteristic terms. A decision needs
 * a shared provision or a term match to be listed; a shared area alone is too weak.
 */
export async function relatedDecisions(db: Db, d: DecisionView, limit = 5): Promise<RelatedDecision[]> {
  const terms = characteristicTerms(d);
  const tsq = terms.length
    ? sql`to_tsquery('german', ${terms.map((w) => w.replace(/[^a-zäöüß]/g, '')).join(' | ')})`
    : sql`NULL::tsquery`;
  const rows = await sql<RelatedDecision>`
    WITH mine AS (SELECT DISTINCT ${SECTION_KEY} AS k FROM caselaw_decision_norms n WHERE n.decision_id = ${d.id}),
    cand AS (
      SELECT n.decision_id AS id, count(DISTINCT ${SECTION_KEY})::int AS shared_norms
      FROM caselaw_decision_norms n WHERE ${SECTION_KEY} IN (SELECT k FROM mine) AND n.decision_id <> ${d.id}
      GROUP BY n.decision_id
      UNION
      SELECT x.id, 0 FROM (
        SELECT d.id FROM caselaw_decisions d
        WHERE d.status = 'published' AND d.id <> ${d.id} AND d.search @@ ${tsq}
        ORDER BY ts_rank(d.search, ${tsq}) DESC LIMIT 200) x
    ),
    best AS (SELECT id, max(shared_norms) AS shared_norms FROM cand GROUP BY id)
    SELECT d.id, c.name AS court_name, d.decision_type, to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date,
      d.file_numbers, d.title, best.shared_norms,
      cardinality(ARRAY(SELECT unnest(d.legal_areas) INTERSECT SELECT unnest(${d.legal_areas}::text[])))::int
        AS shared_areas,
      coalesce(ts_rank(d.search, ${tsq}), 0)::float8 AS term_rank,
      (best.shared_norms * 3
        + cardinality(ARRAY(SELECT unnest(d.legal_areas) INTERSECT SELECT unnest(${d.legal_areas}::text[])))
        + 10 * coalesce(ts_rank(d.search, ${tsq}), 0))::float8 AS score
    FROM best JOIN caselaw_decisions d ON d.id = best.id JOIN caselaw_courts c ON c.id = d.court_id
    WHERE d.status = 'published'
    ORDER BY score DESC, d.decision_date DESC, d.id
    LIMIT ${limit}`.execute(db);
  return rows.rows;
}

export interface InstanceLink {
  /** The text as the source gives it ("LG Berlin, 12.03.2021 – 527 KLs 12/20"), or the linked record's line. */
  text: string;
  decision: {
    id: string;
    court_name: string;
    decision_type: string;
    decision_date: string;
    file_numbers: string[];
  } | null;
}

/** File-number candidates in a free text: every run of up to six words ending in a "number/year" token. */
export function fileNumberCandidates(text: string): string[] {
  const tokens = text
    .replace(/[,;()]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  const out = new Set<string>();
  tokens.forEach((tok, i) => {
    if (!/\d+\/\d{2,4}[.:]?$/.test(tok)) return;
    const last = tok.replace(/[.:]$/, '');
    for (let start = Math.max(0, i - 6); start <= i; start++)
      out.add([...tokens.slice(start, i), last].join(' '));
  });
  return [...out];
}

/**
 * The instance chain: each lower instance named in the decision is linked when a published record of that court
 * with that file number exists (else kept as text); higher instances are the published decisions naming this
 * one among their lower instances.
 */
export async function instanceChain(db: Db, d: DecisionView) {
  const lower: InstanceLink[] = [];
  for (const text of d.lower_instances) {
    const candidates = fileNumberCandidates(text);
    const rows = candidates.length
      ? await sql<NonNullable<InstanceLink['decision']>>`
          SELECT d.id, c.name AS court_name, d.decision_type,
            to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date, d.file_numbers
          FROM caselaw_decisions d JOIN caselaw_courts c ON c.id = d.court_id
          WHERE d.status = 'published' AND d.id <> ${d.id} AND d.file_numbers && ${candidates}::text[]
          ORDER BY d.decision_date DESC`.execute(db)
      : { rows: [] };
    const match = rows.rows.find((r) => text.toLowerCase().includes(r.court_name.toLowerCase())) ?? null;
    lower.push({ text, decision: match });
  }
  const higher = d.file_numbers.length
    ? (
        await sql<NonNullable<InstanceLink['decision']> & { lower_instances: string[] }>`
          SELECT d.id, c.name AS court_name, d.decision_type,
            to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date, d.file_numbers, d.lower_instances
          FROM caselaw_decisions d JOIN caselaw_courts c ON c.id = d.court_id
          WHERE d.status = 'published' AND d.id <> ${d.id} AND cardinality(d.lower_instances) > 0
            AND EXISTS (SELECT 1 FROM unnest(d.lower_instances) li, unnest(${d.file_numbers}::text[]) f
                        WHERE position(lower(f) IN lower(li)) > 0
                          AND position(lower(${d.court_name}) IN lower(li)) > 0)
          ORDER BY d.decision_date`.execute(db)
      ).rows.map(({ lower_instances: _, ...rest }) => rest)
    : [];
  return { lower, higher };
}
