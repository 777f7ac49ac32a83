import { type Kysely, sql } from 'kysely';
import type { DB, Db, Locale } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { type Actor, type EventRow, getEvent, hash, link, type MailLinks, newToken, when } from './repo.ts';

/** How long after an event the housekeeping loop still sends the follow-up to newly marked attendees. */
const FOLLOWUP_WINDOW_DAYS = 30;

function whereLines(event: EventRow, locale: Locale, withAccess: boolean): string {
  const t = translator(locale);
  return [
    event.format !== 'online' && event.address ? t('events.mail.address', { address: event.address }) : '',
    withAccess && event.format !== 'in_person' && event.online_url
      ? t('events.mail.access', { url: event.online_url })
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

/**
 * The reminder `hours` before the start, to confirmed participants only (the access link of an online event
 * goes to nobody else). Each registration is reminded once: the conditional update is the record, so two
 * app processes running the job at the same time do not both send.
 */
export async function sendReminders(
  db: Kysely<DB>,
  opts: { hours: number; publicUrl: string; now?: Date },
): Promise<number> {
  const now = opts.now ?? new Date();
  const until = new Date(now.getTime() + opts.hours * 3600_000);
  const due = await db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.event_id'])
    .where('r.status', '=', 'confirmed')
    .where('r.reminder_sent_at', 'is', null)
    .where('e.starts_at', '>', now)
    .where('e.starts_at', '<=', until)
    .execute();
  let sent = 0;
  for (const row of due) {
    sent += await db.transaction().execute(async (trx) => {
      const cancelToken = newToken();
      const reg = await trx
        .updateTable('event_registrations')
        .set({ reminder_sent_at: now, cancel_token_hash: hash(cancelToken) })
        .where('id', '=', row.id)
        .where('status', '=', 'confirmed')
        .where('reminder_sent_at', 'is', null)
        .returning(['name', 'email', 'locale'])
        .executeTakeFirst();
      const event = reg && (await getEvent(trx, row.event_id));
      if (!reg || !event) return 0;
      const links: MailLinks = { publicUrl: opts.publicUrl, locale: reg.locale };
      const t = translator(reg.locale);
      await enqueueMail(trx, {
        to: reg.email,
        subject: t('events.mail.reminder_subject', { title: event.title }),
        text: t('events.mail.reminder_body', {
          name: reg.name,
          title: event.title,
          when: when(event, reg.locale),
          where: whereLines(event, reg.locale, true),
          ics: link(links, `/veranstaltungen/${event.id}/kalender.ics`),
          cancel: link(links, `/veranstaltungen/abmelden/${cancelToken}`),
        }),
      });
      return 1;
    });
  }
  return sent;
}

/**
 * After the event, every attendee gets one mail with a feedback link and a personal link to the materials.
 * The feedback token is stored apart from the registration (see the migration): nobody can tell afterwards
 * whose token an answer used. Run by the housekeeping loop for events that ended in the last 30 days (so
 * attendance marked later still gets its mail) and by the office for one event.
 */
export async function sendFollowUps(
  db: Kysely<DB>,
  opts: { publicUrl: string; eventId?: string; now?: Date },
): Promise<number> {
  const now = opts.now ?? new Date();
  let q = db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.event_id'])
    .where('r.status', '=', 'confirmed')
    .where('r.attended', '=', true)
    .where('r.followup_sent_at', 'is', null)
    .where('e.ends_at', '<', now);
  q = opts.eventId
    ? q.where('e.id', '=', opts.eventId)
    : q.where('e.ends_at', '>', new Date(now.getTime() - FOLLOWUP_WINDOW_DAYS * 86_400_000));
  const due = await q.execute();
  let sent = 0;
  for (const row of due) {
    sent += await db.transaction().execute(async (trx) => {
      const accessToken = newToken();
      const reg = await trx
        .updateTable('event_registrations')
        .set({ followup_sent_at: now, access_token_hash: hash(accessToken) })
        .where('id', '=', row.id)
        .where('followup_sent_at', 'is', null)
        .returning(['name', 'email', 'locale'])
        .executeTakeFirst();
      const event = reg && (await getEvent(trx, row.event_id));
      if (!reg || !event) return 0;
      const feedbackToken = newToken();
      await trx
        .insertInto('event_feedback_tokens')
        .values({ token_hash: hash(feedbackToken), event_id: event.id })
        .execute();
      const links: MailLinks = { publicUrl: opts.publicUrl, locale: reg.locale };
      const t = translator(reg.locale);
      await enqueueMail(trx, {
        to: reg.email,
        subject: t('events.mail.followup_subject', { title: event.title }),
        text: t('events.mail.followup_body', {
          name: reg.name,
          title: event.title,
          feedback: link(links, `/veranstaltungen/feedback/${feedbackToken}`),
          materials: link(links, `/veranstaltungen/teilnahme/${accessToken}`),
        }),
      });
      return 1;
    });
  }
  return sent;
}

/** The office sends the follow-up of one event now (only after its end). */
export async function sendFollowUpsNow(
  db: Kysely<DB>,
  event: EventRow,
  publicUrl: string,
  actor: Actor,
): Promise<number> {
  if (event.ends_at > new Date()) throw new AppError('conflict', 'events.followup.not_yet');
  const sent = await sendFollowUps(db, { publicUrl, eventId: event.id });
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: 'event.followup_send',
    targetType: 'event',
    targetId: event.id,
    ip: actor.ip,
    meta: { sent },
  });
  return sent;
}

/** Sets who attended: the given confirmed registrations did, every other one of the event did not. */
export async function markAttendance(
  db: Kysely<DB>,
  eventId: string,
  attendedIds: string[],
  actor: Actor,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('event_registrations')
      .set({ attended: false })
      .where('event_id', '=', eventId)
      .execute();
    let marked = 0;
    if (attendedIds.length > 0) {
      const res = await trx
        .updateTable('event_registrations')
        .set({ attended: true })
        .where('event_id', '=', eventId)
        .where('status', '=', 'confirmed')
        .where('id', 'in', attendedIds)
        .executeTakeFirst();
      marked = Number(res.numUpdatedRows);
    }
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'event.attendance_mark',
      targetType: 'event',
      targetId: eventId,
      ip: actor.ip,
      meta: { attended: marked },
    });
    return marked;
  });
}

/** The people who attended (for certificates), in the order of the participant list. */
export function attendees(db: Db, eventId: string, registrationId?: string) {
  let q = db
    .selectFrom('event_registrations')
    .select(['id', 'name', 'organisation', 'locale'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed')
    .where('attended', '=', true);
  if (registrationId) q = q.where('id', '=', registrationId);
  return q.orderBy(sql`lower(name)`).execute();
}

/** A participant's personal link (from the follow-up mail): the registration and its event. */
export async function participantByAccessToken(db: Db, token: string) {
  if (token.length > 100) return undefined;
  return db
    .selectFrom('event_registrations')
    .select(['id', 'event_id'])
    .where('access_token_hash', '=', hash(token))
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
}
