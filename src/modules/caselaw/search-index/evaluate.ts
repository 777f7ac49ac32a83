/**
 * A search answered from the in-memory index (decision 0026): the same matching set, totals, facets and page as the
 * SQL search in `../search.ts`, computed in one pass over the matching decisions instead of reading their rows. A
 * facet counts a decision when every active filter except its own holds (multi-select semantics), so each count is
 * the total of the search with that value chosen.
 */
import { keyPrefix, parseNormQuery } from '../norm-query.ts';
import { type Citation, normMatches } from '../norms.ts';
import type { Facets, FacetValue, SearchParams } from '../search.ts';
import type { MultiColumn, SearchIndex } from './build.ts';
import type { TsqueryNode } from './tsquery.ts';
import { positiveLexemes } from './tsquery.ts';

/** How many norms the norm facet considers before adding ranges and "ff." citations (as the SQL search). */
const NORM_CANDIDATES = 20;
const NORM_FACET_SIZE = 10;

export interface IndexedOutcome {
  total: number;
  facets: Facets;
  pageIds: string[];
  /** the lexemes to mark in snippets (none for a search without words) */
  lexemes: Set<string>;
}

// one bit per filter, to tell which filters a decision fails
const COURT = 1;
const LAND = 2;
const JURISDICTION = 4;
const YEAR = 8;
const AREA = 16;
const EXPLOITATION = 32;
const NORM = 64;
const TYPE = 128;
const OUTCOME = 256;

/**
 * Writes into `out` (a byte per decision) which decisions a tsquery tree matches. Intermediate sets come from the
 * index's working memory (`bitmap(depth)`), so a search allocates no decision-sized arrays: the heap holds the
 * whole index, and every large allocation would make the garbage collector walk it again.
 */
function matchTree(index: SearchIndex, node: TsqueryNode, out: Uint8Array, depth: number): void {
  if (node.op === 'term') {
    out.fill(0);
    const posting = index.postings.get(node.lexeme);
    if (posting) for (const doc of posting.docs) out[doc] = 1;
  } else if (node.op === 'not') {
    matchTree(index, node.arg, out, depth);
    for (let i = 0; i < out.length; i++) out[i] = out[i]! ^ 1;
  } else {
    matchTree(index, node.left, out, depth);
    const right = bitmap(index, depth);
    matchTree(index, node.right, right, depth + 1);
    if (node.op === 'and') for (let i = 0; i < out.length; i++) out[i] = out[i]! & right[i]!;
    else for (let i = 0; i < out.length; i++) out[i] = out[i]! | right[i]!;
  }
}

/**
 * The matching decisions as an ascending list, for trees of terms joined by AND and OR with NOT only right of an
 * AND ("a -b"), the usual queries: merging posting lists touches only the decisions that contain the words, where
 * a bitmap visits every decision. Null for other trees (the bitmap decides them). Results are written into the
 * index's working lists (`list(depth)`); a term answers with its posting list itself.
 */
function matchList(index: SearchIndex, node: TsqueryNode, depth: number): Int32Array | null {
  if (node.op === 'term') return index.postings.get(node.lexeme)?.docs ?? EMPTY;
  if (node.op === 'not') return null;
  const left = matchList(index, node.left, depth + 1);
  if (left === null) return null;
  const negated = node.op === 'and' && node.right.op === 'not';
  const right = matchList(index, negated ? (node.right as { arg: TsqueryNode }).arg : node.right, depth + 2);
  if (right === null) return null;
  const out = list(index, depth);
  let size = 0;
  let i = 0;
  let j = 0;
  if (node.op === 'or') {
    while (i < left.length || j < right.length) {
      const a = i < left.length ? left[i]! : Number.MAX_SAFE_INTEGER;
      const b = j < right.length ? right[j]! : Number.MAX_SAFE_INTEGER;
      out[size++] = Math.min(a, b);
      if (a <= b) i++;
      if (b <= a) j++;
    }
  } else if (negated) {
    for (; i < left.length; i++) {
      const a = left[i]!;
      while (j < right.length && right[j]! < a) j++;
      if (j >= right.length || right[j] !== a) out[size++] = a;
    }
  } else {
    while (i < left.length && j < right.length) {
      const a = left[i]!;
      const b = right[j]!;
      if (a === b) out[size++] = a;
      if (a <= b) i++;
      if (b <= a) j++;
    }
  }
  return out.subarray(0, size);
}

