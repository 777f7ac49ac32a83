import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, Db } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { type Locale, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { type Actor, absoluteLink, hashToken, type MailLinks, newToken, tokenShape } from './shared.ts';

/** What a speaker keeps current themselves (through the personal link or their account). */
export interface SpeakerProfileInput {
  organisation: string;
  public_consent: boolean;
  topics: string[];
  languages: string[];
  regions: string[];
  formats: string[];
  fee_notes: string;
  unavailable: Array<{ from: string; to: string }>;
}

/** What the office also sets: the name, the address, whether the speaker is in the pool, the linked account. */
export interface SpeakerInput extends SpeakerProfileInput {
  name: string;
  email: string;
  active: boolean;
  user_email: string;
}

/** How long a personal profile link works; the office can renew it at any time. */
export const PROFILE_LINK_DAYS = 180;

const speakerColumns = [
  'id',
  'name',
  'organisation',
  'email',
  'public_consent',
  'topics',
  'languages',
  'regions',
  'formats',
  'fee_notes',
  'active',
  'user_id',
  'profile_token_expires_at',
  'updated_at',
] as const;

export async function unavailabilityOf(db: Db, speakerIds: string[]) {
  const map = new Map<string, Array<{ from: string; to: string }>>();
  if (speakerIds.length === 0) return map;
  const rows = await db
    .selectFrom('speaker_unavailability')
    .select(['speaker_id', sql<string>`starts_on::text`.as('from'), sql<string>`ends_on::text`.as('to')])
    .where('speaker_id', 'in', speakerIds)
    .orderBy('starts_on')
    .execute();
  for (const r of rows) {
    const list = map.get(r.speaker_id) ?? [];
    list.push({ from: r.from, to: r.to });
    map.set(r.speaker_id, list);
  }
  return map;
}

export function listSpeakers(db: Db, options: { activeOnly?: boolean } = {}) {
  let q = db.selectFrom('speakers').select(speakerColumns).orderBy('name');
  if (options.activeOnly) q = q.where('active', '=', true);
  return q.limit(1000).execute();
}

export async function getSpeaker(db: Db, id: string) {
  const speaker = await db
    .selectFrom('speakers')
    .select(speakerColumns)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!speaker) return undefined;
  const unavailable = (await unavailabilityOf(db, [id])).get(id) ?? [];
  const user = speaker.user_id
    ? await db.selectFrom('users').select('email').where('id', '=', speaker.user_id).executeTakeFirst()
    : undefined;
  return { ...speaker, unavailable, user_email: user?.email ?? '' };
}
export type SpeakerRow = NonNullable<Awaited<ReturnType<typeof getSpeaker>>>;

/** The public list: consenting, active speakers, with what they offer. Nothing else leaves the office. */
export function publicSpeakers(db: Db) {
  return db
    .selectFrom('speakers')
    .select(['id', 'name', 'organisation', 'topics', 'languages', 'formats', 'regions'])
    .where('active', '=', true)
    .where('public_consent', '=', true)
    .orderBy('name')
    .limit(500)
    .execute();
}

async function replaceUnavailability(
  trx: Transaction<DB>,
  speakerId: string,
  periods: SpeakerProfileInput['unavailable'],
) {
  await trx.deleteFrom('speaker_unavailability').where('speaker_id', '=', speakerId).execute();
  if (periods.length)
    await trx
      .insertInto('speaker_unavailability')
      .values(periods.map((p) => ({ speaker_id: speakerId, starts_on: p.from, ends_on: p.to })))
      .execute();
}

function profileColumns(input: SpeakerProfileInput) {
  return {
    organisation: input.organisation,
    public_consent: input.public_consent,
    topics: input.topics,
    languages: input.languages,
    regions: input.regions,
    formats: input.formats,
    fee_notes: input.fee_notes,
  };
}

async function userIdFor(trx: Transaction<DB>, email: string): Promise<string | null> {
  if (!email) return null;
  const user = await trx
    .selectFrom('users')
    .select('id')
    .where(sql<boolean>`lower(email) = ${email.toLowerCase()}`)
    .executeTakeFirst();
  if (!user)
    throw new AppError(
      'validation',
      'error.validation',
      {},
      { user_email: { key: 'referral.speaker.error.no_account' } },
    );
  return user.id;
}

