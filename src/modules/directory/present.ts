import type { z } from 'zod';
import type { Locale, Translate } from '../../platform/i18n/index.ts';
import type { centreJsonSchema } from './api-schemas.ts';
import { landName } from './geo/geocode.ts';
import type { CentreRecord, LocationRecord } from './types.ts';
import { languageName, SHELTER_STATUS_MAX_AGE_DAYS, type ShelterStatus } from './vocabulary.ts';

/** An old availability signal is worse than none: after a week it reads as unknown. */
export function effectiveShelterStatus(centre: CentreRecord, now = Date.now()): ShelterStatus {
  if (!centre.shelterUpdatedAt) return 'unknown';
  const ageDays = (now - centre.shelterUpdatedAt.getTime()) / 86_400_000;
  return ageDays > SHELTER_STATUS_MAX_AGE_DAYS ? 'unknown' : centre.shelterStatus;
}

/** The address lines a visitor may see, by the location's privacy level. */
export function visibleAddress(location: LocationRecord): string[] {
  if (location.addressPrivacy === 'on_request') return [];
  if (location.addressPrivacy === 'city') return [location.city];
  return [location.street, `${location.postalCode} ${location.city}`.trim()].filter(Boolean);
}

export function description(centre: CentreRecord, locale: Locale): string {
  return locale === 'de' ? centre.descriptionDe : centre.descriptionEn || centre.descriptionDe;
}

export function labelList(
  t: Translate,
  prefix: 'directory.target' | 'directory.exploitation' | 'directory.service' | 'directory.accessibility',
  keys: string[],
): string {
  return keys.map((k) => t(`${prefix}.${k}` as Parameters<Translate>[0])).join(', ');
}

export function languageList(codes: string[], locale: Locale): string {
  return codes.map((c) => languageName(c, locale)).join(', ');
}

export function landList(keys: string[]): string {
  return keys.map(landName).join(', ');
}

/** The centre as JSON for the API: nothing the address privacy hides, no internal fields. */
export function presentCentreJson(
  centre: CentreRecord,
  extra: { distanceKm: number | null; match: 'full' | 'partial'; missing: string[] },
): z.input<typeof centreJsonSchema> {
  return {
    id: centre.id,
    slug: centre.slug,
    name: centre.name,
    distance_km: extra.distanceKm === null ? null : Math.round(extra.distanceKm),
    lands: centre.nationwide ? ['00'] : centre.lands,
    nationwide: centre.nationwide,
    languages: centre.languages,
    targets: centre.targets,
    exploitation: centre.exploitation,
    services: centre.services,
    online_counselling: centre.onlineCounselling,
    is_member: centre.isMember,
    shelter: {
      status: effectiveShelterStatus(centre),
      updated_at: centre.shelterUpdatedAt?.toISOString() ?? null,
    },
    verified_at: centre.verifiedAt,
    locations: centre.locations.map((l) => ({
      city: l.addressPrivacy === 'on_request' ? null : l.city,
      land: l.land,
      address_privacy: l.addressPrivacy,
      address:
        l.addressPrivacy === 'public' ? { street: l.street, postal_code: l.postalCode, city: l.city } : null,
      latitude:
        l.addressPrivacy === 'public' ? l.latitude : l.addressPrivacy === 'city' ? l.cityLatitude : null,
      longitude:
        l.addressPrivacy === 'public' ? l.longitude : l.addressPrivacy === 'city' ? l.cityLongitude : null,
    })),
    phones: centre.phones.map((p) => ({
      number: p.number,
      description: p.description,
      languages: p.languages,
    })),
    email: centre.email || null,
    website: centre.website || null,
    match: extra.match,
    missing: extra.missing,
    demo: centre.isDemo,
  };
}

/** vCard 4.0 (RFC 6350) of a centre, with the address only where it is public. */
export function vcard(centre: CentreRecord): string {
  const esc = (v: string) =>
    v
      .replace(/\\/g, '\\\\')
      .replace(/\n/g, '\\n')
      .replace(/([,;])/g, '\\$1');
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'KIND:org',
    `FN:${esc(centre.name)}`,
    `ORG:${esc(centre.name)}`,
  ];
  for (const p of centre.phones)
    lines.push(`TEL;VALUE=uri;TYPE=voice:tel:${p.number.replace(/[^\d+]/g, '')}`);
  if (centre.email) lines.push(`EMAIL:${esc(centre.email)}`);
  if (centre.website) lines.push(`URL:${esc(centre.website)}`);
  for (const l of centre.locations) {
    if (l.addressPrivacy === 'public')
      lines.push(`ADR;TYPE=work:;;${esc(l.street)};${esc(l.city)};;${esc(l.postalCode)};Germany`);
    else if (l.addressPrivacy === 'city') lines.push(`ADR;TYPE=work:;;;${esc(l.city)};;;Germany`);
  }
  lines.push(`REV:${centre.updatedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`, 'END:VCARD');
  return `${lines.join('\r\n')}\r\n`;
}
