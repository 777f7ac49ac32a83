/**
 * `/api/hsds/...`: the published directory through the Open Referral HSDS 3.0 API (HSDA), as described by the
 * specification's openapi.json: paged lists `{ total_items, total_pages, page_number, size, first_page,
 * last_page, empty, contents }`, `format=ndjson` for everything at once (one object per line, no paging), and the
 * standard parameters. `proximity` is in metres, as HSDA defines it.
 *
 * Only published centres appear, and every location goes through the address-privacy gate in present.ts: the
 * postcode and proximity filters and the text search only ever look at what may be shown.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { AppError, type FieldErrors, notFound } from '../../../platform/errors.ts';
import type { AppEnv } from '../../../platform/http/env.ts';
import { fieldErrors } from '../../../platform/http/forms.ts';
import { distanceKm, lookupPostalCode, type PostalCodeResult } from '../geo/geocode.ts';
import { publishedCentres } from '../repo.ts';
import { indexText, matchesText } from '../text-match.ts';
import type { CentreRecord } from '../types.ts';
import {
  allTaxonomies,
  allTaxonomyTerms,
  type CentreRows,
  centreRows,
  findTerm,
  type HsdsObject,
  nestedOrganization,
  nestedService,
  nestedServiceAtLocation,
  presentTaxonomy,
  publicView,
  TAXONOMIES,
  taxonomyIdFor,
} from './present.ts';

export const HSDS_DEFAULT_PER_PAGE = 50;
export const HSDS_MAX_PER_PAGE = 500;

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const id = z.guid();

const paging = {
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  per_page: z.coerce.number().int().min(1).max(HSDS_MAX_PER_PAGE).default(HSDS_DEFAULT_PER_PAGE),
  format: z.enum(['json', 'ndjson']).default('json'),
  search: z.string().trim().min(1).max(200).optional(),
};

export const directorySchema = z.object({
  ...paging,
  postcode: z
    .string()
    .trim()
    .regex(/^\d{5}$/)
    .optional(),
  // metres from the postcode's centre (HSDA)
  proximity: z.coerce.number().positive().max(2_000_000).optional(),
  taxonomy_term_id: id.optional(),
  taxonomy_id: id.optional(),
  organization_id: id.optional(),
  modified_after: z.union([z.iso.datetime({ offset: true }), z.iso.date()]).optional(),
  full: bool.optional(),
  full_service: bool.optional(),
});
type DirectoryParams = z.infer<typeof directorySchema>;

export const termsSchema = z.object({
  ...paging,
  taxonomy_id: id.optional(),
  parent_id: id.optional(),
  top_only: bool.optional(),
});

export const taxonomiesSchema = z.object(paging);

function badRequest(errors: FieldErrors): AppError {
  return new AppError('bad_request', 'error.bad_request', {}, errors);
}

/** The query string, validated; empty parameters count as absent, anything malformed is a 400. */
function readParams<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.output<S> {
  const raw = c.req.query();
  const nul = Object.keys(raw).filter((k) => raw[k]!.includes('\u0000'));
  if (nul.length > 0)
    throw badRequest(Object.fromEntries(nul.map((k) => [k, { key: 'validation.invalid' }])));
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) throw badRequest(fieldErrors(parsed.error.issues));
  return parsed.data;
}

// ---------------------------------------------------------------------------------------------------------
// Rows per centre, computed once per cached directory snapshot

const rowsCache = new WeakMap<CentreRecord, { rows: CentreRows; index: Set<string> }>();

function rowsOf(centre: CentreRecord): { rows: CentreRows; index: Set<string> } {
  let entry = rowsCache.get(centre);
  if (!entry) {
    const rows = centreRows(centre);
    entry = { rows, index: indexText(...rows.searchText) };
    rowsCache.set(centre, entry);
  }
  return entry;
}

interface Place {
  hit: PostalCodeResult;
  /** metres, when asked for */
  proximity: number | null;
}

function resolvePlace(p: DirectoryParams): Place | null {
  if (p.proximity !== undefined && !p.postcode)
    throw badRequest({ postcode: { key: 'validation.required' } });
  if (!p.postcode) return null;
  const hit = lookupPostalCode(p.postcode);
  if (!hit) throw badRequest({ postcode: { key: 'directory.plz_unknown', params: { plz: p.postcode } } });
  return { hit, proximity: p.proximity ?? null };
}

