/**
 * When the in-memory index answers a search (decision 0026). An index is used only while the data version it was
 * built at (sequence `caselaw_search_version`, advanced by triggers on every change, by any process) is the current
 * one, so a change is followed at once: until the new index is built in the background, searches run in SQL.
 * A build starts only once the version has held still for STABLE_MS, so a transaction whose trigger had already
 * advanced the version has committed before the index reads. One index per database handle.
 * `KOK_CASELAW_SEARCH_INDEX=0` switches the index off.
 */
import { sql } from 'kysely';
import type { Db } from '../../../db/types.ts';
import type { SearchParams } from '../search.ts';
import { splitQuery } from '../search.ts';
import { DATA_VERSION, searchDataVersion } from '../search-cache.ts';
import { buildSearchIndex, type SearchIndex } from './build.ts';
import { type IndexedOutcome, searchIndex } from './evaluate.ts';
import { parseTsquery } from './tsquery.ts';

const STABLE_MS = 1000;

interface Holder {
  index: SearchIndex | null;
  building: Promise<void> | null;
  /** how long the last build took (the benchmark reports it) */
  buildMs: number | null;
}

const holders = new WeakMap<object, Holder>();

export function searchIndexEnabled(): boolean {
  return process.env.KOK_CASELAW_SEARCH_INDEX !== '0';
}

function holderOf(db: Db): Holder {
  let holder = holders.get(db);
  if (!holder) {
    holder = { index: null, building: null, buildMs: null };
    holders.set(db, holder);
  }
  return holder;
}

const pause = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/** Builds an index of the current data, unless the data keeps changing; the holder keeps the newest. */
async function rebuild(db: Db, holder: Holder): Promise<void> {
  const before = await searchDataVersion(db);
  if (holder.index?.version === before) return;
  await pause(STABLE_MS);
  if ((await searchDataVersion(db)) !== before) return; // still changing: the next search tries again
  const started = Date.now();
  const index = await buildSearchIndex(db, before);
  if ((await searchDataVersion(db)) !== before) return; // changed while reading: never keep a mixed index
  holder.index = index;
  holder.buildMs = Date.now() - started;
}

/** What the index holds for this database, for the benchmark and diagnostics. */
export function searchIndexStatus(
  db: Db,
): { decisions: number; lexemes: number; buildMs: number | null } | null {
  const holder = holders.get(db);
  if (!holder?.index) return null;
  return { decisions: holder.index.size, lexemes: holder.index.postings.size, buildMs: holder.buildMs };
}

/** Starts a background build unless one is running; resolves when it is done (tests and the benchmark wait). */
export function refreshSearchIndex(db: Db): Promise<void> {
  const holder = holderOf(db);
  if (!holder.building) {
    holder.building = rebuild(db, holder)
      // a closed database (shutdown, tests) or a passing failure: searches keep running in SQL, and the next
      // search starts another build
      .catch(() => undefined)
      .finally(() => {
        holder.building = null;
      });
  }
  return holder.building;
}

/**
 * The tsquery PostgreSQL makes of a search text (`websearch_to_tsquery('german', …)::text`), remembered: it depends
 * only on the text and the text search configuration, and asking for it is a statement per search.
 */
const tsqueries = new Map<string, string>();
const MAX_TSQUERIES = 2000;

function rememberTsquery(text: string, tsq: string): void {
  if (tsqueries.size >= MAX_TSQUERIES) tsqueries.delete(tsqueries.keys().next().value as string);
  tsqueries.set(text, tsq);
}

export interface IndexAnswer extends IndexedOutcome {
  /** the data version of the index that answered */
  version: string;
  /** whether the current data version was read and found equal; if not, the caller must compare it */
  versionChecked: boolean;
}

/**
 * The outcome of the search from the index, or null when the index cannot answer it (switched off, not built for
 * the current data, fielded terms, phrase operators): then the caller searches in SQL. With `deferVersionCheck`,
 * a search whose tsquery is known is answered without a statement, and the caller reads the data version in its
 * own next statement and drops the answer unless it equals `version`.
 */
export async function searchWithIndex(
  db: Db,
  p: SearchParams,
  options: { deferVersionCheck?: boolean } = {},
): Promise<IndexAnswer | null> {
  if (!searchIndexEnabled()) return null;
  const split = p.q ? splitQuery(p.q) : null;
  if (split && (split.courts.length || split.fileNumbers.length || split.norms.length || split.eclis.length))
    return null;
  const text = split?.text || null;
  const holder = holderOf(db);
  const known = text === null ? null : tsqueries.get(text);
  if (options.deferVersionCheck && holder.index && known !== undefined) {
    const answer = answerFrom(holder.index, p, known);
    return answer && { ...answer, version: holder.index.version, versionChecked: false };
  }
  // the data version and the parsed query in one statement
  const r = await sql<{ v: string; tsq: string | null }>`
    SELECT ${DATA_VERSION} AS v,
      ${text ? sql`websearch_to_tsquery('german', ${text})::text` : sql`NULL::text`} AS tsq`.execute(db);
  const { v, tsq } = r.rows[0]!;
  if (text !== null && tsq !== null) rememberTsquery(text, tsq);
  if (holder.index?.version !== v) {
    void refreshSearchIndex(db);
    return null;
  }
  const answer = answerFrom(holder.index, p, tsq);
  return answer && { ...answer, version: v, versionChecked: true };
}

function answerFrom(index: SearchIndex, p: SearchParams, tsq: string | null): IndexedOutcome | null {
  const tree = tsq === null ? null : parseTsquery(tsq);
  if (tsq !== null && tree === null) return null;
  return searchIndex(index, p, tree);
}
