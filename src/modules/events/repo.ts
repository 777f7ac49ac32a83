import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, Db, EventFormat, EventKind, RegistrationStatus, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { checkLimits, hitLimits, type Limit } from '../../platform/rate-limit.ts';
import { eventsCalendar } from './ical.ts';

export const eventKinds: readonly EventKind[] = [
  'training',
  'specialist',
  'webinar',
  'practice_day',
  'general_assembly',
];
export const eventFormats: readonly EventFormat[] = ['in_person', 'online', 'hybrid'];
/** Kinds open to members (logged-in accounts) only: never in the public calendar or feed. */
export const membersOnlyKinds: readonly EventKind[] = ['general_assembly'];

export interface EventInput {
  kind: EventKind;
  title: string;
  description: string;
  audiences: string[];
  topics: string[];
  languages: string[];
  format: EventFormat;
  address: string;
  online_url: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  registration_deadline: Date | null;
  published: boolean;
}

export interface Actor {
  user: User;
  ip: string | null;
}

export const hash = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(24).toString('base64url');

// ---------- the office ----------

export function listAllEvents(db: Db) {
  return db.selectFrom('events').selectAll().orderBy('starts_at', 'desc').limit(500).execute();
}

export function getEvent(db: Db, id: string) {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createEvent(db: Kysely<DB>, input: EventInput, actor: Actor): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('events').values(input).returning('id').executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'event.create',
      targetType: 'event',
      targetId: row.id,
      ip: actor.ip,
    });
    return row.id;
  });
}

export async function updateEvent(
  db: Kysely<DB>,
  id: string,
  input: EventInput,
  actor: Actor,
  links: MailLinks,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const locked = await sql<{ id: string }>`SELECT id FROM events WHERE id = ${id} FOR UPDATE`.execute(trx);
    if (locked.rows.length === 0) throw new AppError('not_found', 'error.not_found');
    await trx
      .updateTable('events')
      .set({ ...input, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    // more places: the waitlist moves up
    const promoted = await promoteWaitlist(trx, id, links);
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'event.update',
      targetType: 'event',
      targetId: id,
      ip: actor.ip,
      meta: { fields: Object.keys(input), promoted },
    });
  });
}

export async function registrationCounts(db: Db, eventIds: string[]) {
  const counts = new Map<string, Record<RegistrationStatus, number>>();
  if (eventIds.length === 0) return counts;
  const rows = await db
    .selectFrom('event_registrations')
    .select(['event_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
    .where('event_id', 'in', eventIds)
    .groupBy(['event_id', 'status'])
    .execute();
  for (const id of eventIds) counts.set(id, { pending_optin: 0, confirmed: 0, waitlisted: 0, cancelled: 0 });
  for (const r of rows) counts.get(r.event_id)![r.status] = Number(r.n);
  return counts;
}

/** The participant list is personal data: every read is audited (ids and counts only). */
export async function participants(db: Db, eventId: string, actor: Actor, purpose: 'view' | 'csv' | 'xlsx') {
  const rows = await db
    .selectFrom('event_registrations')
    .select([
      'id',
      'name',
      'email',
      'organisation',
      'status',
      'attended',
      'created_at',
      'optin_at',
      'confirmed_at',
    ])
    .where('event_id', '=', eventId)
    .orderBy(
      sql`CASE status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 WHEN 'pending_optin' THEN 2 ELSE 3 END`,
    )
    .orderBy('optin_at')
    .orderBy('created_at')
    .execute();
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: purpose === 'view' ? 'event.participants_read' : 'event.participants_export',
    targetType: 'event',
    targetId: eventId,
    ip: actor.ip,
    meta: purpose === 'view' ? { rows: rows.length } : { rows: rows.length, format: purpose },
  });
  return rows;
}

// ---------- the public calendar ----------

export interface CalendarFilter {
  kind?: EventKind;
  format?: EventFormat;
  language?: string;
  topic?: string;
  audience?: string;
}