const EMPTY = new Int32Array(0);

function list(index: SearchIndex, depth: number): Int32Array {
  const { lists } = index.scratch;
  while (lists.length <= depth) lists.push(new Int32Array(index.size));
  return lists[depth]!;
}

/** The index's working bitmap number `depth` (0: the text match, 1…: intermediate sets, last: the norm match). */
function bitmap(index: SearchIndex, depth: number): Uint8Array {
  const { bitmaps } = index.scratch;
  while (bitmaps.length <= depth) bitmaps.push(new Uint8Array(index.size));
  return bitmaps[depth]!;
}

/** The decisions citing the norm `query`, decided as the SQL search's norm condition decides it. */
function matchNorm(index: SearchIndex, query: Citation, set: Uint8Array): Uint8Array {
  set.fill(0);
  const inCodeOnly = Boolean(query.range_end || query.following);
  const prefix = keyPrefix(query);
  const section = query.section.toLowerCase();
  const levels = (['paragraph', 'sentence', 'number', 'letter'] as const).filter((l) => query[l] !== null);
  for (const v of index.normVariants) {
    if (v.book !== query.book) continue;
    let hit: boolean;
    if (inCodeOnly || !v.simple) {
      hit = v.cited !== null && normMatches(query, v.cited);
    } else {
      hit =
        v.section.toLowerCase() === section &&
        v.key.startsWith(prefix) &&
        levels.every((l) => (v[l] ?? '').toLowerCase() === query[l]!.toLowerCase() && v[l] !== null);
    }
    if (hit) for (const doc of v.docs) set[doc] = 1;
  }
  return set;
}

