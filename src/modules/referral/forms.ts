import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../platform/http/env.ts';
import {
  audiences,
  landKeys,
  regionKeys,
  speakerFormats,
  speakerLanguages,
  topics,
  trainingFormats,
} from './vocabulary.ts';

/** Checkbox groups arrive as a string (one ticked) or an array; each value must be in the vocabulary. */
const choices = (allowed: readonly string[], required: boolean) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => [...new Set(v === undefined ? [] : Array.isArray(v) ? v : [v])].filter(Boolean))
    // checked as a whole, so the message belongs to the group (not to one array index)
    .refine((a) => a.length <= allowed.length && a.every((x) => allowed.includes(x)), {
      message: 'validation.choice',
    })
    .refine((a) => !required || a.length > 0, { message: 'referral.error.choose_one' });

const text = (max: number) => z.string().trim().max(max).optional().default('');
const email = z.string().trim().max(254).pipe(z.email());
const land = z
  .union([z.literal(''), z.enum(landKeys as [string, ...string[]])])
  .optional()
  .transform((v) => v || null);
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === '1' || v === 'on');

/** Fields every public form carries against bots (checked before validation). */
const guard = { website: z.string().optional(), started: z.string().max(200).optional() };

export const trainingRequestSchema = z.object({
  organisation: z.string().trim().min(1).max(300),
  contact_name: z.string().trim().min(1).max(200),
  email,
  phone: text(50),
  audiences: choices(audiences, true),
  group_size: z.coerce.number().int().min(1).max(10000),
  topics: choices(topics, true),
  preferred_dates: text(1000),
  format: z.enum(trainingFormats),
  land,
  message: text(5000),
  ...guard,
});

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'referral.error.date' })
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    {
      message: 'referral.error.date',
    },
  );

export const speakerRequestSchema = z
  .object({
    organisation: text(300),
    contact_name: z.string().trim().min(1).max(200),
    email,
    phone: text(50),
    event_date: isoDate,
    online: checkbox,
    place: text(300),
    land,
    audience: z.enum(audiences),
    group_size: z.coerce.number().int().min(1).max(10000),
    topic: z.enum(topics),
    language: z.enum(speakerLanguages),
    format: z.enum(speakerFormats),
    message: text(5000),
    ...guard,
  })
  .superRefine((v, ctx) => {
    const today = new Date().toISOString().slice(0, 10);
    if (v.event_date < today)
      ctx.addIssue({ code: 'custom', path: ['event_date'], message: 'referral.error.date_past' });
    if (!v.online && !v.place)
      ctx.addIssue({ code: 'custom', path: ['place'], message: 'referral.error.place_required' });
  });

/** One period per line, `YYYY-MM-DD – YYYY-MM-DD` (any dash or "bis"/"to"); a single date is one day. */
export function parsePeriods(raw: string): Array<{ from: string; to: string }> | null {
  const periods: Array<{ from: string; to: string }> = [];
  for (const line of raw.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const m = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:-|–|—|bis|to)\s*(\d{4}-\d{2}-\d{2}))?$/.exec(trimmed);
    if (!m) return null;
    const from = m[1]!;
    const to = m[2] ?? from;
    if (!isoDate.safeParse(from).success || !isoDate.safeParse(to).success || to < from) return null;
    periods.push({ from, to });
  }
  return periods.length > 50 ? null : periods;
}

export const formatPeriods = (periods: ReadonlyArray<{ from: string; to: string }>) =>
  periods.map((p) => (p.from === p.to ? p.from : `${p.from} – ${p.to}`)).join('\n');

const periods = z
  .string()
  .max(5000)
  .optional()
  .default('')
  .transform((v, ctx) => {
    const parsed = parsePeriods(v);
    if (!parsed) {
      ctx.addIssue({ code: 'custom', message: 'referral.error.periods' });
      return z.NEVER;
    }
    return parsed;
  });

export const profileSchema = z.object({
  organisation: text(300),
  public_consent: checkbox,
  topics: choices(topics, true),
  languages: choices(speakerLanguages, true),
  regions: choices(regionKeys, true),
  formats: choices(speakerFormats, true),
  fee_notes: text(2000),
  unavailable: periods,
});

export const speakerSchema = profileSchema.extend({
  name: z.string().trim().min(1).max(200),
  email,
  active: checkbox,
  user_email: z
    .union([z.literal(''), email])
    .optional()
    .default(''),
});

/** Every ticked value of the checkbox groups, to refill a form that is shown again. */
export async function listValues(c: Context<AppEnv>, names: string[]): Promise<Record<string, string[]>> {
  const type = c.req.header('content-type') ?? '';
  const body =
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')
      ? await c.req.parseBody({ all: true })
      : {};
  const out: Record<string, string[]> = {};
  for (const name of names) {
    const v = body[name];
    out[name] = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
      (x): x is string => typeof x === 'string',
    );
  }
  return out;
}
