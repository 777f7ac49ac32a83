/**
 * Loads the published decisions into the in-memory search index (decision 0026): per decision the facet values as
 * small typed columns, the cited norms, and per lexeme of the full-text vector a posting with its weighted
 * frequency. The lexemes come from the stored `tsvector`, so the index sees exactly the words PostgreSQL stemmed.
 * Decisions are read in pages of BATCH by id, so the document number order is the id order (the SQL tie-break).
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import { parseNormQuery, SECTION_KEY, SIMPLE } from '../norm-query.ts';
import type { Citation } from '../norms.ts';
import type { Facets } from '../search.ts';
import type { Counts } from './count-pass.ts';
import { bitsOf, type SetScratch } from './doc-sets.ts';

const BATCH = 2000;

/** The words of one column, numbered; 0 stands for "no value" (NULL or ''), never counted in a facet. */
export class Dictionary {
  readonly values: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);
  id(value: string | null): number {
    const v = value ?? '';
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.ids.set(v, id);
    }
    return id;
  }
  /** The id of a value, -1 when no decision has it (a filter on it matches nothing). */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }
}

/** One distinct way a norm is cited, with the decisions citing it that way. */
export interface NormVariant {
  book: string | null;
  section: string;
  paragraph: string | null;
  sentence: string | null;
  number: string | null;
  letter: string | null;
  key: string;
  /** a plain citation (no range, no "ff."): matched by its parts, counted in the norm facet */
  simple: boolean;
  sectionKey: string;
  cited: Citation | null;
  docs: number[];
}

export interface Posting {
  docs: Int32Array;
  /** the term's weight in each of these decisions (see `termWeight`) */
  weight: Float32Array;
  /** the same decisions as a bitset, for a term in at least one decision of DENSE (see doc-sets.ts) */
  bits?: Uint32Array;
}

/** A term in at least 1/DENSE of the decisions keeps a bitset too: it then costs at most half its posting again. */
const DENSE = 32;

/**
 * Several values per decision, stored flat: decision i's values are `values[start[i]] … values[start[i + 1] - 1]`.
 * Decisions share few distinct sets of values (legal areas, cited sections), so each decision also names its set
 * (`set[i]`, the values in `setStart`/`setValues` alike): a facet counts sets with one increment per decision and
 * spreads the counts over the values once at the end, instead of a loop of varying length per decision.
 */
export interface MultiColumn {
  start: Int32Array;
  values: Uint16Array;
  set: Int32Array;
  setStart: Int32Array;
  setValues: Uint16Array;
}

export interface SearchIndex {
  version: string;
  size: number;
  /** decision ids in id order: the position in this list is the decision's number in every column */
  ids: string[];
  day: Int32Array;
  year: Uint16Array;
  courtType: Uint16Array;
  land: Uint16Array;
  jurisdiction: Uint16Array;
  decisionType: Uint16Array;
  outcome: Uint16Array;
  areas: MultiColumn;
  exploitation: MultiColumn;
  /** the distinct section keys (ids in `dict.norm`) each decision cites plainly */
  sectionKeys: MultiColumn;
  /** the decisions citing anything as a range or "ff.": all their citations, for the norm facet's completion */
  complexCitations: Map<number, Array<{ cited: Citation | null; simple: boolean }>>;
  /** 1 for a decision in `complexCitations` (read per match, where a map lookup would cost more) */
  complex: Uint8Array;
  normVariants: NormVariant[];
  postings: Map<string, Posting>;
  /**
   * Working memory of a search, allocated once: a search on the index runs synchronously from start to end, so
   * one search never sees another's values.
   */
  /** what searches on this index work out once: parsed norm facet values, the facets of all decisions */
  memo: {
    normQueries: Map<string, Citation | null>;
    allFacets?: Facets;
    /** every decision by date, newest (oldest) first, ties by id */
    newest?: Int32Array;
    oldest?: Int32Array;
  };
  scratch: {
    matches: Int32Array;
    score: Float32Array;
    bitmaps: Uint8Array[];
    sets: SetScratch;
    counts?: Counts;
    /** a decision is among the current search's matches when its mark is `mark` (raised per search) */
    marks: Uint32Array;
    mark: number;
  };
  dict: Record<
    'court_type' | 'land' | 'jurisdiction' | 'year' | 'type' | 'outcome' | 'area' | 'exploitation' | 'norm',
    Dictionary
  >;
}

