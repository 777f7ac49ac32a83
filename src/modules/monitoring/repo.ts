import { sql } from 'kysely';
import { z } from 'zod';
import type { AssessmentStatus, Db, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { saveFile } from '../../platform/files/store.ts';
import type { CheckedUpload } from '../../platform/files/uploads.ts';

export const assessmentStatuses = [
  'not_implemented',
  'partially',
  'implemented',
] as const satisfies readonly AssessmentStatus[];
export const monitoringTopics = [
  'identification',
  'assistance',
  'residence',
  'compensation',
  'prosecution',
  'labour_exploitation',
  'children',
  'prevention',
  'data',
  'training',
  'coordination',
] as const;

const uuid = z.uuid();
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.format')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'validation.format');
const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, 'validation.format');
/** A multi-select arrives as one string or several. */
const stringList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

export const instrumentSchema = z.object({
  slug,
  name_de: z.string().trim().min(2).max(300),
  name_en: z.string().trim().min(2).max(300),
  monitoring_body: z.string().trim().max(200).default(''),
});

export const roundSchema = z.object({
  instrument_id: uuid,
  label_de: z.string().trim().min(2).max(200),
  label_en: z.string().trim().min(2).max(200),
  report_year: z.coerce.number().int().min(1990).max(2100),
});

export const recommendationSchema = z.object({
  round_id: uuid,
  paragraph: z.string().trim().max(40).default(''),
  text_de: z.string().trim().min(2).max(5000),
  text_en: z.string().trim().max(5000).default(''),
  addressee: z.string().trim().max(300).default(''),
  topics: stringList.pipe(z.array(z.enum(monitoringTopics)).max(monitoringTopics.length)),
});
export type RecommendationEdit = z.infer<typeof recommendationSchema>;

export const assessmentSchema = z.object({
  status: z.enum(assessmentStatuses),
  assessed_on: isoDate.refine((v) => v <= new Date().toISOString().slice(0, 10), 'validation.invalid'),
  reasoning: z.string().trim().min(2).max(10_000),
  sources: z.string().trim().max(5000).default(''),
});
export type AssessmentEdit = z.infer<typeof assessmentSchema>;

export const submissionSchema = z.object({
  instrument_id: uuid,
  round_id: z.union([z.literal(''), uuid]).default(''),
  title: z.string().trim().min(2).max(300),
  submitted_on: isoDate,
  locale: z.enum(['de', 'en']),
});

/** The tracker's filters (query string); anything else is a 400. */
export const trackerQuerySchema = z.object({
  instrument: z
    .union([z.literal(''), slug])
    .optional()
    .default(''),
  runde: z
    .union([z.literal(''), uuid])
    .optional()
    .default(''),
  thema: z
    .union([z.literal(''), z.enum(monitoringTopics)])
    .optional()
    .default(''),
  status: z
    .union([z.literal(''), z.enum([...assessmentStatuses, 'none'])])
    .optional()
    .default(''),
});
export type TrackerQuery = z.infer<typeof trackerQuerySchema>;

interface Actor {
  user: User;
  ip: string | null;
}

const log = (db: Db, actor: Actor, action: string, targetType: string, targetId: string, meta = {}) =>
  audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action,
    targetType,
    targetId,
    ip: actor.ip,
    meta,
  });

// ---------------------------------------------------------------- reading

export function listInstruments(db: Db) {
  return db.selectFrom('monitoring_instruments').selectAll().orderBy('position').orderBy('name_de').execute();
}

export function listRounds(db: Db) {
  return db
    .selectFrom('monitoring_rounds as r')
    .innerJoin('monitoring_instruments as i', 'i.id', 'r.instrument_id')
    .select([
      'r.id',
      'r.instrument_id',
      'r.label_de',
      'r.label_en',
      'r.report_year',
      'i.slug as instrument_slug',
      'i.name_de as instrument_de',
      'i.name_en as instrument_en',
    ])
    .orderBy('i.position')
    .orderBy('r.report_year')
    .execute();
}
export type RoundRow = Awaited<ReturnType<typeof listRounds>>[number];

export interface TrackerRow {
  id: string;
  paragraph: string;
  text_de: string;
  text_en: string;
  addressee: string;
  topics: string[];
  round_id: string;
  round_de: string;
  round_en: string;
  report_year: number;
  instrument_slug: string;
  instrument_de: string;
  instrument_en: string;
  status: AssessmentStatus | null;
  assessed_on: string | null;
  reasoning: string | null;
  sources: string | null;
}

