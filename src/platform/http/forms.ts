import type { Context } from 'hono';
import type { z } from 'zod';
import type { FieldErrors, FieldIssue } from '../errors.ts';
import { isMessageKey } from '../i18n/index.ts';
import type { AppEnv } from './env.ts';

type Issue = z.core.$ZodIssue;

/** Maps a zod issue to a catalogue message. A schema may name a catalogue key as its own message. */
export function issueMessage(issue: Issue): FieldIssue {
  if (isMessageKey(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case 'invalid_type':
      return { key: 'validation.required' };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { key: 'validation.required' }
          : { key: 'validation.too_short', params: { min: Number(issue.minimum) } };
      }
      return { key: 'validation.too_small', params: { min: Number(issue.minimum) } };
    case 'too_big':
      if (issue.origin === 'string')
        return { key: 'validation.too_long', params: { max: Number(issue.maximum) } };
      return { key: 'validation.too_big', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'validation.email' };
      if (issue.format === 'url') return { key: 'validation.url' };
      if (issue.format === 'uuid') return { key: 'validation.invalid' };
      return { key: 'validation.format' };
    case 'invalid_value':
      return { key: 'validation.choice' };
    default:
      return { key: 'validation.invalid' };
  }
}

export function fieldErrors(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
    errors[field] ??= issueMessage(issue);
  }
  return errors;
}

export type FormResult<T> =
  | { ok: true; data: T; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; values: Record<string, string> };

/** Reads a urlencoded/multipart form and validates it. The raw values come back to refill the form. */
export async function readForm<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): Promise<FormResult<z.output<S>>> {
  const type = c.req.header('content-type') ?? '';
  const body =
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
      ? await c.req.parseBody({ all: true })
      : {};
  const values: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (Array.isArray(value)) {
      input[key] = value.filter((v) => typeof v === 'string');
      values[key] = String(value[0] ?? '');
    } else if (typeof value === 'string') {
      input[key] = value;
      values[key] = value;
    }
  }
  const parsed = schema.safeParse(input);
  const nulFields = controlCharacterFields(input);
  if (parsed.success && nulFields.length === 0) return { ok: true, data: parsed.data, values };
  const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  for (const field of nulFields) errors[field] ??= { key: 'validation.invalid' };
  return { ok: false, errors, values };
}

/** PostgreSQL cannot store NUL in text; such input is refused as invalid rather than failing in the database. */
function controlCharacterFields(input: Record<string, unknown>): string[] {
  return Object.entries(input)
    .filter(([, v]) =>
      (Array.isArray(v) ? v : [v]).some((x) => typeof x === 'string' && x.includes('\u0000')),
    )
    .map(([k]) => k);
}

/** Validates a query string: invalid parameters are a 400 for the caller, not a crash. */
export function readQuery<S extends z.ZodType>(
  c: Context<AppEnv>,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const query = c.req.query();
  const nulFields = controlCharacterFields(query);
  if (nulFields.length > 0)
    return {
      ok: false,
      errors: Object.fromEntries(nulFields.map((f) => [f, { key: 'validation.invalid' as const }])),
    };
  const parsed = schema.safeParse(query);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrors(parsed.error.issues) };
}
