import { type Kysely, sql } from 'kysely';
import type { DB, Db, EventFormat, TrainingRequestStatus } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime, type SiteLocale, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { hitLimits } from '../../platform/rate-limit.ts';
import { refuseWhenLimited } from '../events/repo.ts';
import { type Actor, addHistory, requestLimits } from './shared.ts';

export const trainingStatuses: readonly TrainingRequestStatus[] = [
  'new',
  'in_clarification',
  'scheduled',
  'declined',
];

/** The workflow: which status may follow which. A scheduled or declined request may be reopened. */
export const trainingTransitions: Record<TrainingRequestStatus, readonly TrainingRequestStatus[]> = {
  new: ['in_clarification', 'scheduled', 'declined'],
  in_clarification: ['scheduled', 'declined'],
  scheduled: ['in_clarification'],
  declined: ['in_clarification'],
};

export interface TrainingRequestInput {
  organisation: string;
  contact_name: string;
  email: string;
  phone: string;
  audiences: string[];
  group_size: number;
  topics: string[];
  preferred_dates: string;
  format: EventFormat;
  land: string | null;
  message: string;
}

/** A new request from the public form: stored, noted in the history, confirmed to the requester by mail. */
export async function submitTrainingRequest(
  db: Kysely<DB>,
  input: TrainingRequestInput,
  locale: SiteLocale,
  ip: string | null,
): Promise<string> {
  const email = input.email.trim().toLowerCase();
  const limits = requestLimits('training', ip, email);
  await refuseWhenLimited(db, limits);
  await hitLimits(db, limits);
  const t = translator(locale);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('training_requests')
      .values({ ...input, email, locale })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addHistory(trx, {
      training_request_id: row.id,
      actor_kind: 'requester',
      action: 'created',
      status: 'new',
    });
    await enqueueMail(trx, {
      to: email,
      subject: t('referral.training.mail.received_subject'),
      text: t('referral.training.mail.received_body', {
        name: input.contact_name,
        organisation: input.organisation,
      }),
    });
    await audit(trx, {
      actorLabel: 'anonymous',
      action: 'training_request.create',
      targetType: 'training_request',
      targetId: row.id,
      ip,
    });
    return row.id;
  });
}

export function listTrainingRequests(db: Db, status?: TrainingRequestStatus) {
  let q = db
    .selectFrom('training_requests')
    .select(['id', 'organisation', 'status', 'group_size', 'topics', 'audiences', 'format', 'created_at'])
    .orderBy('created_at', 'desc')
    .limit(500);
  if (status) q = q.where('status', '=', status);
  return q.execute();
}

export function getTrainingRequest(db: Db, id: string) {
  return db.selectFrom('training_requests').selectAll().where('id', '=', id).executeTakeFirst();
}
export type TrainingRequestRow = NonNullable<Awaited<ReturnType<typeof getTrainingRequest>>>;

export function historyOf(db: Db, column: 'training_request_id' | 'speaker_request_id', id: string) {
  return db
    .selectFrom('referral_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .leftJoin('speakers as s', 's.id', 'h.speaker_id')
    .select([
      'h.id',
      'h.at',
      'h.actor_kind',
      'h.action',
      'h.status',
      'h.note',
      'u.name as actor_name',
      's.name as speaker_name',
    ])
    .where(`h.${column}`, '=', id)
    .orderBy('h.at')
    .execute();
}

/**
 * Moves a request on. The requester gets a mail at every status change (with the office's message, if any);
 * a scheduled request names the event it became. Internal notes never reach the requester.
 */
export async function changeTrainingStatus(
  db: Kysely<DB>,
  id: string,
  change: { status: TrainingRequestStatus; event_id: string | null; message: string },
  actor: Actor,
  publicUrl: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const locked = await sql<{ status: TrainingRequestStatus }>`
      SELECT status FROM training_requests WHERE id = ${id} FOR UPDATE`.execute(trx);
    const current = locked.rows[0];
    if (!current) throw new AppError('not_found', 'error.not_found');
    if (!trainingTransitions[current.status].includes(change.status))
      throw new AppError(
        'validation',
        'error.validation',
        {},
        {
          status: { key: 'referral.training.error.transition' },
        },
      );
    let event: { id: string; title: string; starts_at: Date } | undefined;
    if (change.status === 'scheduled') {
      if (!change.event_id)
        throw new AppError(
          'validation',
          'error.validation',
          {},
          {
            event_id: { key: 'referral.training.error.event_required' },
          },
        );
      event = await trx
        .selectFrom('events')
        .select(['id', 'title', 'starts_at'])
        .where('id', '=', change.event_id)
        .executeTakeFirst();
      if (!event)
        throw new AppError(
          'validation',
          'error.validation',
          {},
          {
            event_id: { key: 'validation.choice' },
          },
        );
    }
    const request = await trx
      .updateTable('training_requests')
      .set({ status: change.status, event_id: event?.id ?? null, updated_at: new Date() })
      .where('id', '=', id)
      .returning(['email', 'contact_name', 'locale'])
      .executeTakeFirstOrThrow();
    await addHistory(trx, {
      training_request_id: id,
      actor_id: actor.user.id,
      actor_kind: 'office',
      action: 'status',
      status: change.status,
      note: change.message,
    });
    const locale = request.locale;
    const t = translator(locale);
    const eventLine = event
      ? t('referral.training.mail.event_line', {
          title: event.title,
          when: formatDateTime(locale, event.starts_at),
          link: `${publicUrl}${locale === 'en' ? '/en' : ''}/veranstaltungen/${event.id}`,
        })
      : '';
    // an anonymised request (retention) has no address left to write to
    if (request.email)
      await enqueueMail(trx, {
        to: request.email,
        subject: t('referral.training.mail.status_subject', {
          status: t(`referral.training.status.${change.status}`),
        }),
        text: t('referral.training.mail.status_body', {
          name: request.contact_name,
          status: t(`referral.training.status.${change.status}`),
          event: eventLine,
          message: change.message ? `\n${change.message}\n` : '',
        }),
      });
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'training_request.status',
      targetType: 'training_request',
      targetId: id,
      ip: actor.ip,
      meta: { from: current.status, to: change.status, event: event?.id ?? null },
    });
  });
}

/** An internal note: kept in the history, visible to the office only, never mailed. */
export async function addTrainingNote(db: Kysely<DB>, id: string, note: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const found = await getTrainingRequest(trx, id);
    if (!found) throw new AppError('not_found', 'error.not_found');
    await addHistory(trx, {
      training_request_id: id,
      actor_id: actor.user.id,
      actor_kind: 'office',
      action: 'note',
      note,
    });
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'training_request.note',
      targetType: 'training_request',
      targetId: id,
      ip: actor.ip,
    });
  });
}

/** Events a request can be linked to: the most recent and upcoming ones first. */
export function linkableEvents(db: Db) {
  return db
    .selectFrom('events')
    .select(['id', 'title', 'starts_at'])
    .where('starts_at', '>', new Date(Date.now() - 365 * 86_400_000))
    .orderBy('starts_at', 'desc')
    .limit(200)
    .execute();
}