/** Distance in metres from the postcode's centre to the location's public point, or null if it has none. */
function metresTo(place: Place, location: CentreRecord['locations'][number]): number | null {
  const point = publicView(location).point;
  return point ? distanceKm({ lat: place.hit.lat, lon: place.hit.lon }, point) * 1000 : null;
}

/** Whether a location's public address lies in the postcode: its postcode if public, its city if only that is. */
function inPostcode(place: Place, location: CentreRecord['locations'][number]): boolean {
  const view = publicView(location);
  if (view.postalCode) return view.postalCode === place.hit.plz;
  return view.city !== '' && place.hit.places.some((p) => p.toLowerCase() === view.city.toLowerCase());
}

function locationMatches(
  place: Place | null,
  centre: CentreRecord,
  location: CentreRecord['locations'][number],
) {
  if (!place) return true;
  if (place.proximity !== null) {
    const m = metresTo(place, location);
    return m !== null && m <= place.proximity;
  }
  return (
    inPostcode(place, location) ||
    centre.nationwide ||
    place.hit.lands.some((land) => centre.lands.includes(land))
  );
}

/** Responsible for the postcode's Land, or with a location there (or, with proximity, close enough). */
function centreInPlace(place: Place | null, centre: CentreRecord): boolean {
  if (!place) return true;
  if (
    place.proximity === null &&
    (centre.nationwide || place.hit.lands.some((x) => centre.lands.includes(x)))
  )
    return true;
  return centre.locations.some((l) => locationMatches(place, centre, l));
}

/** Centre-level filters: text, taxonomy, organization, modified_after. */
function centreMatches(centre: CentreRecord, p: DirectoryParams): boolean {
  const { rows, index } = rowsOf(centre);
  if (p.organization_id && centre.id.toLowerCase() !== p.organization_id.toLowerCase()) return false;
  if (p.taxonomy_term_id && !rows.termIds.has(p.taxonomy_term_id.toLowerCase())) return false;
  if (p.taxonomy_id) {
    const wanted = p.taxonomy_id.toLowerCase();
    if (![...rows.termIds].some((t) => taxonomyIdFor(findTerm(t)?.def.key ?? '') === wanted)) return false;
  }
  if (p.modified_after && centre.updatedAt.getTime() < Date.parse(p.modified_after)) return false;
  if (p.search && !matchesText(p.search, index)) return false;
  return true;
}

function nearest(place: Place | null, centre: CentreRecord): number | null {
  if (!place) return null;
  let best: number | null = null;
  for (const l of centre.locations) {
    const m = metresTo(place, l);
    if (m !== null && (best === null || m < best)) best = m;
  }
  return best;
}

