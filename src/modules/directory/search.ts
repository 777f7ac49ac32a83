import type { Db } from '../../db/types.ts';
import { berlinParts } from './opening-hours.ts';
import type { FinderParams } from './query.ts';
import { resolveSearch } from './query.ts';
import { type RankedCentre, type RankingResult, rankCentres } from './ranking.ts';
import { publishedCentres } from './repo.ts';
import type { CentreRecord } from './types.ts';

export interface SearchOutcome {
  /** The directory snapshot the search ran on: answers derived from it may be remembered with it. */
  snapshot: CentreRecord[];
  origin: ReturnType<typeof resolveSearch>['origin'];
  page: RankedCentre[];
  all: RankedCentre[];
  total: number;
  fullMatches: number;
}

const MAX_REMEMBERED = 500;

/**
 * Rankings remembered per snapshot of the directory: the same search (people in one city search the same postal
 * code) is ranked once per snapshot. A new snapshot (after 5 s or an edit) is a new array, so the WeakMap drops
 * the old rankings with it; "open now" searches are remembered per Berlin minute only.
 */
const remembered = new WeakMap<CentreRecord[], Map<string, RankingResult>>();

function rankingKey(params: FinderParams, now: Date): string {
  const { page: _page, per_page: _perPage, ...criteria } = params;
  const minute = params.open_now ? `${berlinParts(now).isoDate} ${berlinParts(now).minutes}` : '';
  return `${JSON.stringify(criteria)}|${minute}`;
}

/** One search, as the page and the API run it: resolve the place, rank the published centres, cut the page. */
export async function searchDirectory(
  db: Db,
  params: FinderParams,
  now = new Date(),
): Promise<SearchOutcome> {
  const { criteria, origin } = resolveSearch(params);
  const centres = await publishedCentres(db);
  let bySearch = remembered.get(centres);
  if (!bySearch) {
    bySearch = new Map();
    remembered.set(centres, bySearch);
  }
  const key = rankingKey(params, now);
  let ranking = bySearch.get(key);
  if (!ranking) {
    ranking = rankCentres(centres, criteria, now);
    if (bySearch.size >= MAX_REMEMBERED) bySearch.delete(bySearch.keys().next().value!);
    bySearch.set(key, ranking);
  }
  const start = (params.page - 1) * params.per_page;
  return {
    snapshot: centres,
    origin,
    all: ranking.results,
    page: ranking.results.slice(start, start + params.per_page),
    total: ranking.results.length,
    fullMatches: ranking.fullMatches,
  };
}
