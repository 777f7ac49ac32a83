/**
 * The office's side of the data collection beyond opening and closing years: the disclosure threshold, the
 * participation overview without centre names, reminders to centres that have not released their records, and
 * taking a published report back.
 *
 * Privacy (DOMAIN.md): the office sees released figures, never who entered them — participation is shown to the
 * office as "centre 1 … n" ordered by the figures, so the order says nothing about a name; only `admin` sees the
 * names. Reminders go to every centre that qualifies at once, so the office never picks (or learns) a centre.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB, Db, Locale } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { localePath, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { putSetting } from '../../platform/site.ts';
import type { Actor, Participation } from './repo.ts';

/** The lowest threshold the platform accepts: below 3 a suppressed cell is too easy to guess. */
export const MIN_THRESHOLD = 3;
/** An upper bound that keeps the setting meaningful (a higher k would withhold nearly every figure). */
export const MAX_THRESHOLD = 50;
/** Automatic reminders: this many days before the deadline, each stage once per centre and year. */
export const REMINDER_STAGES = [14, 3] as const;

const DAY = 86_400_000;

function inTransaction<T>(db: Db, fn: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : (db as Kysely<DB>).transaction().execute(fn);
}

function actorFields(actor: Actor) {
  return {
    actorId: actor.user?.id ?? null,
    actorLabel: actor.user?.role ?? actor.label ?? 'system',
    ip: actor.ip,
  };
}

/** Sets the disclosure threshold k (integer, MIN_THRESHOLD…MAX_THRESHOLD); the old and new value are audited. */
export async function setThreshold(db: Db, k: number, before: number, actor: Actor): Promise<void> {
  if (!Number.isInteger(k) || k < MIN_THRESHOLD || k > MAX_THRESHOLD)
    throw new AppError('validation', 'data.threshold.invalid');
  await inTransaction(db, async (trx) => {
    await putSetting(trx, 'data_threshold', k);
    await audit(trx, {
      ...actorFields(actor),
      action: 'data.threshold_set',
      targetType: 'setting',
      targetId: 'data_threshold',
      meta: { from: before, to: k },
    });
  });
}

export interface AnonymousParticipation {
  /** 1 … n, in the order of the figures (most released first), never of the names. */
  number: number;
  documented: number;
  complete: number;
  released: number;
}

/** Participation without the centres' identity (what the office sees). */
export function anonymise(rows: Participation[]): AnonymousParticipation[] {
  return [...rows]
    .sort(
      (a, b) =>
        b.released - a.released ||
        b.complete - a.complete ||
        b.documented - a.documented ||
        a.organisation_id.localeCompare(b.organisation_id),
    )
    .map((r, i) => ({ number: i + 1, documented: r.documented, complete: r.complete, released: r.released }));
}

export function participationTotals(
  rows: Array<Pick<Participation, 'documented' | 'complete' | 'released'>>,
) {
  return rows.reduce(
    (sum, r) => ({
      documented: sum.documented + r.documented,
      complete: sum.complete + r.complete,
      released: sum.released + r.released,
    }),
    { documented: 0, complete: 0, released: 0 },
  );
}

/**
 * Organisations with active centre accounts that have not released everything: nothing released yet, or records
 * still in draft or complete.
 */
function dueCentres(db: Db, year: number) {
  return db
    .selectFrom('organisations as o')
    .select(['o.id', 'o.name'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('users as u')
          .select(sql`1`.as('one'))
          .whereRef('u.organisation_id', '=', 'o.id')
          .where('u.active', '=', true)
          .where('u.role', 'in', ['member', 'member_admin']),
      ),
    )
    .where((eb) =>
      eb.or([
        eb.not(
          eb.exists(
            eb
              .selectFrom('data_records as r')
              .select(sql`1`.as('one'))
              .whereRef('r.organisation_id', '=', 'o.id')
              .where('r.year', '=', year)
              .where('r.status', 'in', ['released', 'locked']),
          ),
        ),
        eb.exists(
          eb
            .selectFrom('data_records as r')
            .select(sql`1`.as('one'))
            .whereRef('r.organisation_id', '=', 'o.id')
            .where('r.year', '=', year)
            .where('r.status', 'in', ['draft', 'complete']),
        ),
      ]),
    );
}

/**
 * Mails every due centre of an open year, once per stage: the reminder row (primary key year, organisation,
 * stage) is inserted first, so a second run — or another process at the same moment — sends nothing again.
 * Returns how many centres were reminded. The mails and the audit entry are written in the same transaction.
 */
