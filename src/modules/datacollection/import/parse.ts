/**
 * Reads an uploaded import file into a header and rows of text cells. The type is decided by the content (an XLSX
 * is a ZIP with a workbook inside; anything else with a detectable binary type is refused), a CSV must be UTF-8,
 * and size and row count are limited before anything is validated.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ParsedRow {
  /** The row number as a spreadsheet shows it (the header is row 1). */
  line: number;
  cells: string[];
}

export interface ParsedFile {
  format: 'csv' | 'xlsx';
  header: string[];
  rows: ParsedRow[];
}

/** Why a file cannot be read at all; the key is a message of the catalogue. */
export type FileProblem =
  | 'data.import.file_empty'
  | 'data.import.file_too_large'
  | 'data.import.too_many_rows'
  | 'data.import.file_type'
  | 'data.import.not_utf8'
  | 'data.import.unreadable'
  | 'data.import.no_rows';

export class ImportFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly params: Record<string, string | number> = {},
  ) {
    super(problem);
    this.name = 'ImportFileError';
  }
}

/** Reads a CSV (`,` or `;`) or XLSX file; throws ImportFileError for a file that cannot be imported. */
export async function parseImportFile(bytes: Uint8Array): Promise<ParsedFile> {
  if (bytes.length === 0) throw new ImportFileError('data.import.file_empty');
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new ImportFileError('data.import.file_too_large', { max: MAX_IMPORT_BYTES / 1024 / 1024 });
  // UTF-16 ("Unicode text" from Excel) first: its byte order mark can look like the start of an audio frame
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new ImportFileError('data.import.not_utf8');
  const detected = await fileTypeFromBuffer(bytes);
  let parsed: ParsedFile;
  if (detected?.mime === XLSX_TYPE) parsed = await parseXlsx(bytes);
  else if (detected) throw new ImportFileError('data.import.file_type');
  else parsed = parseCsv(bytes);
  if (parsed.header.every((h) => h === '')) throw new ImportFileError('data.import.file_empty');
  if (parsed.rows.length === 0) throw new ImportFileError('data.import.no_rows');
  return parsed;
}

function decodeUtf8(bytes: Uint8Array): string {
  // a NUL byte means a binary file (or UTF-16, which Excel writes as "Unicode text")
  if (bytes.includes(0)) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    throw new ImportFileError(utf16 ? 'data.import.not_utf8' : 'data.import.file_type');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError('data.import.not_utf8');
  }
}

/** `;` when the header line has more semicolons than commas (outside quotes), else `,`. */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

function parseCsv(bytes: Uint8Array): ParsedFile {
  const text = decodeUtf8(bytes).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new ImportFileError('data.import.file_empty');
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      to: MAX_IMPORT_ROWS + 2,
    }) as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    throw new ImportFileError('data.import.unreadable', { reason: (error as Error).message });
  }
  if (records.length > MAX_IMPORT_ROWS + 1)
    throw new ImportFileError('data.import.too_many_rows', { max: MAX_IMPORT_ROWS });
  const [head, ...rest] = records;
  return {
    format: 'csv',
    header: (head?.record ?? []).map((h) => h.trim()),
    rows: rest
      .filter((r) => r.record.some((c) => c.trim() !== ''))
      .map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // a month Excel turned into a date: keep year and month (never a day, DOMAIN.md rule 2)
    return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}`;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((p) => p.text).join('');
    if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function parseXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportFileError('data.import.unreadable', { reason: (error as Error).message });
  }
  const sheet = workbook.getWorksheet('Daten') ?? workbook.getWorksheet('Data') ?? workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('data.import.file_empty');
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1)
    throw new ImportFileError('data.import.too_many_rows', { max: MAX_IMPORT_ROWS });
  const width = sheet.getRow(1).cellCount;
  const read = (row: ExcelJS.Row) =>
    Array.from({ length: Math.max(width, row.cellCount) }, (_, i) => cellText(row.getCell(i + 1).value));
  const header = read(sheet.getRow(1)).map((h) => h.trim());
  const rows: ParsedRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number === 1) return;
    const cells = read(row);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: number, cells });
  });
  return { format: 'xlsx', header, rows };
}
