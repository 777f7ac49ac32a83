/**
 * Whole-directory export and import (`kok directory export FILE`, `kok directory import FILE`).
 *
 * - `.zip`: the HSDS 3.0 tables as JSON arrays (`organizations.json`, `services.json`, …) — the interchange view,
 *   made by the same functions as the `/api/hsds` endpoints, so only published centres and only what address
 *   privacy allows — plus `kok-directory.json`, the lossless native file: every centre (unpublished ones too) with
 *   every column of its row, its locations and its phones, exactly as stored. Importing the ZIP reads the native
 *   file; a ZIP from elsewhere without it is mapped back from the HSDS tables as far as they go.
 * - `.csv`: one row per location with the main fields (a centre without location gets one row with empty location
 *   columns); the centre's columns repeat on each of its rows. For editing in a spreadsheet: lists are comma
 *   separated keys, opening hours are text ("Mo–Fr 09:00–17:00"), phones one per line as "number | description |
 *   languages". The import reads comma- or semicolon-separated files.
 * - `.json`: the native file on its own.
 *
 * The import matches centres by slug (an existing centre is updated and its locations and phones replaced, a new
 * one is created), checks every row first and writes nothing when anything is wrong: the error lists every bad
 * row and field. It all happens in one transaction.
 *
 * The exports contain unpublished centres and protected addresses (except the HSDS tables): they are for the
 * office, not for publication. Change requests are not part of the export.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { type Kysely, sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/types.ts';
import { LANDS, lookupPostalCode } from './geo/geocode.ts';
import { findTerm, hsdsTables, KOK_PROPERTY, TAXONOMIES, TAXONOMY_KEYS } from './hsds/present.ts';
import { formatSlots, type OpeningSlot, openingSlotSchema, parseSlots } from './opening-hours.ts';
import { invalidateDirectoryCache, loadCentres } from './repo.ts';
import {
  accessibilityFeatures,
  addressPrivacyLevels,
  centreServices,
  counsellingLanguages,
  exploitationForms,
  shelterStatuses,
  targetGroups,
} from './vocabulary.ts';

export const NATIVE_FILE = 'kok-directory.json';
export const NATIVE_FORMAT = 'kok-directory';
export const NATIVE_VERSION = 1;

/** The import refused the file; `problems` names every bad row and field. Nothing was written. */
export class ImportError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Import refused, nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}).`,
    );
  }
}

export interface ExportResult {
  format: 'zip' | 'csv' | 'json';
  centres: number;
  locations: number;
}

export interface ImportResult {
  /** Centres created. */
  imported: number;
  /** Existing centres (same slug) updated. */
  updated: number;
  locations: number;
  phones: number;
}

type Row = Record<string, unknown>;
export interface NativeCentre extends Row {
  slug: string;
  organisation_slug?: string | null;
  locations: Row[];
  phones: Row[];
}

function formatOf(file: string): 'zip' | 'csv' | 'json' {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  return 'zip';
}

// ---------------------------------------------------------------------------------------------------------
// Export

/** Every centre with every column of its rows, as stored (timestamps with microseconds, exact floats). */
export async function readNative(db: Kysely<DB> | Transaction<DB>): Promise<NativeCentre[]> {
  const result = await sql<{ centre: NativeCentre }>`
    SELECT to_jsonb(c) || jsonb_build_object(
      'organisation_slug', o.slug,
      'locations', COALESCE((SELECT jsonb_agg(to_jsonb(l) ORDER BY l.position, l.id)
                             FROM directory_locations l WHERE l.centre_id = c.id), '[]'::jsonb),
      'phones', COALESCE((SELECT jsonb_agg(to_jsonb(p) ORDER BY p.position, p.id)
                          FROM directory_phones p WHERE p.centre_id = c.id), '[]'::jsonb)) AS centre
    FROM directory_centres c LEFT JOIN organisations o ON o.id = c.organisation_id
    ORDER BY c.slug`.execute(db);
  return result.rows.map((r) => (typeof r.centre === 'string' ? JSON.parse(r.centre) : r.centre));
}

export function nativeDocument(centres: NativeCentre[]): string {
  return `${JSON.stringify(
    { format: NATIVE_FORMAT, version: NATIVE_VERSION, exported_at: new Date().toISOString(), centres },
    null,
    2,
  )}\n`;
}

export async function exportDirectory(db: Kysely<DB>, file: string): Promise<ExportResult> {
  const format = formatOf(file);
  const native = await readNative(db);
  const locations = native.reduce((n, c) => n + c.locations.length, 0);
  let bytes: Uint8Array;
  if (format === 'csv') bytes = strToU8(toCsv(native));
  else if (format === 'json') bytes = strToU8(nativeDocument(native));
  else {
    const published = await loadCentres(db, { publishedOnly: true });
    const tables = hsdsTables(published);
    const entries: Record<string, Uint8Array> = {};
    for (const [name, rows] of Object.entries(tables))
      entries[`${name}.json`] = strToU8(`${JSON.stringify(rows, null, 2)}\n`);
    entries[NATIVE_FILE] = strToU8(nativeDocument(native));
    bytes = zipSync(entries, { level: 6 });
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return { format, centres: native.length, locations };
}

// ---------------------------------------------------------------------------------------------------------
// CSV

export const CSV_COLUMNS = [
  'id',
  'slug',
  'name',
  'alternate_name',
  'description_de',
  'description_en',
  'email',
  'website',
  'organisation',
  'is_member',
  'online_counselling',
  'online_url',
  'shelter_status',
  'shelter_updated_at',
  'targets',
  'exploitation',
  'services',
  'languages',
  'lands',
  'nationwide',
  'verified_at',
  'published',
  'is_demo',
  'phones',
  'location_id',
  'location_name',
  'street',
  'postal_code',
  'city',
  'land',
  'latitude',
  'longitude',
  'city_latitude',
  'city_longitude',
  'address_privacy',
  'accessibility',
  'opening_hours',
] as const;

type CsvColumn = (typeof CSV_COLUMNS)[number];
const CENTRE_CSV_COLUMNS: readonly CsvColumn[] = CSV_COLUMNS.slice(0, CSV_COLUMNS.indexOf('location_id'));
const LOCATION_CSV_COLUMNS: readonly CsvColumn[] = CSV_COLUMNS.slice(CSV_COLUMNS.indexOf('location_id'));

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');
const flag = (v: unknown) => (v === true ? 'true' : v === false ? 'false' : '');

function toCsv(native: NativeCentre[]): string {
  const records: string[][] = [];
  for (const c of native) {
    const centre: Partial<Record<CsvColumn, string>> = {
      id: text(c.id),
      slug: c.slug,
      name: text(c.name),
      alternate_name: text(c.alternate_name),
      description_de: text(c.description_de),
      description_en: text(c.description_en),
      email: text(c.email),
      website: text(c.website),
      organisation: text(c.organisation_slug),
      is_member: flag(c.is_member),
      online_counselling: flag(c.online_counselling),
      online_url: text(c.online_url),
      shelter_status: text(c.shelter_status),
      shelter_updated_at: text(c.shelter_updated_at),
      targets: list(c.targets),
      exploitation: list(c.exploitation),
      services: list(c.services),
      languages: list(c.languages),
      lands: list(c.lands),
      nationwide: flag(c.nationwide),
      verified_at: text(c.verified_at),
      published: flag(c.published),
      is_demo: flag(c.is_demo),
      phones: c.phones
        .map((p) => [text(p.number), text(p.description), list(p.languages)].join(' | '))
        .join('\n'),
    };
    const locations = c.locations.length > 0 ? c.locations : [null];
    for (const l of locations) {
      const location: Partial<Record<CsvColumn, string>> = l
        ? {
            location_id: text(l.id),
            location_name: text(l.name),
            street: text(l.street),
            postal_code: text(l.postal_code),
            city: text(l.city),
            land: text(l.land),
            latitude: text(l.latitude),
            longitude: text(l.longitude),
            city_latitude: text(l.city_latitude),
            city_longitude: text(l.city_longitude),
            address_privacy: text(l.address_privacy),
            accessibility: list(l.accessibility),
            opening_hours: formatSlots((l.opening_hours as OpeningSlot[]) ?? [], 'de'),
          }
        : {};
      const record = { ...centre, ...location };
      records.push(CSV_COLUMNS.map((k) => record[k] ?? ''));
    }
  }
  // a byte order mark, so that spreadsheet programs read the file as UTF-8
  return `\uFEFF${stringifyCsv([[...CSV_COLUMNS], ...records], { record_delimiter: '\r\n' })}`;
}

function splitList(value: string): string[] {
  return value
    .split(/[,;\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

function parseFlag(value: string, problems: string[], where: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  if (['true', '1', 'ja', 'yes', 'wahr', 'x'].includes(v)) return true;
  if (['false', '0', 'nein', 'no', 'falsch'].includes(v)) return false;
  problems.push(`${where}: "${value}" is not true/false`);
  return undefined;
}

function parseNumber(value: string, problems: string[], where: string): number | null {
  const v = value.trim().replace(',', '.');
  if (v === '') return null;
  const n = Number(v);
  if (!Number.isFinite(n)) {
    problems.push(`${where}: "${value}" is not a number`);
    return null;
  }
  return n;
}

const landByName = new Map(
  LANDS.flatMap((l) => [[l.key, l.key] as const, [l.name.toLowerCase(), l.key] as const]),
);

/** CSV records to native centres (grouped by slug, in file order). Row numbers are spreadsheet rows. */
interface CsvRows {
  /** The centre's first row. */
  centre: number;
  /** The row of each of its locations. */
  locations: number[];
}

/** CSV problems name the spreadsheet row and the CSV column. */
function describeCsv(rowsOf: Map<string, CsvRows>): Describe {
  const locationColumn: Record<string, string> = { id: 'location_id', name: 'location_name' };
  const centreColumn: Record<string, string> = {
    organisation_slug: 'organisation',
    organisation_id: 'organisation',
  };
  return (_, centre, fieldPath) => {
    const rows = rowsOf.get(String(centre.slug));
    const location = /^locations\[(\d+)\]\.?([a-z_]*)/.exec(fieldPath);
    if (location) {
      const field = location[2] ?? '';
      return `row ${rows?.locations[Number(location[1])] ?? '?'}, field ${locationColumn[field] ?? (field || 'location')}`;
    }
    const phone = /^phones\[(\d+)\]\.?([a-z_]*)/.exec(fieldPath);
    if (phone)
      return `row ${rows?.centre ?? '?'}, field phones (line ${Number(phone[1]) + 1}, ${phone[2] || 'phone'})`;
    const field = fieldPath.split(/[.[]/)[0] ?? '';
    return `row ${rows?.centre ?? '?'}, field ${centreColumn[field] ?? (field || 'slug')}`;
  };
}

function fromCsv(content: string): {
  centres: NativeCentre[];
  problems: string[];
  rowsOf: Map<string, CsvRows>;
} {
  const problems: string[] = [];
  let records: Record<string, string>[];
  // the separator is whichever the header line uses (spreadsheets in German write semicolons)
  const headerLine = content.slice(0, content.search(/\r?\n|$/));
  const delimiter = (headerLine.match(/;/g)?.length ?? 0) > (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  try {
    records = parseCsv(content, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: false,
      trim: false,
    });
  } catch (err) {
    return { centres: [], problems: [`CSV: ${(err as Error).message}`], rowsOf: new Map() };
  }
  if (records.length === 0) return { centres: [], problems: ['CSV: no rows'], rowsOf: new Map() };
  const header = Object.keys(records[0]!);
  for (const required of ['slug', 'name']) {
    if (!header.includes(required)) problems.push(`CSV: column "${required}" is missing`);
  }
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length > 0) problems.push(`CSV: unknown column(s): ${unknown.join(', ')}`);
  if (problems.length > 0) return { centres: [], problems, rowsOf: new Map() };

  const bySlug = new Map<string, { centre: NativeCentre; first: Record<string, string>; row: number }>();
  const rowsOf = new Map<string, CsvRows>();
  records.forEach((record, index) => {
    const row = index + 2; // the header is row 1
    const where = (column: string) => `row ${row}, field ${column}`;
    const get = (column: string) => record[column] ?? '';
    const slug = get('slug').trim();
    let entry = bySlug.get(slug);
    if (!entry) {
      const centre: NativeCentre = { slug, locations: [], phones: [] };
      const str = (column: string, key = column) => {
        if (column in record) centre[key] = get(column);
      };
      if (get('id').trim()) centre.id = get('id').trim();
      str('name');
      for (const column of [
        'alternate_name',
        'description_de',
        'description_en',
        'email',
        'website',
        'online_url',
      ])
        str(column);
      if (get('organisation').trim()) centre.organisation_slug = get('organisation').trim();
      else if ('organisation' in record) centre.organisation_slug = null;
      for (const column of ['is_member', 'online_counselling', 'nationwide', 'published', 'is_demo']) {
        const value = parseFlag(get(column), problems, where(column));
        if (value !== undefined) centre[column] = value;
      }
      if (get('shelter_status').trim()) centre.shelter_status = get('shelter_status').trim();
      if ('shelter_updated_at' in record)
        centre.shelter_updated_at = get('shelter_updated_at').trim() || null;
      if ('verified_at' in record) centre.verified_at = get('verified_at').trim() || null;
      for (const column of ['targets', 'exploitation', 'services', 'languages']) {
        if (column in record) centre[column] = splitList(get(column));
      }
      if ('lands' in record)
        centre.lands = splitList(get('lands')).map((v) => landByName.get(v.toLowerCase()) ?? v);
      centre.phones = get('phones')
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line, position) => {
          const [number = '', description = '', languages = ''] = line.split('|').map((p) => p.trim());
          return { number, description, languages: splitList(languages), position };
        });
      entry = { centre, first: record, row };
      bySlug.set(slug, entry);
      rowsOf.set(slug, { centre: row, locations: [] });
    } else {
      // the centre's columns repeat on each of its rows: they must agree (an empty cell means "the same")
      for (const column of CENTRE_CSV_COLUMNS) {
        const value = get(column);
        if (value !== '' && value !== (entry.first[column] ?? ''))
          problems.push(`${where(column)}: differs from row ${entry.row} of the same slug "${slug}"`);
      }
    }
    const hasLocation = LOCATION_CSV_COLUMNS.some((column) => get(column).trim() !== '');
    if (!hasLocation) return;
    const location: Row = { position: entry.centre.locations.length };
    if (get('location_id').trim()) location.id = get('location_id').trim();
    location.name = get('location_name');
    location.street = get('street');
    location.postal_code = get('postal_code').trim();
    location.city = get('city').trim();
    const plz = location.postal_code ? lookupPostalCode(location.postal_code as string) : null;
    const land = get('land').trim();
    location.land = land ? (landByName.get(land.toLowerCase()) ?? land) : (plz?.lands[0] ?? '');
    for (const column of ['latitude', 'longitude', 'city_latitude', 'city_longitude'])
      location[column] = parseNumber(get(column), problems, where(column));
    if (location.city_latitude === null && location.city_longitude === null && plz) {
      location.city_latitude = plz.lat;
      location.city_longitude = plz.lon;
    }
    if (get('address_privacy').trim()) location.address_privacy = get('address_privacy').trim();
    location.accessibility = splitList(get('accessibility'));
    const hours = get('opening_hours').trim();
    if (hours) {
      const parsed = parseSlots(hours);
      if (parsed.ok) location.opening_hours = parsed.slots;
      else problems.push(`${where('opening_hours')}: ${parsed.error}`);
    } else location.opening_hours = [];
    entry.centre.locations.push(location);
    rowsOf.get(slug)?.locations.push(row);
  });
  return { centres: [...bySlug.values()].map((e) => e.centre), problems, rowsOf };
}

// ---------------------------------------------------------------------------------------------------------
// HSDS tables back to native centres (a ZIP without kok-directory.json)

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

type Table = Row[];
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Maps HSDS 3 tables (as the export writes them, or from another HSDS source) to native centres. */
export function fromHsds(tables: Record<string, Table>): { centres: NativeCentre[]; problems: string[] } {
  const problems: string[] = [];
  const t = (name: string) => tables[name] ?? [];
  const by = (name: string, key: string) => {
    const map = new Map<string, Row[]>();
    for (const row of t(name)) {
      const k = str(row[key]);
      if (!k) continue;
      map.set(k, [...(map.get(k) ?? []), row]);
    }
    return map;
  };
  // a term from the file, recognised as one of ours by id, or by its taxonomy's name and code
  const taxonomyNames = new Map(t('taxonomies').map((x) => [str(x.id), str(x.name)]));
  const fileTerms = new Map(t('taxonomy_terms').map((x) => [str(x.id), x]));
  const ourTaxonomyByName = new Map(TAXONOMIES.map((d) => [d.name, d.key]));
  function termOf(id: string): { taxonomy: string; code: string } | null {
    const ours = findTerm(id);
    if (ours) return { taxonomy: ours.def.key, code: ours.term.code };
    const term = fileTerms.get(id);
    if (!term) return null;
    const taxonomyName = str(term.taxonomy) || taxonomyNames.get(str(term.taxonomy_id)) || '';
    const key = ourTaxonomyByName.get(taxonomyName);
    return key ? { taxonomy: key, code: str(term.code) } : null;
  }
  const attributesByLink = by('attributes', 'link_id');
  const termsOf = (linkId: string) =>
    (attributesByLink.get(linkId) ?? []).flatMap((a) => {
      const term = termOf(str(a.taxonomy_term_id));
      return term ? [{ ...term, value: str(a.value) }] : [];
    });
  const codes = (terms: ReturnType<typeof termsOf>, taxonomy: string) =>
    terms.filter((x) => x.taxonomy === taxonomy).map((x) => x.code);
  const property = (terms: ReturnType<typeof termsOf>, code: string) =>
    terms.find((x) => x.taxonomy === TAXONOMY_KEYS.properties && x.code === code);

  const servicesByOrg = by('services', 'organization_id');
  const identifiersByOrg = by('organization_identifiers', 'organization_id');
  const languagesByService = by('languages', 'service_id');
  const languagesByPhone = by('languages', 'phone_id');
  const phonesByService = by('phones', 'service_id');
  const phonesByOrg = by('phones', 'organization_id');
  const areasByService = by('service_areas', 'service_id');
  const salByService = by('service_at_locations', 'service_id');
  const locationsByOrg = by('locations', 'organization_id');
  const locationsById = new Map(t('locations').map((l) => [str(l.id), l]));
  const addressesByLocation = by('addresses', 'location_id');
  const schedulesByLocation = by('schedules', 'location_id');
  const schedulesBySal = by('schedules', 'service_at_location_id');
  const accessibilityByLocation = by('accessibility', 'location_id');
  const landNameToKey = new Map(LANDS.map((l) => [l.name.toLowerCase(), l.key]));

  const centres: NativeCentre[] = [];
  t('organizations').forEach((org, index) => {
    const where = `organizations.json[${index}]`;
    const orgId = str(org.id);
    const service = (servicesByOrg.get(orgId) ?? [])[0] ?? {};
    const serviceId = str(service.id);
    const identifier = (identifiersByOrg.get(orgId) ?? []).find(
      (i) => str(i.identifier_type) === 'slug' && str(i.identifier_scheme) === 'KOK',
    );
    const slug = str(identifier?.identifier) || slugify(str(org.name));
    const orgTerms = termsOf(orgId);
    const serviceTerms = termsOf(serviceId);
    const centre: NativeCentre = {
      slug,
      name: str(org.name) || str(service.name),
      alternate_name: str(org.alternate_name) || str(service.alternate_name),
      description_de: str(service.description) || str(org.description),
      description_en: property(serviceTerms, KOK_PROPERTY.descriptionEn)?.value ?? '',
      email: str(service.email) || str(org.email),
      website: str(org.website) || str(service.url),
      is_member: property(orgTerms, KOK_PROPERTY.member)?.value === 'true',
      is_demo: property(orgTerms, KOK_PROPERTY.demo)?.value === 'true',
      targets: codes(serviceTerms, TAXONOMY_KEYS.targets),
      exploitation: codes(serviceTerms, TAXONOMY_KEYS.exploitation),
      services: codes(serviceTerms, TAXONOMY_KEYS.services),
      languages: (languagesByService.get(serviceId) ?? []).map((l) => str(l.code)).filter(Boolean),
      published: true,
      locations: [],
      phones: [],
    };
    if (UUID_RE.test(orgId)) centre.id = orgId;
    if (/^\d{4}-\d{2}-\d{2}$/.test(str(service.assured_date))) centre.verified_at = str(service.assured_date);
    if (str(service.last_modified) && !Number.isNaN(Date.parse(str(service.last_modified))))
      centre.updated_at = str(service.last_modified);
    const online = property(serviceTerms, KOK_PROPERTY.onlineCounselling);
    centre.online_counselling = online !== undefined;
    centre.online_url = online?.value ?? '';
    const shelter = property(serviceTerms, KOK_PROPERTY.shelterStatus);
    if (shelter) centre.shelter_status = shelter.value || 'unknown';
    const shelterAt = property(serviceTerms, KOK_PROPERTY.shelterUpdatedAt);
    if (shelterAt?.value) centre.shelter_updated_at = shelterAt.value;
    // service areas: "Deutschland" is nationwide, the others name (or link to) a Land
    const areas = areasByService.get(serviceId) ?? [];
    centre.nationwide = areas.some((a) => str(a.name) === 'Deutschland');
    centre.lands = centre.nationwide
      ? []
      : [
          ...new Set(
            areas.flatMap((a) => {
              const linked = codes(termsOf(str(a.id)), TAXONOMY_KEYS.lands);
              if (linked.length > 0) return linked;
              const key = landNameToKey.get(str(a.name).toLowerCase());
              return key ? [key] : [];
            }),
          ),
        ];
    // locations: those of the service (through service_at_location), then any other of the organization
    const locationIds = [
      ...(salByService.get(serviceId) ?? []).map((s) => str(s.location_id)),
      ...(locationsByOrg.get(orgId) ?? []).map((l) => str(l.id)),
    ].filter((id, i, all) => id && all.indexOf(id) === i);
    const salOf = new Map((salByService.get(serviceId) ?? []).map((s) => [str(s.location_id), str(s.id)]));
    locationIds.forEach((locationId, position) => {
      const l = locationsById.get(locationId);
      if (!l) {
        problems.push(`${where}: location ${locationId} is missing from locations.json`);
        return;
      }
      const terms = termsOf(locationId);
      const address = (addressesByLocation.get(locationId) ?? [])[0];
      const privacy =
        property(terms, KOK_PROPERTY.addressPrivacy)?.value ||
        (!address ? 'on_request' : str(address.address_1) ? 'public' : 'city');
      const postalCode = str(address?.postal_code);
      const plz = /^\d{5}$/.test(postalCode) ? lookupPostalCode(postalCode) : null;
      const land =
        codes(terms, TAXONOMY_KEYS.lands)[0] ??
        landNameToKey.get(str(address?.state_province).toLowerCase()) ??
        plz?.lands[0] ??
        '';
      const lat = typeof l.latitude === 'number' ? l.latitude : null;
      const lon = typeof l.longitude === 'number' ? l.longitude : null;
      const schedules = [
        ...(schedulesByLocation.get(locationId) ?? []),
        ...(schedulesBySal.get(salOf.get(locationId) ?? '') ?? []),
      ];
      const accessibilityLabels = (accessibilityByLocation.get(locationId) ?? []).map((a) =>
        str(a.description),
      );
      const accessibility = [
        ...new Set([
          ...codes(terms, TAXONOMY_KEYS.accessibility),
          ...TAXONOMIES.find((d) => d.key === TAXONOMY_KEYS.accessibility)!
            .terms.filter((term) => accessibilityLabels.includes(term.name))
            .map((term) => term.code),
        ]),
      ];
      centre.locations.push({
        id: UUID_RE.test(locationId) ? locationId : undefined,
        name: str(l.name),
        street: str(address?.address_1),
        postal_code: postalCode,
        city: str(address?.city),
        land,
        latitude: privacy === 'public' ? lat : null,
        longitude: privacy === 'public' ? lon : null,
        city_latitude: privacy === 'city' ? lat : (plz?.lat ?? null),
        city_longitude: privacy === 'city' ? lon : (plz?.lon ?? null),
        address_privacy: privacy,
        accessibility,
        opening_hours: schedules.flatMap((s): OpeningSlot[] => {
          if (str(s.freq) && str(s.freq) !== 'WEEKLY') return [];
          const byday = str(s.byday)
            .split(',')
            .map((d) => d.trim().toUpperCase())
            .filter(Boolean);
          const opensAt = str(s.opens_at).slice(0, 5);
          let closesAt = str(s.closes_at).slice(0, 5);
          // the export writes "until midnight" as 23:59 (HSDS has no 24:00) and keeps 24:00 in the text
          if (closesAt === '23:59' && str(s.description).includes('24:00')) closesAt = '24:00';
          const slot: OpeningSlot = { byday: byday as OpeningSlot['byday'], opensAt, closesAt };
          if (str(s.valid_from)) slot.validFrom = str(s.valid_from).slice(0, 10);
          if (str(s.valid_to)) slot.validTo = str(s.valid_to).slice(0, 10);
          return [slot];
        }),
        position,
      });
    });
    const phones = [...(phonesByService.get(serviceId) ?? []), ...(phonesByOrg.get(orgId) ?? [])].filter(
      (p, i, all) => all.findIndex((q) => q.id === p.id) === i,
    );
    centre.phones = phones.map((p, position) => ({
      id: UUID_RE.test(str(p.id)) ? str(p.id) : undefined,
      number: str(p.number),
      description: str(p.description),
      languages: (languagesByPhone.get(str(p.id)) ?? []).map((l) => str(l.code)).filter(Boolean),
      position,
    }));
    centres.push(centre);
  });
  return { centres, problems };
}

// ---------------------------------------------------------------------------------------------------------
// Validation

const isoTimestamp = z.iso.datetime({ offset: true });
const coordinate = (max: number) => z.number().min(-max).max(max).nullable();

const locationSchema = z.looseObject({
  id: z.guid().optional(),
  name: z.string().max(200).optional(),
  street: z.string().max(200).optional(),
  postal_code: z
    .string()
    .regex(/^(\d{5})?$/, 'postal code must be five digits or empty')
    .optional(),
  city: z.string().max(200),
  land: z.string().regex(/^(0[1-9]|1[0-6])$/, 'Land must be a key 01–16 or the name of a Land'),
  latitude: coordinate(90).optional(),
  longitude: coordinate(180).optional(),
  city_latitude: coordinate(90).optional(),
  city_longitude: coordinate(180).optional(),
  address_privacy: z.enum(addressPrivacyLevels).optional(),
  accessibility: z.array(z.enum(accessibilityFeatures)).optional(),
  opening_hours: z.array(openingSlotSchema).optional(),
  position: z.number().int().optional(),
});

const phoneSchema = z.looseObject({
  id: z.guid().optional(),
  number: z.string().trim().min(3, 'phone number missing').max(60),
  description: z.string().max(200).optional(),
  languages: z.array(z.enum(counsellingLanguages)).optional(),
  position: z.number().int().optional(),
});

const centreSchema = z.looseObject({
  id: z.guid().optional(),
  slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/, 'slug: 2–81 characters a–z, 0–9 and "-"'),
  name: z.string().min(2).max(200),
  alternate_name: z.string().max(300).optional(),
  description_de: z.string().max(20_000).optional(),
  description_en: z.string().max(20_000).optional(),
  email: z.union([z.literal(''), z.email()]).optional(),
  website: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).optional(),
  organisation_id: z.guid().nullable().optional(),
  organisation_slug: z.string().nullable().optional(),
  is_member: z.boolean().optional(),
  online_counselling: z.boolean().optional(),
  online_url: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]).optional(),
  shelter_status: z.enum(shelterStatuses).optional(),
  shelter_updated_at: isoTimestamp.nullable().optional(),
  targets: z.array(z.enum(targetGroups)).optional(),
  exploitation: z.array(z.enum(exploitationForms)).optional(),
  services: z.array(z.enum(centreServices)).optional(),
  languages: z.array(z.enum(counsellingLanguages)).optional(),
  lands: z.array(z.string().regex(/^(0[1-9]|1[0-6])$/, 'Land keys are 01–16')).optional(),
  nationwide: z.boolean().optional(),
  verified_at: z.iso.date().nullable().optional(),
  verify_reminder_sent_at: isoTimestamp.nullable().optional(),
  published: z.boolean().optional(),
  is_demo: z.boolean().optional(),
  created_at: isoTimestamp.optional(),
  updated_at: isoTimestamp.optional(),
  locations: z.array(locationSchema),
  phones: z.array(phoneSchema),
});

function issuePath(p: readonly PropertyKey[]): string {
  return p.reduce<string>(
    (acc, part) =>
      typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part),
    '',
  );
}

/** Where a problem is: `describe(3, centre, 'locations[0].postal_code')` → "row 7, field postal_code". */
export type Describe = (index: number, centre: Row, path: string) => string;

const defaultDescribe =
  (file: string): Describe =>
  (index, centre, fieldPath) =>
    `${file} centres[${index}]${typeof centre.slug === 'string' ? ` (${centre.slug})` : ''}, field ${fieldPath || '(centre)'}`;

/** Checks every centre and collects every problem, each saying where it is. */
export function validateCentres(
  centres: unknown[],
  describe: Describe,
): { valid: NativeCentre[]; problems: string[] } {
  const problems: string[] = [];
  const valid: NativeCentre[] = [];
  const seen = new Map<string, number>();
  const ids = { centre: new Set<string>(), location: new Set<string>(), phone: new Set<string>() };
  centres.forEach((raw, index) => {
    const row = (raw && typeof raw === 'object' ? raw : {}) as Row;
    const where = (fieldPath: string) => describe(index, row, fieldPath);
    const parsed = centreSchema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${where(issuePath(issue.path))}: ${issue.message}`);
      return;
    }
    const centre = parsed.data as NativeCentre;
    const earlier = seen.get(centre.slug);
    if (earlier !== undefined) problems.push(`${where('slug')}: "${centre.slug}" appears twice`);
    seen.set(centre.slug, index);
    const unique = (kind: keyof typeof ids, id: unknown, field: string) => {
      if (typeof id !== 'string') return;
      if (ids[kind].has(id.toLowerCase())) problems.push(`${where(field)}: id ${id} appears twice`);
      ids[kind].add(id.toLowerCase());
    };
    unique('centre', centre.id, 'id');
    for (const [i, l] of centre.locations.entries()) unique('location', l.id, `locations[${i}].id`);
    for (const [i, p] of centre.phones.entries()) unique('phone', p.id, `phones[${i}].id`);
    valid.push(centre);
  });
  return { valid, problems };
}

