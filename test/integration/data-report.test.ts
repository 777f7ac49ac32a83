import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { loadCodebook } from '../../src/modules/datacollection/codebook.ts';
import { buildReport, type DataReport, suppressedCount } from '../../src/modules/datacollection/report.ts';
import { createTestApp, type TestApp, type TestSession } from '../helpers/app.ts';

/** Every figure of a report that is published must be 0 or ≥ k; withheld figures are null. */
function checkDisclosure(report: DataReport): void {
  const k = report.threshold;
  expect(k).toBeGreaterThanOrEqual(3);
  for (const table of report.tables) {
    const all = [...table.cells.flat(), ...table.row_totals, ...table.col_totals, table.total];
    for (const cell of all) {
      if (cell.suppressed) expect(cell.value, table.id).toBeNull();
      else {
        expect(cell.value, table.id).not.toBeNull();
        expect(cell.value === 0 || (cell.value as number) >= k, `${table.id}: ${cell.value}`).toBe(true);
      }
    }
    // totals consistent: a fully published line adds up to its total (lines that count persons)
    const rowsAdditive = !table.multiple || table.cols.length > 1; // rows of multiple × single add up across sexes
    table.cells.forEach((row, i) => {
      if (!rowsAdditive || row.some((c) => c.suppressed) || table.row_totals[i]!.suppressed) return;
      if (table.cols.length === 1) expect(row[0]!.value).toBe(table.row_totals[i]!.value);
      else expect(row.reduce((s, c) => s + (c.value ?? 0), 0)).toBe(table.row_totals[i]!.value);
    });
    if (!table.multiple && !table.total.suppressed && table.row_totals.every((c) => !c.suppressed)) {
      expect(
        table.row_totals.reduce((s, c) => s + (c.value ?? 0), 0),
        table.id,
      ).toBe(table.total.value);
    }
  }
}

