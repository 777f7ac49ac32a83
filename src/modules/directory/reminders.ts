import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB, Locale } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { localePath, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { today } from './editing.ts';

/** An entry not verified for this long asks its centre to check it. */
export const VERIFY_MAX_AGE_DAYS = 365;
/** At most one reminder per centre in this many days. */
export const REMINDER_INTERVAL_DAYS = 30;

const DAY = 86_400_000;

/** Entries verified before this date (or never) are due. */
export function verificationCutoff(now = new Date()): string {
  return today(new Date(now.getTime() - VERIFY_MAX_AGE_DAYS * DAY));
}

export function needsVerification(verifiedAt: string | null, now = new Date()): boolean {
  return verifiedAt === null || verifiedAt < verificationCutoff(now);
}

/**
 * Mails the accounts of every published centre whose entry is due for verification, at most once per
 * REMINDER_INTERVAL_DAYS. Each centre is handled in its own transaction with its row locked (SKIP LOCKED), so
 * several app processes running the housekeeping at once send one reminder, not several. Returns how many
 * centres were reminded.
 */
export async function sendVerificationReminders(
  db: Kysely<DB>,
  config: Config,
  now = new Date(),
): Promise<number> {
  const cutoff = verificationCutoff(now);
  const remindedBefore = new Date(now.getTime() - REMINDER_INTERVAL_DAYS * DAY);
  const due = (trx: Kysely<DB>) =>
    trx
      .selectFrom('directory_centres')
      .select(['id', 'name', 'organisation_id'])
      .where('organisation_id', 'is not', null)
      .where('published', '=', true)
      .where((eb) => eb.or([eb('verified_at', 'is', null), eb('verified_at', '<', cutoff)]))
      .where((eb) =>
        eb.or([
          eb('verify_reminder_sent_at', 'is', null),
          eb('verify_reminder_sent_at', '<', remindedBefore),
        ]),
      );
  const candidates = await due(db).execute();
  let reminded = 0;
  for (const candidate of candidates) {
    const sent = await db.transaction().execute(async (trx) => {
      // checked again under the lock: another process may have sent it a moment ago
      const centre = await due(trx)
        .where('id', '=', candidate.id)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!centre?.organisation_id) return false;
      const accounts = await trx
        .selectFrom('users')
        .select(['email', 'locale'])
        .where('organisation_id', '=', centre.organisation_id)
        .where('active', '=', true)
        .orderBy('email')
        .execute();
      if (accounts.length === 0) return false;
      for (const account of accounts) {
        const locale = account.locale as Locale;
        const t = translator(locale);
        await enqueueMail(trx, {
          to: account.email,
          subject: t('directory.mail.remind_subject'),
          text: t('directory.mail.remind_body', {
            centre: centre.name,
            link: `${config.publicUrl}${localePath(locale, '/mein-eintrag')}`,
          }),
        });
      }
      await trx
        .updateTable('directory_centres')
        .set({ verify_reminder_sent_at: now })
        .where('id', '=', centre.id)
        .execute();
      await audit(trx, {
        actorLabel: 'system',
        action: 'directory.verify_reminder',
        targetType: 'directory_centre',
        targetId: centre.id,
        meta: { recipients: accounts.length },
      });
      return true;
    });
    if (sent) reminded++;
  }
  return reminded;
}
