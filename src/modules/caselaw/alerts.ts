/**
 * Saved searches with e-mail digests ("alerts"). An alert keeps the search's own parameters; the housekeeping
 * loop mails each due alert the decisions published since it last looked, through the mail queue.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db, Locale } from '../../db/types.ts';
import { randomToken } from '../../platform/auth/secrets.ts';
import { localePath, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import {
  citationLine,
  publishedMatchesSince,
  type SearchParams,
  searchSchema,
  searchValues,
} from './search.ts';

/** Enough for any real need, and a bound on the digest work per account. */
export const MAX_ALERTS_PER_USER = 20;
/** A digest lists at most this many decisions and links to the search for the rest. */
export const DIGEST_MAX = 25;

export const alertFormSchema = z.object({
  name: z.string().trim().min(1).max(120),
  frequency: z.enum(['daily', 'weekly']),
});

const PERIOD_MS = { daily: 86_400_000, weekly: 7 * 86_400_000 } as const;

/** The stored parameters as search parameters (validated again: a stored search must never break a run). */
export function alertSearch(query: Record<string, string>): SearchParams | null {
  const parsed = searchSchema.safeParse({ ...searchValues(query), page: '1', per_page: '20' });
  return parsed.success ? (parsed.data as SearchParams) : null;
}

export function searchQueryString(query: Record<string, string>): string {
  const s = new URLSearchParams(searchValues(query)).toString();
  return s ? `?${s}` : '';
}

export async function createAlert(
  db: Db,
  userId: string,
  input: { name: string; frequency: 'daily' | 'weekly'; query: Record<string, string> },
): Promise<{ ok: true; id: string } | { ok: false; reason: 'limit' | 'invalid' }> {
  const query = searchValues(input.query);
  if (!alertSearch(query)) return { ok: false, reason: 'invalid' };
  return db.transaction().execute(async (trx) => {
    // the user's row is locked so two quick submissions cannot pass the limit together
    await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().executeTakeFirst();
    const { n } = await trx
      .selectFrom('caselaw_alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    if (Number(n) >= MAX_ALERTS_PER_USER) return { ok: false as const, reason: 'limit' as const };
    const row = await trx
      .insertInto('caselaw_alerts')
      .values({
        user_id: userId,
        name: input.name,
        frequency: input.frequency,
        query: JSON.stringify(query),
        unsubscribe_token: randomToken(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ok: true as const, id: row.id };
  });
}

export function listAlerts(db: Db, userId: string) {
  return db
    .selectFrom('caselaw_alerts')
    .select(['id', 'name', 'frequency', 'query', 'created_at', 'last_sent_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** Deletes one of the user's own alerts; false when it is not theirs (or gone). */
export async function deleteOwnAlert(db: Db, userId: string, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom('caselaw_alerts')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export function alertByToken(db: Db, token: string) {
  return db
    .selectFrom('caselaw_alerts')
    .select(['id', 'name'])
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst();
}

export async function unsubscribe(db: Db, token: string): Promise<boolean> {
  const r = await db.deleteFrom('caselaw_alerts').where('unsubscribe_token', '=', token).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/**
 * Mails every due alert (daily: a day after it last looked, weekly: a week) the decisions published since then.
 * Each alert is handled in its own transaction with its row locked (SKIP LOCKED), so several app processes
 * running the housekeeping at once send one digest. An alert with nothing new sends nothing but moves on.
 * Returns how many digests were queued.
 */
export async function sendAlertDigests(db: Db, config: Config, now = new Date()): Promise<number> {
  const due = await db
    .selectFrom('caselaw_alerts')
    .select(['id'])
    .where((eb) =>
      eb.or([
        eb.and([
          eb('frequency', '=', 'daily'),
          eb('checked_until', '<=', new Date(now.getTime() - PERIOD_MS.daily)),
        ]),
        eb.and([
          eb('frequency', '=', 'weekly'),
          eb('checked_until', '<=', new Date(now.getTime() - PERIOD_MS.weekly)),
        ]),
      ]),
    )
    .execute();
  let sent = 0;
  for (const { id } of due) {
    const queued = await db.transaction().execute(async (trx) => {
      const alert = await trx
        .selectFrom('caselaw_alerts as a')
        .innerJoin('users as u', 'u.id', 'a.user_id')
        .select([
          'a.id',
          'a.name',
          'a.query',
          'a.frequency',
          'a.checked_until',
          'a.unsubscribe_token',
          'u.email',
          'u.locale',
          'u.active',
        ])
        .where('a.id', '=', id)
        .forUpdate('a')
        .skipLocked()
        .executeTakeFirst();
      if (!alert) return false;
      if (alert.checked_until.getTime() > now.getTime() - PERIOD_MS[alert.frequency]) return false;
      const params = alertSearch(alert.query);
      const ids =
        params && alert.active
          ? await publishedMatchesSince(trx, params, alert.checked_until, DIGEST_MAX + 1, now)
          : [];
      // decisions published from now on belong to the next digest
      await trx
        .updateTable('caselaw_alerts')
        .set({ checked_until: now, ...(ids.length ? { last_sent_at: now } : {}) })
        .where('id', '=', alert.id)
        .execute();
      if (ids.length === 0) return false;
      const rows = await sql<{
        id: string;
        court_name: string;
        decision_type: string;
        decision_date: string;
        file_numbers: string[];
        title: string;
      }>`SELECT d.id, c.name AS court_name, d.decision_type, to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date,
          d.file_numbers, d.title
        FROM caselaw_decisions d JOIN caselaw_courts c ON c.id = d.court_id
        WHERE d.id IN (${sql.join(ids.slice(0, DIGEST_MAX))}) ORDER BY d.published_at DESC, d.id`.execute(
        trx,
      );
      const locale = (alert.locale === 'en' ? 'en' : 'de') as Locale;
      const t = translator(locale);
      const site = config.publicUrl;
      const base = `${site}${localePath(locale, '/rechtsprechung')}`;
      const unsubscribeUrl = `${base}/benachrichtigungen/abbestellen/${alert.unsubscribe_token}`;
      const lines = rows.rows.map(
        (d) => `- ${citationLine(d)}${d.title ? `\n  ${d.title}` : ''}\n  ${base}/${d.id}`,
      );
      const text = [
        t('caselaw.digest_intro', { name: alert.name }),
        '',
        ...lines,
        '',
        t('caselaw.digest_search'),
        `${base}${searchQueryString(alert.query)}`,
        '',
        t('caselaw.digest_manage'),
        `${base}/benachrichtigungen`,
        '',
        t('caselaw.digest_unsubscribe'),
        unsubscribeUrl,
      ].join('\n');
      await enqueueMail(trx, {
        to: alert.email,
        subject: t('caselaw.digest_subject', { name: alert.name }),
        text,
        headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` },
      });
      return true;
    });
    if (queued) sent++;
  }
  return sent;
}
