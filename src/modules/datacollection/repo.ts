/**
 * Storage of the data collection: reporting years, case records and the per-organisation case-number counters.
 *
 * Tenant isolation (DOMAIN.md rule 4): every function that touches single records takes the caller's organisation
 * and filters on it in SQL, so a record of another organisation is simply not found (the routes answer 404). The
 * office gets aggregated counts only — there is no function that lists single records across organisations.
 * Every change and every read of a record list is written to the audit log in the same transaction (rule 5),
 * with ids and counts only.
 */
import { type Kysely, sql } from 'kysely';
import type { DB, Db, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { type CaseRecord, loadCodebook } from './codebook.ts';
import { buildReportFromCounts, type DataReport } from './report.ts';
import { countYear } from './report-counts.ts';

export interface Actor {
  user: Pick<User, 'id' | 'role'> | null;
  ip: string | null;
  /** Shown as the actor when there is no user (`cli`, `system`). */
  label?: string;
}

export type RecordStatus = 'draft' | 'complete' | 'released' | 'locked';

export interface YearRow {
  year: number;
  codebook: string;
  status: 'open' | 'closed';
  deadline: string | null;
  opened_at: Date;
  closed_at: Date | null;
  published_at: Date | null;
}

export interface RecordRow {
  id: string;
  year: number;
  case_number: string;
  codebook: string;
  values: CaseRecord;
  status: RecordStatus;
  updated_at: Date;
}

/** Runs in the caller's transaction, or in a new one. */
function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : (db as Kysely<DB>).transaction().execute(fn);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function log(
  db: Db,
  actor: Actor,
  action: string,
  targetId: string | null,
  meta: Record<string, unknown> = {},
) {
  return audit(db, {
    actorId: actor.user?.id ?? null,
    actorLabel: actor.user?.role ?? actor.label ?? 'system',
    action: `data.${action}`,
    targetType: targetId ? (action.startsWith('record') ? 'data_record' : 'data_year') : null,
    targetId,
    ip: actor.ip,
    meta,
  });
}

const yearColumns = [
  'year',
  'codebook',
  'status',
  sql<string | null>`to_char(deadline, 'YYYY-MM-DD')`.as('deadline'),
  'opened_at',
  'closed_at',
  'published_at',
] as const;

export async function listYears(db: Db): Promise<YearRow[]> {
  return (await db
    .selectFrom('data_years')
    .select(yearColumns)
    .orderBy('year', 'desc')
    .execute()) as YearRow[];
}

export async function getYear(db: Db, year: number): Promise<YearRow | null> {
  if (!Number.isInteger(year)) return null;
  return ((await db
    .selectFrom('data_years')
    .select(yearColumns)
    .where('year', '=', year)
    .executeTakeFirst()) ?? null) as YearRow | null;
}

/** The year records are entered for: the latest open one. */
export async function currentOpenYear(db: Db): Promise<YearRow | null> {
  const years = await listYears(db);
  return years.find((y) => y.status === 'open') ?? null;
}

export async function publishedYears(db: Db): Promise<YearRow[]> {
  return (await listYears(db)).filter((y) => y.published_at !== null);
}

export async function openYear(
  db: Db,
  input: { year: number; codebook: string; deadline: string | null },
  actor: Actor,
): Promise<void> {
  loadCodebook(input.codebook); // throws for an unknown version
  await inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('data_years')
      .select('year')
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (existing) throw new AppError('conflict', 'data.office.year_exists');
    await trx
      .insertInto('data_years')
      .values({ year: input.year, codebook: input.codebook, deadline: input.deadline, status: 'open' })
      .execute();
    await log(trx, actor, 'year_open', String(input.year), { codebook: input.codebook });
  });
}

/** Closes a year: released records become locked, drafts and complete records stay as they are (not counted). */
export async function closeYear(db: Db, year: number, actor: Actor): Promise<number> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('data_years')
      .select('status')
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    if (row.status === 'closed') throw new AppError('conflict', 'data.office.already_closed');
    await trx
      .updateTable('data_years')
      .set({ status: 'closed', closed_at: new Date() })
      .where('year', '=', year)
      .execute();
    const locked = await trx
      .updateTable('data_records')
      .set({ status: 'locked' })
      .where('year', '=', year)
      .where('status', '=', 'released')
      .executeTakeFirst();
    const count = Number(locked.numUpdatedRows);
    await log(trx, actor, 'year_close', String(year), { locked: count });
    return count;
  });
}