export async function saveSpeaker(
  db: Kysely<DB>,
  id: string | null,
  input: SpeakerInput,
  actor: Actor,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const userId = await userIdFor(trx, input.user_email);
    if (userId) {
      const taken = await trx
        .selectFrom('speakers')
        .select('id')
        .where('user_id', '=', userId)
        .$if(id !== null, (q) => q.where('id', '<>', id!))
        .executeTakeFirst();
      if (taken)
        throw new AppError(
          'validation',
          'error.validation',
          {},
          { user_email: { key: 'referral.speaker.error.account_taken' } },
        );
    }
    const values = {
      ...profileColumns(input),
      name: input.name,
      email: input.email.toLowerCase(),
      active: input.active,
      user_id: userId,
      updated_at: new Date(),
    };
    let speakerId = id;
    if (speakerId) {
      const updated = await trx
        .updateTable('speakers')
        .set(values)
        .where('id', '=', speakerId)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw new AppError('not_found', 'error.not_found');
    } else {
      speakerId = (await trx.insertInto('speakers').values(values).returning('id').executeTakeFirstOrThrow())
        .id;
    }
    await replaceUnavailability(trx, speakerId, input.unavailable);
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: id ? 'speaker.update' : 'speaker.create',
      targetType: 'speaker',
      targetId: speakerId,
      ip: actor.ip,
    });
    return speakerId;
  });
}

/** The speaker's own update, through the personal link (`via: 'link'`) or their member account. */
export async function saveOwnProfile(
  db: Kysely<DB>,
  speakerId: string,
  input: SpeakerProfileInput,
  via: { kind: 'link'; ip: string | null } | { kind: 'account'; actor: Actor },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('speakers')
      .set({ ...profileColumns(input), updated_at: new Date() })
      .where('id', '=', speakerId)
      .execute();
    await replaceUnavailability(trx, speakerId, input.unavailable);
    await audit(trx, {
      actorId: via.kind === 'account' ? via.actor.user.id : null,
      actorLabel: via.kind === 'account' ? via.actor.user.role : 'speaker_link',
      action: 'speaker.self_update',
      targetType: 'speaker',
      targetId: speakerId,
      ip: via.kind === 'account' ? via.actor.ip : via.ip,
    });
  });
}

/**
 * Sends a fresh personal link (the previous one stops working). Only the hash is kept; the link itself exists
 * only in the mail.
 */
export async function sendProfileLink(
  db: Kysely<DB>,
  speakerId: string,
  locale: Locale,
  links: MailLinks,
  actor: Actor,
): Promise<void> {
  const token = newToken();
  await db.transaction().execute(async (trx) => {
    const speaker = await trx
      .updateTable('speakers')
      .set({
        profile_token_hash: hashToken(token),
        profile_token_expires_at: new Date(Date.now() + PROFILE_LINK_DAYS * 86_400_000),
      })
      .where('id', '=', speakerId)
      .returning(['name', 'email'])
      .executeTakeFirst();
    if (!speaker) throw new AppError('not_found', 'error.not_found');
    const t = translator(locale);
    await enqueueMail(trx, {
      to: speaker.email,
      subject: t('referral.speaker.mail.link_subject'),
      text: t('referral.speaker.mail.link_body', {
        name: speaker.name,
        link: absoluteLink(links, locale, `/referentinnen/profil/${token}`),
        days: PROFILE_LINK_DAYS,
      }),
    });
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'speaker.link_sent',
      targetType: 'speaker',
      targetId: speakerId,
      ip: actor.ip,
    });
  });
}

export async function speakerByProfileToken(db: Db, token: string): Promise<SpeakerRow | undefined> {
  if (!tokenShape.test(token)) return undefined;
  const row = await db
    .selectFrom('speakers')
    .select('id')
    .where('profile_token_hash', '=', hashToken(token))
    .where('profile_token_expires_at', '>', new Date())
    .executeTakeFirst();
  return row ? getSpeaker(db, row.id) : undefined;
}

export async function speakerOfUser(db: Db, userId: string): Promise<SpeakerRow | undefined> {
  const row = await db.selectFrom('speakers').select('id').where('user_id', '=', userId).executeTakeFirst();
  return row ? getSpeaker(db, row.id) : undefined;
}
