import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/modules/datacollection/codebook.ts';
import { importColumns } from '../../src/modules/datacollection/import/columns.ts';
import {
  detectDelimiter,
  ImportFileError,
  MAX_IMPORT_ROWS,
  parseImportFile,
} from '../../src/modules/datacollection/import/parse.ts';
import { validateImport } from '../../src/modules/datacollection/import/validate.ts';
import { createTestApp, ORIGIN, type TestApp, type TestSession } from '../helpers/app.ts';

const codebook = loadCodebook('2025');
const columns = importColumns(codebook).map((v) => v.key);

/** A valid row of the 2025 codebook, by column. */
const good: Record<string, string> = {
  first_contact: '2025-03',
  sex: 'female',
  age_group: '22_29',
  nationality: 'NG',
  exploitation_forms: 'sexual_exploitation',
  labour_sector: '',
  recruitment_place: 'abroad:NG',
  exploitation_place: 'land:11|abroad:IT',
  access_route: 'police',
  residence_status: 'asylum_procedure',
  proceedings: 'statement_to_police|investigation_opened',
  services_provided: 'crisis_intervention|accommodation',
  consent_recorded: 'yes',
};

function csv(rows: Array<Record<string, string>>, delimiter = ';', header = columns): string {
  const quote = (v: string) =>
    v.includes(delimiter) || v.includes('"') ? `"${v.replaceAll('"', '""')}"` : v;
  return [header.join(delimiter), ...rows.map((r) => header.map((c) => quote(r[c] ?? '')).join(delimiter))]
    .map((l) => `${l}\r\n`)
    .join('');
}

const enc = (text: string) => new TextEncoder().encode(text);

async function problemOf(bytes: Uint8Array): Promise<string> {
  try {
    await parseImportFile(bytes);
    return 'none';
  } catch (error) {
    if (error instanceof ImportFileError) return error.problem;
    throw error;
  }
}

describe('import files: reading and validation', () => {
  it('reads ; and , delimited UTF-8 CSV with or without BOM, with quoted cells', async () => {
    expect(detectDelimiter('a;b;"c,d"\n1,2')).toBe(';');
    expect(detectDelimiter('a,b,"c;d;e"\n')).toBe(',');
    for (const delimiter of [';', ',']) {
      for (const bom of ['', '\uFEFF']) {
        const parsed = await parseImportFile(enc(bom + csv([good, good], delimiter)));
        expect(parsed.format).toBe('csv');
        expect(parsed.header).toEqual(columns);
        expect(parsed.rows.map((r) => r.line)).toEqual([2, 3]);
        const check = validateImport(codebook, 2025, parsed, { release: false });
        expect(check.problems).toEqual([]);
        expect(check.valid).toHaveLength(2);
        expect(check.valid[0]!.record.exploitation_place).toEqual(['land:11', 'abroad:IT']);
      }
    }
  });

  it('refuses bad files with a clear reason: empty, header only, not UTF-8, binary, too many rows, too large', async () => {
    expect(await problemOf(new Uint8Array())).toBe('data.import.file_empty');
    expect(await problemOf(enc('\uFEFF  \r\n'))).toBe('data.import.file_empty');
    expect(await problemOf(enc(csv([])))).toBe('data.import.no_rows');
    // Windows-1252: "Österreich" with 0xD6
    const latin1 = new Uint8Array([...enc(`${columns.join(';')}\r\n`), 0xd6, 0x73, 0x74, 0x0d, 0x0a]);
    expect(await problemOf(latin1)).toBe('data.import.not_utf8');
    const utf16 = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3b, 0x00]);
    expect(await problemOf(utf16)).toBe('data.import.not_utf8');
    const pdf = enc('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    expect(await problemOf(pdf)).toBe('data.import.file_type');
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
    ]);
    expect(await problemOf(png)).toBe('data.import.file_type');
    const line = `${columns.map(() => 'x').join(';')}\r\n`;
    expect(await problemOf(enc(line.repeat(MAX_IMPORT_ROWS + 2)))).toBe('data.import.too_many_rows');
    expect(await problemOf(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61))).toBe(
      'data.import.file_too_large',
    );
  });

  it('reports wrong columns (missing, unknown, repeated) and then checks no row', async () => {
    const header = [...columns.filter((c) => c !== 'sex'), 'name', 'age_group'];
    const check = validateImport(codebook, 2025, await parseImportFile(enc(csv([good], ';', header))), {
      release: false,
    });
    expect(check.headerOk).toBe(false);
    expect(check.valid).toEqual([]);
    expect(check.problems.map((p) => [p.line, p.column, p.message.key]).sort()).toEqual(
      [
        [1, 'age_group', 'data.import.repeated_column'],
        [1, 'name', 'data.import.unknown_column'],
        [1, 'sex', 'data.import.missing_column'],
      ].sort(),
    );
  });

  it('lists every bad row and column with the value and the reason, as the form validates', async () => {
    const rows = [
      good,
      { ...good, sex: 'woman', age_group: '' }, // not in the list; required
      { ...good, labour_sector: 'construction' }, // does not apply without labour exploitation
      { ...good, exploitation_forms: 'labour_exploitation' }, // labour_sector now required
      { ...good, exploitation_forms: 'unknown|sexual_exploitation' }, // exclusive value
      { ...good, first_contact: '2026-01' }, // after the reporting year
      { ...good, first_contact: '03/2025', nationality: 'ng' }, // malformed month; lower-case code is fine
      { ...good, exploitation_forms: 'labour_exploitation', labour_sector: 'construction|agriculture' },
    ];
    const check = validateImport(codebook, 2025, await parseImportFile(enc(csv(rows))), { release: false });
    const found = check.problems.map((p) => [p.line, p.column, p.value, p.message.key]);
    expect(found).toEqual([
      [3, 'sex', 'woman', 'validation.choice'],
      [3, 'age_group', '', 'data.error.required'],
      [4, 'labour_sector', 'construction', 'data.error.not_applicable'],
      [5, 'labour_sector', '', 'data.error.required'],
      [6, 'exploitation_forms', 'unknown|sexual_exploitation', 'data.error.exclusive'],
      [7, 'first_contact', '2026-01', 'data.error.after_year'],
      [8, 'first_contact', '03/2025', 'validation.format'],
    ]);
    expect(check.invalidRows).toBe(6);
    expect(check.valid.map((r) => r.line)).toEqual([2, 9]);
    expect(check.valid[1]!.record.labour_sector).toEqual(['construction', 'agriculture']);
  });

  it('releases only rows with recorded consent when asked to', async () => {
    const rows = [good, { ...good, consent_recorded: 'no' }];
    const parsed = await parseImportFile(enc(csv(rows)));
    const released = validateImport(codebook, 2025, parsed, { release: true });
    expect(released.valid.map((r) => [r.action, r.record.released_for_analysis])).toEqual([
      ['release', 'yes'],
      ['complete', 'no'],
    ]);
    const kept = validateImport(codebook, 2025, parsed, { release: false });
    expect(kept.valid.map((r) => r.action)).toEqual(['complete', 'complete']);
  });

  it('reads XLSX, also when Excel turned a month into a date or a code into rich text', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Daten');
    sheet.addRow(columns);
    sheet.addRow(columns.map((c) => good[c] ?? ''));
    const second = sheet.addRow(columns.map((c) => good[c] ?? ''));
    second.getCell(columns.indexOf('first_contact') + 1).value = new Date(Date.UTC(2025, 4, 1));
    second.getCell(columns.indexOf('sex') + 1).value = { richText: [{ text: 'fem' }, { text: 'ale' }] };
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await parseImportFile(bytes);
    expect(parsed.format).toBe('xlsx');
    const check = validateImport(codebook, 2025, parsed, { release: false });
    expect(check.problems).toEqual([]);
    expect(check.valid[1]!.record.first_contact).toBe('2025-05');
    expect(check.valid[1]!.record.sex).toBe('female');
  });
});