export function listPublicEvents(
  db: Db,
  options: { past: boolean; membersToo: boolean; filter?: CalendarFilter; limit?: number },
) {
  const now = new Date();
  let q = db.selectFrom('events').selectAll().where('published', '=', true);
  q = options.past
    ? q.where('ends_at', '<', now).orderBy('starts_at', 'desc')
    : q.where('ends_at', '>=', now).orderBy('starts_at', 'asc');
  if (!options.membersToo) q = q.where('kind', 'not in', membersOnlyKinds);
  const f = options.filter ?? {};
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.format) q = q.where('format', '=', f.format);
  if (f.language) q = q.where(sql<boolean>`${f.language} = ANY(languages)`);
  if (f.topic) q = q.where(sql<boolean>`${f.topic} = ANY(topics)`);
  if (f.audience) q = q.where(sql<boolean>`${f.audience} = ANY(audiences)`);
  return q.limit(options.limit ?? 200).execute();
}

/** Every value of a list column among published events (for the filter choices). */
export async function facetValues(db: Db, column: 'languages' | 'topics' | 'audiences'): Promise<string[]> {
  const rows = await sql<{ v: string }>`
    SELECT DISTINCT unnest(${sql.ref(column)}) AS v FROM events WHERE published ORDER BY v`.execute(db);
  return rows.rows.map((r) => r.v);
}

/** A published event as the visitor may see it; members-only kinds need an account. */
export async function visibleEvent(db: Db, id: string, loggedIn: boolean) {
  const event = await db
    .selectFrom('events')
    .selectAll()
    .where('id', '=', id)
    .where('published', '=', true)
    .executeTakeFirst();
  if (!event) return undefined;
  if (membersOnlyKinds.includes(event.kind) && !loggedIn) return undefined;
  return event;
}

export type EventRow = NonNullable<Awaited<ReturnType<typeof getEvent>>>;

export function registrationOpen(event: EventRow, now = new Date()): boolean {
  if (event.starts_at <= now) return false;
  return !event.registration_deadline || event.registration_deadline > now;
}

// ---------- form guard: honeypot, minimum fill time (HMAC-signed timestamp) ----------

export const MIN_FILL_MS = 3000;
const MAX_FORM_AGE_MS = 24 * 3600_000;
const secrets = new WeakMap<object, Buffer>();

async function formSecret(db: Kysely<DB>): Promise<Buffer> {
  const cached = secrets.get(db);
  if (cached) return cached;
  await db
    .insertInto('settings')
    .values({ key: 'events_form_secret', value: JSON.stringify(randomBytes(32).toString('hex')) })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'events_form_secret')
    .executeTakeFirstOrThrow();
  const secret = Buffer.from(String(row.value), 'hex');
  secrets.set(db, secret);
  return secret;
}

/** The hidden `started` value of a form rendered at `at`: the time and its HMAC. */
export async function formStamp(db: Kysely<DB>, at = Date.now()): Promise<string> {
  const mac = createHmac('sha256', await formSecret(db))
    .update(`event-form:${at}`)
    .digest('base64url');
  return `${at}.${mac}`;
}

export type StampCheck = 'ok' | 'too_fast' | 'expired' | 'invalid';

