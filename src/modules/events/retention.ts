import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';

/** An address never confirmed is not needed for long: unconfirmed registrations go after this many days. */
const UNCONFIRMED_DAYS = 7;

export interface PurgeResult {
  events: number;
  registrations: number;
  unconfirmed: number;
}

function monthsBefore(now: Date, months: number): Date {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
}

/**
 * Deletes participants' personal data on schedule (DOMAIN.md rule 6): for every event that ended more than
 * `retentionMonths` ago, the registrations are counted by status, the counts are kept on the event and the rows are
 * deleted — one transaction per event, audited with counts only. Unconfirmed opt-ins older than a week go too.
 */
export async function purgeEventPersonalData(
  db: Kysely<DB>,
  opts: { retentionMonths: number; now?: Date },
): Promise<PurgeResult> {
  const now = opts.now ?? new Date();
  const cutoff = monthsBefore(now, opts.retentionMonths);
  const due = await db
    .selectFrom('events')
    .select('id')
    .where('ends_at', '<', cutoff)
    .where('personal_data_deleted_at', 'is', null)
    .execute();
  let registrations = 0;
  for (const event of due) {
    registrations += await db.transaction().execute(async (trx) => {
      const counts = await sql<{ status: string; n: number }>`
        SELECT status, count(*)::int AS n FROM event_registrations WHERE event_id = ${event.id} GROUP BY status`.execute(
        trx,
      );
      const byStatus = Object.fromEntries(counts.rows.map((r) => [r.status, Number(r.n)]));
      // unused feedback links go with the people they were sent to; the answers stay, they name nobody
      await trx.deleteFrom('event_feedback_tokens').where('event_id', '=', event.id).execute();
      const deleted = await trx
        .deleteFrom('event_registrations')
        .where('event_id', '=', event.id)
        .executeTakeFirst();
      await trx
        .updateTable('events')
        .set({ participant_counts: JSON.stringify(byStatus), personal_data_deleted_at: now })
        .where('id', '=', event.id)
        .execute();
      const n = Number(deleted.numDeletedRows);
      await audit(trx, {
        actorLabel: 'system',
        action: 'event.personal_data_deleted',
        targetType: 'event',
        targetId: event.id,
        meta: { registrations: n, counts: byStatus },
      });
      return n;
    });
  }
  const unconfirmedCutoff = new Date(now.getTime() - UNCONFIRMED_DAYS * 86_400_000);
  const stale = await db
    .deleteFrom('event_registrations')
    .where('status', '=', 'pending_optin')
    .where('created_at', '<', unconfirmedCutoff)
    .executeTakeFirst();
  const unconfirmed = Number(stale.numDeletedRows);
  if (unconfirmed > 0) {
    await audit(db, {
      actorLabel: 'system',
      action: 'event.unconfirmed_deleted',
      meta: { registrations: unconfirmed },
    });
  }
  return { events: due.length, registrations, unconfirmed };
}
