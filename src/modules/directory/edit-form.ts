import type { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.ts';
import type { Ctx } from '../../platform/http/env.ts';
import { fieldErrors } from '../../platform/http/forms.ts';
import { type FormState, MAX_ROWS } from './edit-schema.ts';

const ROW_KEY = /^(locations|phones)\.(\d{1,2})\.([a-z_]+)$/;
const FIELD_NAME = /^[a-z][a-z_]*(\.\d{1,2}\.[a-z_]+)?$/;

/**
 * Validates a centre form. Row fields arrive flat (`locations.0.city`) and are grouped here; the error keys keep
 * that flat name, which is also the input's name, so each message sits next to its field.
 */
export function parseCentreForm<S extends z.ZodType>(
  body: Record<string, unknown>,
  schema: S,
): { ok: true; data: z.output<S>; state: FormState } | { ok: false; errors: FieldErrors; state: FormState } {
  const state: FormState = {};
  const input: Record<string, unknown> = { locations: [], phones: [] };
  const errors: FieldErrors = {};
  for (const [key, value] of Object.entries(body)) {
    // only names the forms use: nothing like `__proto__` reaches the objects below
    if (!FIELD_NAME.test(key)) continue;
    const v = Array.isArray(value) ? value.filter((x) => typeof x === 'string') : value;
    if (typeof v !== 'string' && !Array.isArray(v)) continue;
    if ((Array.isArray(v) ? v : [v]).some((x) => x.includes('\u0000'))) {
      errors[key] = { key: 'validation.invalid' };
      continue;
    }
    state[key] = v;
    const row = ROW_KEY.exec(key);
    if (!row) input[key] = v;
    else if (Number(row[2]) < MAX_ROWS) {
      const list = input[row[1]!] as Record<string, unknown>[];
      for (let i = list.length; i <= Number(row[2]); i++) list.push({});
      list[Number(row[2])]![row[3]!] = v;
    }
  }
  const parsed = schema.safeParse(input);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data, state };
  if (!parsed.success) {
    Object.assign(errors, fieldErrors(parsed.error.issues), errors);
    // custom issues may carry placeholders for their message (the part of the hours that failed)
    for (const issue of parsed.error.issues) {
      const field = errors[issue.path.map(String).join('.')];
      if (issue.code === 'custom' && issue.params && field) field.params = issue.params;
    }
  }
  return { ok: false, errors, state };
}

/** Reads a centre form from the request (repeated names as arrays), only from a form's content types. */
export async function readCentreForm<S extends z.ZodType>(c: Ctx, schema: S) {
  const type = c.req.header('content-type') ?? '';
  const isForm =
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
  return parseCentreForm(isForm ? await c.req.parseBody({ all: true }) : {}, schema);
}