/** Collects a MultiColumn decision by decision. */
class MultiColumnBuilder {
  private readonly start: number[] = [0];
  private readonly values: number[] = [];
  private readonly set: number[] = [];
  private readonly sets = new Map<string, number>();
  private readonly setStart: number[] = [0];
  private readonly setValues: number[] = [];
  push(ids: Iterable<number>): void {
    const distinct = [...new Set(ids)];
    for (const id of distinct) this.values.push(id);
    this.start.push(this.values.length);
    const key = distinct.sort((a, b) => a - b).join(',');
    let set = this.sets.get(key);
    if (set === undefined) {
      set = this.sets.size;
      this.sets.set(key, set);
      for (const id of distinct) this.setValues.push(id);
      this.setStart.push(this.setValues.length);
    }
    this.set.push(set);
  }
  done(): MultiColumn {
    return {
      start: Int32Array.from(this.start),
      values: Uint16Array.from(this.values),
      set: Int32Array.from(this.set),
      setStart: Int32Array.from(this.setStart),
      setValues: Uint16Array.from(this.setValues),
    };
  }
}

// ts_rank's default weights for the classes A–D (title and headnotes, summary, tenor, the rest)
const CLASS_WEIGHT = [1.0, 0.4, 0.2, 0.1];
// Σ 1/j², as ts_rank lets each further occurrence count less
const INVERSE_SQUARES = (() => {
  const sums = new Float64Array(1025);
  for (let j = 1; j < sums.length; j++) sums[j] = sums[j - 1]! + 1 / (j * j);
  return sums;
})();
const inverseSquares = (n: number) => INVERSE_SQUARES[Math.min(n, 1024)]!;

/**
 * A term's weight in one decision from how often it occurs in each class: occurrences sorted by class weight, the
 * j-th counting its weight / j² (ts_rank's diminishing sum), so a word in the headnotes outweighs any number of
 * occurrences in the reasons.
 */
export function termWeight(counts: readonly number[]): number {
  let weight = 0;
  let before = 0;
  for (let k = 0; k < 4; k++) {
    const n = counts[k]!;
    if (n === 0) continue;
    weight += CLASS_WEIGHT[k]! * (inverseSquares(before + n) - inverseSquares(before));
    before += n;
  }
  return weight;
}

interface DecisionRow {
  id: string;
  court_type: string;
  land: string | null;
  jurisdiction: string;
  day: number;
  year: number;
  legal_areas: string[];
  exploitation: string[];
  decision_type: string;
  outcome: string;
  lexemes: string[];
  class_counts: number[];
}

interface NormRow {
  decision_id: string;
  book: string | null;
  section: string;
  paragraph: string | null;
  sentence: string | null;
  number: string | null;
  letter: string | null;
  norm_key: string;
  section_key: string;
  simple: boolean;
}

