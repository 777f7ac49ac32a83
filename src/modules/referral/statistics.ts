import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';

export interface StatRow {
  /** training | speaker */
  kind: 'training' | 'speaker';
  /** topic | audience | status | answer */
  dimension: 'topic' | 'audience' | 'status' | 'answer';
  key: string;
  count: number;
}

/**
 * The office's yearly figures: requests by topic and by audience (training requests may name several, so the
 * topic rows of a year can add up to more than its requests), by status, and the speakers' answers.
 * Counts only, no names.
 */
export async function yearlyStatistics(db: Db, year: number): Promise<StatRow[]> {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const rows = await sql<{
    kind: StatRow['kind'];
    dimension: StatRow['dimension'];
    key: string;
    count: number;
  }>`
    SELECT 'training' AS kind, 'topic' AS dimension, k AS key, count(*)::int AS count
      FROM training_requests, unnest(topics) AS k
      WHERE created_at >= ${from}::date AND created_at < ${to}::date GROUP BY k
    UNION ALL
    SELECT 'training', 'audience', k, count(*)::int
      FROM training_requests, unnest(audiences) AS k
      WHERE created_at >= ${from}::date AND created_at < ${to}::date GROUP BY k
    UNION ALL
    SELECT 'training', 'status', status, count(*)::int FROM training_requests
      WHERE created_at >= ${from}::date AND created_at < ${to}::date GROUP BY status
    UNION ALL
    SELECT 'speaker', 'topic', topic, count(*)::int FROM speaker_requests
      WHERE created_at >= ${from}::date AND created_at < ${to}::date GROUP BY topic
    UNION ALL
    SELECT 'speaker', 'audience', audience, count(*)::int FROM speaker_requests
      WHERE created_at >= ${from}::date AND created_at < ${to}::date GROUP BY audience
    UNION ALL
    SELECT 'speaker', 'status', status, count(*)::int FROM speaker_requests
      WHERE created_at >= ${from}::date AND created_at < ${to}::date GROUP BY status
    UNION ALL
    SELECT 'speaker', 'answer', p.status, count(*)::int FROM speaker_proposals p
      JOIN speaker_requests r ON r.id = p.request_id
      WHERE r.created_at >= ${from}::date AND r.created_at < ${to}::date GROUP BY p.status
  `.execute(db);
  return rows.rows
    .map((r) => ({ ...r, count: Number(r.count) }))
    .sort(
      (a, b) =>
        a.kind.localeCompare(b.kind) ||
        a.dimension.localeCompare(b.dimension) ||
        b.count - a.count ||
        a.key.localeCompare(b.key),
    );
}

/** Years that have any request, newest first (always including the current one). */
export async function statisticYears(db: Db, now = new Date()): Promise<number[]> {
  const rows = await sql<{ y: number }>`
    SELECT DISTINCT extract(year FROM created_at)::int AS y FROM training_requests
    UNION SELECT DISTINCT extract(year FROM created_at)::int FROM speaker_requests`.execute(db);
  return [...new Set([now.getFullYear(), ...rows.rows.map((r) => Number(r.y))])].sort((a, b) => b - a);
}
