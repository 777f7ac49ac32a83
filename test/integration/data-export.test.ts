import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { loadCodebook } from '../../src/modules/datacollection/codebook.ts';
import { compareReports } from '../../src/modules/datacollection/export/compare.ts';
import { categoryLabel, type DataReport } from '../../src/modules/datacollection/report.ts';
import { extractPdfText } from '../../src/platform/files/pdf-text.ts';
import { createTestApp, type TestApp, type TestSession } from '../helpers/app.ts';

const bytesOf = async (res: Response) => new Uint8Array(await res.arrayBuffer());
const show = (cell: { value: number | null; suppressed: boolean }, k: number) =>
  cell.suppressed || cell.value === null ? `< ${k}` : cell.value.toLocaleString('de-DE');

/** Every figure (cell, margin, total) of a report with its position, as the JSON has it. */
function figures(report: DataReport) {
  const out: Array<{ table: string; row: string; col: string; value: number | null; suppressed: boolean }> =
    [];
  for (const table of report.tables) {
    const oneWay = table.cols.length === 1 && table.cols[0] === 'n';
    table.rows.forEach((row, i) => {
      for (const [j, col] of table.cols.entries())
        out.push({ table: table.id, row, col, ...table.cells[i]![j]! });
      if (!oneWay) out.push({ table: table.id, row, col: '_total', ...table.row_totals[i]! });
    });
    if (!oneWay)
      for (const [j, col] of table.cols.entries())
        out.push({ table: table.id, row: '_total', col, ...table.col_totals[j]! });
    out.push({ table: table.id, row: '_total', col: '_total', ...table.total });
  }
  return out;
}

