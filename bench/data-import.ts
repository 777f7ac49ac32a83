/**
 * Import part of `bench:data`: a generated CSV of 10,000 valid case records (codebook 2025) imported for one
 * organisation — reading, checking every row against the codebook, and writing in one transaction — against a
 * baseline of reading and checking only (no database writes) in the same run. Goal: ≤ 10 s for the import.
 * Uses DATABASE_URL (PostgreSQL) when set, else a fresh PGlite directory. Prints one JSON line:
 * {"name":"data_import","engine","rows","bytes","import_seconds","baseline_seconds","ratio","goal_seconds"}.
 *
 * Run: `node bin/run-ts.js bench/data-import.ts`; BENCH_IMPORT_ROWS (10000) for a smaller quick check.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { pick, seededRandom } from '../src/demo/random.ts';
import { type Codebook, loadCodebook, type Variable } from '../src/modules/datacollection/codebook.ts';
import { importColumns } from '../src/modules/datacollection/import/columns.ts';
import { parseImportFile } from '../src/modules/datacollection/import/parse.ts';
import { importRecords } from '../src/modules/datacollection/import/store.ts';
import { validateImport } from '../src/modules/datacollection/import/validate.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const YEAR = 2025;
const SLUG = 'bench-import-fbs';
const codebook = loadCodebook('2025');

/** One valid row as CSV cells (values drawn from the codebook's lists; conditions respected). */
function row(rnd: () => number, cb: Codebook): string[] {
  const keysOf = (key: string) => {
    const v = cb.variables.find((x) => x.key === key) as Variable & {
      values: Array<{ key: string; exclusive?: boolean }>;
    };
    return v.values.filter((x) => !x.exclusive).map((x) => x.key);
  };
  const one = (key: string) => pick(rnd, keysOf(key), 1, 1)[0]!;
  const country = cb.countries[Math.floor(rnd() * cb.countries.length)]!;
  const forms = pick(rnd, keysOf('exploitation_forms'), 1, 2);
  const labour = forms.some((f) =>
    ['labour_exploitation', 'forced_labour', 'domestic_servitude'].includes(f),
  );
  const land = String(1 + Math.floor(rnd() * 16)).padStart(2, '0');
  const values: Record<string, string> = {
    first_contact: `${YEAR}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}`,
    sex: one('sex'),
    age_group: one('age_group'),
    nationality: country,
    exploitation_forms: forms.join('|'),
    labour_sector: labour ? pick(rnd, keysOf('labour_sector'), 1, 2).join('|') : '',
    recruitment_place: country === 'DE' ? 'germany' : `abroad:${country}`,
    exploitation_place: rnd() < 0.8 ? `land:${land}` : `land:${land}|abroad:IT`,
    access_route: one('access_route'),
    residence_status: one('residence_status'),
    proceedings: pick(rnd, keysOf('proceedings'), 1, 2).join('|'),
    services_provided: pick(rnd, keysOf('services_provided'), 1, 4).join('|'),
    consent_recorded: rnd() < 0.85 ? 'yes' : 'no',
  };
  return importColumns(cb).map((v) => values[v.key] ?? '');
}

const rnd = seededRandom(20251);
const header = importColumns(codebook).map((v) => v.key);
const lines = [header.join(';')];
for (let i = 0; i < ROWS; i++) lines.push(row(rnd, codebook).join(';'));
const bytes = new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);

const dataDir = process.env.DATABASE_URL
  ? undefined
  : fs.mkdtempSync(path.join(os.tmpdir(), 'kok-bench-import-'));
const database = await connect({
  databaseUrl: process.env.DATABASE_URL,
  dataDir,
  holder: 'bench:data-import',
});
await migrate(database.db);
const db = database.db;
const org =
  (await db.selectFrom('organisations').select('id').where('slug', '=', SLUG).executeTakeFirst()) ??
  (await db
    .insertInto('organisations')
    .values({ slug: SLUG, name: 'Benchmark-Fachberatungsstelle' })
    .returning('id')
    .executeTakeFirstOrThrow());
const existingYear = await db
  .selectFrom('data_years')
  .select('status')
  .where('year', '=', YEAR)
  .executeTakeFirst();
if (!existingYear)
  await db.insertInto('data_years').values({ year: YEAR, codebook: '2025', status: 'open' }).execute();
else if (existingYear.status !== 'open') throw new Error(`reporting year ${YEAR} is closed in this database`);

// warm-up (JIT, zod schema cache), not measured
const sample = new TextEncoder().encode(`${lines.slice(0, 200).join('\r\n')}\r\n`);
validateImport(codebook, YEAR, await parseImportFile(sample), { release: true });

// baseline: read and check only
const baseStart = performance.now();
const baseCheck = validateImport(codebook, YEAR, await parseImportFile(bytes), { release: true });
const baselineSeconds = (performance.now() - baseStart) / 1000;
if (baseCheck.problems.length > 0)
  throw new Error(`generated rows are invalid: ${JSON.stringify(baseCheck.problems.slice(0, 3))}`);

// the import: read, check, write in one transaction
const start = performance.now();
const check = validateImport(codebook, YEAR, await parseImportFile(bytes), { release: true });
const result = await importRecords(
  db,
  { organisationId: org.id, year: YEAR, check, validOnly: false },
  { user: null, ip: null, label: 'bench' },
);
const importSeconds = (performance.now() - start) / 1000;
if (result.imported !== ROWS) throw new Error(`imported ${result.imported} of ${ROWS}`);

console.error(
  `bench:data-import – ${ROWS} rows (${bytes.length} bytes) on ${database.engine}: ${result.released} released, ${result.complete} complete, case numbers ${result.first} … ${result.last}`,
);
console.log(
  JSON.stringify({
    name: 'data_import',
    engine: database.engine,
    rows: ROWS,
    bytes: bytes.length,
    import_seconds: Number(importSeconds.toFixed(3)),
    baseline_seconds: Number(baselineSeconds.toFixed(3)),
    ratio: Number((importSeconds / baselineSeconds).toFixed(3)),
    goal_seconds: 10,
  }),
);

if (process.env.DATABASE_URL) {
  await db.deleteFrom('data_records').where('organisation_id', '=', org.id).execute();
  await db.deleteFrom('data_case_counters').where('organisation_id', '=', org.id).execute();
}
await database.close();
if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