// ---------------------------------------------------------------------------------------------------------
// Import

interface Loaded {
  centres: unknown[];
  problems: string[];
  describe: Describe;
}

function readNativeDocument(textContent: string, file: string): Loaded {
  let doc: unknown;
  try {
    doc = JSON.parse(textContent);
  } catch (err) {
    return {
      centres: [],
      problems: [`${file}: not valid JSON (${(err as Error).message})`],
      describe: defaultDescribe(file),
    };
  }
  const d = doc as { format?: unknown; version?: unknown; centres?: unknown };
  if (!d || d.format !== NATIVE_FORMAT || !Array.isArray(d.centres))
    return { centres: [], problems: [`${file}: not a KOK directory file`], describe: defaultDescribe(file) };
  if (typeof d.version !== 'number' || d.version > NATIVE_VERSION)
    return {
      centres: [],
      problems: [`${file}: unsupported version ${String(d.version)}`],
      describe: defaultDescribe(file),
    };
  return { centres: d.centres, problems: [], describe: defaultDescribe(file) };
}

function load(file: string): Loaded {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return { centres: [], problems: [`${file}: ${(err as Error).message}`], describe: defaultDescribe(file) };
  }
  const name = path.basename(file);
  const format = bytes.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))
    ? 'zip'
    : formatOf(file);
  if (format === 'csv') {
    const { centres, problems, rowsOf } = fromCsv(bytes.toString('utf8'));
    return { centres, problems, describe: describeCsv(rowsOf) };
  }
  if (format === 'json') return readNativeDocument(bytes.toString('utf8'), name);
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (err) {
    return {
      centres: [],
      problems: [`${name}: not a readable ZIP file (${(err as Error).message})`],
      describe: defaultDescribe(name),
    };
  }
  const byBase = new Map(Object.entries(entries).map(([k, v]) => [path.posix.basename(k), v]));
  const native = byBase.get(NATIVE_FILE);
  if (native) return readNativeDocument(strFromU8(native), NATIVE_FILE);
  const tables: Record<string, Table> = {};
  const problems: string[] = [];
  for (const [entry, content] of byBase) {
    if (!entry.endsWith('.json')) continue;
    try {
      const parsed = JSON.parse(strFromU8(content));
      if (!Array.isArray(parsed)) problems.push(`${entry}: not a JSON array`);
      else tables[entry.slice(0, -'.json'.length)] = parsed;
    } catch (err) {
      problems.push(`${entry}: not valid JSON (${(err as Error).message})`);
    }
  }
  if (!tables.organizations) problems.push(`${name}: neither ${NATIVE_FILE} nor organizations.json found`);
  if (problems.length > 0) return { centres: [], problems, describe: defaultDescribe(name) };
  const mapped = fromHsds(tables);
  return {
    centres: mapped.centres,
    problems: mapped.problems,
    describe: (i, c, fieldPath) =>
      `organizations.json[${i}]${typeof c.slug === 'string' ? ` (${c.slug})` : ''}, field ${fieldPath || '(organization)'}`,
  };
}

