import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/connect.ts';
import { createTestDatabase } from '../../db/testing.ts';
import type { CaseRecord } from './codebook.ts';
import { loadCodebook } from './codebook.ts';
import { generate, prng } from './demo.ts';
import { computeReport, getYear } from './repo.ts';
import { buildReport, countRecords } from './report.ts';
import { countYear } from './report-counts.ts';

type Status = 'draft' | 'complete' | 'released' | 'locked';
const statuses: Status[] = ['draft', 'complete', 'released', 'released', 'locked'];

/** Sorted entries of a count map, for comparison. */
const entries = (m: Map<string, number>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));

describe('report counts in SQL equal the counts in memory', () => {
  let database: Database;
  const records: Record<number, Array<{ status: Status; values: CaseRecord }>> = {};

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    const org = await db
      .insertInto('organisations')
      .values({ slug: 'fbs-zaehlung', name: 'FBS Zählung' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [year, version, size] of [
      [2024, '2024', 350],
      [2025, '2025', 600],
    ] as const) {
      const codebook = loadCodebook(version);
      const rand = prng(year);
      await db.insertInto('data_years').values({ year, codebook: version, status: 'open' }).execute();
      const rows = Array.from({ length: size }, (_, i) => {
        const values = generate(codebook, year, rand, 0.8);
        // edge cases the SQL must read as the JS does: a released record without consent does not count, a
        // record without services is not in the services table's base
        if (i % 37 === 0) values.consent_recorded = 'no';
        if (i % 43 === 0) delete values.services_provided;
        return { status: statuses[i % statuses.length]!, values };
      });
      records[year] = rows;
      await db
        .insertInto('data_records')
        .values(
          rows.map((r, i) => ({
            organisation_id: org.id,
            year,
            case_number: `${year}-${String(i + 1).padStart(4, '0')}`,
            codebook: version,
            values: JSON.stringify(r.values),
            status: r.status,
          })),
        )
        .execute();
    }
  });
  afterAll(() => database.close());

  for (const [year, version] of [
    [2024, '2024'],
    [2025, '2025'],
  ] as const) {
    it(`counts ${year} (codebook ${version}) exactly as countRecords`, async () => {
      const codebook = loadCodebook(version);
      const sqlCounts = await countYear(database.db, year, codebook);
      const jsCounts = countRecords(codebook, records[year]!);
      expect(jsCounts.counted).toBeGreaterThan(100);
      expect(sqlCounts.documented).toBe(jsCounts.documented);
      expect(sqlCounts.counted).toBe(jsCounts.counted);
      expect(sqlCounts.answered).toEqual(jsCounts.answered);
      expect(entries(sqlCounts.sexByAge)).toEqual(entries(jsCounts.sexByAge));
      expect(entries(sqlCounts.formBySex)).toEqual(entries(jsCounts.formBySex));
      expect(Object.keys(sqlCounts.byValue).sort()).toEqual(Object.keys(jsCounts.byValue).sort());
      for (const key of Object.keys(jsCounts.byValue))
        expect(entries(sqlCounts.byValue[key]!), key).toEqual(entries(jsCounts.byValue[key]!));
    });

    it(`gives the same protected report for ${year} as buildReport over the records`, async () => {
      const row = (await getYear(database.db, year))!;
      const fromDb = await computeReport(database.db, row);
      const inMemory = buildReport({ year, codebook: loadCodebook(version), records: records[year]!, k: 5 });
      expect(fromDb).toEqual(inMemory);
      expect(fromDb.tables.some((t) => t.cells.flat().some((c) => c.suppressed))).toBe(true);
    });
  }

  it('counts nothing for a year without records', async () => {
    await database.db
      .insertInto('data_years')
      .values({ year: 2030, codebook: '2025', status: 'open' })
      .execute();
    const counts = await countYear(database.db, 2030, loadCodebook('2025'));
    expect(counts.documented).toBe(0);
    expect(counts.counted).toBe(0);
    expect(entries(counts.sexByAge)).toEqual([]);
  });
});
