import { type Kysely, sql } from 'kysely';
import type { DB, Db, ProposalStatus, SpeakerFormat, SpeakerRequestStatus } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { type SiteLocale, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { hitLimits } from '../../platform/rate-limit.ts';
import { refuseWhenLimited } from '../events/repo.ts';
import { rankSpeakers, type Suggestion } from './ranking.ts';
import {
  type Actor,
  absoluteLink,
  addHistory,
  hashToken,
  type MailLinks,
  newToken,
  requestLimits,
  tokenShape,
} from './shared.ts';
import { listSpeakers, unavailabilityOf } from './speakers.ts';

export const speakerRequestStatuses: readonly SpeakerRequestStatus[] = [
  'new',
  'proposed',
  'accepted',
  'declined',
  'closed',
];

/** Proposals count towards fairness for this long. */
export const FAIRNESS_WINDOW_DAYS = 365;

export interface SpeakerRequestInput {
  organisation: string;
  contact_name: string;
  email: string;
  phone: string;
  event_date: string;
  online: boolean;
  place: string;
  land: string | null;
  audience: string;
  group_size: number;
  topic: string;
  language: string;
  format: SpeakerFormat;
  message: string;
}

export async function submitSpeakerRequest(
  db: Kysely<DB>,
  input: SpeakerRequestInput,
  locale: SiteLocale,
  ip: string | null,
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const limits = requestLimits('speaker', ip, email);
  await refuseWhenLimited(db, limits);
  await hitLimits(db, limits);
  const t = translator(locale);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('speaker_requests')
      .values({ ...input, email, locale })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addHistory(trx, {
      speaker_request_id: row.id,
      actor_kind: 'requester',
      action: 'created',
      status: 'new',
    });
    await enqueueMail(trx, {
      to: email,
      subject: t('referral.request.mail.received_subject'),
      text: t('referral.request.mail.received_body', { name: input.contact_name, date: input.event_date }),
    });
    await audit(trx, {
      actorLabel: 'anonymous',
      action: 'speaker_request.create',
      targetType: 'speaker_request',
      targetId: row.id,
      ip,
    });
    return row.id;
  });
}

const requestColumns = [
  'id',
  'organisation',
  'contact_name',
  'email',
  'phone',
  'online',
  'place',
  'land',
  'audience',
  'group_size',
  'topic',
  'language',
  'format',
  'message',
  'locale',
  'status',
  'created_at',
] as const;

export function listSpeakerRequests(db: Db, status?: SpeakerRequestStatus) {
  let q = db
    .selectFrom('speaker_requests')
    .select([...requestColumns, sql<string>`event_date::text`.as('event_date')])
    .orderBy('created_at', 'desc')
    .limit(500);
  if (status) q = q.where('status', '=', status);
  return q.execute();
}

export function getSpeakerRequest(db: Db, id: string) {
  return db
    .selectFrom('speaker_requests')
    .select([...requestColumns, sql<string>`event_date::text`.as('event_date')])
    .where('id', '=', id)
    .executeTakeFirst();
}
export type SpeakerRequestRow = NonNullable<Awaited<ReturnType<typeof getSpeakerRequest>>>;

export function proposalsOf(db: Db, requestId: string) {
  return db
    .selectFrom('speaker_proposals as p')
    .innerJoin('speakers as s', 's.id', 'p.speaker_id')
    .select(['p.id', 'p.speaker_id', 'p.status', 'p.created_at', 'p.answered_at', 's.name', 's.email'])
    .where('p.request_id', '=', requestId)
    .orderBy('p.created_at')
    .execute();
}

