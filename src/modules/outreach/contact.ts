import { z } from 'zod';
import type { Db, Locale, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { hashToken } from '../../platform/auth/secrets.ts';
import { translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { hitLimits, type Limit } from '../../platform/rate-limit.ts';
import { refuseWhenLimited } from '../events/repo.ts';

export const contactSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().max(254).pipe(z.email()),
  subject: z.string().trim().min(1).max(200),
  message: z.string().trim().min(10).max(10_000),
});

/** Messages are answered and then not needed: deleted a year after they arrived (the form says so). */
const KEEP_MONTHS = 12;

const limits = (ip: string | null, email: string): Limit[] => [
  ...(ip ? [{ key: `contact:ip:${ip}`, max: 5, windowSeconds: 3600 }] : []),
  { key: `contact:email:${hashToken(email.toLowerCase())}`, max: 5, windowSeconds: 86_400 },
];

/** Stores the message and mails it to the office address in one transaction: neither without the other. */
export async function receiveContactMessage(
  db: Db,
  input: z.infer<typeof contactSchema>,
  locale: Locale,
  ip: string | null,
  office: { email: string; adminUrl: string },
): Promise<void> {
  const limit = limits(ip, input.email);
  await refuseWhenLimited(db, limit);
  await hitLimits(db, limit);
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('contact_messages')
      .values({ ...input, locale })
      .returning('id')
      .executeTakeFirstOrThrow();
    // the office reads German; the message itself stays as written
    const t = translator('de');
    await enqueueMail(trx, {
      to: office.email,
      subject: t('outreach.mail_contact_subject', { subject: input.subject.replace(/[\r\n]+/g, ' ') }),
      text: t('outreach.mail_contact_body', { ...input, link: office.adminUrl }),
      headers: { 'Reply-To': input.email },
    });
    await audit(trx, {
      actorLabel: 'anonymous',
      action: 'contact.receive',
      targetType: 'contact_message',
      targetId: row.id,
      ip,
    });
  });
}

export function listContactMessages(db: Db) {
  return db.selectFrom('contact_messages').selectAll().orderBy('created_at', 'desc').limit(200).execute();
}

export async function markContactDone(
  db: Db,
  id: string,
  actor: { user: User; ip: string | null },
): Promise<boolean> {
  const row = await db
    .updateTable('contact_messages')
    .set({ status: 'done', done_at: new Date() })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  if (row)
    await audit(db, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'contact.done',
      targetType: 'contact_message',
      targetId: id,
      ip: actor.ip,
    });
  return Boolean(row);
}

export async function purgeOldContactMessages(db: Db): Promise<void> {
  const cutoff = new Date();
  cutoff.setUTCMonth(cutoff.getUTCMonth() - KEEP_MONTHS);
  await db.deleteFrom('contact_messages').where('created_at', '<', cutoff).execute();
}
