import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { FeedEntry } from '../network/feed.ts';
import { citationLine, publishedMatchesSince, type SearchParams } from './search.ts';

/** How many decisions a search's Atom feed carries: the most recently published. */
export const FEED_SIZE = 30;

/** The feed entries of a search: its matches, newest publication first. */
export async function feedEntries(
  db: Db,
  p: SearchParams,
  base: string,
  locale: string,
): Promise<FeedEntry[]> {
  const ids = await publishedMatchesSince(db, p, new Date(0), FEED_SIZE);
  if (ids.length === 0) return [];
  const rows = await sql<{
    id: string;
    court_name: string;
    court_type: string;
    decision_type: string;
    decision_date: string;
    file_numbers: string[];
    title: string;
    summary_de: string;
    summary_en: string;
    headnotes: string;
    published_at: Date;
    updated_at: Date;
  }>`SELECT d.id, c.name AS court_name, c.type AS court_type, d.decision_type,
      to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date, d.file_numbers, d.title, d.summary_de, d.summary_en,
      d.headnotes, d.published_at, d.updated_at
    FROM caselaw_decisions d JOIN caselaw_courts c ON c.id = d.court_id
    WHERE d.id IN (${sql.join(ids)}) ORDER BY d.published_at DESC, d.id`.execute(db);
  return rows.rows.map((d) => {
    const summary = (locale === 'en' && d.summary_en ? d.summary_en : d.summary_de) || d.title;
    return {
      id: d.id,
      title: citationLine(d),
      url: `${base}/${d.id}`,
      published: new Date(d.published_at),
      updated: new Date(Math.max(new Date(d.updated_at).getTime(), new Date(d.published_at).getTime())),
      summary,
      html: d.headnotes || `<p>${summary.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`,
      category: d.court_type,
    };
  });
}
