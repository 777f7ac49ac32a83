/**
 * The directory as Open Referral HSDS 3.0 objects (pure functions, no I/O).
 *
 * Mapping: one centre is one `organization` (same id as the centre) delivering one `service` (id derived from the
 * centre id, see `serviceIdFor`), with one `location` (same id as ours) and one `service_at_location` per location.
 * Phones, spoken languages, opening hours (`schedule`), the Länder the centre is responsible for (`service_area`)
 * and the vocabularies (`attribute` → `taxonomy_term`) hang off them. Every id we have to invent is a UUID
 * version 5 (RFC 9562: SHA-1 of a namespace and a name) of the owning row's id and the kind of the derived row,
 * so it is the same on every request, every export and every server.
 *
 * Address privacy is applied here, in one place (`publicView`): `public` shows street, postal code and the exact
 * position; `city` only the city (postal code and street left empty) and the city centre as position;
 * `on_request` neither an address nor a position. Everything the API and the HSDS export produce goes through it.
 */
import { createHash } from 'node:crypto';
import { translator } from '../../../platform/i18n/index.ts';
import { LANDS, landName } from '../geo/geocode.ts';
import { toHsdsSchedules } from '../opening-hours.ts';
import { effectiveShelterStatus } from '../present.ts';
import type { CentreRecord, LocationRecord } from '../types.ts';
import {
  accessibilityFeatures,
  centreServices,
  exploitationForms,
  languageName,
  targetGroups,
} from '../vocabulary.ts';

export type HsdsObject = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------------------
// Stable ids

