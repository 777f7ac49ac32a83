/**
 * A small cache of search outcomes (decision 0025). Counting nine facets over thousands of matching decisions costs
 * far more than the 60 ms a search may take under load, while the same searches (the start page, a popular word, a
 * facet click) come again and again and the data changes rarely. An entry is valid only while the data version
 * (sequence caselaw_search_version, advanced by triggers on every change of decisions, norms and courts, by any
 * process) is the one it was computed at, and never longer than TTL_MS. Concurrent equal searches share one
 * computation. One cache per database handle, so separate databases in one process never mix.
 */
import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';

const TTL_MS = 30_000;
const MAX_ENTRIES = 500;

interface Entry<T> {
  version: string;
  at: number;
  value: Promise<T>;
}

const caches = new WeakMap<object, Map<string, Entry<unknown>>>();

/**
 * The data version as an SQL expression, read from the sequence directly (no lock, visible to every session at
 * once); statements that need the version with other values select this, so every reader compares the same text.
 */
export const DATA_VERSION = sql<string>`(SELECT last_value::text || ':' || is_called::text FROM caselaw_search_version)`;

/** The current data version. */
export async function searchDataVersion(db: Db): Promise<string> {
  const r = await sql<{ v: string }>`SELECT ${DATA_VERSION} AS v`.execute(db);
  return r.rows[0]?.v ?? '';
}

export function searchCacheEnabled(): boolean {
  return process.env.KOK_CASELAW_SEARCH_CACHE !== '0';
}

/** The cached value for `key` at the current data version, or the one `compute` produces (then cached). */
export async function cachedSearch<T>(db: Db, key: string, compute: () => Promise<T>): Promise<T> {
  if (!searchCacheEnabled()) return compute();
  let cache = caches.get(db) as Map<string, Entry<T>> | undefined;
  if (!cache) {
    cache = new Map();
    caches.set(db, cache as Map<string, Entry<unknown>>);
  }
  const version = await searchDataVersion(db);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.version === version && now - hit.at < TTL_MS) {
    // most recently used last: the oldest entries are the first ones dropped
    cache.delete(key);
    cache.set(key, hit);
    return hit.value;
  }
  const value = compute();
  cache.set(key, { version, at: now, value });
  // a failed computation is not kept
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return value;
}