describe('data report files (PDF, XLSX, CSV) and the report page', () => {
  let t: TestApp;
  let office: TestSession;
  let report2024: DataReport;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db);
    office = await t.sessionFor('office');
    report2024 = (await (await t.request('/api/v1/data/reports/2024')).json()) as DataReport;
    expect(report2024.tables.some((tb) => tb.cells.flat().some((c) => c.suppressed))).toBe(true);
  });
  afterAll(() => t.close());

  it('CSV: one line per figure, the same numbers as the JSON, withheld values empty', async () => {
    const res = await t.request('/datenbericht/2024.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="datenbericht-2024.csv"');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(res));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parse(text.slice(1), { delimiter: ';', columns: true }) as Array<Record<string, string>>;
    const expected = figures(report2024);
    expect(rows).toHaveLength(expected.length);
    expected.forEach((f, i) => {
      const row = rows[i]!;
      expect([row.table, row.row, row.col]).toEqual([f.table, f.row, f.col]);
      expect(row.suppressed).toBe(f.suppressed ? '1' : '0');
      expect(row.value).toBe(f.suppressed ? '' : String(f.value));
    });
  });

  it('XLSX: one sheet per table with the JSON figures; withheld cells are empty', async () => {
    const res = await t.request('/en/datenbericht/2024.xlsx');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const codebook = loadCodebook('2024');
    let withheld = 0;
    for (const table of report2024.tables) {
      const sheet = workbook.getWorksheet(table.id);
      expect(sheet, table.id).toBeDefined();
      if (table.total.suppressed) continue;
      const oneWay = table.cols.length === 1 && table.cols[0] === 'n';
      table.rows.forEach((row, i) => {
        const line = sheet!.getRow(3 + i);
        expect(line.getCell(1).value).toBe(categoryLabel(codebook, table.id, 'rows', row, 'en'));
        table.cells[i]!.forEach((cell, j) => {
          const value = line.getCell(2 + j).value;
          if (cell.suppressed) {
            withheld++;
            expect(value ?? null, `${table.id} ${row}`).toBeNull();
          } else expect(value, `${table.id} ${row}`).toBe(cell.value);
        });
        if (!oneWay)
          expect(line.getCell(2 + table.cols.length).value ?? null).toBe(table.row_totals[i]!.value);
      });
      const totals = sheet!.getRow(3 + table.rows.length);
      expect(totals.getCell(oneWay ? 2 : table.cols.length + 2).value ?? null).toBe(table.total.value);
    }
    expect(withheld).toBeGreaterThan(0);
  });

  it('PDF: title page, contents, every table with the JSON figures and < k for withheld ones, method notes', async () => {
    const res = await t.request('/datenbericht/2024.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const { pages } = await extractPdfText(await bytesOf(res));
    expect(pages[0]).toContain('Datenbericht 2024');
    expect(pages[1]).toContain('Inhalt');
    expect(pages[1]).toContain('Methodische Hinweise');
    const text = pages.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Methodische Hinweise');
    const codebook = loadCodebook('2024');
    const k = report2024.threshold;
    let withheld = 0;
    for (const table of report2024.tables) {
      if (table.total.suppressed) continue;
      const oneWay = table.cols.length === 1 && table.cols[0] === 'n';
      table.rows.forEach((row, i) => {
        const label = categoryLabel(codebook, table.id, 'rows', row, 'de');
        const cells = table.cells[i]!.map((c) => show(c, k));
        if (!oneWay) cells.push(show(table.row_totals[i]!, k));
        withheld += table.cells[i]!.filter((c) => c.suppressed).length;
        expect(text, `${table.id} ${row}`).toContain(`${label} ${cells.join(' ')}`);
      });
    }
    expect(withheld).toBeGreaterThan(0);
    expect(text.split(`< ${k}`).length - 1).toBeGreaterThanOrEqual(withheld);
  });

  it('the API answers the same files with ?format=, refuses unknown formats with 400, and audits every export', async () => {
    const before = await t.database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'data.report_export')
      .execute();
    const csv = await t.request('/api/v1/data/reports/2024?format=csv');
    expect(csv.status).toBe(200);
    expect(new TextDecoder().decode(await bytesOf(csv))).toContain('sex_by_age');
    const bad = await t.request('/api/v1/data/reports/2024?format=exe');
    expect(bad.status).toBe(400);
    const refused = (await bad.json()) as { error: { code: string; message: string } };
    expect(refused.error.code).toBe('bad_request');
    expect(refused.error.message).toContain('json');
    // an unpublished year is not there for the public, in any format
    expect((await t.request('/api/v1/data/reports/2025?format=pdf')).status).toBe(404);
    expect((await t.request('/datenbericht/2025.xlsx')).status).toBe(404);
    // the office gets the preview
    const preview = await t.request('/verwaltung/datenerhebung/2025.xlsx', { session: office });
    expect(preview.status).toBe(200);
    const after = await t.database.db
      .selectFrom('audit_log')
      .select(['meta', 'actor_label'])
      .where('action', '=', 'data.report_export')
      .orderBy('seq')
      .execute();
    expect(after.length).toBe(before.length + 2);
    expect(after.at(-1)!.meta).toMatchObject({ format: 'xlsx', via: 'office', preview: true });
    expect(after.at(-2)!.meta).toMatchObject({ format: 'csv', via: 'api', preview: false });
  });

  it('the report page shows accessible SVG charts, the downloads and the comparison with the previous year', async () => {
    const page = await (await t.request('/datenbericht/2024')).text();
    expect(page).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="chart-sex-title chart-sex-desc"/);
    expect(page).toContain('<title id="chart-sex-title">Geschlecht</title>');
    expect(page).toContain('href="/datenbericht/2024.pdf"');
    // 2024 is the first published year: nothing to compare with
    expect(page).not.toContain('Vergleich');
    const preview = await (
      await t.request('/verwaltung/datenerhebung/2025/bericht', { session: office })
    ).text();
    expect(preview).toContain('<th scope="col">2024</th>');
    expect(preview).toContain('href="/verwaltung/datenerhebung/2025.pdf"');
  });

  it('compares years through the codebook mapping: merged categories add up, withheld ones stay unknown', () => {
    const cell = (value: number | null) => ({ value, suppressed: value === null });
    const oneWay = (id: string, rows: string[], values: Array<number | null>) => ({
      id,
      title: id,
      rows,
      cols: ['n'],
      cells: values.map((v) => [cell(v)]),
      row_totals: values.map(cell),
      col_totals: [cell(100)],
      total: cell(100),
      multiple: false,
    });
    const previous: DataReport = {
      year: 2024,
      threshold: 5,
      codebook: '2024',
      documented: 100,
      released: 100,
      tables: [
        oneWay('age_group', ['18_21', '22_25', '26_29', '50_59', '60_plus'], [10, 20, 30, 40, null]),
        oneWay('sex', ['female', 'male', 'other', 'unknown'], [60, 30, 5, 5]),
      ],
    };
    const current: DataReport = {
      ...previous,
      year: 2025,
      codebook: '2025',
      tables: [
        oneWay('age_group', ['18_21', '22_29', '50_plus'], [1, 2, 3]),
        oneWay('sex', ['female', 'male', 'diverse', 'unknown'], [1, 2, 3, 4]),
      ],
    };
    const comparison = compareReports(current, previous);
    expect(comparison.year).toBe(2024);
    expect(comparison.tables.age_group!.rows).toEqual([10, 50, null]);
    expect(comparison.tables.sex!.rows).toEqual([60, 30, 5, 5]);
  });
});
