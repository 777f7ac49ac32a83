/**
 * The entry form of a case record: form fields ↔ record values, and validation by action.
 *
 * Only variables of the codebook are read from the form (any other posted key is ignored), `reporting_year` is
 * the year of the entry and `released_for_analysis` follows the action, so the form can neither add a field nor
 * release a record by a posted value. Every value is checked against the codebook's schema — also for a draft,
 * which may be incomplete (only "required" is relaxed) but never holds an invalid value or one whose condition
 * does not hold.
 */
import type { FieldErrors } from '../../platform/errors.ts';
import { issueMessage } from '../../platform/http/forms.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { type CaseRecord, type Codebook, isMultiple, recordSchema } from './codebook.ts';
import type { RecordStatus } from './repo.ts';

export type FormAction = 'draft' | 'complete' | 'release';
/** Raw form values per field, to refill the form. */
export type FormValues = Record<string, string[]>;

/** Variables the form shows (the year and the release flag are set by the platform). */
export const hiddenVariables = new Set(['reporting_year', 'released_for_analysis']);

export function actionOf(value: unknown): FormAction {
  return value === 'complete' || value === 'release' ? value : 'draft';
}

export function statusOf(action: FormAction): RecordStatus {
  return action === 'release' ? 'released' : action;
}

/** The posted body (`parseBody({ all: true })`) as lists of strings per field. */
export function formValuesOf(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    out[key] = list;
  }
  return out;
}

/** A stored record as form values. */
export function formValuesOfRecord(record: CaseRecord): FormValues {
  const out: FormValues = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === null || value === undefined) continue;
    out[key] = Array.isArray(value) ? value.map(String) : [String(value)];
  }
  return out;
}

/** Builds the record from form values (no validation yet). */
export function recordOfForm(
  codebook: Codebook,
  year: number,
  values: FormValues,
  action: FormAction,
): CaseRecord {
  const record: CaseRecord = {};
  for (const variable of codebook.variables) {
    if (hiddenVariables.has(variable.key)) continue;
    const list = (values[variable.key] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (list.length === 0) continue;
    if (isMultiple(variable)) record[variable.key] = [...list];
    else if (variable.type === 'small_integer') {
      const first = list[0]!;
      record[variable.key] = /^-?\d{1,6}$/.test(first) ? Number(first) : first;
    } else record[variable.key] = list[0]!;
  }
  if (codebook.variables.some((v) => v.key === 'reporting_year')) record.reporting_year = year;
  if (codebook.variables.some((v) => v.key === 'released_for_analysis'))
    record.released_for_analysis = action === 'release' ? 'yes' : 'no';
  return record;
}

const codeMessages: Record<string, MessageKey> = {
  required: 'data.error.required',
  not_applicable: 'data.error.not_applicable',
  exclusive: 'data.error.exclusive',
  value_condition: 'data.error.value_condition',
  after_year: 'data.error.after_year',
};

/** Validates a record for an action: the field errors (empty when it may be saved so). */
export function validateRecord(codebook: Codebook, record: CaseRecord, action: FormAction): FieldErrors {
  const errors: FieldErrors = {};
  const result = recordSchema(codebook).safeParse(record);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const code = (issue as { params?: { code?: string } }).params?.code;
      if (action === 'draft' && code === 'required') continue;
      let field = issue.path.length > 0 ? String(issue.path[0]) : '_form';
      let message = code && codeMessages[code] ? { key: codeMessages[code]! } : issueMessage(issue);
      if (field === 'released_for_analysis') {
        if (action === 'draft') continue;
        field = 'consent_recorded';
        message = { key: 'data.error.release_needs_consent' };
      }
      errors[field] ??= message;
    }
  }
  if (action === 'release' && record.consent_recorded !== 'yes' && !errors.consent_recorded) {
    errors.consent_recorded = { key: 'data.error.release_needs_consent' };
  }
  return errors;
}

/** Copies the answers of an earlier record that are valid in this codebook (for "copy from previous record"). */
export function copyableValues(codebook: Codebook, record: CaseRecord): FormValues {
  const copy: CaseRecord = {};
  for (const variable of codebook.variables) {
    if (hiddenVariables.has(variable.key) || variable.key === 'consent_recorded') continue;
    const value = record[variable.key];
    if (value !== undefined && value !== null) copy[variable.key] = value;
  }
  const values = formValuesOfRecord(copy);
  // keep only values the codebook knows (an earlier codebook may have had other keys)
  const probe = recordOfForm(codebook, 2000, values, 'draft');
  const errors = validateRecord(codebook, probe, 'draft');
  for (const field of Object.keys(errors)) delete values[field];
  return values;
}
