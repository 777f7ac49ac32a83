/**
 * `npm run bench:data`: the full annual data report (every table and the disclosure control) over 100,000 released
 * records from 40 centres, against a baseline of the same GROUP BY queries without any suppression, in the same run
 * on the same database. Uses DATABASE_URL (PostgreSQL) when set, else a fresh PGlite directory. Goal: report ≤ 2 s
 * on PostgreSQL, ≤ 8 s on PGlite. Prints one JSON line:
 * {"name":"data_report","engine","records","report_seconds","baseline_seconds","ratio","goal_seconds","tables",…}.
 *
 * BENCH_RECORDS (100000) for a quicker check, BENCH_RUNS (3): the median of the runs counts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { connect } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Db } from '../src/db/types.ts';
import { type CaseRecord, loadCodebook } from '../src/modules/datacollection/codebook.ts';
import { generate, prng } from '../src/modules/datacollection/demo.ts';
import { computeReport, getYear } from '../src/modules/datacollection/repo.ts';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CENTRES = 40;
const YEAR = 2099; // a year no real data uses; replaced on every run
const SLUG_PREFIX = 'bench-data-';

async function seed(db: Db): Promise<void> {
  await db.deleteFrom('data_records').where('year', '=', YEAR).execute();
  await db.deleteFrom('data_case_counters').where('year', '=', YEAR).execute();
  await db.deleteFrom('data_years').where('year', '=', YEAR).execute();
  await db.deleteFrom('organisations').where('slug', 'like', `${SLUG_PREFIX}%`).execute();
  await db.insertInto('data_years').values({ year: YEAR, codebook: '2025', status: 'open' }).execute();
  const orgs = await db
    .insertInto('organisations')
    .values(
      Array.from({ length: CENTRES }, (_, i) => ({
        slug: `${SLUG_PREFIX}${String(i).padStart(2, '0')}`,
        name: `Bench-FBS ${i}`,
      })),
    )
    .returning('id')
    .execute();
  const codebook = loadCodebook('2025');
  const rand = prng(20990);
  // centres differ in size, as in the demo data
  const weights = orgs.map(() => 0.2 + rand() * rand() * 3);
  const sum = weights.reduce((a, b) => a + b, 0);
  const perCentre = weights.map((w) => Math.floor((w / sum) * RECORDS));
  perCentre[0]! += RECORDS - perCentre.reduce((a, b) => a + b, 0);
  const batch: Array<{
    organisation_id: string;
    year: number;
    case_number: string;
    codebook: string;
    values: CaseRecord;
    status: 'released';
  }> = [];
  // 5,000 rows per statement as one JSON parameter: seeding 100,000 records stays well under a minute on PGlite
  const flush = async () => {
    if (batch.length === 0) return;
    await sql`INSERT INTO data_records (organisation_id, year, case_number, codebook, "values", status)
      SELECT organisation_id, year, case_number, codebook, "values", status
      FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
        AS x(organisation_id uuid, year int, case_number text, codebook text, "values" jsonb, status text)`.execute(
      db,
    );
    batch.length = 0;
  };
  for (const [i, org] of orgs.entries()) {
    for (let j = 1; j <= perCentre[i]!; j++) {
      const values = generate(codebook, 2025, rand, 1);
      values.reporting_year = 2025;
      values.consent_recorded = 'yes';
      values.released_for_analysis = 'yes';
      batch.push({
        organisation_id: org.id,
        year: YEAR,
        case_number: `${YEAR}-${String(j).padStart(5, '0')}`,
        codebook: '2025',
        values,
        status: 'released',
      });
      if (batch.length >= 5000) await flush();
    }
  }
  await flush();
  await sql`ANALYZE data_records`.execute(db);
}

/** The report's tables as plain GROUP BY queries: the same counts, no analysis filter, no suppression. */
async function baseline(db: Db): Promise<number> {
  const where = sql`year = ${YEAR} AND status IN ('released', 'locked')`;
  const queries = [
    sql`SELECT status, count(*) FROM data_records WHERE year = ${YEAR} GROUP BY status`,
    sql`SELECT "values"->>'sex', count(*) FROM data_records WHERE ${where} GROUP BY 1`,
    sql`SELECT "values"->>'age_group', count(*) FROM data_records WHERE ${where} GROUP BY 1`,
    sql`SELECT "values"->>'sex', "values"->>'age_group', count(*) FROM data_records WHERE ${where} GROUP BY 1, 2`,
    sql`SELECT "values"->>'nationality', count(*) FROM data_records WHERE ${where} GROUP BY 1`,
    sql`SELECT f, "values"->>'sex', count(*) FROM data_records,
          jsonb_array_elements_text(coalesce("values"->'exploitation_forms', '[]')) f WHERE ${where} GROUP BY 1, 2`,
    sql`SELECT s, count(*) FROM data_records,
          jsonb_array_elements_text(coalesce("values"->'labour_sector', '[]')) s WHERE ${where} GROUP BY 1`,
    sql`SELECT "values"->>'access_route', count(*) FROM data_records WHERE ${where} GROUP BY 1`,
    sql`SELECT "values"->>'residence_status', count(*) FROM data_records WHERE ${where} GROUP BY 1`,
    sql`SELECT s, count(*) FROM data_records,
          jsonb_array_elements_text(coalesce("values"->'services_provided', '[]')) s WHERE ${where} GROUP BY 1`,
  ];
  let rows = 0;
  for (const q of queries) rows += (await q.execute(db)).rows.length;
  return rows;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await fn();
  return { seconds: (performance.now() - started) / 1000, result };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dataDir = process.env.DATABASE_URL
    ? undefined
    : fs.mkdtempSync(path.join(os.tmpdir(), 'kok-bench-data-'));
  const database = await connect({ databaseUrl: process.env.DATABASE_URL, dataDir, holder: 'bench:data' });
  try {
    await migrate(database.db);
    const seeded = await timed(() => seed(database.db));
    const year = (await getYear(database.db, YEAR))!;
    // one warm-up each, then RUNS alternating measurements
    await computeReport(database.db, year);
    await baseline(database.db);
    const reportTimes: number[] = [];
    const baselineTimes: number[] = [];
    let tables = 0;
    let suppressed = 0;
    let released: number | null = null;
    for (let i = 0; i < RUNS; i++) {
      const r = await timed(() => computeReport(database.db, year));
      reportTimes.push(r.seconds);
      tables = r.result.tables.length;
      released = r.result.released;
      suppressed = r.result.tables.reduce((n, t) => n + t.cells.flat().filter((c) => c.suppressed).length, 0);
      baselineTimes.push((await timed(() => baseline(database.db))).seconds);
    }
    const report = median(reportTimes);
    const base = median(baselineTimes);
    const goal = database.engine === 'postgres' ? 2 : 8;
    console.log(
      JSON.stringify({
        name: 'data_report',
        engine: database.engine,
        records: RECORDS,
        centres: CENTRES,
        released,
        tables,
        suppressed_cells: suppressed,
        seed_seconds: Number(seeded.seconds.toFixed(1)),
        report_seconds: Number(report.toFixed(3)),
        baseline_seconds: Number(base.toFixed(3)),
        ratio: Number((report / base).toFixed(2)),
        goal_seconds: goal,
        within_goal: report <= goal,
      }),
    );
    if (process.env.DATABASE_URL) {
      await database.db.deleteFrom('data_records').where('year', '=', YEAR).execute();
      await database.db.deleteFrom('data_years').where('year', '=', YEAR).execute();
      await database.db.deleteFrom('organisations').where('slug', 'like', `${SLUG_PREFIX}%`).execute();
    }
  } finally {
    await database.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
