/**
 * The pass over the decisions to look at that yields the matches and every facet's counts (decision 0026). Only
 * the typed columns are read, held in locals, and nothing is allocated per decision; a multi-value facet counts
 * each decision's set of values (see `MultiColumn`) and spreads the counts over the values once at the end. The
 * loops are functions of their own, so the engine optimises each alone: inside the large search function, code
 * after a loop that had not yet run sent every search back to the interpreter.
 */
import type { Facets } from '../search.ts';
import type { MultiColumn, SearchIndex } from './build.ts';

/** No filter on this facet (a filter on a value no decision has is -1 and matches nothing). */
export const NO_FILTER = -2;

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

/** Per facet a count per value id; the multi-value facets count per set of values first (`sets`). */
export interface Counts {
  values: Record<keyof Facets, Int32Array>;
  sets: { area: Int32Array; exploitation: Int32Array; norm: Int32Array };
}

/**
 * Zeroed counts for a search. The arrays are the index's working memory (a search runs synchronously from start to
 * end): fresh arrays per search, several kilobytes for the sets of cited sections, made the garbage collector run
 * every few dozen searches.
 */
export function newCounts(index: SearchIndex): Counts {
  const { dict } = index;
  const size = (d: { values: string[] }) => new Int32Array(d.values.length);
  const sets = (c: MultiColumn) => new Int32Array(c.setStart.length - 1);
  index.scratch.counts ??= {
    values: {
      court_type: size(dict.court_type),
      land: size(dict.land),
      jurisdiction: size(dict.jurisdiction),
      year: size(dict.year),
      area: size(dict.area),
      exploitation: size(dict.exploitation),
      norm: size(dict.norm),
      type: size(dict.type),
      outcome: size(dict.outcome),
    },
    sets: { area: sets(index.areas), exploitation: sets(index.exploitation), norm: sets(index.sectionKeys) },
  };
  const counts = index.scratch.counts;
  for (const c of Object.values(counts.values)) c.fill(0);
  for (const c of Object.values(counts.sets)) c.fill(0);
  return counts;
}

/** Adds the counts of each set of values to the values in it. */
export function spreadSets(index: SearchIndex, counts: Counts): void {
  const spread = (column: MultiColumn, perSet: Int32Array, perValue: Int32Array) => {
    for (let set = 0; set < perSet.length; set++) {
      const n = perSet[set]!;
      if (n === 0) continue;
      for (let i = column.setStart[set]!, end = column.setStart[set + 1]!; i < end; i++)
        perValue[column.setValues[i]!]! += n;
    }
  };
  spread(index.areas, counts.sets.area, counts.values.area);
  spread(index.exploitation, counts.sets.exploitation, counts.values.exploitation);
  spread(index.sectionKeys, counts.sets.norm, counts.values.norm);
}

export interface Pass {
  index: SearchIndex;
  /** the decisions to look at, ascending; null: every decision */
  candidates: Int32Array | null;
  /** per facet the value id its filter asks for, or NO_FILTER (norm: 0 when `norm` is set) */
  filters: Record<keyof Facets, number>;
  /** a byte per decision: 1 when it cites the filtered norm */
  norm: Uint8Array | null;
  from: number;
  to: number;
  counts: Counts;
}

export interface Passed {
  total: number;
  /** decisions that count for the norm facet and cite a range or "ff." (the norm facet adds them) */
  normFacetComplex: number[];
}