function byDistanceThenName<T extends { distance: number | null; name: string; id: string }>(a: T, b: T) {
  if (a.distance !== b.distance) {
    if (a.distance === null) return 1;
    if (b.distance === null) return -1;
    return a.distance - b.distance;
  }
  return a.name.localeCompare(b.name, 'de') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The matching centres, nearest first when a postcode is given, else by name. */
async function matchingCentres(c: Context<AppEnv>, p: DirectoryParams): Promise<CentreRecord[]> {
  const place = resolvePlace(p);
  const centres = await publishedCentres(c.get('deps').database.db);
  return centres
    .filter((centre) => centreMatches(centre, p) && centreInPlace(place, centre))
    .map((centre) => ({ centre, distance: nearest(place, centre), name: centre.name, id: centre.id }))
    .sort(byDistanceThenName)
    .map((e) => e.centre);
}

// ---------------------------------------------------------------------------------------------------------
// Responses

function respond(
  c: Context<AppEnv>,
  items: HsdsObject[],
  p: { page: number; per_page: number; format: 'json' | 'ndjson' },
) {
  if (p.format === 'ndjson') {
    const body = items.map((item) => `${JSON.stringify(item)}\n`).join('');
    return c.body(body, 200, { 'Content-Type': 'application/x-ndjson; charset=utf-8' });
  }
  const total = items.length;
  const totalPages = Math.ceil(total / p.per_page);
  const contents = items.slice((p.page - 1) * p.per_page, p.page * p.per_page);
  return c.json({
    total_items: total,
    total_pages: totalPages,
    page_number: p.page,
    size: contents.length,
    first_page: p.page === 1,
    last_page: p.page >= totalPages,
    empty: contents.length === 0,
    contents,
  });
}

function one(c: Context<AppEnv>, item: HsdsObject | undefined) {
  if (!item) throw notFound();
  return c.json(item);
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function idParam(c: Context<AppEnv>): string {
  const value = c.req.param('id') ?? '';
  if (!UUID_RE.test(value)) throw notFound();
  return value.toLowerCase();
}

export function hsdsRoutes() {
  const app = new Hono<AppEnv>();

  // open data: any site may read it (no credentials involved), errors included
  app.use('*', async (c, next) => {
    await next();
    c.res.headers.set('Access-Control-Allow-Origin', '*');
  });

  app.get('/', (c) => {
    return c.json({
      version: '3.0',
      profile: 'https://github.com/openreferral/specification/tree/3.0/schema',
    });
  });

  app.get('/services', async (c) => {
    const p = readParams(c, directorySchema);
    const centres = await matchingCentres(c, p);
    return respond(
      c,
      centres.map((centre) => nestedService(rowsOf(centre).rows, p.full ?? false)),
      p,
    );
  });

  app.get('/services/:id', async (c) => {
    const wanted = idParam(c);
    const centres = await publishedCentres(c.get('deps').database.db);
    const centre = centres.find((x) => rowsOf(x).rows.service.id === wanted);
    return one(c, centre ? nestedService(rowsOf(centre).rows, true) : undefined);
  });

  app.get('/organizations', async (c) => {
    const p = readParams(c, directorySchema);
    const centres = await matchingCentres(c, p);
    return respond(
      c,
      centres.map((centre) =>
        nestedOrganization(rowsOf(centre).rows, p.full ?? false, p.full_service ?? false),
      ),
      p,
    );
  });

  app.get('/organizations/:id', async (c) => {
    const wanted = idParam(c);
    const fullService = readParams(c, directorySchema).full_service ?? false;
    const centres = await publishedCentres(c.get('deps').database.db);
    const centre = centres.find((x) => x.id.toLowerCase() === wanted);
    return one(c, centre ? nestedOrganization(rowsOf(centre).rows, true, fullService) : undefined);
  });

  app.get('/service_at_locations', async (c) => {
    const p = readParams(c, directorySchema);
    const place = resolvePlace(p);
    const centres = await publishedCentres(c.get('deps').database.db);
    const items = centres
      .filter((centre) => centreMatches(centre, p))
      .flatMap((centre) =>
        centre.locations
          .filter((l) => locationMatches(place, centre, l))
          .map((l) => ({
            centre,
            location: l,
            distance: place ? metresTo(place, l) : null,
            name: centre.name,
            id: l.id,
          })),
      )
      .sort(byDistanceThenName)
      .map(({ centre, location }) => {
        const rows = rowsOf(centre).rows;
        const sal = rows.serviceAtLocations.find((s) => s.location_id === location.id)!;
        return nestedServiceAtLocation(rows, sal.id as string, p.full ?? false);
      });
    return respond(c, items, p);
  });

  app.get('/service_at_locations/:id', async (c) => {
    const wanted = idParam(c);
    const centres = await publishedCentres(c.get('deps').database.db);
    for (const centre of centres) {
      const rows = rowsOf(centre).rows;
      if (rows.serviceAtLocations.some((s) => s.id === wanted))
        return one(c, nestedServiceAtLocation(rows, wanted, true));
    }
    throw notFound();
  });

  app.get('/taxonomies', (c) => {
    const p = readParams(c, taxonomiesSchema);
    const items = TAXONOMIES.filter(
      (def) => !p.search || matchesText(p.search, indexText(def.name, def.description, def.key)),
    ).map(presentTaxonomy);
    return respond(c, items, p);
  });

  app.get('/taxonomies/:id', (c) => {
    const wanted = idParam(c);
    return one(
      c,
      allTaxonomies().find((t) => t.id === wanted),
    );
  });

  app.get('/taxonomy_terms', (c) => {
    const p = readParams(c, termsSchema);
    // our vocabularies are flat: no term has a parent, so every term is a top term
    const items = p.parent_id
      ? []
      : allTaxonomyTerms(true).filter((t) => {
          if (p.taxonomy_id && t.taxonomy_id !== p.taxonomy_id.toLowerCase()) return false;
          if (p.search) {
            const index = indexText(t.code as string, t.name as string, t.description as string);
            if (!matchesText(p.search, index)) return false;
          }
          return true;
        });
    return respond(c, items, p);
  });

  app.get('/taxonomy_terms/:id', (c) => {
    const wanted = idParam(c);
    return one(
      c,
      allTaxonomyTerms(true).find((t) => t.id === wanted),
    );
  });

  return app;
}
