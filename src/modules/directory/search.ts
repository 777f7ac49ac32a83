import type { Db } from '../../db/types.ts';
import type { FinderParams } from './query.ts';
import { resolveSearch } from './query.ts';
import { type RankedCentre, rankCentres } from './ranking.ts';
import { publishedCentres } from './repo.ts';

export interface SearchOutcome {
  origin: ReturnType<typeof resolveSearch>['origin'];
  page: RankedCentre[];
  all: RankedCentre[];
  total: number;
  fullMatches: number;
}

/** One search, as the page and the API run it: resolve the place, rank the published centres, cut the page. */
export async function searchDirectory(
  db: Db,
  params: FinderParams,
  now = new Date(),
): Promise<SearchOutcome> {
  const { criteria, origin } = resolveSearch(params);
  const centres = await publishedCentres(db);
  const { results, fullMatches } = rankCentres(centres, criteria, now);
  const start = (params.page - 1) * params.per_page;
  return {
    origin,
    all: results,
    page: results.slice(start, start + params.per_page),
    total: results.length,
    fullMatches,
  };
}