async function tableColumns(trx: Transaction<DB>, table: string): Promise<Set<string>> {
  const result = await sql<{ column_name: string }>`
    SELECT column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table}`.execute(trx);
  return new Set(result.rows.map((r) => r.column_name));
}

/** Inserts one row from its JSON form; PostgreSQL converts every value (text[] from arrays, jsonb, timestamps). */
async function insertRow(trx: Transaction<DB>, table: string, row: Row, columns: Set<string>): Promise<void> {
  const cols = Object.keys(row).filter((k) => columns.has(k) && row[k] !== undefined);
  const ids = sql.join(cols.map((c) => sql.id(c)));
  await sql`INSERT INTO ${sql.table(table)} (${ids})
    SELECT ${ids} FROM jsonb_populate_record(NULL::${sql.table(table)}, ${JSON.stringify(row)}::jsonb)`.execute(
    trx,
  );
}

async function updateRow(
  trx: Transaction<DB>,
  table: string,
  id: string,
  row: Row,
  columns: Set<string>,
): Promise<void> {
  const cols = Object.keys(row).filter((k) => k !== 'id' && columns.has(k) && row[k] !== undefined);
  if (cols.length === 0) return;
  const ids = sql.join(cols.map((c) => sql.id(c)));
  await sql`UPDATE ${sql.table(table)} SET (${ids}) =
    (SELECT ${ids} FROM jsonb_populate_record(NULL::${sql.table(table)}, ${JSON.stringify(row)}::jsonb))
    WHERE id = ${id}`.execute(trx);
}