/** The pool ranked for this request (active speakers only), with the reasons of each score. */
export async function suggestionsFor(
  db: Db,
  request: SpeakerRequestRow,
  now = new Date(),
): Promise<Suggestion[]> {
  const pool = await listSpeakers(db, { activeOnly: true });
  const ids = pool.map((s) => s.id);
  const unavailable = await unavailabilityOf(db, ids);
  const since = new Date(now.getTime() - FAIRNESS_WINDOW_DAYS * 86_400_000);
  const counts = new Map<string, number>();
  if (ids.length) {
    const rows = await db
      .selectFrom('speaker_proposals')
      .select(['speaker_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('speaker_id', 'in', ids)
      .where('created_at', '>=', since)
      .where('request_id', '<>', request.id)
      .groupBy('speaker_id')
      .execute();
    for (const r of rows) counts.set(r.speaker_id, Number(r.n));
  }
  return rankSpeakers(
    pool.map((s) => ({
      id: s.id,
      name: s.name,
      topics: s.topics,
      languages: s.languages,
      regions: s.regions,
      formats: s.formats,
      unavailable: unavailable.get(s.id) ?? [],
      recentRequests: counts.get(s.id) ?? 0,
    })),
    {
      topic: request.topic,
      language: request.language,
      land: request.land,
      online: request.online,
      format: request.format,
      date: request.event_date,
    },
  );
}

/**
 * The office asks one or more speakers. Each gets a mail with a yes and a no link (one token per proposal,
 * single use, only its hash kept). Asking someone again who was already asked is refused.
 */
export async function proposeSpeakers(
  db: Kysely<DB>,
  requestId: string,
  speakerIds: string[],
  links: MailLinks,
  actor: Actor,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const locked = await sql<{ status: SpeakerRequestStatus }>`
      SELECT status FROM speaker_requests WHERE id = ${requestId} FOR UPDATE`.execute(trx);
    const current = locked.rows[0];
    if (!current) throw new AppError('not_found', 'error.not_found');
    if (current.status === 'declined' || current.status === 'closed')
      throw new AppError('conflict', 'referral.request.error.closed');
    const request = (await getSpeakerRequest(trx, requestId))!;
    const speakers = await trx
      .selectFrom('speakers')
      .select(['id', 'name', 'email'])
      .where('id', 'in', speakerIds)
      .where('active', '=', true)
      .execute();
    if (speakers.length !== speakerIds.length)
      throw new AppError('validation', 'error.validation', {}, { speakers: { key: 'validation.choice' } });
    const t = translator('de');
    for (const speaker of speakers) {
      const token = newToken();
      const inserted = await trx
        .insertInto('speaker_proposals')
        .values({ request_id: requestId, speaker_id: speaker.id, answer_token_hash: hashToken(token) })
        .onConflict((oc) => oc.columns(['request_id', 'speaker_id']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted)
        throw new AppError(
          'validation',
          'error.validation',
          {},
          { speakers: { key: 'referral.request.error.already_asked' } },
        );
      const answer = (yes: boolean) =>
        absoluteLink(
          links,
          'de',
          `/referentinnen/antwort/${inserted.id}/${token}?antwort=${yes ? 'ja' : 'nein'}`,
        );
      await enqueueMail(trx, {
        to: speaker.email,
        subject: t('referral.request.mail.ask_subject', { date: request.event_date }),
        text: t('referral.request.mail.ask_body', {
          name: speaker.name,
          date: request.event_date,
          place: request.online ? t('referral.online') : request.place,
          topic: t(`referral.topic.${request.topic}` as 'referral.topic.other'),
          audience: t(`referral.audience.${request.audience}` as 'referral.audience.other'),
          size: request.group_size,
          language: request.language,
          format: t(`referral.format.${request.format}`),
          organisation: request.organisation,
          yes: answer(true),
          no: answer(false),
        }),
      });
      await addHistory(trx, {
        speaker_request_id: requestId,
        actor_id: actor.user.id,
        actor_kind: 'office',
        action: 'proposed',
        speaker_id: speaker.id,
      });
    }
    if (current.status === 'new') {
      await trx
        .updateTable('speaker_requests')
        .set({ status: 'proposed', updated_at: new Date() })
        .where('id', '=', requestId)
        .execute();
      await addHistory(trx, {
        speaker_request_id: requestId,
        actor_id: actor.user.id,
        actor_kind: 'office',
        action: 'status',
        status: 'proposed',
      });
    }
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'speaker_request.propose',
      targetType: 'speaker_request',
      targetId: requestId,
      ip: actor.ip,
      meta: { speakers: speakers.map((s) => s.id) },
    });
    return speakers.length;
  });
}

/** A pending proposal by its id and token: the token must be this proposal's own (another speaker's is refused). */
export async function proposalByToken(db: Db, proposalId: string, token: string) {
  if (!tokenShape.test(token)) return undefined;
  return db
    .selectFrom('speaker_proposals as p')
    .innerJoin('speaker_requests as r', 'r.id', 'p.request_id')
    .innerJoin('speakers as s', 's.id', 'p.speaker_id')
    .select([
      'p.id',
      'p.request_id',
      'p.speaker_id',
      's.name',
      'r.topic',
      'r.online',
      'r.place',
      'r.format',
      sql<string>`r.event_date::text`.as('event_date'),
    ])
    .where('p.id', '=', proposalId)
    .where('p.answer_token_hash', '=', hashToken(token))
    .where('p.status', '=', 'pending')
    .executeTakeFirst();
}

