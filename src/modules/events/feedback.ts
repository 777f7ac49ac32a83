import type { Kysely } from 'kysely';
import type { DB, Db } from '../../db/types.ts';
import { hash } from './repo.ts';

/** The questions of the short feedback form, each rated 1 (poor) to 5 (very good). */
export const feedbackQuestions = ['overall', 'content', 'speakers', 'organisation', 'usefulness'] as const;
export type FeedbackQuestion = (typeof feedbackQuestions)[number];

export interface FeedbackAnswer {
  ratings: Partial<Record<FeedbackQuestion, number>>;
  comment: string;
}

/** The event a feedback token belongs to, while it is unused. */
export async function feedbackTokenEvent(db: Db, token: string) {
  if (token.length > 100) return undefined;
  return db
    .selectFrom('event_feedback_tokens as t')
    .innerJoin('events as e', 'e.id', 't.event_id')
    .select(['e.id', 'e.title'])
    .where('t.token_hash', '=', hash(token))
    .executeTakeFirst();
}

/**
 * Stores one answer: the token is deleted and the answer inserted in the same transaction, so a token
 * answers once, and nothing links the answer to the token (or to the person it was sent to).
 */
export async function submitFeedback(
  db: Kysely<DB>,
  token: string,
  answer: FeedbackAnswer,
): Promise<boolean> {
  if (token.length > 100) return false;
  return db.transaction().execute(async (trx) => {
    const used = await trx
      .deleteFrom('event_feedback_tokens')
      .where('token_hash', '=', hash(token))
      .returning('event_id')
      .executeTakeFirst();
    if (!used) return false;
    await trx
      .insertInto('event_feedback')
      .values({
        event_id: used.event_id,
        ratings: JSON.stringify(answer.ratings),
        comment: answer.comment.trim(),
      })
      .execute();
    return true;
  });
}

export interface FeedbackSummary {
  answers: number;
  /** Feedback links sent and not used yet. */
  open: number;
  questions: Array<{ key: FeedbackQuestion; counts: number[]; n: number; average: number | null }>;
  /** The free texts, sorted alphabetically: their order tells nothing about who wrote them or when. */
  comments: string[];
}

export async function feedbackSummary(db: Db, eventId: string): Promise<FeedbackSummary> {
  const rows = await db
    .selectFrom('event_feedback')
    .select(['ratings', 'comment'])
    .where('event_id', '=', eventId)
    .execute();
  const open = await db
    .selectFrom('event_feedback_tokens')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('event_id', '=', eventId)
    .executeTakeFirstOrThrow();
  const questions = feedbackQuestions.map((key) => {
    const counts = [0, 0, 0, 0, 0];
    let sum = 0;
    let n = 0;
    for (const r of rows) {
      const v = (r.ratings as Record<string, unknown>)[key];
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5) {
        counts[v - 1]!++;
        sum += v;
        n++;
      }
    }
    return { key, counts, n, average: n > 0 ? Math.round((sum / n) * 10) / 10 : null };
  });
  const comments = rows
    .map((r) => r.comment)
    .filter((c) => c.trim() !== '')
    .sort((a, b) => a.localeCompare(b, 'de'));
  return { answers: rows.length, open: Number(open.n), questions, comments };
}
