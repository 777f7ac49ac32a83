import { z } from 'zod';
import { LANDS, lookupPostalCode } from './geo/geocode.ts';
import { type OpeningSlot, parseSlots } from './opening-hours.ts';
import {
  type AddressPrivacy,
  accessibilityFeatures,
  addressPrivacyLevels,
  centreServices,
  counsellingLanguages,
  exploitationForms,
  targetGroups,
} from './vocabulary.ts';

/** A location as a centre describes it; the city position comes from the postal code, never from a person. */
export interface LocationContent {
  name: string;
  street: string;
  postal_code: string;
  city: string;
  land: string;
  address_privacy: AddressPrivacy;
  accessibility: string[];
  opening_hours: OpeningSlot[];
  city_latitude: number | null;
  city_longitude: number | null;
}

export interface PhoneContent {
  number: string;
  description: string;
  languages: string[];
}

/** Everything a centre may change about its own entry (and the office, too). */
export interface EntryContent {
  name: string;
  alternate_name: string;
  description_de: string;
  description_en: string;
  email: string;
  website: string;
  online_counselling: boolean;
  online_url: string;
  targets: string[];
  exploitation: string[];
  services: string[];
  languages: string[];
  lands: string[];
  nationwide: boolean;
  locations: LocationContent[];
  phones: PhoneContent[];
}

/** The fields in the order forms and diffs show them. */
export const entryFields = [
  'name',
  'alternate_name',
  'description_de',
  'description_en',
  'email',
  'website',
  'online_counselling',
  'online_url',
  'targets',
  'exploitation',
  'services',
  'languages',
  'lands',
  'nationwide',
  'locations',
  'phones',
] as const satisfies ReadonlyArray<keyof EntryContent>;
export type EntryField = (typeof entryFields)[number];

export const MAX_ROWS = 10;
export const landKeys = LANDS.map((l) => l.key) as [string, ...string[]];

const text = (max: number) => z.string().trim().max(max).default('');
/** Checkbox groups: one value arrives as a string, several as an array; stored deduplicated in vocabulary order. */
const many = <T extends readonly [string, ...string[]]>(keys: T) =>
  z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(keys)))
    .transform((picked) => keys.filter((k) => picked.includes(k)));
const checkbox = z
  .preprocess((v) => (Array.isArray(v) ? v.at(-1) : v), z.enum(['on', '']).optional())
  .transform((v) => v === 'on');
const webAddress = z
  .string()
  .trim()
  .max(300)
  .pipe(z.union([z.literal(''), z.url({ protocol: /^https?$/, message: 'validation.url' })]))
  .default('');

const locationRow = z
  .object({
    name: text(120),
    street: text(200),
    postal_code: z
      .string()
      .trim()
      .regex(/^(\d{5})?$/, 'directory.plz_format')
      .default(''),
    city: text(120),
    land: z.union([z.literal(''), z.enum(landKeys)], { message: 'directory.land_invalid' }).default(''),
    address_privacy: z.enum(addressPrivacyLevels).default('city'),
    accessibility: many(accessibilityFeatures),
    opening_hours: text(500),
  })
  .transform((row, ctx): LocationContent => {
    let { city, land } = row;
    let position: { lat: number; lon: number } | null = null;
    if (row.postal_code) {
      const geo = lookupPostalCode(row.postal_code);
      if (!geo)
        ctx.addIssue({ code: 'custom', path: ['postal_code'], message: 'directory.edit.plz_unknown' });
      else {
        position = { lat: geo.lat, lon: geo.lon };
        land ||= geo.lands[0] ?? '';
        city ||= geo.places[0] ?? '';
      }
    }
    if (!city) ctx.addIssue({ code: 'custom', path: ['city'], message: 'validation.required' });
    if (!land && (!row.postal_code || position))
      ctx.addIssue({ code: 'custom', path: ['land'], message: 'directory.edit.land_required' });
    const hours = row.opening_hours ? parseSlots(row.opening_hours) : { ok: true as const, slots: [] };
    if (!hours.ok)
      ctx.addIssue({
        code: 'custom',
        path: ['opening_hours'],
        message: 'directory.edit.hours_invalid',
        params: { part: hours.part },
      });
    return {
      name: row.name,
      street: row.street,
      postal_code: row.postal_code,
      city,
      land,
      address_privacy: row.address_privacy,
      accessibility: row.accessibility,
      opening_hours: hours.ok ? hours.slots : [],
      city_latitude: position?.lat ?? null,
      city_longitude: position?.lon ?? null,
    };
  });

const languageCodes = new Set<string>(counsellingLanguages);
const phoneRow = z.object({
  number: z
    .string()
    .trim()
    .min(1)
    .regex(/^\+?[0-9][0-9 ()/.-]{2,39}$/, 'directory.edit.phone_format'),
  description: text(120),
  languages: text(200)
    .transform((v) => [...new Set(v.split(/[\s,;]+/).filter(Boolean))])
    .refine((codes) => codes.every((c) => languageCodes.has(c)), 'directory.edit.language_codes'),
});

/** Rows keep their form index (so errors point at the right inputs); rows left empty are dropped. */
function rows<S extends z.ZodType>(row: S, blank: (r: Record<string, unknown>) => boolean) {
  return z
    .array(z.record(z.string(), z.unknown()))
    .max(MAX_ROWS)
    .default([])
    .transform((input, ctx) => {
      const out: z.output<S>[] = [];
      input.forEach((raw, i) => {
        if (blank(raw)) return;
        const parsed = row.safeParse(raw);
        if (parsed.success) out.push(parsed.data);
        else for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [i, ...issue.path] });
      });
      return out;
    });
}

const filled = (r: Record<string, unknown>, keys: string[]) =>
  keys.some((k) => typeof r[k] === 'string' && (r[k] as string).trim() !== '');

export const entrySchema = z.object({
  name: z.string().trim().min(2).max(200),
  alternate_name: text(200),
  description_de: text(4000),
  description_en: text(4000),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.union([z.literal(''), z.email('validation.email')]))
    .default(''),
  website: webAddress,
  online_counselling: checkbox,
  online_url: webAddress,
  targets: many(targetGroups),
  exploitation: many(exploitationForms),
  services: many(centreServices),
  languages: many(counsellingLanguages),
  lands: many(landKeys),
  nationwide: checkbox,
  locations: rows(locationRow, (r) => !filled(r, ['name', 'street', 'postal_code', 'city', 'opening_hours'])),
  phones: rows(phoneRow, (r) => !filled(r, ['number', 'description', 'languages'])),
}) satisfies z.ZodType<EntryContent, unknown>;

/** The office's form: the entry plus what only the office decides. */
export const officeSchema = entrySchema.extend({
  slug: z
    .string()
    .trim()
    .regex(/^([a-z0-9][a-z0-9-]{1,80})?$/, 'directory.edit.slug_format')
    .default(''),
  organisation_id: z.union([z.literal(''), z.uuid()], { message: 'validation.choice' }).default(''),
  is_member: checkbox,
  published: checkbox,
  verified_at: z.union([z.literal(''), z.iso.date('validation.format')]).default(''),
  base_updated_at: z.string().max(40).optional(),
});
export type OfficeInput = z.output<typeof officeSchema>;

export const shelterSchema = z.object({ status: z.enum(['available', 'limited', 'none']) });
export const returnSchema = z.object({ comment: z.string().trim().min(1).max(2000) });

/** A form as it arrived: text fields as strings, checkbox groups as arrays. Refills the form after an error. */
export type FormState = Record<string, string | string[]>;