const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** RFC 9562 UUID version 5: the first 128 bits of SHA-1(namespace ‖ name), with version and variant set. */
export function uuidV5(name: string, namespace: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The namespace of every id the KOK platform derives for HSDS: UUIDv5 of this URL in the URL namespace. */
export const KOK_HSDS_NAMESPACE = uuidV5('https://www.kok-gegen-menschenhandel.de/hsds', URL_NAMESPACE);

/** A derived id: `kind` names what is derived ('service', 'address', 'schedule/0', …) from the row `ownerId`. */
export function derivedId(ownerId: string, kind: string): string {
  return uuidV5(`${ownerId.toLowerCase()}/${kind}`, KOK_HSDS_NAMESPACE);
}

/** The service of a centre (the organization keeps the centre's own id). */
export const serviceIdFor = (centreId: string) => derivedId(centreId, 'service');
export const serviceAtLocationIdFor = (locationId: string) => derivedId(locationId, 'service_at_location');

// ---------------------------------------------------------------------------------------------------------
// Taxonomies: our vocabularies, in German

export interface TermDef {
  code: string;
  name: string;
  description: string;
}

export interface TaxonomyDef {
  key: string;
  name: string;
  description: string;
  /** What the terms describe, as the attributes' `link_type`. */
  linkType: string;
  terms: TermDef[];
}

const de = translator('de');
type Key = Parameters<typeof de>[0];

/** Codes of the KOK taxonomy of properties our model has and HSDS has no field for. */
export const KOK_PROPERTY = {
  addressPrivacy: 'address_privacy',
  member: 'kok_member',
  shelterStatus: 'shelter_status',
  shelterUpdatedAt: 'shelter_status_updated_at',
  onlineCounselling: 'online_counselling_offered',
  descriptionEn: 'description_en',
  demo: 'demo_entry',
} as const;

export const TAXONOMY_KEYS = {
  targets: 'kok-zielgruppen',
  exploitation: 'kok-ausbeutungsformen',
  services: 'kok-angebote',
  accessibility: 'kok-barrierefreiheit',
  lands: 'kok-bundeslaender',
  properties: 'kok-merkmale',
} as const;

export const TAXONOMIES: readonly TaxonomyDef[] = [
  {
    key: TAXONOMY_KEYS.targets,
    name: 'KOK-Zielgruppen',
    description: 'Für wen die Fachberatungsstelle berät (Vokabular des KOK e. V.).',
    linkType: 'target_group',
    terms: targetGroups.map((code) => {
      const name = de(`directory.target.${code}` as Key);
      return { code, name, description: `Zielgruppe: ${name}` };
    }),
  },
  {
    key: TAXONOMY_KEYS.exploitation,
    name: 'KOK-Formen der Ausbeutung',
    description:
      'Formen von Menschenhandel und Ausbeutung, zu denen die Stelle berät (Vokabular des KOK e. V.).',
    linkType: 'exploitation_form',
    terms: exploitationForms.map((code) => {
      const name = de(`directory.exploitation.${code}` as Key);
      return { code, name, description: `Form der Ausbeutung: ${name}` };
    }),
  },
  {
    key: TAXONOMY_KEYS.services,
    name: 'KOK-Angebote',
    description: 'Angebote der Fachberatungsstellen (Vokabular des KOK e. V.).',
    linkType: 'service_type',
    terms: centreServices.map((code) => {
      const name = de(`directory.service.${code}` as Key);
      return { code, name, description: `Angebot: ${name}` };
    }),
  },
  {
    key: TAXONOMY_KEYS.accessibility,
    name: 'KOK-Barrierefreiheit',
    description: 'Merkmale der Barrierefreiheit eines Standorts (Vokabular des KOK e. V.).',
    linkType: 'accessibility',
    terms: accessibilityFeatures.map((code) => {
      const name = de(`directory.accessibility.${code}` as Key);
      return { code, name, description: `Barrierefreiheit: ${name}` };
    }),
  },
  {
    key: TAXONOMY_KEYS.lands,
    name: 'Bundesländer',
    description: 'Die 16 Länder der Bundesrepublik Deutschland; Code = amtlicher Länderschlüssel (01–16).',
    linkType: 'land',
    terms: LANDS.map((l) => ({ code: l.key, name: l.name, description: `Bundesland ${l.name}` })),
  },
  {
    key: TAXONOMY_KEYS.properties,
    name: 'KOK-Merkmale',
    description:
      'Angaben des KOK-Verzeichnisses, für die HSDS kein eigenes Feld hat; der Wert steht im Attribut (value).',
    linkType: 'kok_property',
    terms: [
      {
        code: KOK_PROPERTY.addressPrivacy,
        name: 'Adressschutz',
        description:
          'Wie viel vom Standort öffentlich ist: public (Adresse und Position), city (nur der Ort), on_request (Adresse auf Anfrage).',
      },
      {
        code: KOK_PROPERTY.member,
        name: 'KOK-Mitglied',
        description: 'Die Organisation ist Mitglied im KOK e. V.',
      },
      {
        code: KOK_PROPERTY.shelterStatus,
        name: 'Freie Schutzplätze',
        description:
          'Aktuelle Verfügbarkeit von Schutzplätzen: available (frei), limited (wenige), none (keine), unknown (unbekannt oder älter als 7 Tage).',
      },
      {
        code: KOK_PROPERTY.shelterUpdatedAt,
        name: 'Schutzplätze zuletzt gemeldet',
        description: 'Zeitpunkt (ISO 8601) der letzten Meldung freier Schutzplätze.',
      },
      {
        code: KOK_PROPERTY.onlineCounselling,
        name: 'Online-Beratung angeboten',
        description:
          'Die Stelle berät auch online; der Wert ist die Adresse der Online-Beratung, falls bekannt.',
      },
      {
        code: KOK_PROPERTY.descriptionEn,
        name: 'Beschreibung (Englisch)',
        description: 'Die Beschreibung des Angebots auf Englisch; der Wert ist der Text.',
      },
      {
        code: KOK_PROPERTY.demo,
        name: 'Demo-Eintrag',
        description: 'Fiktiver Beispieleintrag der Demo-Installation, keine echte Beratungsstelle.',
      },
    ],
  },
];

export const taxonomyIdFor = (key: string) => derivedId(KOK_HSDS_NAMESPACE, `taxonomy/${key}`);
export const termIdFor = (taxonomyKey: string, code: string) =>
  derivedId(KOK_HSDS_NAMESPACE, `taxonomy/${taxonomyKey}/term/${code}`);

export function presentTaxonomy(def: TaxonomyDef): HsdsObject {
  return {
    id: taxonomyIdFor(def.key),
    name: def.name,
    description: def.description,
    version: '1',
  };
}

export function presentTaxonomyTerm(def: TaxonomyDef, term: TermDef, withTaxonomy = false): HsdsObject {
  return {
    id: termIdFor(def.key, term.code),
    code: term.code,
    name: term.name,
    description: term.description,
    taxonomy: def.name,
    taxonomy_id: taxonomyIdFor(def.key),
    language: 'de',
    ...(withTaxonomy ? { taxonomy_detail: presentTaxonomy(def) } : {}),
  };
}

export const allTaxonomies = (): HsdsObject[] => TAXONOMIES.map(presentTaxonomy);
export const allTaxonomyTerms = (withTaxonomy = false): HsdsObject[] =>
  TAXONOMIES.flatMap((def) => def.terms.map((term) => presentTaxonomyTerm(def, term, withTaxonomy)));

interface TermRef {
  def: TaxonomyDef;
  term: TermDef;
  id: string;
}

const termsById = new Map<string, TermRef>();
const termsByKey = new Map<string, TermRef>();
for (const def of TAXONOMIES) {
  for (const term of def.terms) {
    const ref = { def, term, id: termIdFor(def.key, term.code) };
    termsById.set(ref.id, ref);
    termsByKey.set(`${def.key}/${term.code}`, ref);
  }
}

export function findTerm(id: string): TermRef | undefined {
  return termsById.get(id.toLowerCase());
}

function term(taxonomyKey: string, code: string): TermRef | undefined {
  return termsByKey.get(`${taxonomyKey}/${code}`);
}

// ---------------------------------------------------------------------------------------------------------
// Address privacy: the one gate

export interface PublicLocationView {
  /** Street line, empty unless the address is public. */
  street: string;
  /** Postal code, empty unless the address is public. */
  postalCode: string;
  /** The city, empty when the address is on request. */
  city: string;
  point: { lat: number; lon: number } | null;
}

/** What of a location may be shown, by its privacy level. */
export function publicView(l: LocationRecord): PublicLocationView {
  if (l.addressPrivacy === 'public') {
    const point = l.latitude !== null && l.longitude !== null ? { lat: l.latitude, lon: l.longitude } : null;
    return { street: l.street, postalCode: l.postalCode, city: l.city, point };
  }
  if (l.addressPrivacy === 'city') {
    const point =
      l.cityLatitude !== null && l.cityLongitude !== null
        ? { lat: l.cityLatitude, lon: l.cityLongitude }
        : null;
    return { street: '', postalCode: '', city: l.city, point };
  }
  return { street: '', postalCode: '', city: '', point: null };
}

// ---------------------------------------------------------------------------------------------------------
// Format guards: a value the schema's `format` would reject is left out rather than sent

// the same pattern as ajv-formats' "email", so what we send is what validators accept
const EMAIL_RE =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

function email(value: string): string | undefined {
  return value && EMAIL_RE.test(value) ? value : undefined;
}

function uri(value: string): string | undefined {
  return value && /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value) ? value : undefined;
}