/** The disclosure threshold from the settings (`data_threshold`), default 5, never below 3. */
export async function threshold(db: Db): Promise<number> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'data_threshold')
    .executeTakeFirst();
  const value = Number(row?.value);
  return Number.isInteger(value) && value >= 3 ? value : 5;
}

/**
 * Computes the protected report of a year (nothing is stored). The counting happens in the database
 * (report-counts.ts): only the aggregated counts reach the process, never the records.
 */
export async function computeReport(db: Db, year: YearRow): Promise<DataReport> {
  const codebook = loadCodebook(year.codebook);
  return buildReportFromCounts({
    year: year.year,
    codebook,
    counts: await countYear(db, year.year, codebook),
    k: await threshold(db),
  });
}

/** Publishes a closed year's report: the figures are frozen as computed now. */
export async function publishYear(db: Db, year: number, actor: Actor): Promise<DataReport> {
  return inTransaction(db, async (trx) => {
    const row = await getYear(trx, year);
    if (!row) throw notFound();
    if (row.status !== 'closed') throw new AppError('conflict', 'data.office.publish_needs_close');
    const report = await computeReport(trx, row);
    await trx
      .updateTable('data_years')
      .set({ published_at: new Date(), report: JSON.stringify(report) })
      .where('year', '=', year)
      .execute();
    await log(trx, actor, 'report_publish', String(year), { threshold: report.threshold });
    return report;
  });
}

/** The published report of a year, or null when the year is not published. */
export async function publishedReport(db: Db, year: number): Promise<DataReport | null> {
  if (!Number.isInteger(year)) return null;
  const row = await db
    .selectFrom('data_years')
    .select(['report', 'published_at'])
    .where('year', '=', year)
    .executeTakeFirst();
  if (!row?.published_at || !row.report) return null;
  return row.report as DataReport;
}

export async function logReportRead(db: Db, year: number, actor: Actor, via: string): Promise<void> {
  await log(db, actor, 'report_read', String(year), { via });
}

export interface Participation {
  organisation_id: string;
  name: string;
  documented: number;
  complete: number;
  released: number;
}

