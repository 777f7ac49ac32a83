import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, NotificationMode, Role, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { localePath, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { groupVisible, type Viewer } from './access.ts';

export interface Actor {
  user: User;
  ip: string | null;
}

/** The roles that make up the member area (and receive circulars). */
export const areaRoles: Role[] = ['member', 'member_admin', 'board', 'office'];
export const notificationModes = ['immediate', 'weekly', 'none'] as const satisfies NotificationMode[];
const WEEK_MS = 7 * 86_400_000;

const optionalUuid = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || z.uuid().safeParse(v).success, 'validation.choice')
  .transform((v) => (v ? v.toLowerCase() : null));

export const circularSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body_md: z
    .string()
    .max(100_000)
    .refine((v) => v.trim().length > 0, 'validation.required'),
  group_id: optionalUuid,
});
export type CircularInput = z.infer<typeof circularSchema>;

export const commentSchema = z.object({ body: z.string().trim().min(1).max(5000) });
export const prefsSchema = z.object({ mode: z.enum(notificationModes) });

export interface CircularRow {
  id: string;
  title: string;
  group_id: string | null;
  group_name: string | null;
  published_at: Date;
  read: boolean;
  comments: number;
  readers: number;
}

/** Circulars the viewer may read, newest first, with their own read status and the number of readers. */
export async function listCirculars(
  db: Db,
  viewer: Viewer,
  options: { groupId?: string; limit?: number } = {},
): Promise<CircularRow[]> {
  let query = db
    .selectFrom('memberarea_circulars')
    .leftJoin('memberarea_groups as g', 'g.id', 'memberarea_circulars.group_id')
    .select([
      'memberarea_circulars.id',
      'memberarea_circulars.title',
      'memberarea_circulars.group_id',
      'g.name as group_name',
      'memberarea_circulars.published_at',
      sql<boolean>`EXISTS (SELECT 1 FROM memberarea_circular_reads r WHERE r.circular_id = memberarea_circulars.id AND r.user_id = ${viewer.id})`.as(
        'read',
      ),
      sql<number>`(SELECT count(*)::int FROM memberarea_circular_comments c WHERE c.circular_id = memberarea_circulars.id)`.as(
        'comments',
      ),
      sql<number>`(SELECT count(*)::int FROM memberarea_circular_reads r WHERE r.circular_id = memberarea_circulars.id)`.as(
        'readers',
      ),
    ])
    .where(groupVisible(viewer, 'memberarea_circulars'))
    .orderBy('memberarea_circulars.published_at', 'desc')
    .limit(options.limit ?? 200);
  if (options.groupId) query = query.where('memberarea_circulars.group_id', '=', options.groupId);
  return query.execute();
}

/** A circular by id: `hidden` when it exists but belongs to a working group the viewer is not in. */
export async function findCircular(db: Db, viewer: Viewer, id: string) {
  const circular = await db
    .selectFrom('memberarea_circulars')
    .leftJoin('memberarea_groups as g', 'g.id', 'memberarea_circulars.group_id')
    .select([
      'memberarea_circulars.id',
      'memberarea_circulars.title',
      'memberarea_circulars.body_md',
      'memberarea_circulars.group_id',
      'g.name as group_name',
      'memberarea_circulars.published_at',
    ])
    .where('memberarea_circulars.id', '=', id)
    .executeTakeFirst();
  if (!circular) return null;
  const visible = await db
    .selectFrom('memberarea_circulars')
    .select('id')
    .where('id', '=', id)
    .where(groupVisible(viewer, 'memberarea_circulars'))
    .executeTakeFirst();
  return { circular, hidden: !visible };
}

/** Opening a circular marks it as read for this person (once; the first time counts). */
export async function markRead(db: Db, circularId: string, userId: string): Promise<void> {
  await db
    .insertInto('memberarea_circular_reads')
    .values({ circular_id: circularId, user_id: userId })
    .onConflict((oc) => oc.columns(['circular_id', 'user_id']).doNothing())
    .execute();
}

/** How many of the people a circular is addressed to have read it (shown to the office). */
export async function readCount(db: Db, circularId: string, groupId: string | null) {
  const audience = await recipients(db, groupId);
  const readers = await db
    .selectFrom('memberarea_circular_reads')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('circular_id', '=', circularId)
    .executeTakeFirstOrThrow();
  return { readers: readers.n, audience: audience.length };
}

