/**
 * A search answered from the in-memory index (decision 0026): the same matching set, totals, facets and page as the
 * SQL search in `../search.ts`, computed in one pass over the matching decisions instead of reading their rows. A
 * facet counts a decision when every active filter except its own holds (multi-select semantics), so each count is
 * the total of the search with that value chosen.
 */
import { keyPrefix, parseNormQuery } from '../norm-query.ts';
import { type Citation, normMatches } from '../norms.ts';
import type { Facets, FacetValue, SearchParams } from '../search.ts';
import type { SearchIndex } from './build.ts';
import { countFiltered, countUnfiltered, hasValue, NO_FILTER, newCounts, spreadSets } from './count-pass.ts';
import {
  complement,
  type DocSet,
  EMPTY_SET,
  intersect,
  listOf,
  seek,
  subtract,
  unite,
  workingList,
} from './doc-sets.ts';
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

/** The decisions a tsquery tree matches, as a set (see doc-sets.ts); `depth` numbers the working buffers. */
function matchSet(index: SearchIndex, node: TsqueryNode, depth: number): DocSet {
  const scratch = index.scratch.sets;
  if (node.op === 'term') {
    const posting = index.postings.get(node.lexeme);
    if (!posting) return EMPTY_SET;
    return posting.bits ? { bits: posting.bits } : { list: posting.docs };
  }
  if (node.op === 'not') return complement(scratch, matchSet(index, node.arg, depth + 1), depth);
  // the left side's result stays in buffers of depth + 1 while the right side works at depth + 2 and deeper
  const left = matchSet(index, node.left, depth + 1);
  if (node.op === 'and' && node.right.op === 'not')
    return subtract(scratch, left, matchSet(index, node.right.arg, depth + 2), depth);
  const right = matchSet(index, node.right, depth + 2);
  return node.op === 'and' ? intersect(scratch, left, right, depth) : unite(scratch, left, right, depth);
}

