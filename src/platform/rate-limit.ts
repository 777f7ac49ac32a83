import { sql } from 'kysely';
import type { Db } from '../db/types.ts';

export interface Limit {
  key: string;
  max: number;
  windowSeconds: number;
}

function windowStart(windowSeconds: number, now: number): Date {
  return new Date(Math.floor(now / 1000 / windowSeconds) * windowSeconds * 1000);
}

/**
 * Fixed-window counters in the database (shared by every app process). `check` tells whether any limit is
 * already exhausted and how many seconds remain; `hit` counts one more attempt against each.
 */
export async function checkLimits(db: Db, limits: Limit[], now = Date.now()): Promise<number | null> {
  let retryAfter: number | null = null;
  for (const limit of limits) {
    const start = windowStart(limit.windowSeconds, now);
    const row = await db
      .selectFrom('rate_limits')
      .select('hits')
      .where('key', '=', limit.key)
      .where('window_start', '=', start)
      .executeTakeFirst();
    if (row && row.hits >= limit.max) {
      const remaining = Math.ceil((start.getTime() + limit.windowSeconds * 1000 - now) / 1000);
      retryAfter = Math.max(retryAfter ?? 0, remaining);
    }
  }
  return retryAfter;
}

export async function hitLimits(db: Db, limits: Limit[], now = Date.now()): Promise<void> {
  for (const limit of limits) {
    await db
      .insertInto('rate_limits')
      .values({ key: limit.key, window_start: windowStart(limit.windowSeconds, now), hits: 1 })
      .onConflict((oc) =>
        oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limits.hits + 1` }),
      )
      .execute();
  }
}

export async function clearLimit(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}

export async function purgeOldLimits(db: Db): Promise<void> {
  await db
    .deleteFrom('rate_limits')
    .where('window_start', '<', new Date(Date.now() - 24 * 3600_000))
    .execute();
}