function isoDay(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

function hasValue(column: MultiColumn, doc: number, id: number): boolean {
  for (let i = column.start[doc]!, end = column.start[doc + 1]!; i < end; i++)
    if (column.values[i] === id) return true;
  return false;
}

function countValues(column: MultiColumn, doc: number, counts: Int32Array): void {
  for (let i = column.start[doc]!, end = column.start[doc + 1]!; i < end; i++) counts[column.values[i]!]!++;
}

/** No filter on this facet (a filter on a value no decision has is -1 and matches nothing). */
const NO_FILTER = -2;

/** Compares two decisions for the page: rank, then date, then id (document order is id order). */
type Order = (a: number, b: number) => number;

/** The first `k` decisions of `docs` by `order`, without sorting them all. */
function firstK(docs: Int32Array, count: number, k: number, order: Order): number[] {
  // deep pages: sorting everything is cheaper than keeping thousands in order
  if (k > 1000) return Array.from(docs.subarray(0, count)).sort(order).slice(0, k);
  const top: number[] = [];
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!;
    if (top.length === k && order(doc, top[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(top[mid]!, doc) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, doc);
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * The search on the index. `tree` is the parsed tsquery of the text part (null when there is none, `empty` when
 * it held only stop words and so matches nothing); fielded terms are not handled here.
 */
export function searchIndex(
  index: SearchIndex,
  p: SearchParams,
  tree: TsqueryNode | { empty: true } | null,
): IndexedOutcome {
  const n = index.size;
  const { dict } = index;
  // the decisions to look at: those of the text's posting lists where it can, else every one with a bitmap
  let text: Uint8Array | null = null;
  let candidates: Int32Array | null = null;
  if (tree !== null) {
    if ('empty' in tree) candidates = EMPTY;
    else candidates = matchList(index, tree, 0);
    if (candidates === null) {
      text = bitmap(index, 0);
      matchTree(index, tree as TsqueryNode, text, 2);
    }
  }
  const normQuery = p.norm ? parseNormQuery(p.norm) : null;
  const norm = normQuery ? matchNorm(index, normQuery, bitmap(index, 1)) : null;
  const from = p.from ? isoDay(p.from) : Number.NEGATIVE_INFINITY;
  const to = p.to ? isoDay(p.to) : Number.POSITIVE_INFINITY;
  const wanted = (d: { find(v: string): number }, v: string | number | undefined) =>
    v === undefined ? NO_FILTER : d.find(String(v));
  const court = wanted(dict.court_type, p.court_type);
  const land = wanted(dict.land, p.land);
  const jurisdiction = wanted(dict.jurisdiction, p.jurisdiction);
  const year = wanted(dict.year, p.year);
  const area = wanted(dict.area, p.area);
  const exploitation = wanted(dict.exploitation, p.exploitation);
  const type = wanted(dict.type, p.type);
  const outcome = wanted(dict.outcome, p.outcome);

  const size = (d: { values: string[] }) => new Int32Array(d.values.length);
  const counts = {
    court_type: size(dict.court_type),
    land: size(dict.land),
    jurisdiction: size(dict.jurisdiction),
    year: size(dict.year),
    area: size(dict.area),
    exploitation: size(dict.exploitation),
    norm: size(dict.norm),
    type: size(dict.type),
    outcome: size(dict.outcome),
  };
  const { matches } = index.scratch;
  let total = 0;
  // decisions that count for the norm facet and cite a range or "ff." (completed below)
  const normFacetComplex: number[] = [];

  // one pass: the typed columns are read in place (held in locals, so the loop reads registers, not properties),
  // nothing is allocated per decision
  const { day: days, courtType, land: lands, jurisdiction: jurisdictions, year: years } = index;
  const { decisionType, outcome: outcomes, areas, exploitation: exploitations, sectionKeys } = index;
  const cCourt = counts.court_type;
  const cLand = counts.land;
  const cJurisdiction = counts.jurisdiction;
  const cYear = counts.year;
  const cType = counts.type;
  const cOutcome = counts.outcome;
  const cArea = counts.area;
  const cExploitation = counts.exploitation;
  const cNorm = counts.norm;
  const { start: areaStart, values: areaValues } = areas;
  const { start: exploitationStart, values: exploitationValues } = exploitations;
  const { start: normStart, values: normValues } = sectionKeys;
  const hasComplex = index.complexCitations.size > 0;
  const count = candidates === null ? n : candidates.length;
  for (let k = 0; k < count; k++) {
    const doc = candidates === null ? k : candidates[k]!;
    if (text !== null && text[doc] === 0) continue;
    const day = days[doc]!;
    if (day < from || day > to) continue;
    let failed = 0;
    if (court !== NO_FILTER && courtType[doc] !== court) failed |= COURT;
    if (land !== NO_FILTER && lands[doc] !== land) failed |= LAND;
    if (jurisdiction !== NO_FILTER && jurisdictions[doc] !== jurisdiction) failed |= JURISDICTION;
    if (year !== NO_FILTER && years[doc] !== year) failed |= YEAR;
    if (area !== NO_FILTER && !hasValue(areas, doc, area)) failed |= AREA;
    if (exploitation !== NO_FILTER && !hasValue(exploitations, doc, exploitation)) failed |= EXPLOITATION;
    if (norm !== null && norm[doc] === 0) failed |= NORM;
    if (type !== NO_FILTER && decisionType[doc] !== type) failed |= TYPE;
    if (outcome !== NO_FILTER && outcomes[doc] !== outcome) failed |= OUTCOME;
    // a facet counts the decision when nothing but its own filter fails
    if (failed === 0) {
      matches[total++] = doc;
      cCourt[courtType[doc]!]!++;
      cLand[lands[doc]!]!++;
      cJurisdiction[jurisdictions[doc]!]!++;
      cYear[years[doc]!]!++;
      cType[decisionType[doc]!]!++;
      cOutcome[outcomes[doc]!]!++;
      for (let i = areaStart[doc]!, end = areaStart[doc + 1]!; i < end; i++) cArea[areaValues[i]!]!++;
      for (let i = exploitationStart[doc]!, end = exploitationStart[doc + 1]!; i < end; i++)
        cExploitation[exploitationValues[i]!]!++;
      for (let i = normStart[doc]!, end = normStart[doc + 1]!; i < end; i++) cNorm[normValues[i]!]!++;
      if (hasComplex && index.complexCitations.has(doc)) normFacetComplex.push(doc);
      continue;
    }
    if (failed & (failed - 1)) continue;
    if (failed === COURT) cCourt[courtType[doc]!]!++;
    else if (failed === LAND) cLand[lands[doc]!]!++;
    else if (failed === JURISDICTION) cJurisdiction[jurisdictions[doc]!]!++;
    else if (failed === YEAR) cYear[years[doc]!]!++;
    else if (failed === TYPE) cType[decisionType[doc]!]!++;
    else if (failed === OUTCOME) cOutcome[outcomes[doc]!]!++;
    else if (failed === AREA) countValues(areas, doc, counts.area);
    else if (failed === EXPLOITATION) countValues(exploitations, doc, counts.exploitation);
    else if (failed === NORM) {
      countValues(sectionKeys, doc, counts.norm);
      if (index.complexCitations.has(doc)) normFacetComplex.push(doc);
    }
  }

  const listed = (d: { values: string[] }, c: Int32Array): FacetValue[] => {
    const out: FacetValue[] = [];
    for (let id = 1; id < c.length; id++) if (c[id]! > 0) out.push({ value: d.values[id]!, count: c[id]! });
    return out;
  };
  const facets: Facets = {
    court_type: listed(dict.court_type, counts.court_type),
    land: listed(dict.land, counts.land),
    jurisdiction: listed(dict.jurisdiction, counts.jurisdiction),
    year: listed(dict.year, counts.year),
    area: listed(dict.area, counts.area),
    exploitation: listed(dict.exploitation, counts.exploitation),
    norm: completeNormFacet(index, listed(dict.norm, counts.norm), normFacetComplex),
    type: listed(dict.type, counts.type),
    outcome: listed(dict.outcome, counts.outcome),
  };

  const pageIds = page(index, p, tree, matches, total);
  const lexemes = tree === null || 'empty' in tree ? new Set<string>() : positiveLexemes(tree);
  return { total, facets, pageIds, lexemes };
}

/**
 * The most cited provisions, with the decisions that cite one only through a range or "ff." added (as the SQL
 * search does, so each count equals the total of the search with that norm chosen).
 */
function completeNormFacet(index: SearchIndex, plain: FacetValue[], complexDocs: number[]): FacetValue[] {
  const candidates = plain
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, NORM_CANDIDATES);
  const out = candidates.map((v) => {
    const query = parseNormQuery(v.value);
    if (!query) return v;
    let extra = 0;
    for (const doc of complexDocs) {
      const cited = index.complexCitations.get(doc)!;
      const plainHit = cited.some((r) => r.simple && r.cited && normMatches(query, r.cited));
      if (!plainHit && cited.some((r) => !r.simple && r.cited && normMatches(query, r.cited))) extra++;
    }
    return { value: v.value, count: v.count + extra };
  });
  return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, NORM_FACET_SIZE);
}

/** The ids of the requested page: by own relevance score (see build.ts `termWeight`), by date, then by id. */
function page(
  index: SearchIndex,
  p: SearchParams,
  tree: TsqueryNode | { empty: true } | null,
  matches: Int32Array,
  total: number,
): string[] {
  const hasText = tree !== null && !('empty' in tree);
  const sort = p.sort ?? (p.q ? 'relevance' : 'newest');
  const offset = (p.page - 1) * p.per_page;
  if (offset >= total) return [];
  let order: Order;
  if (sort === 'oldest') {
    order = (a, b) => index.day[a]! - index.day[b]! || a - b;
  } else if (sort === 'relevance' && hasText) {
    const { score } = index.scratch;
    // only the matching decisions' scores are read: only they start from 0 (the others keep stale values)
    for (let i = 0; i < total; i++) score[matches[i]!] = 0;
    for (const lexeme of positiveLexemes(tree as TsqueryNode)) {
      const posting = index.postings.get(lexeme);
      if (!posting) continue;
      for (let i = 0; i < posting.docs.length; i++) score[posting.docs[i]!]! += posting.weight[i]!;
    }
    order = (a, b) => score[b]! - score[a]! || index.day[b]! - index.day[a]! || a - b;
  } else {
    order = (a, b) => index.day[b]! - index.day[a]! || a - b;
  }
  return firstK(matches, total, offset + p.per_page, order)
    .slice(offset)
    .map((doc) => index.ids[doc]!);
}