/**
 * Records a speaker's yes or no. The token is cleared in the same statement that records the answer, so a
 * link works once even when clicked twice at the same time. On a yes the requester is told who will come.
 */
export async function answerProposal(
  db: Kysely<DB>,
  proposalId: string,
  token: string,
  yes: boolean,
  ip: string | null,
): Promise<'accepted' | 'declined' | null> {
  if (!tokenShape.test(token)) return null;
  return db.transaction().execute(async (trx) => {
    const status: ProposalStatus = yes ? 'accepted' : 'declined';
    const answered = await trx
      .updateTable('speaker_proposals')
      .set({ status, answered_at: new Date(), answer_token_hash: null })
      .where('id', '=', proposalId)
      .where('answer_token_hash', '=', hashToken(token))
      .where('status', '=', 'pending')
      .returning(['request_id', 'speaker_id'])
      .executeTakeFirst();
    if (!answered) return null;
    await addHistory(trx, {
      speaker_request_id: answered.request_id,
      actor_kind: 'speaker',
      action: yes ? 'speaker_accepted' : 'speaker_declined',
      speaker_id: answered.speaker_id,
    });
    if (yes) {
      const request = await trx
        .updateTable('speaker_requests')
        .set({ status: 'accepted', updated_at: new Date() })
        .where('id', '=', answered.request_id)
        .returning(['email', 'contact_name', 'locale', sql<string>`event_date::text`.as('event_date')])
        .executeTakeFirstOrThrow();
      const speaker = await trx
        .selectFrom('speakers')
        .select(['name', 'organisation'])
        .where('id', '=', answered.speaker_id)
        .executeTakeFirstOrThrow();
      const t = translator(request.locale);
      await addHistory(trx, {
        speaker_request_id: answered.request_id,
        actor_kind: 'system',
        action: 'status',
        status: 'accepted',
      });
      if (request.email)
        await enqueueMail(trx, {
          to: request.email,
          subject: t('referral.request.mail.accepted_subject', { date: request.event_date }),
          text: t('referral.request.mail.accepted_body', {
            name: request.contact_name,
            speaker: speaker.organisation ? `${speaker.name} (${speaker.organisation})` : speaker.name,
            date: request.event_date,
          }),
        });
    }
    await audit(trx, {
      actorLabel: 'speaker_link',
      action: yes ? 'speaker_proposal.accept' : 'speaker_proposal.decline',
      targetType: 'speaker_proposal',
      targetId: proposalId,
      ip,
    });
    return status;
  });
}

/** The office closes a request (done) or declines it (no one found); the requester gets a mail either way. */
export async function closeSpeakerRequest(
  db: Kysely<DB>,
  requestId: string,
  change: { status: 'declined' | 'closed'; message: string },
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const request = await trx
      .updateTable('speaker_requests')
      .set({ status: change.status, updated_at: new Date() })
      .where('id', '=', requestId)
      .returning(['email', 'contact_name', 'locale', sql<string>`event_date::text`.as('event_date')])
      .executeTakeFirst();
    if (!request) throw new AppError('not_found', 'error.not_found');
    // open questions to speakers are withdrawn: their links stop working
    await trx
      .updateTable('speaker_proposals')
      .set({ status: 'withdrawn', answer_token_hash: null })
      .where('request_id', '=', requestId)
      .where('status', '=', 'pending')
      .execute();
    await addHistory(trx, {
      speaker_request_id: requestId,
      actor_id: actor.user.id,
      actor_kind: 'office',
      action: 'status',
      status: change.status,
      note: change.message,
    });
    const t = translator(request.locale);
    if (request.email)
      await enqueueMail(trx, {
        to: request.email,
        subject: t('referral.request.mail.status_subject', { date: request.event_date }),
        text: t(`referral.request.mail.${change.status}_body`, {
          name: request.contact_name,
          date: request.event_date,
          message: change.message ? `\n${change.message}\n` : '',
        }),
      });
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'speaker_request.status',
      targetType: 'speaker_request',
      targetId: requestId,
      ip: actor.ip,
      meta: { to: change.status },
    });
  });
}

export async function addSpeakerRequestNote(
  db: Kysely<DB>,
  requestId: string,
  note: string,
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await getSpeakerRequest(trx, requestId))) throw new AppError('not_found', 'error.not_found');
    await addHistory(trx, {
      speaker_request_id: requestId,
      actor_id: actor.user.id,
      actor_kind: 'office',
      action: 'note',
      note,
    });
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'speaker_request.note',
      targetType: 'speaker_request',
      targetId: requestId,
      ip: actor.ip,
    });
  });
}