/** Recommendations with their current status (the latest assessment), filtered. */
export async function trackerRows(db: Db, q: TrackerQuery): Promise<TrackerRow[]> {
  const where = [sql`true`];
  if (q.instrument) where.push(sql`i.slug = ${q.instrument}`);
  if (q.runde) where.push(sql`r.id = ${q.runde}`);
  if (q.thema) where.push(sql`${q.thema} = ANY(rec.topics)`);
  if (q.status === 'none') where.push(sql`a.status IS NULL`);
  else if (q.status) where.push(sql`a.status = ${q.status}`);
  const rows = await sql<TrackerRow>`
    SELECT rec.id, rec.paragraph, rec.text_de, rec.text_en, rec.addressee, rec.topics,
           r.id AS round_id, r.label_de AS round_de, r.label_en AS round_en, r.report_year,
           i.slug AS instrument_slug, i.name_de AS instrument_de, i.name_en AS instrument_en,
           a.status, a.assessed_on::text AS assessed_on, a.reasoning, a.sources
      FROM monitoring_recommendations rec
      JOIN monitoring_rounds r ON r.id = rec.round_id
      JOIN monitoring_instruments i ON i.id = r.instrument_id
      LEFT JOIN LATERAL (
        SELECT status, assessed_on, reasoning, sources FROM monitoring_assessments
         WHERE recommendation_id = rec.id ORDER BY assessed_on DESC, created_at DESC LIMIT 1
      ) a ON true
     WHERE ${sql.join(where, sql` AND `)}
     ORDER BY i.position, r.report_year, length(rec.paragraph), rec.paragraph, rec.created_at`.execute(db);
  return rows.rows;
}

export type StatusKey = AssessmentStatus | 'none';
export interface RoundProgress {
  round_id: string;
  label_de: string;
  label_en: string;
  instrument_de: string;
  instrument_en: string;
  counts: Record<StatusKey, number>;
  total: number;
}

/** Per round (oldest first), how many of the shown recommendations stand at each status. */
export function progressByRound(rows: TrackerRow[]): RoundProgress[] {
  const byRound = new Map<string, RoundProgress>();
  for (const row of rows) {
    let p = byRound.get(row.round_id);
    if (!p) {
      p = {
        round_id: row.round_id,
        label_de: row.round_de,
        label_en: row.round_en,
        instrument_de: row.instrument_de,
        instrument_en: row.instrument_en,
        counts: { not_implemented: 0, partially: 0, implemented: 0, none: 0 },
        total: 0,
      };
      byRound.set(row.round_id, p);
    }
    p.counts[row.status ?? 'none']++;
    p.total++;
  }
  return [...byRound.values()];
}

export function getRecommendation(db: Db, id: string) {
  return db
    .selectFrom('monitoring_recommendations as rec')
    .innerJoin('monitoring_rounds as r', 'r.id', 'rec.round_id')
    .innerJoin('monitoring_instruments as i', 'i.id', 'r.instrument_id')
    .select([
      'rec.id',
      'rec.round_id',
      'rec.paragraph',
      'rec.text_de',
      'rec.text_en',
      'rec.addressee',
      'rec.topics',
      'r.label_de as round_de',
      'r.label_en as round_en',
      'i.name_de as instrument_de',
      'i.name_en as instrument_en',
    ])
    .where('rec.id', '=', id)
    .executeTakeFirst();
}

