/**
 * Writing an import: all rows in one transaction, with case numbers reserved as one block from the
 * organisation's counter (the same counter form entry uses, so numbers never repeat), rows inserted in batches,
 * and one audit entry with counts only (DOMAIN.md rule 5: ids and counts, no content).
 */
import { type Kysely, sql } from 'kysely';
import type { DB, Db } from '../../../db/types.ts';
import { audit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Actor } from '../repo.ts';
import type { ImportCheck } from './validate.ts';

export interface ImportResult {
  imported: number;
  released: number;
  complete: number;
  skipped: number;
  /** First and last case number given, or null when nothing was imported. */
  first: string | null;
  last: string | null;
}

const BATCH = 500;

/**
 * Imports the valid rows of a checked file into the organisation's records of `year`. Unless `validOnly` is given,
 * a file with any problem is refused as a whole (nothing is written).
 */
export async function importRecords(
  db: Db,
  input: { organisationId: string; year: number; check: ImportCheck; validOnly: boolean },
  actor: Actor,
): Promise<ImportResult> {
  const { check } = input;
  if (!check.headerOk) throw new AppError('validation', 'data.import.header_invalid');
  if (check.problems.length > 0 && !input.validOnly)
    throw new AppError('validation', 'data.import.has_errors', { rows: check.invalidRows });
  if (check.valid.length === 0) throw new AppError('validation', 'data.import.nothing_valid');

  const run = async (trx: Db): Promise<ImportResult> => {
    const year = await trx
      .selectFrom('data_years')
      .select(['status', 'codebook'])
      .where('year', '=', input.year)
      .forUpdate()
      .executeTakeFirst();
    if (year?.status !== 'open') throw new AppError('conflict', 'data.entry.year_closed');
    const count = check.valid.length;
    await trx
      .insertInto('data_case_counters')
      .values({ organisation_id: input.organisationId, year: input.year, last_number: 0 })
      .onConflict((oc) => oc.columns(['organisation_id', 'year']).doNothing())
      .execute();
    const counter = await trx
      .updateTable('data_case_counters')
      .set({ last_number: sql`last_number + ${count}` })
      .where('organisation_id', '=', input.organisationId)
      .where('year', '=', input.year)
      .returning('last_number')
      .executeTakeFirstOrThrow();
    const start = Number(counter.last_number) - count + 1;
    const caseNumber = (i: number) => `${input.year}-${String(start + i).padStart(4, '0')}`;
    let released = 0;
    for (let offset = 0; offset < count; offset += BATCH) {
      const batch = check.valid.slice(offset, offset + BATCH);
      await trx
        .insertInto('data_records')
        .values(
          batch.map((row, i) => {
            if (row.action === 'release') released++;
            return {
              organisation_id: input.organisationId,
              year: input.year,
              case_number: caseNumber(offset + i),
              codebook: year.codebook,
              values: JSON.stringify(row.record),
              status: row.action === 'release' ? 'released' : 'complete',
            };
          }),
        )
        .execute();
    }
    const result: ImportResult = {
      imported: count,
      released,
      complete: count - released,
      skipped: check.invalidRows,
      first: caseNumber(0),
      last: caseNumber(count - 1),
    };
    await audit(trx, {
      actorId: actor.user?.id ?? null,
      actorLabel: actor.user?.role ?? actor.label ?? 'system',
      action: 'data.records_import',
      targetType: 'data_year',
      targetId: String(input.year),
      ip: actor.ip,
      meta: {
        organisation_id: input.organisationId,
        format: check.format,
        imported: result.imported,
        released: result.released,
        skipped: result.skipped,
        first: result.first,
        last: result.last,
      },
    });
    return result;
  };
  return db.isTransaction ? run(db) : (db as Kysely<DB>).transaction().execute(run);
}
