import { z } from 'zod';
import type { Db, Locale, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { hashToken, randomToken } from '../../platform/auth/secrets.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { localePath, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { hitLimits, type Limit } from '../../platform/rate-limit.ts';
import { refuseWhenLimited } from '../events/repo.ts';

export const subscribeSchema = z.object({
  email: z.string().trim().max(254).pipe(z.email()),
  locale: z.enum(['de', 'en']),
});

/** Unconfirmed addresses are kept for a week at most (the opt-in mail says so). */
const PENDING_DAYS = 7;

const limits = (ip: string | null, email: string): Limit[] => [
  ...(ip ? [{ key: `newsletter:ip:${ip}`, max: 10, windowSeconds: 3600 }] : []),
  { key: `newsletter:email:${hashToken(email)}`, max: 3, windowSeconds: 86_400 },
];

export interface Links {
  publicUrl: string;
  siteName: string;
}

/**
 * Double opt-in. Whether the address is already subscribed is never revealed: the answer and the page are the
 * same; an active subscriber simply gets no second mail.
 */
export async function subscribe(
  db: Db,
  input: z.infer<typeof subscribeSchema>,
  ip: string | null,
  links: Links,
): Promise<void> {
  const email = input.email.toLowerCase();
  const limit = limits(ip, email);
  await refuseWhenLimited(db, limit);
  await hitLimits(db, limit);
  const token = randomToken();
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('newsletter_subscribers')
      .select(['id', 'status'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email))
      .forUpdate()
      .executeTakeFirst();
    if (existing?.status === 'active') return;
    if (existing) {
      await trx
        .updateTable('newsletter_subscribers')
        .set({ optin_token_hash: hashToken(token), locale: input.locale, created_at: new Date() })
        .where('id', '=', existing.id)
        .execute();
    } else {
      await trx
        .insertInto('newsletter_subscribers')
        .values({
          email,
          locale: input.locale,
          optin_token_hash: hashToken(token),
          unsubscribe_token: randomToken(),
        })
        .execute();
    }
    const t = translator(input.locale);
    await enqueueMail(trx, {
      to: email,
      subject: t('outreach.mail_optin_subject'),
      text: t('outreach.mail_optin_body', {
        site: links.siteName,
        link: `${links.publicUrl}${localePath(input.locale, `/newsletter/bestaetigen/${token}`)}`,
      }),
    });
  });
}

export async function confirmSubscription(db: Db, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  const row = await db
    .updateTable('newsletter_subscribers')
    .set({ status: 'active', optin_token_hash: null, confirmed_at: new Date() })
    .where('optin_token_hash', '=', hashToken(token))
    .where('created_at', '>', new Date(Date.now() - PENDING_DAYS * 86_400_000))
    .returning('id')
    .executeTakeFirst();
  return Boolean(row);
}

export function findByUnsubscribeToken(db: Db, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return Promise.resolve(undefined);
  return db
    .selectFrom('newsletter_subscribers')
    .select(['id', 'email'])
    .where('unsubscribe_token', '=', token)
    .executeTakeFirst();
}

/** Unsubscribing deletes the address: there is no reason to keep it. */
export async function unsubscribe(db: Db, token: string): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
  const row = await db
    .deleteFrom('newsletter_subscribers')
    .where('unsubscribe_token', '=', token)
    .returning('id')
    .executeTakeFirst();
  if (row)
    await audit(db, {
      actorLabel: 'anonymous',
      action: 'newsletter.unsubscribe',
      targetType: 'newsletter_subscriber',
      targetId: row.id,
    });
  return Boolean(row);
}

export async function purgePendingSubscribers(db: Db): Promise<void> {
  await db
    .deleteFrom('newsletter_subscribers')
    .where('status', '=', 'pending')
    .where('created_at', '<', new Date(Date.now() - PENDING_DAYS * 86_400_000))
    .execute();
}

export async function subscriberCounts(db: Db) {
  const rows = await db
    .selectFrom('newsletter_subscribers')
    .select(['status', 'locale', db.fn.countAll<string>().as('n')])
    .groupBy(['status', 'locale'])
    .execute();
  const count = (status: string, locale?: string) =>
    rows
      .filter((r) => r.status === status && (!locale || r.locale === locale))
      .reduce((sum, r) => sum + Number(r.n), 0);
  return { de: count('active', 'de'), en: count('active', 'en'), pending: count('pending') };
}

export function newsWithSends(db: Db) {
  return db
    .selectFrom('network_news as n')
    .leftJoin('newsletter_sends as s', 's.news_id', 'n.id')
    .select(['n.id', 'n.title', 'n.locale', 'n.status', 'n.published_at', 's.sent_at', 's.recipients'])
    .orderBy('n.published_at', (ob) => ob.desc().nullsLast())
    .limit(100)
    .execute();
}

/**
 * Sends a published news post to every confirmed subscriber of its language, through the mail queue (retried
 * on failure). Plain text, no tracking; each mail carries its own unsubscribe link and List-Unsubscribe
 * headers. A post goes out once; the lock on the post makes a double click harmless.
 */
export async function sendNewsletter(
  db: Db,
  newsId: string,
  actor: { user: User; ip: string | null },
  links: Links,
) {
  return db.transaction().execute(async (trx) => {
    const post = await trx
      .selectFrom('network_news')
      .select(['id', 'title', 'summary', 'body_md', 'locale', 'status', 'slug', 'published_at'])
      .where('id', '=', newsId)
      .forUpdate()
      .executeTakeFirst();
    if (!post) throw notFound();
    if (post.status !== 'published' || !post.published_at || post.published_at > new Date())
      throw new AppError('conflict', 'outreach.office_not_published');
    const already = await trx
      .selectFrom('newsletter_sends')
      .select('id')
      .where('news_id', '=', newsId)
      .executeTakeFirst();
    if (already) throw new AppError('conflict', 'outreach.office_already_sent');
    const subscribers = await trx
      .selectFrom('newsletter_subscribers')
      .select(['email', 'unsubscribe_token'])
      .where('status', '=', 'active')
      .where('locale', '=', post.locale)
      .execute();
    const t = translator(post.locale as Locale);
    const postUrl = `${links.publicUrl}${localePath(post.locale as Locale, `/aktuelles/${post.slug}`)}`;
    for (const s of subscribers) {
      const unsubscribeUrl = `${links.publicUrl}${localePath(post.locale as Locale, `/newsletter/abmelden/${s.unsubscribe_token}`)}`;
      await enqueueMail(trx, {
        to: s.email,
        subject: post.title,
        text: `${post.title}\n\n${post.summary ? `${post.summary}\n\n` : ''}${post.body_md}\n\n${postUrl}${t('outreach.mail_newsletter_footer', { link: unsubscribeUrl })}`,
        headers: {
          'List-Unsubscribe': `<${unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
    }
    await trx
      .insertInto('newsletter_sends')
      .values({ news_id: newsId, recipients: subscribers.length, sent_by: actor.user.id })
      .execute();
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'newsletter.send',
      targetType: 'news',
      targetId: newsId,
      ip: actor.ip,
      meta: { recipients: subscribers.length },
    });
    return subscribers.length;
  });
}