describe('import through the web page (member, own organisation only)', () => {
  let t: TestApp;
  let orgA: string;
  let orgB: string;
  let memberA: TestSession;
  let memberB: TestSession;

  function upload(session: TestSession, file: Uint8Array, name: string, fields: Record<string, string> = {}) {
    const form = new FormData();
    form.append('_csrf', session.csrf);
    form.append('file', new File([file as Uint8Array<ArrayBuffer>], name));
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return t.request('/datenerhebung/import', {
      method: 'POST',
      body: form,
      headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
      session,
    });
  }
  const recordsOf = (org: string) =>
    t.database.db
      .selectFrom('data_records')
      .select(['case_number', 'status', 'values'])
      .where('organisation_id', '=', org)
      .orderBy('case_number')
      .execute();

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const orgs = await db
      .insertInto('organisations')
      .values([
        { slug: 'fbs-a', name: 'FBS Alpha' },
        { slug: 'fbs-b', name: 'FBS Beta' },
      ])
      .returning('id')
      .execute();
    orgA = orgs[0]!.id;
    orgB = orgs[1]!.id;
    memberA = await t.sessionFor('member', { organisationId: orgA });
    memberB = await t.sessionFor('member', { organisationId: orgB });
    const office = await t.sessionFor('office');
    expect(
      (await t.post('/verwaltung/datenerhebung/jahre', { year: '2025', codebook: '2025' }, office)).status,
    ).toBe(303);
  });
  afterAll(() => t.close());

  it('offers the upload page and both templates generated from the codebook', async () => {
    const page = await t.request('/datenerhebung/import', { session: memberA });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('href="/datenerhebung/vorlage.xlsx"');
    expect(await (await t.request('/datenerhebung', { session: memberA })).text()).toContain(
      'href="/datenerhebung/import"',
    );

    const csvRes = await t.request('/datenerhebung/vorlage.csv', { session: memberA });
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-disposition')).toContain('datenerhebung-2025-vorlage.csv');
    const bytes = new Uint8Array(await csvRes.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).trim()).toBe(columns.join(';'));

    const xlsxRes = await t.request('/datenerhebung/vorlage.xlsx', { session: memberA });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxRes.arrayBuffer()) as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Daten', 'Erläuterung', 'Werte']);
    const data = workbook.getWorksheet('Daten')!;
    expect((data.getRow(1).values as unknown[]).slice(1)).toEqual(columns);
    // a selection list on the sex column, pointing at the sheet of values
    const sexColumn = String.fromCharCode(65 + columns.indexOf('sex'));
    const validation = data.getCell(`${sexColumn}5`).dataValidation;
    expect(validation?.type).toBe('list');
    expect(String(validation?.formulae?.[0])).toMatch(/^Werte!/);
    const help = workbook.getWorksheet('Erläuterung')!;
    const sexHelp = help.getColumn(1).values.indexOf('sex');
    expect(String(help.getRow(sexHelp).getCell(7).value)).toContain('female – weiblich');
    // the template, filled in, imports cleanly
    const row = data.getRow(2);
    columns.forEach((c, i) => {
      row.getCell(i + 1).value = good[c] ?? '';
    });
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer());
    const check = validateImport(codebook, 2025, await parseImportFile(filled), { release: false });
    expect(check.problems).toEqual([]);
    expect(check.valid).toHaveLength(1);
  });

  it('refuses a file with errors as a whole and shows the error table; nothing is written', async () => {
    const file = enc(csv([good, { ...good, sex: 'woman' }, good]));
    const res = await upload(memberA, file, 'fehler.csv');
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('id="import-problems"');
    expect(html).toMatch(/<td class="num">3<\/td>\s*<td><code>sex<\/code><\/td>\s*<td>woman<\/td>/);
    expect(html).toContain('1 von 3 Zeilen enthalten Fehler');
    // the choice "only valid rows" is preselected for the next attempt
    expect(html).toMatch(/value="valid_only"[^>]*checked|checked[^>]*value="valid_only"/);
    expect(await recordsOf(orgA)).toEqual([]);
  });

  it('imports only the valid rows when the user chooses so, in one go, with generated case numbers', async () => {
    const file = enc(csv([good, { ...good, sex: 'woman' }, { ...good, consent_recorded: 'no' }]));
    const res = await upload(memberA, file, 'teilweise.csv', { mode: 'valid_only', release: '1' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('2 Datensätze wurden importiert (1 davon freigegeben)');
    expect(html).toContain('1 fehlerhafte Zeilen wurden ausgelassen');
    const records = await recordsOf(orgA);
    expect(records.map((r) => [r.case_number, r.status])).toEqual([
      ['2025-0001', 'released'],
      ['2025-0002', 'complete'],
    ]);
    expect(records[0]!.values).toMatchObject({
      reporting_year: 2025,
      released_for_analysis: 'yes',
      sex: 'female',
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('meta')
      .where('action', '=', 'data.records_import')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.meta).toMatchObject({ imported: 2, released: 1, skipped: 1, organisation_id: orgA });
  });

  it('a complete file imports as complete records; case numbers continue after form entries', async () => {
    const res = await upload(memberA, enc(csv([good, good], ',')), 'gut.csv');
    expect(res.status).toBe(200);
    expect((await recordsOf(orgA)).map((r) => [r.case_number, r.status]).slice(2)).toEqual([
      ['2025-0003', 'complete'],
      ['2025-0004', 'complete'],
    ]);
  });

  it('shows file problems as messages (422), never a server error', async () => {
    const cases: Array<[Uint8Array, string]> = [
      [new Uint8Array([0xd6, 0x3b, 0x61, 0x0a, 0x62, 0x3b, 0x63]), 'UTF-8'],
      [enc('%PDF-1.4\n%%EOF'), 'keine CSV- oder XLSX-Datei'],
      [enc(csv([])), 'nur die Kopfzeile'],
      [enc(csv([good], ';', ['sex', 'name'])), 'Die Spalten der Datei passen nicht zur Vorlage'],
    ];
    for (const [bytes, message] of cases) {
      const res = await upload(memberA, bytes, 'x.csv');
      expect(res.status, message).toBe(422);
      expect(await res.text()).toContain(message);
    }
    const empty = await upload(memberA, new Uint8Array(), 'leer.csv');
    expect(empty.status).toBe(422);
    const english = await t.request('/en/datenerhebung/import', { session: memberA });
    expect(await english.text()).toContain('Import records');
  });

  it('imports into the own organisation only: another centre neither sees nor gets these records', async () => {
    const before = (await recordsOf(orgA)).length;
    const res = await upload(memberB, enc(csv([good])), 'b.csv');
    expect(res.status).toBe(200);
    expect((await recordsOf(orgA)).length).toBe(before);
    expect((await recordsOf(orgB)).map((r) => r.case_number)).toEqual(['2025-0001']);
    // a posted organisation is ignored: the organisation is always the signed-in user's own
    const form = await upload(memberB, enc(csv([good])), 'b.csv', { organisation_id: orgA, org: 'fbs-a' });
    expect(form.status).toBe(200);
    expect((await recordsOf(orgA)).length).toBe(before);
    const listA = await (await t.request('/datenerhebung', { session: memberA })).text();
    expect(listA).not.toContain('FBS Beta');
    expect((await recordsOf(orgB)).length).toBe(2);
  });
});