/** Every assessment of a recommendation, newest first: the history is never rewritten. */
export function assessmentHistory(db: Db, recommendationId: string) {
  return db
    .selectFrom('monitoring_assessments')
    .select([
      'id',
      'status',
      sql<string>`assessed_on::text`.as('assessed_on'),
      'reasoning',
      'sources',
      'created_at',
    ])
    .where('recommendation_id', '=', recommendationId)
    .orderBy('assessed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export function listSubmissions(db: Db) {
  return db
    .selectFrom('monitoring_submissions as s')
    .innerJoin('monitoring_instruments as i', 'i.id', 's.instrument_id')
    .innerJoin('stored_files as f', 'f.id', 's.file_id')
    .leftJoin('monitoring_rounds as r', 'r.id', 's.round_id')
    .select([
      's.id',
      's.title',
      's.locale',
      sql<string>`s.submitted_on::text`.as('submitted_on'),
      'i.name_de as instrument_de',
      'i.name_en as instrument_en',
      'r.label_de as round_de',
      'r.label_en as round_en',
      'f.size',
    ])
    .orderBy('s.submitted_on', 'desc')
    .execute();
}

export function submissionFile(db: Db, id: string) {
  return db
    .selectFrom('monitoring_submissions as s')
    .innerJoin('stored_files as f', 'f.id', 's.file_id')
    .select(['f.name', 'f.media_type', 'f.content'])
    .where('s.id', '=', id)
    .executeTakeFirst();
}

// ---------------------------------------------------------------- writing (callers pass a transaction)

export async function createInstrument(db: Db, edit: z.infer<typeof instrumentSchema>, actor: Actor) {
  const clash = await db
    .selectFrom('monitoring_instruments')
    .select('id')
    .where('slug', '=', edit.slug)
    .executeTakeFirst();
  if (clash) throw fieldError('slug', 'monitoring.slug_taken');
  const max = await db
    .selectFrom('monitoring_instruments')
    .select(sql<number>`coalesce(max(position), 0)`.as('p'))
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('monitoring_instruments')
    .values({ ...edit, position: Number(max.p) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await log(db, actor, 'monitoring.instrument_create', 'monitoring_instrument', row.id, { slug: edit.slug });
  return row.id;
}

export async function updateInstrument(
  db: Db,
  id: string,
  edit: z.infer<typeof instrumentSchema>,
  actor: Actor,
) {
  const clash = await db
    .selectFrom('monitoring_instruments')
    .select('id')
    .where('slug', '=', edit.slug)
    .where('id', '<>', id)
    .executeTakeFirst();
  if (clash) throw fieldError('slug', 'monitoring.slug_taken');
  const res = await db
    .updateTable('monitoring_instruments')
    .set(edit)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound();
  await log(db, actor, 'monitoring.instrument_update', 'monitoring_instrument', id, { slug: edit.slug });
}

export async function updateRound(db: Db, id: string, edit: z.infer<typeof roundSchema>, actor: Actor) {
  const instrument = await db
    .selectFrom('monitoring_instruments')
    .select('id')
    .where('id', '=', edit.instrument_id)
    .executeTakeFirst();
  if (!instrument) throw fieldError('instrument_id', 'validation.choice');
  const res = await db.updateTable('monitoring_rounds').set(edit).where('id', '=', id).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound();
  await log(db, actor, 'monitoring.round_update', 'monitoring_round', id, { year: edit.report_year });
}

export function getInstrument(db: Db, id: string) {
  return db.selectFrom('monitoring_instruments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function getRound(db: Db, id: string) {
  return db.selectFrom('monitoring_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function createRound(db: Db, edit: z.infer<typeof roundSchema>, actor: Actor) {
  const instrument = await db
    .selectFrom('monitoring_instruments')
    .select('id')
    .where('id', '=', edit.instrument_id)
    .executeTakeFirst();
  if (!instrument) throw fieldError('instrument_id', 'validation.choice');
  const row = await db.insertInto('monitoring_rounds').values(edit).returning('id').executeTakeFirstOrThrow();
  await log(db, actor, 'monitoring.round_create', 'monitoring_round', row.id, {
    instrument: edit.instrument_id,
    year: edit.report_year,
  });
  return row.id;
}

export async function saveRecommendation(db: Db, id: string | null, edit: RecommendationEdit, actor: Actor) {
  const round = await db
    .selectFrom('monitoring_rounds')
    .select('id')
    .where('id', '=', edit.round_id)
    .executeTakeFirst();
  if (!round) throw fieldError('round_id', 'validation.choice');
  const values = { ...edit, topics: [...new Set(edit.topics)], updated_at: new Date() };
  let recId = id;
  if (id) {
    const res = await db
      .updateTable('monitoring_recommendations')
      .set(values)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound();
  } else {
    recId = (
      await db
        .insertInto('monitoring_recommendations')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  await log(
    db,
    actor,
    id ? 'monitoring.recommendation_update' : 'monitoring.recommendation_create',
    'monitoring_recommendation',
    recId!,
    {
      round: edit.round_id,
      topics: values.topics,
    },
  );
  return recId!;
}

/** Adds a dated assessment; earlier ones stay as they were. */
export async function addAssessment(db: Db, recommendationId: string, edit: AssessmentEdit, actor: Actor) {
  const row = await db
    .insertInto('monitoring_assessments')
    .values({ recommendation_id: recommendationId, ...edit, created_by: actor.user.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await log(db, actor, 'monitoring.assessment_add', 'monitoring_recommendation', recommendationId, {
    assessment: row.id,
    status: edit.status,
    assessed_on: edit.assessed_on,
  });
  return row.id;
}

export async function addSubmission(
  db: Db,
  edit: z.infer<typeof submissionSchema>,
  file: { file: CheckedUpload; text: string },
  actor: Actor,
) {
  if (edit.round_id) {
    const round = await db
      .selectFrom('monitoring_rounds')
      .select('instrument_id')
      .where('id', '=', edit.round_id)
      .executeTakeFirst();
    if (!round) throw fieldError('round_id', 'validation.choice');
    if (round.instrument_id !== edit.instrument_id) throw fieldError('round_id', 'monitoring.round_mismatch');
  }
  const instrument = await db
    .selectFrom('monitoring_instruments')
    .select('id')
    .where('id', '=', edit.instrument_id)
    .executeTakeFirst();
  if (!instrument) throw fieldError('instrument_id', 'validation.choice');
  const fileId = await saveFile(db, file.file, { createdBy: actor.user.id, textContent: file.text });
  const row = await db
    .insertInto('monitoring_submissions')
    .values({ ...edit, round_id: edit.round_id || null, file_id: fileId, created_by: actor.user.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await log(db, actor, 'monitoring.submission_add', 'monitoring_submission', row.id, { file: fileId });
  return row.id;
}

/** Removes a shadow report and its file (a file belongs to one submission only). */
export async function deleteSubmission(db: Db, id: string, actor: Actor) {
  const row = await db
    .deleteFrom('monitoring_submissions')
    .where('id', '=', id)
    .returning(['file_id', 'title'])
    .executeTakeFirst();
  if (!row) throw notFound();
  await db.deleteFrom('stored_files').where('id', '=', row.file_id).execute();
  await log(db, actor, 'monitoring.submission_delete', 'monitoring_submission', id, { file: row.file_id });
}
