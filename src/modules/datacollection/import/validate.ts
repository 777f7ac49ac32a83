/**
 * Validation of a whole import file against the codebook of the reporting year, before anything is written.
 *
 * Each row goes through exactly the path a form entry takes (`recordOfForm` + `validateRecord`), so the import
 * accepts and refuses the same records as the form. The answer lists every problem: header problems (missing,
 * unknown or repeated columns — then no row is read, because the columns cannot be trusted) and, per row, every
 * column with its value and the reason.
 */
import type { FieldIssue } from '../../../platform/errors.ts';
import type { CaseRecord, Codebook } from '../codebook.ts';
import { type FormAction, type FormValues, recordOfForm, validateRecord } from '../form.ts';
import { importColumns, MULTI_SEPARATOR } from './columns.ts';
import type { ParsedFile } from './parse.ts';

export interface ImportProblem {
  /** Spreadsheet row number (the header is row 1). */
  line: number;
  /** The column (variable key), or null for a problem of the whole row. */
  column: string | null;
  /** The cell's text as found in the file (shortened). */
  value: string;
  message: FieldIssue;
}

export interface ValidRow {
  line: number;
  record: CaseRecord;
  action: Extract<FormAction, 'complete' | 'release'>;
}

export interface ImportCheck {
  format: 'csv' | 'xlsx';
  /** False when the header is wrong: then no row was checked and nothing can be imported. */
  headerOk: boolean;
  rows: number;
  valid: ValidRow[];
  invalidRows: number;
  problems: ImportProblem[];
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

function normalise(type: string, value: string): string {
  if (type === 'country') return value.toUpperCase();
  if (type === 'place' && /^abroad:/i.test(value)) return `abroad:${value.slice(7).toUpperCase()}`;
  return value;
}

/**
 * Checks every row. `release`: rows with recorded consent import as released, the others as complete (a record
 * without consent is never released — DOMAIN.md rule 3).
 */
export function validateImport(
  codebook: Codebook,
  year: number,
  file: ParsedFile,
  options: { release: boolean },
): ImportCheck {
  const columns = importColumns(codebook);
  const known = new Map(columns.map((v) => [v.key, v]));
  const problems: ImportProblem[] = [];
  const seen = new Set<string>();
  file.header.forEach((name) => {
    if (name === '') return;
    if (!known.has(name))
      problems.push({
        line: 1,
        column: name,
        value: short(name),
        message: { key: 'data.import.unknown_column' },
      });
    else if (seen.has(name))
      problems.push({ line: 1, column: name, value: name, message: { key: 'data.import.repeated_column' } });
    seen.add(name);
  });
  for (const variable of columns) {
    if (!seen.has(variable.key))
      problems.push({
        line: 1,
        column: variable.key,
        value: '',
        message: { key: 'data.import.missing_column' },
      });
  }
  const result: ImportCheck = {
    format: file.format,
    headerOk: problems.length === 0,
    rows: file.rows.length,
    valid: [],
    invalidRows: 0,
    problems,
  };
  if (!result.headerOk) return result;

  const width = file.header.length;
  for (const row of file.rows) {
    const before = problems.length;
    const raw = new Map<string, string>();
    const values: FormValues = {};
    if (row.cells.slice(width).some((c) => c.trim() !== '')) {
      problems.push({
        line: row.line,
        column: null,
        value: '',
        message: { key: 'data.import.extra_cells', params: { count: width } },
      });
    }
    file.header.forEach((name, i) => {
      const variable = known.get(name);
      if (!variable) return;
      const text = (row.cells[i] ?? '').trim();
      raw.set(name, text);
      const multiple =
        variable.type === 'multiple_choice' || (variable.type === 'place' && variable.multiple);
      const parts = multiple ? text.split(MULTI_SEPARATOR) : [text];
      values[name] = parts.map((p) => normalise(variable.type, p.trim())).filter((p) => p !== '');
    });
    const consent = values.consent_recorded?.[0] === 'yes';
    const action = options.release && consent ? 'release' : 'complete';
    const record = recordOfForm(codebook, year, values, action);
    const errors = validateRecord(codebook, record, action);
    // zod checks required fields and conditions only once every value is well-formed; to list every problem of the
    // row at once, check again without the malformed values and add what that finds about the other columns
    if (Object.keys(errors).length > 0) {
      const rest = { ...record };
      for (const column of Object.keys(errors)) delete rest[column];
      for (const [column, message] of Object.entries(validateRecord(codebook, rest, action)))
        if (!(column in errors)) errors[column] = message;
    }
    for (const [column, message] of Object.entries(errors)) {
      problems.push({
        line: row.line,
        column: known.has(column) ? column : null,
        value: short(raw.get(column) ?? ''),
        message,
      });
    }
    if (problems.length > before) result.invalidRows++;
    else result.valid.push({ line: row.line, record, action });
  }
  return result;
}