/** Reads every published decision (in pages, no long transaction) into a new index labelled `version`. */
export async function buildSearchIndex(db: Db, version: string): Promise<SearchIndex> {
  const dict = {
    court_type: new Dictionary(),
    land: new Dictionary(),
    jurisdiction: new Dictionary(),
    year: new Dictionary(),
    type: new Dictionary(),
    outcome: new Dictionary(),
    area: new Dictionary(),
    exploitation: new Dictionary(),
    norm: new Dictionary(),
  };
  const ids: string[] = [];
  const columns = {
    day: [] as number[],
    year: [] as number[],
    courtType: [] as number[],
    land: [] as number[],
    jurisdiction: [] as number[],
    decisionType: [] as number[],
    outcome: [] as number[],
  };
  const areas = new MultiColumnBuilder();
  const exploitation = new MultiColumnBuilder();
  const sectionKeys = new MultiColumnBuilder();
  const complexCitations = new Map<number, Array<{ cited: Citation | null; simple: boolean }>>();
  const variants = new Map<string, NormVariant>();
  const postingLists = new Map<string, { docs: number[]; weight: number[] }>();

  let last = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = await sql<DecisionRow>`
      SELECT d.id::text AS id, c.type AS court_type, c.land, c.jurisdiction,
        (d.decision_date - DATE '1970-01-01')::int AS day, extract(year FROM d.decision_date)::int AS year,
        d.legal_areas, d.exploitation, d.decision_type, d.outcome,
        ARRAY(SELECT u.lexeme FROM unnest(d.search) WITH ORDINALITY u(lexeme, positions, weights, i)
              ORDER BY u.i) AS lexemes,
        ARRAY(SELECT v.n FROM unnest(d.search) WITH ORDINALITY u(lexeme, positions, weights, i),
                LATERAL (VALUES (1, cardinality(array_positions(u.weights, 'A'))),
                                (2, cardinality(array_positions(u.weights, 'B'))),
                                (3, cardinality(array_positions(u.weights, 'C'))),
                                (4, cardinality(array_positions(u.weights, 'D')))) v(k, n)
              ORDER BY u.i, v.k) AS class_counts
      FROM caselaw_decisions d JOIN caselaw_courts c ON c.id = d.court_id
      WHERE d.status = 'published' AND d.id > ${last}::uuid
      ORDER BY d.id LIMIT ${BATCH}`.execute(db);
    const rows = page.rows;
    if (rows.length === 0) break;
    const first = ids.length;
    const docOf = new Map<string, number>();
    for (const r of rows) {
      const doc = ids.length;
      ids.push(r.id);
      docOf.set(r.id, doc);
      columns.day.push(Number(r.day));
      columns.year.push(dict.year.id(String(r.year)));
      columns.courtType.push(dict.court_type.id(r.court_type));
      columns.land.push(dict.land.id(r.land));
      columns.jurisdiction.push(dict.jurisdiction.id(r.jurisdiction));
      columns.decisionType.push(dict.type.id(r.decision_type));
      columns.outcome.push(dict.outcome.id(r.outcome));
      areas.push(r.legal_areas.map((a) => dict.area.id(a)));
      exploitation.push(r.exploitation.map((e) => dict.exploitation.id(e)));
      for (let i = 0; i < r.lexemes.length; i++) {
        const lexeme = r.lexemes[i]!;
        let list = postingLists.get(lexeme);
        if (!list) {
          list = { docs: [], weight: [] };
          postingLists.set(lexeme, list);
        }
        list.docs.push(doc);
        list.weight.push(termWeight(r.class_counts.slice(i * 4, i * 4 + 4).map(Number)));
      }
    }
    last = rows[rows.length - 1]!.id;
    const norms = await sql<NormRow>`
      SELECT n.decision_id::text AS decision_id, n.book, n.section, n.paragraph, n.sentence, n.number, n.letter,
        n.norm_key, ${SECTION_KEY} AS section_key, ${SIMPLE} AS simple
      FROM caselaw_decision_norms n
      WHERE n.decision_id >= ${rows[0]!.id}::uuid AND n.decision_id <= ${last}::uuid`.execute(db);
    const plainKeys = new Map<number, Set<number>>();
    for (const n of norms.rows) {
      const doc = docOf.get(n.decision_id);
      if (doc === undefined) continue; // a draft's norms
      const variantKey = JSON.stringify([
        n.book,
        n.section,
        n.paragraph,
        n.sentence,
        n.number,
        n.letter,
        n.norm_key,
      ]);
      let variant = variants.get(variantKey);
      if (!variant) {
        variant = {
          book: n.book,
          section: n.section,
          paragraph: n.paragraph,
          sentence: n.sentence,
          number: n.number,
          letter: n.letter,
          key: n.norm_key,
          simple: n.simple,
          sectionKey: n.section_key,
          cited: parseNormQuery(n.norm_key),
          docs: [],
        };
        variants.set(variantKey, variant);
      }
      if (variant.docs[variant.docs.length - 1] !== doc) variant.docs.push(doc);
      if (n.simple) {
        const keys = plainKeys.get(doc) ?? new Set<number>();
        keys.add(dict.norm.id(n.section_key));
        plainKeys.set(doc, keys);
      }
    }
    for (let doc = first; doc < ids.length; doc++) sectionKeys.push(plainKeys.get(doc) ?? []);
    for (const n of norms.rows) {
      const doc = docOf.get(n.decision_id);
      if (doc === undefined || n.simple) continue;
      complexCitations.set(doc, []);
    }
    for (const n of norms.rows) {
      const list = complexCitations.get(docOf.get(n.decision_id) ?? -1);
      list?.push({ cited: parseNormQuery(n.norm_key), simple: n.simple });
    }
    if (rows.length < BATCH) break;
  }

  const postings = new Map<string, Posting>();
  for (const [lexeme, list] of postingLists) {
    const docs = Int32Array.from(list.docs);
    const bits = docs.length * DENSE >= ids.length ? bitsOf(docs, ids.length) : undefined;
    postings.set(lexeme, { docs, weight: Float32Array.from(list.weight), bits });
  }
  return {
    version,
    size: ids.length,
    ids,
    day: Int32Array.from(columns.day),
    year: Uint16Array.from(columns.year),
    courtType: Uint16Array.from(columns.courtType),
    land: Uint16Array.from(columns.land),
    jurisdiction: Uint16Array.from(columns.jurisdiction),
    decisionType: Uint16Array.from(columns.decisionType),
    outcome: Uint16Array.from(columns.outcome),
    areas: areas.done(),
    exploitation: exploitation.done(),
    sectionKeys: sectionKeys.done(),
    complexCitations,
    complex: (() => {
      const flags = new Uint8Array(ids.length);
      for (const doc of complexCitations.keys()) flags[doc] = 1;
      return flags;
    })(),
    normVariants: [...variants.values()],
    postings,
    memo: { normQueries: new Map() },
    scratch: {
      matches: new Int32Array(ids.length),
      score: new Float32Array(ids.length),
      bitmaps: [],
      sets: { size: ids.length, lists: [], bitsets: [] },
      marks: new Uint32Array(ids.length),
      mark: 0,
    },
    dict,
  };
}
