import { sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import type { OpeningSlot } from './opening-hours.ts';
import type { CentreRecord } from './types.ts';
import type { AddressPrivacy, ShelterStatus } from './vocabulary.ts';

interface CentreRow {
  id: string;
  slug: string;
  name: string;
  alternate_name: string;
  description_de: string;
  description_en: string;
  email: string;
  website: string;
  organisation_id: string | null;
  is_member: boolean;
  online_counselling: boolean;
  online_url: string;
  shelter_status: ShelterStatus;
  shelter_updated_at: Date | null;
  targets: string[];
  exploitation: string[];
  services: string[];
  languages: string[];
  lands: string[];
  nationwide: boolean;
  verified_at: string | null;
  published: boolean;
  is_demo: boolean;
  updated_at: Date;
  locations: Array<{
    id: string;
    name: string;
    street: string;
    postal_code: string;
    city: string;
    land: string;
    latitude: number | null;
    longitude: number | null;
    city_latitude: number | null;
    city_longitude: number | null;
    address_privacy: AddressPrivacy;
    accessibility: string[];
    opening_hours: OpeningSlot[];
  }> | null;
  phones: Array<{ id: string; number: string; description: string; languages: string[] }> | null;
}

function present(row: CentreRow): CentreRecord {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    alternateName: row.alternate_name,
    descriptionDe: row.description_de,
    descriptionEn: row.description_en,
    email: row.email,
    website: row.website,
    organisationId: row.organisation_id,
    isMember: row.is_member,
    onlineCounselling: row.online_counselling,
    onlineUrl: row.online_url,
    shelterStatus: row.shelter_status,
    shelterUpdatedAt: row.shelter_updated_at ? new Date(row.shelter_updated_at) : null,
    targets: row.targets,
    exploitation: row.exploitation,
    services: row.services,
    languages: row.languages,
    lands: row.lands,
    nationwide: row.nationwide,
    verifiedAt: row.verified_at,
    published: row.published,
    isDemo: row.is_demo,
    updatedAt: new Date(row.updated_at),
    locations: (row.locations ?? []).map((l) => ({
      id: l.id,
      name: l.name,
      street: l.street,
      postalCode: l.postal_code,
      city: l.city,
      land: l.land,
      latitude: l.latitude,
      longitude: l.longitude,
      cityLatitude: l.city_latitude,
      cityLongitude: l.city_longitude,
      addressPrivacy: l.address_privacy,
      accessibility: l.accessibility,
      openingHours: l.opening_hours,
    })),
    phones: row.phones ?? [],
  };
}

/** Centres with their locations and phones in one query (JSON aggregation keeps it one round trip). */
async function queryCentres(db: Db, where: ReturnType<typeof sql>): Promise<CentreRecord[]> {
  const result = await sql<CentreRow>`
    SELECT c.id, c.slug, c.name, c.alternate_name, c.description_de, c.description_en, c.email, c.website,
           c.organisation_id, c.is_member, c.online_counselling, c.online_url, c.shelter_status, c.shelter_updated_at,
           c.targets, c.exploitation, c.services, c.languages, c.lands, c.nationwide, c.verified_at::text AS verified_at,
           c.published, c.is_demo, c.updated_at,
           (SELECT json_agg(json_build_object(
               'id', l.id, 'name', l.name, 'street', l.street, 'postal_code', l.postal_code, 'city', l.city, 'land', l.land,
               'latitude', l.latitude, 'longitude', l.longitude, 'city_latitude', l.city_latitude,
               'city_longitude', l.city_longitude, 'address_privacy', l.address_privacy,
               'accessibility', l.accessibility, 'opening_hours', l.opening_hours) ORDER BY l.position, l.id)
            FROM directory_locations l WHERE l.centre_id = c.id) AS locations,
           (SELECT json_agg(json_build_object('id', p.id, 'number', p.number, 'description', p.description,
               'languages', p.languages) ORDER BY p.position, p.id)
            FROM directory_phones p WHERE p.centre_id = c.id) AS phones
    FROM directory_centres c
    WHERE ${where}
    ORDER BY c.name`.execute(db);
  return result.rows.map(present);
}

export function loadCentres(db: Db, opts: { publishedOnly: boolean }): Promise<CentreRecord[]> {
  return queryCentres(db, opts.publishedOnly ? sql`c.published` : sql`true`);
}

export async function findCentreBySlug(db: Db, slug: string): Promise<CentreRecord | null> {
  const rows = await queryCentres(db, sql`c.slug = ${slug}`);
  return rows[0] ?? null;
}

export async function findCentreById(db: Db, id: string): Promise<CentreRecord | null> {
  const rows = await queryCentres(db, sql`c.id = ${id}`);
  return rows[0] ?? null;
}

const CACHE_MS = 5000;
let cache: { at: number; centres: CentreRecord[]; db: Db } | null = null;
let loading: { promise: Promise<CentreRecord[]>; db: Db } | null = null;
let generation = 0;

/**
 * The published directory, kept in memory for a few seconds: a finder search filters and ranks about a thousand
 * centres in JavaScript instead of asking the database each time. Other processes see changes within 5 s.
 *
 * One load at a time: when the list has aged, searches keep using it while a single query fetches the new one
 * (under load, every concurrent search would otherwise run the same heavy query at once). After
 * `invalidateDirectoryCache()` nothing old is served: searches wait for the fresh list.
 */
export function publishedCentres(db: Db): Promise<CentreRecord[]> {
  const current = cache?.db === db ? cache : null;
  if (current && Date.now() - current.at < CACHE_MS) return Promise.resolve(current.centres);
  if (!loading || loading.db !== db) {
    const started = generation;
    const promise: Promise<CentreRecord[]> = loadCentres(db, { publishedOnly: true }).then(
      (centres) => {
        if (generation === started) cache = { at: Date.now(), centres, db };
        if (loading?.promise === promise) loading = null;
        return centres;
      },
      (err: unknown) => {
        if (loading?.promise === promise) loading = null;
        throw err;
      },
    );
    loading = { promise, db };
  }
  if (current) {
    // the next search retries a failed refresh; until then the aged list answers
    loading.promise.catch(() => {});
    return Promise.resolve(current.centres);
  }
  return loading.promise;
}

/** The snapshot searches are ranked on right now, if it is still fresh (for answers remembered with it). */
export function freshSnapshot(): CentreRecord[] | null {
  return cache && Date.now() - cache.at < CACHE_MS ? cache.centres : null;
}

export function invalidateDirectoryCache(): void {
  cache = null;
  loading = null;
  generation++;
}