async function idTaken(trx: Transaction<DB>, table: string, id: unknown): Promise<boolean> {
  if (typeof id !== 'string') return true;
  const result = await sql`SELECT 1 FROM ${sql.table(table)} WHERE id = ${id}`.execute(trx);
  return result.rows.length > 0;
}

async function writeCentres(trx: Transaction<DB>, centres: NativeCentre[]): Promise<ImportResult> {
  const columns = {
    centres: await tableColumns(trx, 'directory_centres'),
    locations: await tableColumns(trx, 'directory_locations'),
    phones: await tableColumns(trx, 'directory_phones'),
  };
  const organisations = await trx.selectFrom('organisations').select(['id', 'slug']).execute();
  const orgById = new Set(organisations.map((o) => o.id));
  const orgBySlug = new Map(organisations.map((o) => [o.slug, o.id]));
  const result: ImportResult = { imported: 0, updated: 0, locations: 0, phones: 0 };
  for (const centre of centres) {
    const { locations, phones, organisation_slug, ...row } = centre;
    // the platform organisation: the same id if it exists here, else the one with the same slug, else none
    if ('organisation_id' in row || organisation_slug !== undefined) {
      const byId = typeof row.organisation_id === 'string' && orgById.has(row.organisation_id);
      row.organisation_id = byId
        ? row.organisation_id
        : organisation_slug
          ? (orgBySlug.get(organisation_slug) ?? null)
          : null;
    }
    const existing = await trx
      .selectFrom('directory_centres')
      .select('id')
      .where('slug', '=', centre.slug)
      .executeTakeFirst();
    let centreId: string;
    if (existing) {
      centreId = existing.id;
      if (row.updated_at === undefined) row.updated_at = new Date().toISOString();
      await updateRow(trx, 'directory_centres', centreId, row, columns.centres);
      await trx.deleteFrom('directory_locations').where('centre_id', '=', centreId).execute();
      await trx.deleteFrom('directory_phones').where('centre_id', '=', centreId).execute();
      result.updated++;
    } else {
      centreId = row.id && !(await idTaken(trx, 'directory_centres', row.id)) ? String(row.id) : randomUUID();
      await insertRow(trx, 'directory_centres', { ...row, id: centreId }, columns.centres);
      result.imported++;
    }
    for (const location of locations) {
      const id = (await idTaken(trx, 'directory_locations', location.id)) ? randomUUID() : location.id;
      await insertRow(
        trx,
        'directory_locations',
        { ...location, id, centre_id: centreId },
        columns.locations,
      );
      result.locations++;
    }
    for (const phone of phones) {
      const id = (await idTaken(trx, 'directory_phones', phone.id)) ? randomUUID() : phone.id;
      await insertRow(trx, 'directory_phones', { ...phone, id, centre_id: centreId }, columns.phones);
      result.phones++;
    }
  }
  return result;
}

/** Reads and checks a file without writing: the centres it would import, or every problem it has. */
export function readImportFile(file: string): NativeCentre[] {
  const loaded = load(file);
  const { valid, problems } = validateCentres(loaded.centres, loaded.describe);
  if (loaded.problems.length + problems.length > 0) {
    // in row order, where the problems name rows (CSV)
    const rowNumber = (p: string) => Number(/^row (\d+)/.exec(p)?.[1] ?? 0);
    throw new ImportError([...loaded.problems, ...problems].sort((a, b) => rowNumber(a) - rowNumber(b)));
  }
  if (valid.length === 0) throw new ImportError([`${path.basename(file)}: no centres in the file`]);
  return valid;
}

export async function importDirectory(db: Kysely<DB>, file: string): Promise<ImportResult> {
  const centres = readImportFile(file);
  const result = db.isTransaction
    ? await writeCentres(db as Transaction<DB>, centres)
    : await db.transaction().execute((trx) => writeCentres(trx, centres));
  invalidateDirectoryCache();
  return result;
}
