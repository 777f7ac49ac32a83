import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/db/connect.ts';
import { loadCodebook } from '../../src/modules/datacollection/codebook.ts';
import { importColumns } from '../../src/modules/datacollection/import/columns.ts';
import type { DataReport } from '../../src/modules/datacollection/report.ts';
import { extractPdfText } from '../../src/platform/files/pdf-text.ts';
import { kok } from '../helpers/cli.ts';

const columns = importColumns(loadCodebook('2025')).map((v) => v.key);
const good: Record<string, string> = {
  first_contact: '2025-02',
  sex: 'male',
  age_group: '30_39',
  nationality: 'RO',
  exploitation_forms: 'labour_exploitation',
  labour_sector: 'construction',
  recruitment_place: 'abroad:RO',
  exploitation_place: 'land:05',
  access_route: 'customs_fks',
  residence_status: 'eu_citizen',
  proceedings: 'none',
  services_provided: 'residence_social_law',
  consent_recorded: 'yes',
};
const line = (row: Record<string, string>) => columns.map((c) => row[c] ?? '').join(';');

describe('kok data template, import and report', () => {
  const saved = { ...process.env };
  let dir: string;
  let slug: string;
  let orgId: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-data-io-'));
    process.env.DATA_DIR = path.join(dir, 'data');
    delete process.env.DATABASE_URL;
    process.env.KOK_LANG = 'de';
    expect((await kok('seed', 'demo')).code).toBe(0);
    const database = await connect({ dataDir: process.env.DATA_DIR });
    const org = await database.db
      .selectFrom('organisations')
      .select(['id', 'slug'])
      .orderBy('slug')
      .executeTakeFirstOrThrow();
    await database.close();
    slug = org.slug;
    orgId = org.id;
  }, 300_000);
  afterAll(() => {
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes the CSV and XLSX templates of a year and refuses other formats', async () => {
    const csvFile = path.join(dir, 'vorlage.csv');
    expect((await kok('data', 'template', '--year', '2025', '--out', csvFile)).code).toBe(0);
    expect(fs.readFileSync(csvFile, 'utf8')).toBe(`\uFEFF${columns.join(';')}\r\n`);
    const xlsxFile = path.join(dir, 'vorlage.xlsx');
    expect(
      (await kok('data', 'template', '--year', '2025', '--format', 'xlsx', '--out', xlsxFile)).code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    expect(workbook.getWorksheet('Daten')?.getRow(1).getCell(1).value).toBe(columns[0]);
    expect((await kok('data', 'template', '--year', '2025', '--format', 'pdf')).code).toBe(1);
    expect((await kok('data', 'template')).code).toBe(1);
    const codebook = await kok('data', 'codebook', '--year', '2025', '--json');
    expect(JSON.parse(codebook.out).version).toBe('2025');
  });

  it('imports a file for an organisation: errors listed as JSON and nothing written, then the valid rows', async () => {
    const file = path.join(dir, 'import.csv');
    fs.writeFileSync(
      file,
      [columns.join(';'), line(good), line({ ...good, labour_sector: '' }), line(good)].join('\n'),
    );
    const count = async () => {
      const database = await connect({ dataDir: process.env.DATA_DIR });
      try {
        const rows = await database.db
          .selectFrom('data_records')
          .select(['status'])
          .where('organisation_id', '=', orgId)
          .where('year', '=', 2025)
          .execute();
        return rows.length;
      } finally {
        await database.close();
      }
    };
    const before = await count();
    const refused = await kok('data', 'import', file, '--org', slug, '--year', '2025', '--json');
    expect(refused.code).toBe(1);
    const answer = JSON.parse(refused.out) as { ok: boolean; problems: Array<Record<string, unknown>> };
    expect(answer.ok).toBe(false);
    expect(answer.problems).toEqual([
      { line: 3, column: 'labour_sector', value: '', reason: 'Bitte machen Sie hier eine Angabe.' },
    ]);
    expect(await count()).toBe(before);

    const text = await kok('data', 'import', file, '--org', slug, '--year', '2025');
    expect(text.code).toBe(1);
    expect(text.err).toContain('3\tlabour_sector');

    const done = await kok(
      'data',
      'import',
      file,
      '--org',
      slug,
      '--year',
      '2025',
      '--valid-only',
      '--release',
    );
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/2 Datensätze wurden importiert \(2 davon freigegeben\)/);
    expect(await count()).toBe(before + 2);

    expect((await kok('data', 'import', file, '--org', 'gibt-es-nicht', '--year', '2025')).code).toBe(1);
    expect((await kok('data', 'import', file, '--org', slug, '--year', '2024')).code).toBe(1); // closed year
    const notUtf8 = path.join(dir, 'latin1.csv');
    fs.writeFileSync(notUtf8, Buffer.from([0xd6, 0x3b, 0x0a]));
    const bad = await kok('data', 'import', notUtf8, '--org', slug, '--year', '2025');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('nicht UTF-8');
  });

  it('writes the report as json, csv, xlsx and pdf with the same figures', async () => {
    const jsonFile = path.join(dir, 'bericht.json');
    expect((await kok('data', 'report', '2024', '--out', jsonFile)).code).toBe(0);
    const report = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as DataReport;
    const pdfFile = path.join(dir, 'bericht.pdf');
    expect((await kok('data', 'report', '2024', '--format', 'pdf', '--out', pdfFile)).code).toBe(0);
    const text = (await extractPdfText(fs.readFileSync(pdfFile))).pages.join('\n');
    expect(text).toContain('Datenbericht 2024');
    expect(text).toContain(`Freigegebene Datensätze (in der Auswertung): ${report.released}`);
    const xlsxFile = path.join(dir, 'bericht.xlsx');
    expect(
      (await kok('data', 'report', '2024', '--format', 'xlsx', '--out', xlsxFile, '--lang', 'en')).code,
    ).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Overview', ...report.tables.map((t) => t.id)]);
    const csvFile = path.join(dir, 'bericht.csv');
    expect((await kok('data', 'report', '2024', '--format', 'csv', '--out', csvFile)).code).toBe(0);
    expect(fs.readFileSync(csvFile, 'utf8')).toContain(';sex_by_age;');
    expect((await kok('data', 'report', '2024', '--format', 'pdf')).code).toBe(1); // a binary file needs --out
    expect((await kok('data', 'report', '2024', '--format', 'doc', '--out', 'x')).code).toBe(1);
  });
});