export async function checkFormStamp(db: Kysely<DB>, stamp: string, now = Date.now()): Promise<StampCheck> {
  const m = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(stamp);
  if (!m) return 'invalid';
  const at = Number(m[1]);
  const expected = createHmac('sha256', await formSecret(db))
    .update(`event-form:${at}`)
    .digest();
  const given = Buffer.from(m[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
  if (now - at < MIN_FILL_MS) return 'too_fast';
  if (now - at > MAX_FORM_AGE_MS) return 'expired';
  return 'ok';
}

// ---------- registration ----------

export interface MailLinks {
  /** Absolute base URL (`https://…`), without a language prefix. */
  publicUrl: string;
  locale: Locale;
}

export function link(links: MailLinks, path: string): string {
  return `${links.publicUrl}${localePath(links.locale, path)}`;
}

export function when(event: EventRow, locale: Locale): string {
  return `${formatDateTime(locale, event.starts_at)} – ${formatDateTime(locale, event.ends_at)}`;
}

export const registrationLimits = (ip: string | null, eventId: string, email: string): Limit[] => [
  ...(ip ? [{ key: `events:register:ip:${ip}`, max: 10, windowSeconds: 600 }] : []),
  { key: `events:register:email:${hash(`${eventId}:${email}`)}`, max: 3, windowSeconds: 3600 },
];

export async function refuseWhenLimited(db: Db, limits: Limit[]): Promise<void> {
  const retryAfter = await checkLimits(db, limits);
  if (retryAfter !== null)
    throw new AppError('rate_limited', 'error.rate_limited', {
      minutes: Math.max(1, Math.ceil(retryAfter / 60)),
    });
}

/**
 * A new registration waits for its address to be confirmed (double opt-in). Whether the address is already
 * registered is not revealed: the answer is the same, and a pending registration just gets a fresh link.
 */
export async function register(
  db: Kysely<DB>,
  event: EventRow,
  input: { name: string; email: string; organisation: string },
  links: MailLinks,
  ip: string | null,
): Promise<void> {
  const email = input.email.trim().toLowerCase();
  const limits = registrationLimits(ip, event.id, email);
  await refuseWhenLimited(db, limits);
  await hitLimits(db, limits);
  const t = translator(links.locale);
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    const inserted = await sql<{ id: string }>`
      INSERT INTO event_registrations (event_id, name, email, organisation, optin_token_hash, locale)
      VALUES (${event.id}, ${input.name.trim()}, ${email}, ${input.organisation.trim()}, ${hash(token)},
              ${links.locale})
      ON CONFLICT (event_id, email) WHERE status <> 'cancelled' DO NOTHING
      RETURNING id`.execute(trx);
    if (inserted.rows.length === 0) {
      const refreshed = await trx
        .updateTable('event_registrations')
        .set({ optin_token_hash: hash(token), locale: links.locale === 'en' ? 'en' : 'de' })
        .where('event_id', '=', event.id)
        .where('email', '=', email)
        .where('status', '=', 'pending_optin')
        .returning('id')
        .executeTakeFirst();
      if (!refreshed) return; // already confirmed or waiting: nothing to send
    }
    await enqueueMail(trx, {
      to: email,
      subject: t('events.mail.optin_subject', { title: event.title }),
      text: t('events.mail.optin_body', {
        title: event.title,
        when: when(event, links.locale),
        link: link(links, `/veranstaltungen/bestaetigen/${token}`),
      }),
    });
  });
}

type RegistrationRow = { id: string; name: string; email: string; locale: Locale };