export function listComments(db: Db, circularId: string) {
  return db
    .selectFrom('memberarea_circular_comments as c')
    .leftJoin('users as u', 'u.id', 'c.user_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      'c.id',
      'c.body',
      'c.created_at',
      'u.name as author',
      'u.role as author_role',
      'o.name as organisation',
    ])
    .where('c.circular_id', '=', circularId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

export async function addComment(db: Db, circularId: string, body: string, actor: Actor): Promise<void> {
  await db
    .insertInto('memberarea_circular_comments')
    .values({ circular_id: circularId, user_id: actor.user.id, body })
    .execute();
}

interface Recipient {
  id: string;
  email: string;
  name: string;
  locale: 'de' | 'en';
  mode: NotificationMode;
}

/** Everyone a circular is for: the whole member area, or a working group's members (and the office). */
async function recipients(db: Db, groupId: string | null): Promise<Recipient[]> {
  let query = db
    .selectFrom('users as u')
    .leftJoin('memberarea_notification_prefs as p', 'p.user_id', 'u.id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      'u.locale',
      sql<NotificationMode>`coalesce(p.mode, 'immediate')`.as('mode'),
    ])
    .where('u.active', '=', true)
    .where('u.role', 'in', areaRoles);
  if (groupId) {
    query = query.where((eb) =>
      eb.or([
        eb('u.role', '=', 'office'),
        eb(
          'u.id',
          'in',
          eb.selectFrom('memberarea_group_members').select('user_id').where('group_id', '=', groupId),
        ),
      ]),
    );
  }
  return query.execute();
}

function circularUrl(publicUrl: string, locale: 'de' | 'en', id: string): string {
  return `${publicUrl}${localePath(locale, `/mitgliederbereich/rundschreiben/${id}`)}`;
}

/**
 * Publishes a circular and, in the same transaction, queues the notification for everyone who chose
 * immediate mail. The mail carries the title and a link only: the text stays behind the login.
 */
export async function publishCircular(
  db: Db,
  input: CircularInput,
  actor: Actor,
  publicUrl: string,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('memberarea_circulars')
      .values({
        title: input.title,
        body_md: input.body_md,
        group_id: input.group_id,
        created_by: actor.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let notified = 0;
    for (const person of await recipients(trx, input.group_id)) {
      if (person.mode !== 'immediate' || person.id === actor.user.id) continue;
      const t = translator(person.locale);
      await enqueueMail(trx, {
        to: person.email,
        subject: t('memberarea.mail_circular_subject', { title: input.title }),
        text: t('memberarea.mail_circular_text', {
          name: person.name || person.email,
          title: input.title,
          url: circularUrl(publicUrl, person.locale, row.id),
          prefs: `${publicUrl}${localePath(person.locale, '/mitgliederbereich/benachrichtigungen')}`,
        }),
      });
      notified++;
    }
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'circular.publish',
      targetType: 'circular',
      targetId: row.id,
      ip: actor.ip,
      meta: { group: input.group_id, notified },
    });
    return row.id;
  });
}

export async function notificationMode(db: Db, userId: string): Promise<NotificationMode> {
  const row = await db
    .selectFrom('memberarea_notification_prefs')
    .select('mode')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.mode ?? 'immediate';
}

export async function setNotificationMode(db: Db, userId: string, mode: NotificationMode): Promise<void> {
  await db
    .insertInto('memberarea_notification_prefs')
    .values({ user_id: userId, mode })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ mode, updated_at: new Date() }))
    .execute();
}

/**
 * The weekly digest (run by the housekeeping loop): for each person who chose it and whose last digest is a
 * week old, one mail listing the circulars published since that they have not read. Each person's turn is
 * claimed with a conditional update in the same transaction as the mail, so two app instances never send
 * the same digest twice. Returns the number of digests queued.
 */
export async function sendCircularDigests(db: Db, publicUrl: string, now = new Date()): Promise<number> {
  const due = await db
    .selectFrom('memberarea_notification_prefs as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.id', 'u.role', 'u.organisation_id', 'u.email', 'u.name', 'u.locale', 'p.last_digest_at'])
    .where('p.mode', '=', 'weekly')
    .where('u.active', '=', true)
    .where('u.role', 'in', areaRoles)
    .where((eb) =>
      eb.or([
        eb('p.last_digest_at', 'is', null),
        eb('p.last_digest_at', '<=', new Date(now.getTime() - WEEK_MS)),
      ]),
    )
    .execute();
  let sent = 0;
  for (const person of due) {
    const since = person.last_digest_at ?? new Date(now.getTime() - WEEK_MS);
    const queued = await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('memberarea_notification_prefs')
        .set({ last_digest_at: now })
        .where('user_id', '=', person.id)
        .where('mode', '=', 'weekly')
        .where((eb) =>
          person.last_digest_at
            ? eb('last_digest_at', '=', person.last_digest_at)
            : eb('last_digest_at', 'is', null),
        )
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return false;
      const viewer: Viewer = { id: person.id, role: person.role, organisation_id: person.organisation_id };
      const circulars = (await listCirculars(trx, viewer)).filter(
        (c) => !c.read && c.published_at > since && c.published_at <= now,
      );
      if (circulars.length === 0) return false;
      const t = translator(person.locale);
      await enqueueMail(trx, {
        to: person.email,
        subject: t('memberarea.mail_digest_subject', { count: circulars.length }),
        text: t('memberarea.mail_digest_text', {
          name: person.name || person.email,
          list: circulars
            .reverse()
            .map((c) => `- ${c.title}\n  ${circularUrl(publicUrl, person.locale, c.id)}`)
            .join('\n'),
          prefs: `${publicUrl}${localePath(person.locale, '/mitgliederbereich/benachrichtigungen')}`,
        }),
      });
      return true;
    });
    if (queued) sent++;
  }
  return sent;
}
