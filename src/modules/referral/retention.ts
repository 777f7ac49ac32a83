import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';

/**
 * Requesters' personal data is needed while a request is worked, and a while after for questions; then it goes
 * (DOMAIN.md rule 6). What the statistics need (topics, audiences, sizes, formats, dates, statuses, answers)
 * stays; the organisation stays too (an authority, not a person).
 */
export const REQUEST_RETENTION_MONTHS = 12;

const ANONYMISED = '–';

/**
 * Anonymises finished requests not touched for `months`: contact person, e-mail, phone, message, and the notes
 * in their history (free text may name people). One statement per table, audited with counts only.
 */
export async function purgeRequestPersonalData(
  db: Kysely<DB>,
  opts: { months?: number; now?: Date } = {},
): Promise<{ training: number; speaker: number }> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - (opts.months ?? REQUEST_RETENTION_MONTHS));
  return db.transaction().execute(async (trx) => {
    const training = await sql<{ id: string }>`
      UPDATE training_requests
         SET contact_name = ${ANONYMISED}, email = '', phone = '', message = '', preferred_dates = ''
       WHERE status IN ('scheduled', 'declined') AND updated_at < ${cutoff} AND email <> ''
      RETURNING id`.execute(trx);
    const speaker = await sql<{ id: string }>`
      UPDATE speaker_requests
         SET contact_name = ${ANONYMISED}, email = '', phone = '', message = ''
       WHERE status IN ('accepted', 'declined', 'closed') AND updated_at < ${cutoff} AND email <> ''
      RETURNING id`.execute(trx);
    const trainingIds = training.rows.map((r) => r.id);
    const speakerIds = speaker.rows.map((r) => r.id);
    if (trainingIds.length)
      await trx
        .updateTable('referral_history')
        .set({ note: '' })
        .where('training_request_id', 'in', trainingIds)
        .execute();
    if (speakerIds.length)
      await trx
        .updateTable('referral_history')
        .set({ note: '' })
        .where('speaker_request_id', 'in', speakerIds)
        .execute();
    if (trainingIds.length || speakerIds.length)
      await audit(trx, {
        actorLabel: 'system',
        action: 'referral.personal_data_purge',
        meta: { training: trainingIds.length, speaker: speakerIds.length },
      });
    return { training: trainingIds.length, speaker: speakerIds.length };
  });
}