function omitEmpty(object: Record<string, unknown>): HsdsObject {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== ''));
}

// ---------------------------------------------------------------------------------------------------------
// One centre as flat HSDS rows

export interface CentreRows {
  organization: HsdsObject;
  service: HsdsObject;
  organizationIdentifiers: HsdsObject[];
  phones: HsdsObject[];
  /** Languages of the service and of its phones (each row says which by service_id or phone_id). */
  languages: HsdsObject[];
  serviceAreas: HsdsObject[];
  locations: HsdsObject[];
  addresses: HsdsObject[];
  schedules: HsdsObject[];
  accessibility: HsdsObject[];
  serviceAtLocations: HsdsObject[];
  attributes: HsdsObject[];
  /** Every taxonomy term the centre is linked to (for the taxonomy_term_id and taxonomy_id filters). */
  termIds: Set<string>;
  /** Words for the full-text search: nothing that address privacy hides. */
  searchText: string[];
}

function attribute(
  linkEntity: string,
  linkId: string,
  ref: TermRef | undefined,
  value?: string,
): HsdsObject | null {
  if (!ref) return null;
  return omitEmpty({
    id: derivedId(linkId, `attribute/${ref.id}`),
    link_id: linkId,
    link_type: ref.def.linkType,
    link_entity: linkEntity,
    taxonomy_term_id: ref.id,
    value,
  });
}

