import { z } from 'zod';
import { AppError, type FieldErrors } from '../../platform/errors.ts';
import { fieldErrors } from '../../platform/http/forms.ts';
import { geocodePlace, LANDS, landForPoint, lookupPostalCode } from './geo/geocode.ts';
import type { FinderCriteria } from './ranking.ts';
import {
  accessibilityFeatures,
  centreServices,
  counsellingLanguages,
  exploitationForms,
  targetGroups,
} from './vocabulary.ts';

const landKeys = LANDS.map((l) => l.key) as [string, ...string[]];
const flag = z
  .enum(['1', 'true', 'on', '0', 'false'])
  .transform((v) => v === '1' || v === 'true' || v === 'on');

/** The finder's parameters, the same for the HTML page and the JSON API. Empty form fields count as absent. */
export const finderSchema = z.object({
  plz: z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'directory.plz_format')
    .optional(),
  place: z.string().trim().min(2).max(80).optional(),
  land: z.enum(landKeys, { message: 'directory.land_invalid' }).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  lon: z.coerce.number().min(-180).max(180).optional(),
  radius_km: z.coerce.number().int().min(1).max(1000).optional(),
  target: z.enum(targetGroups).optional(),
  exploitation: z.enum(exploitationForms).optional(),
  language: z.enum(counsellingLanguages).optional(),
  service: z.enum(centreServices).optional(),
  accessibility: z.enum(accessibilityFeatures).optional(),
  online: flag.optional(),
  open_now: flag.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
});
export type FinderParams = z.infer<typeof finderSchema>;

export type ParsedFinder = { ok: true; params: FinderParams } | { ok: false; errors: FieldErrors };

export function parseFinderQuery(raw: Record<string, string>): ParsedFinder {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, v]) => v !== '' && !v.includes('\u0000')),
  );
  const parsed = finderSchema.safeParse(present);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  if ((parsed.data.lat === undefined) !== (parsed.data.lon === undefined)) {
    return {
      ok: false,
      errors: { [parsed.data.lat === undefined ? 'lat' : 'lon']: { key: 'directory.latlon_pair' } },
    };
  }
  return { ok: true, params: parsed.data };
}

export interface ResolvedSearch {
  criteria: FinderCriteria;
  /** What the point came from, to say so on the page ("near 10785 Berlin"). */
  origin: { kind: 'plz' | 'place' | 'position' | 'land'; label: string } | null;
}

/** Turns postal code, place, position or Land into a point and the Länder to prefer. Unknown places are a 400. */
export function resolveSearch(p: FinderParams): ResolvedSearch {
  let point: FinderCriteria['point'] = null;
  let lands: string[] = [];
  let origin: ResolvedSearch['origin'] = null;
  if (p.plz) {
    const hit = lookupPostalCode(p.plz);
    if (!hit)
      throw new AppError(
        'bad_request',
        'directory.plz_unknown',
        { plz: p.plz },
        { plz: { key: 'directory.plz_unknown', params: { plz: p.plz } } },
      );
    point = { lat: hit.lat, lon: hit.lon };
    lands = hit.lands;
    origin = { kind: 'plz', label: `${hit.plz} ${hit.places[0] ?? ''}`.trim() };
  } else if (p.place) {
    const hit = geocodePlace(p.place);
    if (!hit)
      throw new AppError(
        'bad_request',
        'directory.place_unknown',
        { place: p.place },
        { place: { key: 'directory.place_unknown', params: { place: p.place } } },
      );
    point = { lat: hit.lat, lon: hit.lon };
    lands = [hit.land];
    origin = { kind: 'place', label: hit.place };
  } else if (p.lat !== undefined && p.lon !== undefined) {
    point = { lat: p.lat, lon: p.lon };
    const land = landForPoint(p.lat, p.lon);
    lands = land ? [land] : [];
    origin = { kind: 'position', label: '' };
  }
  if (p.land) {
    lands = [p.land];
    origin ??= { kind: 'land', label: LANDS.find((l) => l.key === p.land)?.name ?? p.land };
  }
  return {
    origin,
    criteria: {
      point,
      lands,
      radiusKm: p.radius_km ?? null,
      target: p.target ?? null,
      exploitation: p.exploitation ?? null,
      language: p.language ?? null,
      service: p.service ?? null,
      accessibility: p.accessibility ?? null,
      online: p.online ?? false,
      openNow: p.open_now ?? false,
      text: p.q ?? null,
    },
  };
}
