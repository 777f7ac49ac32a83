import { distanceKm } from './geo/geocode.ts';
import { isOpenAt } from './opening-hours.ts';
import { indexText, matchesText } from './text-match.ts';
import type { CentreRecord, LocationRecord } from './types.ts';

/** What the person asked for, already resolved to a point and a Land (see query.ts). */
export interface FinderCriteria {
  point: { lat: number; lon: number } | null;
  /** The searched Land(s): a postal code can span two. */
  lands: string[];
  radiusKm: number | null;
  target: string | null;
  exploitation: string | null;
  language: string | null;
  service: string | null;
  accessibility: string | null;
  online: boolean;
  openNow: boolean;
  text: string | null;
}

/** The filters a centre can fail, named as the query parameters are. */
export type Criterion =
  | 'target'
  | 'exploitation'
  | 'language'
  | 'service'
  | 'accessibility'
  | 'online'
  | 'open_now'
  | 'q'
  | 'radius_km';

export interface RankedCentre {
  centre: CentreRecord;
  match: 'full' | 'partial';
  /** Responsible for the searched Land (or nationwide). */
  responsible: boolean;
  distanceKm: number | null;
  /** The location closest to the searched point that may be shown on a map. */
  nearest: LocationRecord | null;
  missing: Criterion[];
}

export interface RankingResult {
  results: RankedCentre[];
  /** How many centres match every filter (the rest of `results`, if any, are partial matches). */
  fullMatches: number;
}

/** The point a location may be shown at: exact only when its address is public, the city centre otherwise. */
export function publicPoint(location: LocationRecord): { lat: number; lon: number } | null {
  if (location.addressPrivacy === 'on_request') return null;
  if (location.addressPrivacy === 'public' && location.latitude !== null && location.longitude !== null) {
    return { lat: location.latitude, lon: location.longitude };
  }
  if (location.cityLatitude !== null && location.cityLongitude !== null) {
    return { lat: location.cityLatitude, lon: location.cityLongitude };
  }
  return null;
}

const textIndex = new WeakMap<CentreRecord, Set<string>>();
function indexOf(centre: CentreRecord): Set<string> {
  let index = textIndex.get(centre);
  if (!index) {
    index = indexText(
      centre.name,
      centre.alternateName,
      centre.descriptionDe,
      centre.descriptionEn,
      // a hidden address hides its town too: never searchable
      ...centre.locations.filter((l) => l.addressPrivacy !== 'on_request').map((l) => l.city),
    );
    textIndex.set(centre, index);
  }
  return index;
}

function nearestLocation(
  centre: CentreRecord,
  point: FinderCriteria['point'],
): { location: LocationRecord | null; km: number | null } {
  let best: { location: LocationRecord | null; km: number | null } = { location: null, km: null };
  for (const location of centre.locations) {
    const at = publicPoint(location);
    if (!at) continue;
    if (!point) return { location, km: null };
    const km = distanceKm(point, at);
    if (best.km === null || km < best.km) best = { location, km };
  }
  return best;
}

export function missingCriteria(
  centre: CentreRecord,
  c: FinderCriteria,
  distance: number | null,
  now: Date,
): Criterion[] {
  const missing: Criterion[] = [];
  if (c.target && !centre.targets.includes(c.target)) missing.push('target');
  if (c.exploitation && !centre.exploitation.includes(c.exploitation)) missing.push('exploitation');
  if (c.language && !centre.languages.includes(c.language)) missing.push('language');
  if (c.service && !centre.services.includes(c.service)) missing.push('service');
  if (c.accessibility && !centre.locations.some((l) => l.accessibility.includes(c.accessibility!)))
    missing.push('accessibility');
  if (c.online && !centre.onlineCounselling) missing.push('online');
  if (c.openNow && !centre.locations.some((l) => isOpenAt(l.openingHours, now))) missing.push('open_now');
  if (c.text && !matchesText(c.text, indexOf(centre))) missing.push('q');
  if (c.radiusKm !== null && (distance === null || distance > c.radiusKm)) missing.push('radius_km');
  return missing;
}

function byDistanceThenName(a: RankedCentre, b: RankedCentre): number {
  if (a.distanceKm !== b.distanceKm) {
    if (a.distanceKm === null) return 1;
    if (b.distanceKm === null) return -1;
    return a.distanceKm - b.distanceKm;
  }
  return a.centre.name.localeCompare(b.centre.name, 'de');
}

const MAX_PARTIAL = 10;

/**
 * The finder's order: centres matching every filter, those responsible for the searched Land first, each group by
 * distance. Only when nothing matches every filter come the closest partial matches, fewest gaps first.
 */
export function rankCentres(centres: CentreRecord[], c: FinderCriteria, now = new Date()): RankingResult {
  const ranked: RankedCentre[] = centres.map((centre) => {
    const { location, km } = nearestLocation(centre, c.point);
    const missing = missingCriteria(centre, c, km, now);
    return {
      centre,
      match: missing.length === 0 ? 'full' : 'partial',
      responsible: c.lands.length > 0 && (centre.nationwide || c.lands.some((l) => centre.lands.includes(l))),
      distanceKm: km === null ? null : Math.round(km * 10) / 10,
      nearest: location,
      missing,
    };
  });
  const full = ranked.filter((r) => r.match === 'full');
  full.sort((a, b) => (a.responsible === b.responsible ? byDistanceThenName(a, b) : a.responsible ? -1 : 1));
  if (full.length > 0) return { results: full, fullMatches: full.length };
  // fewest gaps first, then (as for full matches) responsible before others, each by distance
  const partial = ranked
    .filter((r) => r.missing.length > 0)
    .sort(
      (a, b) =>
        a.missing.length - b.missing.length ||
        (a.responsible === b.responsible ? byDistanceThenName(a, b) : a.responsible ? -1 : 1),
    )
    .slice(0, MAX_PARTIAL);
  return { results: partial, fullMatches: 0 };
}