function languageRow(owner: { service_id: string } | { phone_id: string }, code: string): HsdsObject {
  const ownerId = 'service_id' in owner ? owner.service_id : owner.phone_id;
  return { id: derivedId(ownerId, `language/${code}`), ...owner, name: languageName(code, 'de'), code };
}

function locationRows(centre: CentreRecord, l: LocationRecord, serviceId: string) {
  const view = publicView(l);
  const landLabel = landName(l.land) ?? '';
  const location = omitEmpty({
    id: l.id,
    location_type: 'physical',
    organization_id: centre.id,
    name: l.name,
    description:
      l.addressPrivacy === 'on_request'
        ? 'Adresse auf Anfrage'
        : l.addressPrivacy === 'city'
          ? `${view.city}; die genaue Adresse erfahren Sie telefonisch oder per E-Mail.`
          : undefined,
    latitude: view.point?.lat,
    longitude: view.point?.lon,
  });
  const addresses =
    l.addressPrivacy === 'on_request'
      ? []
      : [
          {
            id: derivedId(l.id, 'address'),
            location_id: l.id,
            address_1: view.street,
            city: view.city,
            state_province: landLabel,
            postal_code: view.postalCode,
            country: 'DE',
            address_type: 'physical',
          },
        ];
  const schedules = toHsdsSchedules(l.openingHours, 'de').map((s, index) => ({
    id: derivedId(l.id, `schedule/${index}`),
    location_id: l.id,
    ...s,
  }));
  const accessibility = l.accessibility.map((code) => ({
    id: derivedId(l.id, `accessibility/${code}`),
    location_id: l.id,
    description: term(TAXONOMY_KEYS.accessibility, code)?.term.name ?? code,
  }));
  const attributes = [
    attribute(
      'location',
      l.id,
      term(TAXONOMY_KEYS.properties, KOK_PROPERTY.addressPrivacy),
      l.addressPrivacy,
    ),
    attribute('location', l.id, term(TAXONOMY_KEYS.lands, l.land)),
    ...l.accessibility.map((code) => attribute('location', l.id, term(TAXONOMY_KEYS.accessibility, code))),
  ].filter((a): a is HsdsObject => a !== null);
  const serviceAtLocation = {
    id: serviceAtLocationIdFor(l.id),
    service_id: serviceId,
    location_id: l.id,
  };
  return { location, addresses, schedules, accessibility, attributes, serviceAtLocation, view };
}