describe('data report', () => {
  let t: TestApp;
  let office: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db);
    office = await t.sessionFor('office');
  });
  afterAll(() => t.close());

  it('seeds two demo years with about 600 records each, 2024 closed and published', async () => {
    const db = t.database.db;
    const years = await db.selectFrom('data_years').selectAll().orderBy('year').execute();
    expect(years.map((y) => [y.year, y.status, y.published_at !== null])).toEqual([
      [2024, 'closed', true],
      [2025, 'open', false],
    ]);
    for (const year of [2024, 2025]) {
      const { n } = await db
        .selectFrom('data_records')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('year', '=', year)
        .executeTakeFirstOrThrow();
      expect(Number(n)).toBeGreaterThan(550);
      expect(Number(n)).toBeLessThan(650);
    }
    const released2024 = await db
      .selectFrom('data_records')
      .select('status')
      .where('year', '=', 2024)
      .where('status', '=', 'released')
      .execute();
    expect(released2024).toEqual([]); // closing locked them
  });

  it('publishes the 2024 report in the documented shape, with small cells withheld', async () => {
    const res = await t.request('/api/v1/data/reports/2024');
    expect(res.status).toBe(200);
    const report = (await res.json()) as DataReport;
    expect(Object.keys(report).sort()).toEqual(
      ['codebook', 'documented', 'released', 'tables', 'threshold', 'year'].sort(),
    );
    expect(report.year).toBe(2024);
    expect(report.threshold).toBe(5);
    expect(report.codebook).toBe('2024');
    expect(report.tables.map((x) => x.id)).toEqual([
      'totals',
      'sex',
      'age_group',
      'sex_by_age',
      'nationality_region',
      'exploitation_by_sex',
      'labour_sector',
      'access_route',
      'residence_status',
      'services',
    ]);
    for (const table of report.tables) {
      expect(Object.keys(table).sort()).toEqual(
        ['cells', 'col_totals', 'cols', 'id', 'multiple', 'row_totals', 'rows', 'title', 'total'].sort(),
      );
    }
    checkDisclosure(report);
    const counts = suppressedCount(report);
    expect(counts.suppressedCells).toBeGreaterThan(0);
    expect(report.released).toBeGreaterThan(400);
    // linked margins agree: sex table = row totals of sex × age group
    const sex = report.tables.find((x) => x.id === 'sex')!;
    const sexAge = report.tables.find((x) => x.id === 'sex_by_age')!;
    sex.cells.forEach((row, i) => {
      expect(row[0]!.suppressed).toBe(sexAge.row_totals[i]!.suppressed);
      expect(row[0]!.value).toBe(sexAge.row_totals[i]!.value);
    });
    expect(report.tables.find((x) => x.id === 'services')!.multiple).toBe(true);
  });

  it('keeps an unpublished year from the public and lets the office preview it (audited)', async () => {
    expect((await t.request('/api/v1/data/reports/2025')).status).toBe(404);
    expect((await t.request('/api/v1/data/reports/1999')).status).toBe(404);
    expect((await t.request('/api/v1/data/reports/abc')).status).toBe(404);
    const member = await t.sessionFor('member');
    expect((await t.request('/api/v1/data/reports/2025', { session: member })).status).toBe(404);
    const res = await t.request('/api/v1/data/reports/2025', { session: office });
    expect(res.status).toBe(200);
    const report = (await res.json()) as DataReport;
    expect(report.codebook).toBe('2025');
    checkDisclosure(report);
    const page = await t.request('/verwaltung/datenerhebung/2025/bericht', { session: office });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Vorschau');
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'meta'])
      .where('action', '=', 'data.report_read')
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('renders the public report pages, and 404 for an unpublished year', async () => {
    const list = await t.request('/datenbericht');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('/datenbericht/2024');
    const page = await t.request('/datenbericht/2024');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Datenbericht 2024');
    expect(html).toContain('&lt; 5');
    expect(html).toContain('Mehrfachnennungen');
    expect(html).toContain('Basis:');
    expect((await t.request('/en/datenbericht/2024')).status).toBe(200);
    expect((await t.request('/datenbericht/2025')).status).toBe(404);
  });

  it('never publishes a figure below k, whatever the threshold and the data (synthetic)', () => {
    const codebook = loadCodebook('2025');
    const base = {
      reporting_year: 2025,
      first_contact: '2025-01',
      nationality: 'NG',
      exploitation_forms: ['sexual_exploitation'],
      recruitment_place: 'abroad:NG',
      exploitation_place: ['land:11'],
      access_route: 'police',
      residence_status: 'no_status',
      proceedings: ['none'],
      services_provided: ['crisis_intervention'],
      consent_recorded: 'yes',
      released_for_analysis: 'yes',
    };
    const records = [
      ...Array.from({ length: 40 }, () => ({
        status: 'released',
        values: { ...base, sex: 'female', age_group: '22_29' },
      })),
      ...Array.from({ length: 9 }, () => ({
        status: 'locked',
        values: { ...base, sex: 'male', age_group: '30_39' },
      })),
      { status: 'released', values: { ...base, sex: 'diverse', age_group: '18_21' } },
      {
        status: 'released',
        values: {
          ...base,
          sex: 'male',
          age_group: '22_29',
          consent_recorded: 'no',
          released_for_analysis: 'no',
        },
      },
      { status: 'draft', values: { ...base, sex: 'female', age_group: '22_29' } },
    ];
    for (const k of [3, 5, 10]) {
      const report = buildReport({ year: 2025, codebook, records, k });
      checkDisclosure(report);
      expect(report.threshold).toBe(k);
    }
    const report = buildReport({ year: 2025, codebook, records });
    // only released records with consent count: 40 + 9 + 1
    expect(report.tables.find((x) => x.id === 'sex')!.total.value).toBe(50);
    const diverse = report.tables.find((x) => x.id === 'sex')!.cells[2]![0]!;
    expect(diverse).toEqual({ value: null, suppressed: true });
    expect(() => buildReport({ year: 2025, codebook, records, k: 2 })).toThrow(RangeError);
  });
});