/** Every candidate matches (no filter, no dates): each counts in every facet. */
export function countUnfiltered({ index, candidates, counts }: Pass): Passed {
  const { matches } = index.scratch;
  const normFacetComplex: number[] = [];
  const { courtType, land, jurisdiction, year, decisionType, outcome, complex } = index;
  const areaSet = index.areas.set;
  const exploitationSet = index.exploitation.set;
  const normSet = index.sectionKeys.set;
  const { court_type: cCourt, land: cLand, jurisdiction: cJurisdiction, year: cYear } = counts.values;
  const { type: cType, outcome: cOutcome } = counts.values;
  const { area: sArea, exploitation: sExploitation, norm: sNorm } = counts.sets;
  const count = candidates === null ? index.size : candidates.length;
  for (let k = 0; k < count; k++) {
    const doc = candidates === null ? k : candidates[k]!;
    matches[k] = doc;
    cCourt[courtType[doc]!]!++;
    cLand[land[doc]!]!++;
    cJurisdiction[jurisdiction[doc]!]!++;
    cYear[year[doc]!]!++;
    cType[decisionType[doc]!]!++;
    cOutcome[outcome[doc]!]!++;
    sArea[areaSet[doc]!]!++;
    sExploitation[exploitationSet[doc]!]!++;
    sNorm[normSet[doc]!]!++;
    if (complex[doc] === 1) normFacetComplex.push(doc);
  }
  return { total: count, normFacetComplex };
}

export function hasValue(column: MultiColumn, doc: number, id: number): boolean {
  for (let i = column.start[doc]!, end = column.start[doc + 1]!; i < end; i++)
    if (column.values[i] === id) return true;
  return false;
}

/**
 * With filters or dates: a decision matches when no filter fails; a facet counts it when nothing but its own filter
 * fails (multi-select), so each count is the total of the search with that value chosen.
 */
export function countFiltered({ index, candidates, filters, norm, from, to, counts }: Pass): Passed {
  const { matches } = index.scratch;
  let total = 0;
  const normFacetComplex: number[] = [];
  const { court_type: court, land, jurisdiction, year, area, exploitation, type, outcome } = filters;
  const { day: days, courtType, land: lands, jurisdiction: jurisdictions, year: years } = index;
  const { decisionType, outcome: outcomes, areas, exploitation: exploitations, complex } = index;
  const areaSet = areas.set;
  const exploitationSet = exploitations.set;
  const normSet = index.sectionKeys.set;
  const { court_type: cCourt, land: cLand, jurisdiction: cJurisdiction, year: cYear } = counts.values;
  const { type: cType, outcome: cOutcome } = counts.values;
  const { area: sArea, exploitation: sExploitation, norm: sNorm } = counts.sets;
  const count = candidates === null ? index.size : candidates.length;
  for (let k = 0; k < count; k++) {
    const doc = candidates === null ? k : candidates[k]!;
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
    if (failed === 0) {
      matches[total++] = doc;
      cCourt[courtType[doc]!]!++;
      cLand[lands[doc]!]!++;
      cJurisdiction[jurisdictions[doc]!]!++;
      cYear[years[doc]!]!++;
      cType[decisionType[doc]!]!++;
      cOutcome[outcomes[doc]!]!++;
      sArea[areaSet[doc]!]!++;
      sExploitation[exploitationSet[doc]!]!++;
      sNorm[normSet[doc]!]!++;
      if (complex[doc] === 1) normFacetComplex.push(doc);
      continue;
    }
    // a decision failing one filter counts only in that filter's facet
    if (failed & (failed - 1)) continue;
    if (failed === COURT) cCourt[courtType[doc]!]!++;
    else if (failed === LAND) cLand[lands[doc]!]!++;
    else if (failed === JURISDICTION) cJurisdiction[jurisdictions[doc]!]!++;
    else if (failed === YEAR) cYear[years[doc]!]!++;
    else if (failed === TYPE) cType[decisionType[doc]!]!++;
    else if (failed === OUTCOME) cOutcome[outcomes[doc]!]!++;
    else if (failed === AREA) sArea[areaSet[doc]!]!++;
    else if (failed === EXPLOITATION) sExploitation[exploitationSet[doc]!]!++;
    else if (failed === NORM) {
      sNorm[normSet[doc]!]!++;
      if (complex[doc] === 1) normFacetComplex.push(doc);
    }
  }
  return { total, normFacetComplex };
}