/** All HSDS rows of one (published) centre, flat as in the tabular format, privacy applied. */
export function centreRows(centre: CentreRecord, now = Date.now()): CentreRows {
  const serviceId = serviceIdFor(centre.id);
  const shelter = effectiveShelterStatus(centre, now);
  const organization = omitEmpty({
    id: centre.id,
    name: centre.name,
    alternate_name: centre.alternateName,
    description: centre.descriptionDe,
    email: email(centre.email),
    website: uri(centre.website),
  });
  // description is required even when we have none
  organization.description ??= '';
  const targetNames = centre.targets.map((code) => term(TAXONOMY_KEYS.targets, code)?.term.name ?? code);
  const service = omitEmpty({
    id: serviceId,
    organization_id: centre.id,
    name: centre.name,
    alternate_name: centre.alternateName,
    description: centre.descriptionDe,
    url: uri(centre.website),
    email: email(centre.email),
    status: 'active',
    eligibility_description: targetNames.length > 0 ? `Für: ${targetNames.join(', ')}` : undefined,
    assured_date: centre.verifiedAt ?? undefined,
    last_modified: centre.updatedAt.toISOString(),
  });
  service.description ??= '';
  const organizationIdentifiers = [
    {
      id: derivedId(centre.id, 'identifier/slug'),
      organization_id: centre.id,
      identifier_scheme: 'KOK',
      identifier_type: 'slug',
      identifier: centre.slug,
    },
  ];
  const phones = centre.phones.map((p) =>
    omitEmpty({
      id: p.id,
      service_id: serviceId,
      number: p.number,
      type: 'voice',
      description: p.description,
    }),
  );
  const languages = [
    ...centre.languages.map((code) => languageRow({ service_id: serviceId }, code)),
    ...centre.phones.flatMap((p) => p.languages.map((code) => languageRow({ phone_id: p.id }, code))),
  ];
  const areaLands = centre.nationwide ? LANDS.map((l) => l.key) : centre.lands;
  const serviceAreas = centre.nationwide
    ? [
        {
          id: derivedId(serviceId, 'service_area/DE'),
          service_id: serviceId,
          name: 'Deutschland',
          description: 'Bundesweit zuständig',
        },
      ]
    : centre.lands.map((key) => ({
        id: derivedId(serviceId, `service_area/${key}`),
        service_id: serviceId,
        name: landName(key) ?? key,
        description: `Zuständig für ${landName(key) ?? key}`,
      }));
  const areaAttributes = centre.nationwide
    ? areaLands.map((key) =>
        attribute('service_area', serviceAreas[0]!.id as string, term(TAXONOMY_KEYS.lands, key)),
      )
    : serviceAreas.map((area, i) =>
        attribute('service_area', area.id, term(TAXONOMY_KEYS.lands, centre.lands[i]!)),
      );
  const serviceAttributes = [
    ...centre.targets.map((code) => attribute('service', serviceId, term(TAXONOMY_KEYS.targets, code))),
    ...centre.exploitation.map((code) =>
      attribute('service', serviceId, term(TAXONOMY_KEYS.exploitation, code)),
    ),
    ...centre.services.map((code) => attribute('service', serviceId, term(TAXONOMY_KEYS.services, code))),
    attribute('service', serviceId, term(TAXONOMY_KEYS.properties, KOK_PROPERTY.shelterStatus), shelter),
    shelter !== 'unknown' && centre.shelterUpdatedAt
      ? attribute(
          'service',
          serviceId,
          term(TAXONOMY_KEYS.properties, KOK_PROPERTY.shelterUpdatedAt),
          centre.shelterUpdatedAt.toISOString(),
        )
      : null,
    centre.onlineCounselling
      ? attribute(
          'service',
          serviceId,
          term(TAXONOMY_KEYS.properties, KOK_PROPERTY.onlineCounselling),
          uri(centre.onlineUrl),
        )
      : null,
    centre.descriptionEn
      ? attribute(
          'service',
          serviceId,
          term(TAXONOMY_KEYS.properties, KOK_PROPERTY.descriptionEn),
          centre.descriptionEn,
        )
      : null,
  ];
  const organizationAttributes = [
    centre.isMember
      ? attribute('organization', centre.id, term(TAXONOMY_KEYS.properties, KOK_PROPERTY.member), 'true')
      : null,
    centre.isDemo
      ? attribute('organization', centre.id, term(TAXONOMY_KEYS.properties, KOK_PROPERTY.demo), 'true')
      : null,
  ];
  const perLocation = centre.locations.map((l) => locationRows(centre, l, serviceId));
  const attributes = [
    ...organizationAttributes,
    ...serviceAttributes,
    ...areaAttributes,
    ...perLocation.flatMap((p) => p.attributes),
  ].filter((a): a is HsdsObject => a !== null);
  const termIds = new Set(attributes.map((a) => a.taxonomy_term_id as string));
  const searchText = [
    centre.name,
    centre.alternateName,
    centre.descriptionDe,
    centre.descriptionEn,
    ...perLocation.map((p) => p.view.city),
    ...[...termIds].map((id) => findTerm(id)?.term.name ?? ''),
  ].filter(Boolean);
  return {
    organization,
    service,
    organizationIdentifiers,
    phones,
    languages,
    serviceAreas,
    locations: perLocation.map((p) => p.location),
    addresses: perLocation.flatMap((p) => p.addresses),
    schedules: perLocation.flatMap((p) => p.schedules),
    accessibility: perLocation.flatMap((p) => p.accessibility),
    serviceAtLocations: perLocation.map((p) => p.serviceAtLocation),
    attributes,
    termIds,
    searchText,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Nested objects, as the HSDA endpoints return them

function withTerm(attr: HsdsObject): HsdsObject {
  const ref = findTerm(attr.taxonomy_term_id as string);
  return ref ? { ...attr, taxonomy_term: presentTaxonomyTerm(ref.def, ref.term) } : attr;
}

function attributesOf(rows: CentreRows, entity: string, id: string): HsdsObject[] {
  return rows.attributes.filter((a) => a.link_entity === entity && a.link_id === id).map(withTerm);
}

/** A location with its address, hours, accessibility and attributes; `flat` leaves the arrays out. */
export function nestedLocation(rows: CentreRows, locationId: string, flat = false): HsdsObject {
  const location = rows.locations.find((l) => l.id === locationId)!;
  if (flat) return location;
  return {
    ...location,
    addresses: rows.addresses.filter((a) => a.location_id === locationId),
    schedules: rows.schedules.filter((s) => s.location_id === locationId),
    accessibility: rows.accessibility.filter((a) => a.location_id === locationId),
    attributes: attributesOf(rows, 'location', locationId),
  };
}

export function flatOrganization(rows: CentreRows): HsdsObject {
  return rows.organization;
}

/** The service as in a list (one-to-one fields and its organization) or fully nested. */
export function nestedService(rows: CentreRows, full: boolean): HsdsObject {
  const serviceId = rows.service.id as string;
  if (!full) return { ...rows.service, organization: rows.organization };
  return {
    ...rows.service,
    organization: rows.organization,
    phones: rows.phones.map((p) => ({
      ...p,
      languages: rows.languages.filter((l) => l.phone_id === p.id),
    })),
    service_areas: rows.serviceAreas.map((area) => ({
      ...area,
      attributes: attributesOf(rows, 'service_area', area.id as string),
    })),
    service_at_locations: rows.serviceAtLocations.map((sal) => ({
      ...sal,
      location: nestedLocation(rows, sal.location_id as string),
    })),
    languages: rows.languages.filter((l) => l.service_id === serviceId),
    attributes: attributesOf(rows, 'service', serviceId),
  };
}

/** The organization as in a list (one-to-one fields) or nested with identifiers, locations and its service. */
export function nestedOrganization(rows: CentreRows, full: boolean, fullService: boolean): HsdsObject {
  if (!full) return rows.organization;
  return {
    ...rows.organization,
    organization_identifiers: rows.organizationIdentifiers,
    locations: rows.locations.map((l) => nestedLocation(rows, l.id as string)),
    attributes: attributesOf(rows, 'organization', rows.organization.id as string),
    // HSDA: the organization's services, with only their own fields unless full_service is asked for
    services: [fullService ? nestedService(rows, true) : rows.service],
  };
}

/** A service_at_location with its location and service (one-to-one fields), or fully nested. */
export function nestedServiceAtLocation(rows: CentreRows, salId: string, full: boolean): HsdsObject {
  const sal = rows.serviceAtLocations.find((s) => s.id === salId)!;
  return {
    ...sal,
    location: nestedLocation(rows, sal.location_id as string, !full),
    service: full ? nestedService(rows, false) : rows.service,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The whole directory as HSDS tables (for the export)

export const HSDS_TABLES = [
  'organizations',
  'organization_identifiers',
  'services',
  'locations',
  'addresses',
  'phones',
  'schedules',
  'service_areas',
  'languages',
  'accessibility',
  'service_at_locations',
  'taxonomies',
  'taxonomy_terms',
  'attributes',
] as const;
export type HsdsTable = (typeof HSDS_TABLES)[number];

/** Flat tables (one array per HSDS table), foreign keys instead of nesting, privacy applied. */
export function hsdsTables(
  centres: readonly CentreRecord[],
  now = Date.now(),
): Record<HsdsTable, HsdsObject[]> {
  const tables = Object.fromEntries(HSDS_TABLES.map((t) => [t, [] as HsdsObject[]])) as Record<
    HsdsTable,
    HsdsObject[]
  >;
  for (const centre of centres) {
    const rows = centreRows(centre, now);
    tables.organizations.push(rows.organization);
    tables.organization_identifiers.push(...rows.organizationIdentifiers);
    tables.services.push(rows.service);
    tables.locations.push(...rows.locations);
    tables.addresses.push(...rows.addresses);
    tables.phones.push(...rows.phones);
    tables.schedules.push(...rows.schedules);
    tables.service_areas.push(...rows.serviceAreas);
    tables.languages.push(...rows.languages);
    tables.accessibility.push(...rows.accessibility);
    tables.service_at_locations.push(...rows.serviceAtLocations);
    tables.attributes.push(...rows.attributes);
  }
  tables.taxonomies.push(...allTaxonomies());
  tables.taxonomy_terms.push(...allTaxonomyTerms());
  return tables;
}