async function sendStatusMail(
  trx: Transaction<DB>,
  event: EventRow,
  reg: RegistrationRow,
  kind: 'confirmed' | 'waitlisted' | 'promoted',
  base: MailLinks,
): Promise<void> {
  // the mail speaks the language the person registered in, whoever's action caused it
  const links: MailLinks = { ...base, locale: reg.locale };
  // every status mail carries a fresh cancellation link (only its hash is kept)
  const cancelToken = newToken();
  await trx
    .updateTable('event_registrations')
    .set({ cancel_token_hash: hash(cancelToken) })
    .where('id', '=', reg.id)
    .execute();
  const t = translator(links.locale);
  const where = [
    event.format !== 'online' && event.address ? t('events.mail.address', { address: event.address }) : '',
    event.format !== 'in_person' && event.online_url && kind !== 'waitlisted'
      ? t('events.mail.access', { url: event.online_url })
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  const params = {
    name: reg.name,
    title: event.title,
    when: when(event, links.locale),
    where,
    ics: link(links, `/veranstaltungen/${event.id}/kalender.ics`),
    cancel: link(links, `/veranstaltungen/abmelden/${cancelToken}`),
  };
  await enqueueMail(trx, {
    to: reg.email,
    subject: t(`events.mail.${kind}_subject`, { title: event.title }),
    text: t(`events.mail.${kind}_body`, params),
    // a confirmed place comes with its calendar entry, so one click puts it into the calendar
    attachments:
      kind === 'waitlisted'
        ? []
        : [
            {
              filename: 'veranstaltung.ics',
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
              content: eventsCalendar([event], links.publicUrl, t('events.title')),
            },
          ],
  });
}

async function lockEvent(trx: Transaction<DB>, eventId: string): Promise<EventRow | undefined> {
  const locked = await sql<{ id: string }>`SELECT id FROM events WHERE id = ${eventId} FOR UPDATE`.execute(
    trx,
  );
  if (locked.rows.length === 0) return undefined;
  return getEvent(trx, eventId);
}

async function confirmedCount(trx: Transaction<DB>, eventId: string): Promise<number> {
  const row = await trx
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Fills free places from the waitlist, oldest confirmation first. Caller holds the event lock. */
async function promoteWaitlist(trx: Transaction<DB>, eventId: string, links: MailLinks): Promise<number> {
  const event = await getEvent(trx, eventId);
  if (!event) return 0;
  const free = event.capacity - (await confirmedCount(trx, eventId));
  if (free <= 0) return 0;
  const next = await trx
    .selectFrom('event_registrations')
    .select(['id', 'name', 'email', 'locale'])
    .where('event_id', '=', eventId)
    .where('status', '=', 'waitlisted')
    .orderBy('optin_at')
    .orderBy('created_at')
    .limit(free)
    .execute();
  for (const reg of next) {
    await trx
      .updateTable('event_registrations')
      .set({ status: 'confirmed', confirmed_at: new Date() })
      .where('id', '=', reg.id)
      .execute();
    await sendStatusMail(trx, event, reg, 'promoted', links);
  }
  return next.length;
}

/** Looks a token up without changing anything (for the confirmation and cancellation pages). */
export async function findByToken(db: Db, kind: 'optin' | 'cancel', token: string) {
  if (token.length > 100) return undefined;
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select(['r.id', 'r.status', 'r.event_id', 'e.title'])
    .where(kind === 'optin' ? 'r.optin_token_hash' : 'r.cancel_token_hash', '=', hash(token))
    .where('r.status', kind === 'optin' ? '=' : '<>', kind === 'optin' ? 'pending_optin' : 'cancelled')
    .executeTakeFirst();
}

/**
 * Confirms the address. The event row is locked (`FOR UPDATE`) and the confirmed places counted under the
 * lock, so concurrent confirmations never exceed the capacity: the rest go to the waitlist.
 */
export async function confirmOptin(
  db: Kysely<DB>,
  token: string,
  links: MailLinks,
): Promise<'confirmed' | 'waitlisted' | null> {
  const found = await findByToken(db, 'optin', token);
  if (!found) return null;
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, found.event_id);
    if (!event) return null;
    const reg = await trx
      .selectFrom('event_registrations')
      .select(['id', 'name', 'email', 'locale'])
      .where('id', '=', found.id)
      .where('status', '=', 'pending_optin')
      .where('optin_token_hash', '=', hash(token))
      .executeTakeFirst();
    if (!reg) return null;
    const status = (await confirmedCount(trx, event.id)) < event.capacity ? 'confirmed' : 'waitlisted';
    const now = new Date();
    await trx
      .updateTable('event_registrations')
      .set({
        status,
        optin_token_hash: null,
        optin_at: now,
        confirmed_at: status === 'confirmed' ? now : null,
      })
      .where('id', '=', reg.id)
      .execute();
    await sendStatusMail(trx, event, reg, status, links);
    return status;
  });
}

/** Cancels; a freed place goes to the first on the waitlist (with a mail). */
export async function cancelRegistration(db: Kysely<DB>, token: string, links: MailLinks): Promise<boolean> {
  const found = await findByToken(db, 'cancel', token);
  if (!found) return false;
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, found.event_id);
    if (!event) return false;
    const done = await trx
      .updateTable('event_registrations')
      .set({ status: 'cancelled', cancelled_at: new Date(), cancel_token_hash: null, optin_token_hash: null })
      .where('id', '=', found.id)
      .where('status', '<>', 'cancelled')
      .where('cancel_token_hash', '=', hash(token))
      .returning('id')
      .executeTakeFirst();
    if (!done) return false;
    await promoteWaitlist(trx, event.id, links);
    return true;
  });
}