/** Counts per organisation (the office's overview): numbers only, never single records. Audited. */
export async function participation(db: Db, year: number, actor: Actor): Promise<Participation[]> {
  const rows = await db
    .selectFrom('organisations as o')
    .leftJoin('data_records as r', (join) =>
      join.onRef('r.organisation_id', '=', 'o.id').on('r.year', '=', year),
    )
    .select([
      'o.id as organisation_id',
      'o.name',
      sql<number>`count(r.id)::int`.as('documented'),
      sql<number>`count(r.id) FILTER (WHERE r.status IN ('complete', 'released', 'locked'))::int`.as(
        'complete',
      ),
      sql<number>`count(r.id) FILTER (WHERE r.status IN ('released', 'locked'))::int`.as('released'),
    ])
    .groupBy(['o.id', 'o.name'])
    .orderBy('o.name')
    .execute();
  await log(db, actor, 'participation_viewed', String(year), { organisations: rows.length });
  return rows.map((r) => ({
    ...r,
    documented: Number(r.documented),
    complete: Number(r.complete),
    released: Number(r.released),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Records of one organisation

export interface RecordListItem {
  id: string;
  case_number: string;
  status: RecordStatus;
  updated_at: Date;
}

/** The organisation's own records of a year (audited read). */
export async function listOwnRecords(
  db: Db,
  organisationId: string,
  year: number,
  actor: Actor,
): Promise<RecordListItem[]> {
  const rows = await db
    .selectFrom('data_records')
    .select(['id', 'case_number', 'status', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .orderBy('case_number', 'desc')
    .execute();
  await log(db, actor, 'records_listed', null, { year, count: rows.length });
  return rows as RecordListItem[];
}

/** One record of the organisation, or null (also for another organisation's id or a malformed id). */
export async function ownRecord(db: Db, organisationId: string, id: string): Promise<RecordRow | null> {
  if (!UUID.test(id)) return null;
  const row = await db
    .selectFrom('data_records')
    .select(['id', 'year', 'case_number', 'codebook', 'values', 'status', 'updated_at'])
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return (row as RecordRow | undefined) ?? null;
}

export async function logRecordRead(db: Db, id: string, actor: Actor): Promise<void> {
  await log(db, actor, 'record_read', id);
}

/** The organisation's most recently changed record (for "copy from previous record"). */
export async function latestOwnRecord(db: Db, organisationId: string): Promise<RecordRow | null> {
  const row = await db
    .selectFrom('data_records')
    .select(['id', 'year', 'case_number', 'codebook', 'values', 'status', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('updated_at', 'desc')
    .orderBy('case_number', 'desc')
    .limit(1)
    .executeTakeFirst();
  return (row as RecordRow | undefined) ?? null;
}

/** The next case number of an organisation in a year (`2025-0042`), under a row lock on its counter. */
async function nextCaseNumber(db: Db, organisationId: string, year: number): Promise<string> {
  await db
    .insertInto('data_case_counters')
    .values({ organisation_id: organisationId, year, last_number: 0 })
    .onConflict((oc) => oc.columns(['organisation_id', 'year']).doNothing())
    .execute();
  const row = await db
    .selectFrom('data_case_counters')
    .select('last_number')
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const next = Number(row.last_number) + 1;
  await db
    .updateTable('data_case_counters')
    .set({ last_number: next })
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .execute();
  return `${year}-${String(next).padStart(4, '0')}`;
}

export async function createRecord(
  db: Db,
  input: { organisationId: string; year: YearRow; values: CaseRecord; status: RecordStatus },
  actor: Actor,
): Promise<{ id: string; case_number: string }> {
  const run = async (trx: Db) => {
    const year = await trx
      .selectFrom('data_years')
      .select('status')
      .where('year', '=', input.year.year)
      .forUpdate()
      .executeTakeFirst();
    if (year?.status !== 'open') throw new AppError('conflict', 'data.entry.year_closed');
    const caseNumber = await nextCaseNumber(trx, input.organisationId, input.year.year);
    const row = await trx
      .insertInto('data_records')
      .values({
        organisation_id: input.organisationId,
        year: input.year.year,
        case_number: caseNumber,
        codebook: input.year.codebook,
        values: JSON.stringify(input.values),
        status: input.status,
      })
      .returning(['id', 'case_number'])
      .executeTakeFirstOrThrow();
    await log(trx, actor, input.status === 'released' ? 'record_release' : 'record_create', row.id, {
      status: input.status,
    });
    return row;
  };
  return inTransaction(db, run);
}

/** Changes a record of the organisation while its year is open; locked records cannot change. */
export async function updateRecord(
  db: Db,
  input: { organisationId: string; id: string; values: CaseRecord; status: RecordStatus },
  actor: Actor,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await lockedOwn(trx, input.organisationId, input.id);
    await trx
      .updateTable('data_records')
      .set({ values: JSON.stringify(input.values), status: input.status, updated_at: new Date() })
      .where('id', '=', current.id)
      .where('organisation_id', '=', input.organisationId)
      .execute();
    const action =
      input.status === 'released' && current.status !== 'released' ? 'record_release' : 'record_update';
    await log(trx, actor, action, current.id, { status: input.status });
  });
}

export async function deleteRecord(db: Db, organisationId: string, id: string, actor: Actor): Promise<void> {
  await inTransaction(db, async (trx) => {
    const current = await lockedOwn(trx, organisationId, id);
    await trx
      .deleteFrom('data_records')
      .where('id', '=', current.id)
      .where('organisation_id', '=', organisationId)
      .execute();
    await log(trx, actor, 'record_delete', current.id);
  });
}

/** The organisation's record, row-locked, checked to be changeable (open year, not locked); 404 otherwise. */
async function lockedOwn(trx: Db, organisationId: string, id: string) {
  if (!UUID.test(id)) throw notFound();
  const current = await trx
    .selectFrom('data_records')
    .select(['id', 'status', 'year'])
    .where('id', '=', id)
    .where('organisation_id', '=', organisationId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) throw notFound();
  const year = await getYear(trx, current.year);
  if (current.status === 'locked' || year?.status !== 'open')
    throw new AppError('conflict', 'data.entry.year_closed');
  return current;
}