export async function sendReminders(
  db: Kysely<DB>,
  config: Pick<Config, 'publicUrl'>,
  input: { year: number; stage: string },
  actor: Actor,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const year = await trx
      .selectFrom('data_years')
      .select(['year', 'status', sql<string | null>`to_char(deadline, 'YYYY-MM-DD')`.as('deadline')])
      .where('year', '=', input.year)
      .executeTakeFirst();
    if (!year) throw notFound();
    if (year.status !== 'open') throw new AppError('conflict', 'data.reminders.year_closed');
    const centres = await dueCentres(trx, input.year).orderBy('o.id').execute();
    let reminded = 0;
    let recipients = 0;
    for (const centre of centres) {
      const accounts = await trx
        .selectFrom('users')
        .select(['email', 'locale'])
        .where('organisation_id', '=', centre.id)
        .where('active', '=', true)
        .where('role', 'in', ['member', 'member_admin'])
        .orderBy('email')
        .execute();
      const inserted = await trx
        .insertInto('data_reminders')
        .values({
          year: input.year,
          organisation_id: centre.id,
          stage: input.stage,
          recipients: accounts.length,
        })
        .onConflict((oc) => oc.columns(['year', 'organisation_id', 'stage']).doNothing())
        .returning('organisation_id')
        .executeTakeFirst();
      if (!inserted) continue;
      for (const account of accounts) {
        const locale = account.locale as Locale;
        const t = translator(locale);
        await enqueueMail(trx, {
          to: account.email,
          subject: t('data.reminders.subject', { year: input.year }),
          text: t('data.reminders.body', {
            year: input.year,
            centre: centre.name,
            deadline: year.deadline ?? '–',
            link: `${config.publicUrl}${localePath(locale, '/datenerhebung')}`,
          }),
        });
      }
      reminded++;
      recipients += accounts.length;
    }
    await audit(trx, {
      ...actorFields(actor),
      action: 'data.reminders_sent',
      targetType: 'data_year',
      targetId: String(input.year),
      meta: { stage: input.stage, centres: reminded, recipients },
    });
    return reminded;
  });
}

/** The stage due `daysLeft` days before the deadline: the nearest stage reached, or null. */
export function stageFor(daysLeft: number): string | null {
  if (daysLeft < 0) return null;
  const reached = REMINDER_STAGES.filter((d) => daysLeft <= d);
  if (reached.length === 0) return null;
  return `before_${Math.min(...reached)}`;
}

/** Whole days from `now` (UTC date) until the deadline date (`YYYY-MM-DD`). */
export function daysUntil(deadline: string, now: Date): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - today) / DAY);
}

/** Housekeeping: the automatic reminders of every open year with a deadline. Returns the centres reminded. */
export async function sendDeadlineReminders(
  db: Kysely<DB>,
  config: Pick<Config, 'publicUrl'>,
  now = new Date(),
): Promise<number> {
  const years = await db
    .selectFrom('data_years')
    .select(['year', sql<string>`to_char(deadline, 'YYYY-MM-DD')`.as('deadline')])
    .where('status', '=', 'open')
    .where('deadline', 'is not', null)
    .execute();
  let reminded = 0;
  for (const year of years) {
    const stage = stageFor(daysUntil(year.deadline, now));
    if (!stage) continue;
    reminded += await sendReminders(db, config, { year: year.year, stage }, { user: null, ip: null });
  }
  return reminded;
}

/** The stage name of the office's button: at most one manual reminder per centre and day. */
export function manualStage(now = new Date()): string {
  return `manual_${now.toISOString().slice(0, 10)}`;
}

/** Reminders already sent for a year, per stage (counts only). */
export async function reminderSummary(
  db: Db,
  year: number,
): Promise<Array<{ stage: string; centres: number; sent_at: Date }>> {
  const rows = await db
    .selectFrom('data_reminders')
    .select(['stage', sql<number>`count(*)::int`.as('centres'), sql<Date>`max(sent_at)`.as('sent_at')])
    .where('year', '=', year)
    .groupBy('stage')
    .orderBy(sql`max(sent_at)`, 'desc')
    .execute();
  return rows.map((r) => ({ stage: r.stage, centres: Number(r.centres), sent_at: new Date(r.sent_at) }));
}

/** Takes a published report back from the public part (it can be published again, recomputed). Audited. */
export async function unpublishYear(db: Db, year: number, actor: Actor): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom('data_years')
      .select('published_at')
      .where('year', '=', year)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound();
    if (!row.published_at) throw new AppError('conflict', 'data.office.not_published_yet');
    await trx
      .updateTable('data_years')
      .set({ published_at: null, report: null })
      .where('year', '=', year)
      .execute();
    await audit(trx, {
      ...actorFields(actor),
      action: 'data.report_unpublish',
      targetType: 'data_year',
      targetId: String(year),
      meta: {},
    });
  });
}