/** The working byte map for the norm match (one byte per decision). */
function bitmap(index: SearchIndex): Uint8Array {
  const { bitmaps } = index.scratch;
  if (bitmaps.length === 0) bitmaps.push(new Uint8Array(index.size));
  return bitmaps[0]!;
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

/** Compares two decisions for the page: rank, then date, then id (document order is id order). */
type Order = (a: number, b: number) => number;

/** -1, 0 or 1: small integers, where a difference of scores would be a fresh heap number per comparison. */
const compare = (x: number, y: number) => (x < y ? -1 : x > y ? 1 : 0);

/**
 * The first `k` decisions of `docs` by `order`, without sorting them all. `first[doc]` is the order's first key,
 * larger first when `sign` is 1, smaller first when -1: most decisions are turned away by it without a call.
 */
function firstK(
  docs: Int32Array,
  count: number,
  k: number,
  order: Order,
  first: Float32Array | Int32Array,
  sign: 1 | -1,
): number[] {
  // deep pages: sorting everything is cheaper than keeping thousands in order
  if (k > 1000) return Array.from(docs.subarray(0, count)).sort(order).slice(0, k);
  const top: number[] = [];
  for (let i = 0; i < count; i++) {
    const doc = docs[i]!;
    if (top.length === k) {
      const worst = top[k - 1]!;
      const ahead = sign * (first[doc]! - first[worst]!);
      if (ahead < 0 || (ahead === 0 && order(doc, worst) >= 0)) continue;
    }
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
  // the decisions to look at: those matching the text, else every one
  let candidates: Int32Array | null = null;
  if (tree !== null)
    candidates = 'empty' in tree ? EMPTY_SET.list! : listOf(index.scratch.sets, matchSet(index, tree, 0), 0);
  const normQuery = p.norm ? parseNormQuery(p.norm) : null;
  const norm = normQuery ? matchNorm(index, normQuery, bitmap(index)) : null;
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

  // Without words and dates, the facet of the only active filter counts every decision (its own filter is the
  // only one): its values are those of the facets of all decisions, worked out once per index, and only the
  // decisions passing the filter need a visit. With no filter at all, the facets are those of all decisions.
  const filters: Record<keyof Facets, number> = {
    court_type: court,
    land,
    jurisdiction,
    year,
    area,
    exploitation,
    norm: norm ? 0 : NO_FILTER,
    type,
    outcome,
  };
  const active = (Object.keys(filters) as Array<keyof Facets>).filter((k) => filters[k] !== NO_FILTER);
  const unrestricted = tree === null && !p.from && !p.to;
  const solo = unrestricted && active.length === 1 ? active[0]! : null;
  if (solo && !index.memo.allFacets)
    index.memo.allFacets = searchIndex(index, { page: 1, per_page: 1 }, null).facets;
  if (unrestricted && active.length === 0 && index.memo.allFacets) {
    // every decision in date order, sorted once per index (the start page of the search)
    const offset = (p.page - 1) * p.per_page;
    const pageIds = Array.from(
      byDate(index, p.sort === 'oldest').subarray(offset, offset + p.per_page),
      (doc) => index.ids[doc]!,
    );
    return { total: n, facets: copyFacets(index.memo.allFacets), pageIds, lexemes: new Set() };
  }
  // the only filter's decisions are the matches, and each counts in every other facet
  if (solo) candidates = docsPassing(index, solo, filters[solo]!, norm, workingList(index.scratch.sets, 0));

  const counts = newCounts(index);
  const pass = { index, candidates, filters, norm, from, to, counts };
  const { total, normFacetComplex } =
    solo || (active.length === 0 && from === Number.NEGATIVE_INFINITY && to === Number.POSITIVE_INFINITY)
      ? countUnfiltered(pass)
      : countFiltered(pass);
  spreadSets(index, counts);

  const listed = (d: { values: string[] }, c: Int32Array): FacetValue[] => {
    const out: FacetValue[] = [];
    for (let id = 1; id < c.length; id++) if (c[id]! > 0) out.push({ value: d.values[id]!, count: c[id]! });
    return out;
  };
  const facets: Facets = {
    court_type: listed(dict.court_type, counts.values.court_type),
    land: listed(dict.land, counts.values.land),
    jurisdiction: listed(dict.jurisdiction, counts.values.jurisdiction),
    year: listed(dict.year, counts.values.year),
    area: listed(dict.area, counts.values.area),
    exploitation: listed(dict.exploitation, counts.values.exploitation),
    norm: completeNormFacet(index, listed(dict.norm, counts.values.norm), normFacetComplex),
    type: listed(dict.type, counts.values.type),
    outcome: listed(dict.outcome, counts.values.outcome),
  };

  if (solo) facets[solo] = [...index.memo.allFacets![solo]];
  if (unrestricted && active.length === 0) index.memo.allFacets = copyFacets(facets);

  const pageIds = page(index, p, tree, index.scratch.matches, total);
  const lexemes = tree === null || 'empty' in tree ? new Set<string>() : positiveLexemes(tree);
  return { total, facets, pageIds, lexemes };
}

/** Every decision by date, newest (or oldest) first, ties by id: sorted once per index. */
function byDate(index: SearchIndex, oldest: boolean): Int32Array {
  const key = oldest ? 'oldest' : 'newest';
  const known = index.memo[key];
  if (known) return known;
  const { day } = index;
  const docs = Array.from({ length: index.size }, (_, doc) => doc);
  const sorted = Int32Array.from(
    oldest
      ? docs.sort((a, b) => compare(day[a]!, day[b]!) || a - b)
      : docs.sort((a, b) => compare(day[b]!, day[a]!) || a - b),
  );
  index.memo[key] = sorted;
  return sorted;
}

function copyFacets(facets: Facets): Facets {
  const copy = { ...facets };
  for (const k of Object.keys(copy) as Array<keyof Facets>) copy[k] = [...copy[k]];
  return copy;
}

/** The decisions passing the filter on `facet` (value id `wanted`; the norm's byte map for the norm), ascending. */
function docsPassing(
  index: SearchIndex,
  facet: keyof Facets,
  wanted: number,
  norm: Uint8Array | null,
  out: Int32Array,
): Int32Array {
  let size = 0;
  if (facet === 'norm') {
    for (let doc = 0; doc < index.size; doc++) if (norm![doc] === 1) out[size++] = doc;
  } else if (facet === 'area' || facet === 'exploitation') {
    const column = facet === 'area' ? index.areas : index.exploitation;
    for (let doc = 0; doc < index.size; doc++) if (hasValue(column, doc, wanted)) out[size++] = doc;
  } else {
    const column = {
      court_type: index.courtType,
      land: index.land,
      jurisdiction: index.jurisdiction,
      year: index.year,
      type: index.decisionType,
      outcome: index.outcome,
    }[facet];
    for (let doc = 0; doc < index.size; doc++) if (column[doc] === wanted) out[size++] = doc;
  }
  return out.subarray(0, size);
}

/**
 * The most cited provisions, with the decisions that cite one only through a range or "ff." added (as the SQL
 * search does, so each count equals the total of the search with that norm chosen).
 */
function completeNormFacet(index: SearchIndex, plain: FacetValue[], complexDocs: number[]): FacetValue[] {
  const candidates = plain
    .sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0))
    .slice(0, NORM_CANDIDATES);
  const { normQueries } = index.memo;
  const out = candidates.map((v) => {
    let query = normQueries.get(v.value);
    if (query === undefined) {
      query = parseNormQuery(v.value);
      normQueries.set(v.value, query);
    }
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
  const byRelevance = sort === 'relevance' && hasText;
  // many matches in date order: walk every decision in that order and take the matches, a few steps per result
  if (!byRelevance && total * 16 >= index.size) {
    const { marks } = index.scratch;
    const mark = ++index.scratch.mark;
    for (let i = 0; i < total; i++) marks[matches[i]!] = mark;
    const all = byDate(index, sort === 'oldest');
    const wanted = Math.min(total, offset + p.per_page);
    const out: string[] = [];
    for (let i = 0, taken = 0; taken < wanted; i++) {
      const doc = all[i]!;
      if (marks[doc] !== mark) continue;
      if (taken++ >= offset) out.push(index.ids[doc]!);
    }
    return out;
  }
  const { day } = index;
  let order: Order;
  let first: Float32Array | Int32Array = day;
  let sign: 1 | -1 = 1;
  if (sort === 'oldest') {
    order = (a, b) => compare(day[a]!, day[b]!) || a - b;
    sign = -1;
  } else if (byRelevance) {
    const { score } = index.scratch;
    // only the matching decisions' scores are read: only they start from 0 (the others keep stale values)
    for (let i = 0; i < total; i++) score[matches[i]!] = 0;
    // each match is looked up in each word's posting by galloping search where the posting is much longer: a few
    // matches in a long posting cost a few lookups, not a walk through the posting
    for (const lexeme of positiveLexemes(tree as TsqueryNode)) {
      const posting = index.postings.get(lexeme);
      if (!posting) continue;
      const { docs, weight } = posting;
      if (docs.length <= total * 4) {
        // most of the posting matches: adding every weight (read only for the matches) is cheaper than lookups
        for (let i = 0; i < total; i++) score[docs[i]!]! += weight[i]!;
        continue;
      }
      for (let i = 0, j = 0; i < total && j < docs.length; i++) {
        const doc = matches[i]!;
        j = seek(docs, j, doc);
        if (docs[j] === doc) score[doc]! += weight[j]!;
      }
    }
    order = (a, b) => compare(score[b]!, score[a]!) || compare(day[b]!, day[a]!) || a - b;
    first = score;
  } else {
    order = (a, b) => compare(day[b]!, day[a]!) || a - b;
  }
  return firstK(matches, total, offset + p.per_page, order, first, sign)
    .slice(offset)
    .map((doc) => index.ids[doc]!);
}
