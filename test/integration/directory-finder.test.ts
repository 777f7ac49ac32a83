/**
 * The counselling-centre finder end to end through the app (page and JSON API) on the 60 demo centres plus a few
 * hand-made ones: searches by postal code, place, Land and position; 400s; the two-Länder postal code; address
 * privacy in page, API and vCard; and property tests over random query strings.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemoDirectory } from '../../src/demo/directory.ts';
import {
  geocodePlace,
  LANDS,
  landForPoint,
  lookupPostalCode,
  projectToMap,
} from '../../src/modules/directory/geo/geocode.ts';
import { invalidateDirectoryCache, publishedCentres } from '../../src/modules/directory/repo.ts';
import {
  accessibilityFeatures,
  centreServices,
  counsellingLanguages,
  exploitationForms,
  targetGroups,
} from '../../src/modules/directory/vocabulary.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/** The demo's member organisations (src/demo/seed.ts): member centres link to them by slug. */
const MEMBER_CITIES = [
  'Kiel',
  'Hamburg',
  'Berlin',
  'Potsdam',
  'Leipzig',
  'Dresden',
  'München',
  'Köln',
  'Frankfurt am Main',
  'Halle (Saale)',
];

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

interface ApiResult {
  id: string;
  slug: string;
  name: string;
  distance_km: number | null;
  lands: string[];
  nationwide: boolean;
  languages: string[];
  targets: string[];
  exploitation: string[];
  services: string[];
  online_counselling: boolean;
  locations: Array<{
    city: string | null;
    land: string;
    address_privacy: string;
    address: { street: string; postal_code: string; city: string } | null;
    latitude: number | null;
    longitude: number | null;
  }>;
  match: 'full' | 'partial';
  missing: string[];
}
interface ApiSearch {
  results: ApiResult[];
  total: number;
  full_matches: number;
  page: number;
  per_page: number;
}
interface ApiError {
  error: { code: string; field?: string; message: string };
}

interface CentreRow {
  id: string;
  slug: string;
  targets: string[];
  exploitation: string[];
  languages: string[];
  services: string[];
  lands: string[];
  nationwide: boolean;
  online_counselling: boolean;
  accessibility: string[];
}

// Hand-made centres whose hidden details must never leak: exact positions 0.2° away from the city centre.
const SECRET_CITY = {
  slug: 'geheim-stadt',
  name: 'Schutzstelle Stadtadresse',
  street: 'Verborgene Gasse 7',
  postalCode: '10999',
  lat: 52.7123457,
  lon: 13.6123457,
};
const SECRET_REQUEST = {
  slug: 'geheim-anfrage',
  name: 'Schutzstelle Adresse auf Anfrage',
  street: 'Unsichtbarer Weg 9',
  postalCode: '10997',
  city: 'Kreuzberg-Geheim',
  lat: 52.3234568,
  lon: 13.2234568,
};
const BERLIN_CITY = { lat: 52.52, lon: 13.405 };

let t: TestApp;
let rows: Map<string, CentreRow>;
let centreCount = 0;

async function api(query: string): Promise<{ status: number; body: unknown }> {
  const res = await t.request(`/api/v1/directory/search?${query}`);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return { status: res.status, body: await res.json() };
}

async function search(query: string): Promise<ApiSearch> {
  const { status, body } = await api(query);
  expect(status, `${query}: ${JSON.stringify(body).slice(0, 300)}`).toBe(200);
  return body as ApiSearch;
}

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await t.request(path);
  return { status: res.status, html: await res.text() };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  await db
    .insertInto('organisations')
    .values(
      MEMBER_CITIES.map((city) => ({
        slug: `demo-fbs-${slugify(city)}`,
        name: `Demo-Fachberatungsstelle ${city}`,
        is_demo: true,
      })),
    )
    .execute();
  centreCount = await seedDemoDirectory(db);

  // responsible only for Brandenburg, far from 12529; and only for Berlin, far too
  const onlyBrandenburg = await db
    .insertInto('directory_centres')
    .values({
      slug: 'nur-brandenburg',
      name: 'Testberatung nur Brandenburg',
      targets: ['women'],
      exploitation: ['sexual_exploitation'],
      services: ['crisis_intervention'],
      languages: ['de'],
      lands: ['12'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const onlyBerlin = await db
    .insertInto('directory_centres')
    .values({
      slug: 'nur-berlin',
      name: 'Testberatung nur Berlin',
      targets: ['women'],
      exploitation: ['sexual_exploitation'],
      services: ['crisis_intervention'],
      languages: ['de'],
      lands: ['11'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cityOnly = await db
    .insertInto('directory_centres')
    .values({
      slug: SECRET_CITY.slug,
      name: SECRET_CITY.name,
      targets: ['women', 'minors'],
      exploitation: ['sexual_exploitation'],
      services: ['crisis_intervention'],
      languages: ['de', 'ro'],
      lands: ['11'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const onRequest = await db
    .insertInto('directory_centres')
    .values({
      slug: SECRET_REQUEST.slug,
      name: SECRET_REQUEST.name,
      targets: ['women', 'minors'],
      exploitation: ['sexual_exploitation'],
      services: ['crisis_intervention'],
      languages: ['de', 'ro'],
      lands: ['11'],
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('directory_locations')
    .values([
      {
        centre_id: onlyBrandenburg.id,
        street: 'Am Markt 1',
        postal_code: '03046',
        city: 'Cottbus',
        land: '12',
        latitude: 51.7563,
        longitude: 14.3329,
        city_latitude: 51.7563,
        city_longitude: 14.3329,
        address_privacy: 'public',
      },
      {
        centre_id: onlyBerlin.id,
        street: 'Am Markt 2',
        postal_code: '03046',
        city: 'Cottbus',
        land: '12',
        latitude: 51.7563,
        longitude: 14.3329,
        city_latitude: 51.7563,
        city_longitude: 14.3329,
        address_privacy: 'public',
      },
      {
        centre_id: cityOnly.id,
        street: SECRET_CITY.street,
        postal_code: SECRET_CITY.postalCode,
        city: 'Berlin',
        land: '11',
        latitude: SECRET_CITY.lat,
        longitude: SECRET_CITY.lon,
        city_latitude: BERLIN_CITY.lat,
        city_longitude: BERLIN_CITY.lon,
        address_privacy: 'city',
      },
      {
        centre_id: onRequest.id,
        street: SECRET_REQUEST.street,
        postal_code: SECRET_REQUEST.postalCode,
        city: SECRET_REQUEST.city,
        land: '11',
        latitude: SECRET_REQUEST.lat,
        longitude: SECRET_REQUEST.lon,
        city_latitude: BERLIN_CITY.lat,
        city_longitude: BERLIN_CITY.lon,
        address_privacy: 'on_request',
      },
    ])
    .execute();
  centreCount += 4;
  invalidateDirectoryCache();

  const all = await db
    .selectFrom('directory_centres as c')
    .select([
      'c.id',
      'c.slug',
      'c.targets',
      'c.exploitation',
      'c.languages',
      'c.services',
      'c.lands',
      'c.nationwide',
      'c.online_counselling',
    ])
    .execute();
  const locations = await db
    .selectFrom('directory_locations')
    .select(['centre_id', 'accessibility'])
    .execute();
  rows = new Map(
    all.map((c) => [
      c.id,
      {
        ...c,
        accessibility: locations.filter((l) => l.centre_id === c.id).flatMap((l) => l.accessibility),
      } as CentreRow,
    ]),
  );
});

afterAll(async () => {
  invalidateDirectoryCache();
  await t?.close();
});

describe('demo data', () => {
  it('has 60 demo centres; member centres belong to their organisations', async () => {
    expect(centreCount).toBe(64);
    const linked = await t.database.db
      .selectFrom('directory_centres as c')
      .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
      .select(['c.slug', 'o.slug as org'])
      .execute();
    expect(linked.length).toBe(MEMBER_CITIES.length);
    for (const l of linked) expect(l.slug).toBe(l.org);
  });
});

describe('finder page', () => {
  it('shows the form and the map before a search, and no result list', async () => {
    for (const [path, lang] of [
      ['/fachberatungsstellen', 'de'],
      ['/en/fachberatungsstellen', 'en'],
    ] as const) {
      const { status, html } = await page(path);
      expect(status).toBe(200);
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html).toContain('id="f-ort"');
      expect(html).toContain('class="germany-map"');
      expect(html).not.toContain('id="results-title"');
      // every Land is a link on the map
      for (const land of LANDS) expect(html).toContain(`fachberatungsstellen?land=${land.key}"`);
    }
  });

  it('searches by postal code through the single "where" field', async () => {
    const { status, html } = await page('/fachberatungsstellen?ort=10785');
    expect(status).toBe(200);
    expect(html).toMatch(/id="results-title">\d+ passende Beratungsstellen – in der Nähe von 10785 Berlin/);
    expect(html).toContain('value="10785"');
    // the closest centre (demo Berlin, nationwide) first, with its distance
    const first = /<li class="result"><h3><a href="([^"]+)">/.exec(html)?.[1];
    expect(first).toBe('/fachberatungsstellen/demo-fbs-berlin');
    expect(html).toMatch(/ca\. \d+ km entfernt/);
  });

  it('searches by place name, in English too', async () => {
    const { status, html } = await page('/en/fachberatungsstellen?ort=N%C3%BCrnberg');
    expect(status).toBe(200);
    expect(html).toMatch(/matching counselling centres – near Nürnberg/);
    const first = /<li class="result"><h3><a href="([^"]+)">/.exec(html)?.[1];
    expect(first).toBe('/en/fachberatungsstellen/demo-fbs-nuernberg');
    expect(html).toMatch(/about \d+ km away/);
  });

  it('searches by Land (the map links), marking it active', async () => {
    const { status, html } = await page('/fachberatungsstellen?land=14');
    expect(status).toBe(200);
    expect(html).toContain('– in der Nähe von Sachsen');
    expect(html).toMatch(/<path class="land active"/);
    expect(html).toContain('/fachberatungsstellen/demo-fbs-leipzig');
  });

  it('searches by position (my location)', async () => {
    const { status, html } = await page('/fachberatungsstellen?lat=51.05&lon=13.74');
    expect(status).toBe(200);
    const first = /<li class="result"><h3><a href="([^"]+)">/.exec(html)?.[1];
    expect(first).toBe('/fachberatungsstellen/demo-fbs-dresden');
  });

  it('says when nothing matches every filter, and shows what the partial matches lack', async () => {
    const { status, html } = await page('/fachberatungsstellen?ort=10785&target=women&language=ha');
    expect(status).toBe(200);
    expect(html).toContain('Keine Beratungsstelle erfüllt alle Wünsche');
    expect(html).toContain('class="notice notice-warning"');
    expect(html).toMatch(/<p class="missing">Fehlt: [^<]+<\/p>/);
    const en = await page('/en/fachberatungsstellen?ort=10785&target=women&language=ha');
    expect(en.html).toContain('No centre meets every wish');
    expect(en.html).toMatch(/<p class="missing">Missing: [^<]+<\/p>/);
  });

  it('answers an invalid filter value with 400 and the form', async () => {
    const { status, html } = await page('/fachberatungsstellen?ort=10785&service=nonsense');
    expect(status).toBe(400);
    expect(html).toContain('error-summary');
    expect(html).toContain('id="f-ort"');
  });

  it('answers an unknown postal code with 400 and a message at the "where" field', async () => {
    const { status, html } = await page('/fachberatungsstellen?ort=00000');
    expect(status).toBe(400);
    expect(html).toContain('Die Postleitzahl 00000 kennen wir nicht');
    expect(html).toContain('href="#f-ort"');
    const place = await page('/en/fachberatungsstellen?ort=Xyzzyhausen');
    expect(place.status).toBe(400);
    expect(place.html).toContain('href="#f-ort"');
  });

  it('pages through the results', async () => {
    const first = await page('/fachberatungsstellen?land=11&per_page=5');
    expect(first.html).toContain('Seite 1 von');
    expect(first.html).toMatch(/href="\/fachberatungsstellen\?land=11&amp;per_page=5&amp;page=2"/);
    const second = await page('/fachberatungsstellen?land=11&per_page=5&page=2');
    expect(second.status).toBe(200);
    expect(second.html).toContain('Seite 2 von');
  });
});

describe('search API', () => {
  it('searches by postal code: JSON in the documented shape, closest first', async () => {
    const body = await search('plz=10785');
    expect(body.page).toBe(1);
    expect(body.total).toBe(centreCount);
    expect(body.results).toHaveLength(20);
    const first = body.results[0]!;
    expect(first).toMatchObject({ slug: 'demo-fbs-berlin', match: 'full', missing: [] });
    for (const key of [
      'id',
      'name',
      'distance_km',
      'lands',
      'languages',
      'targets',
      'exploitation',
      'services',
      'match',
    ]) {
      expect(first).toHaveProperty(key);
    }
    expect(Number.isInteger(first.distance_km)).toBe(true);
  });

  it('searches by place, Land and position', async () => {
    expect((await search('place=dresden')).results[0]!.slug).toBe('demo-fbs-dresden');
    expect((await search('lat=54.32&lon=10.13')).results[0]!.slug).toBe('demo-fbs-kiel');
    // Leipzig's own centre keeps its address on request: no distance, so after the other Saxon centres
    const leipzig = await search('place=Leipzig');
    expect(leipzig.results[0]!.slug).toBe('demo-fbs-chemnitz');
    const own = leipzig.results.find((r) => r.slug === 'demo-fbs-leipzig')!;
    expect(own.distance_km).toBeNull();
    const saxony = await search('land=14&per_page=100');
    // without a point: no distances; centres responsible for Sachsen first
    expect(saxony.results.every((r) => r.distance_km === null)).toBe(true);
    const responsible = saxony.results.map((r) => r.lands.includes('14') || r.nationwide);
    expect(responsible.indexOf(false)).toBeGreaterThan(0);
    expect(responsible.slice(responsible.indexOf(false))).not.toContain(true);
  });

  it('filters: only centres offering what was asked for', async () => {
    const body = await search('plz=10785&target=women&language=ro&per_page=100');
    expect(body.full_matches).toBeGreaterThan(0);
    expect(body.total).toBe(body.full_matches);
    for (const r of body.results) {
      expect(r.targets).toContain('women');
      expect(r.languages).toContain('ro');
      expect(r.match).toBe('full');
    }
  });

  it('paginates with page and per_page', async () => {
    const all = await search('plz=10785&per_page=100');
    const second = await search('plz=10785&per_page=7&page=2');
    expect(second.page).toBe(2);
    expect(second.per_page).toBe(7);
    expect(second.results.map((r) => r.id)).toEqual(all.results.slice(7, 14).map((r) => r.id));
    const beyond = await search('plz=10785&page=99');
    expect(beyond.results).toEqual([]);
    expect(beyond.total).toBe(all.total);
  });

  it.each([
    ['plz=00000', 'plz'],
    ['plz=1234', 'plz'],
    ['place=Xyzzyhausen', 'place'],
    ['land=99', 'land'],
    ['lat=52.5', 'lon'],
    ['lon=13.4', 'lat'],
    ['lat=91&lon=13', 'lat'],
    ['per_page=1000', 'per_page'],
    ['page=0', 'page'],
    ['target=aliens', 'target'],
    ['language=xx', 'language'],
    ['radius_km=-5', 'radius_km'],
    ['open_now=maybe', 'open_now'],
  ])('%s → 400 naming the field %s', async (query, field) => {
    const { status, body } = await api(query);
    expect(status).toBe(400);
    const error = (body as ApiError).error;
    expect(error.field).toBe(field);
    expect(typeof error.message).toBe('string');
    expect(error.message.length).toBeGreaterThan(5);
  });

  it('lists places for the suggestions', async () => {
    const res = await t.request('/api/v1/directory/places?q=Leip');
    const body = (await res.json()) as { places: Array<{ place: string; land: string; plz: string }> };
    expect(body.places[0]).toMatchObject({ place: 'Leipzig', land: '14' });
    expect(body.places[0]!.plz).toHaveLength(3);
    expect(
      ((await (await t.request('/api/v1/directory/places?q=L')).json()) as { places: [] }).places,
    ).toEqual([]);
  });
});

describe('two Länder in one postal code', () => {
  it('12529 (Berlin/Brandenburg) prefers centres responsible for either', async () => {
    expect(lookupPostalCode('12529')?.lands.sort()).toEqual(['11', '12']);
    const body = await search('plz=12529&per_page=100');
    const index = (slug: string) => body.results.findIndex((r) => r.slug === slug);
    const isResponsible = (r: ApiResult) => r.nationwide || r.lands.includes('11') || r.lands.includes('12');
    const flags = body.results.map(isResponsible);
    const firstOther = flags.indexOf(false);
    expect(firstOther).toBeGreaterThan(0);
    expect(flags.slice(firstOther)).not.toContain(true);
    // both far-away single-Land centres are in the preferred group, ahead of a closer one from Sachsen-Anhalt
    expect(index('nur-brandenburg')).toBeLessThan(firstOther);
    expect(index('nur-berlin')).toBeLessThan(firstOther);
    expect(index('demo-fbs-magdeburg')).toBeGreaterThanOrEqual(firstOther);

    // with a Berlin-only postal code, the Brandenburg-only centre loses its preference
    const berlin = await search('plz=10785&per_page=100');
    const otherFrom = berlin.results.findIndex((r) => !(r.nationwide || r.lands.includes('11')));
    expect(berlin.results.findIndex((r) => r.slug === 'nur-brandenburg')).toBeGreaterThanOrEqual(otherFrom);
  });
});

describe('address privacy', () => {
  const secrets = [
    SECRET_CITY.street,
    SECRET_CITY.postalCode,
    String(SECRET_CITY.lat),
    String(SECRET_CITY.lon),
    SECRET_CITY.lat.toFixed(3),
    SECRET_REQUEST.street,
    SECRET_REQUEST.postalCode,
    SECRET_REQUEST.city,
    String(SECRET_REQUEST.lat),
    String(SECRET_REQUEST.lon),
    SECRET_REQUEST.lat.toFixed(3),
  ];
  const leaks = (text: string) => secrets.filter((s) => text.includes(s));

  it('the API shows only the city (with the city centre) or nothing', async () => {
    const body = await search('plz=10785&language=ro&per_page=100');
    const raw = JSON.stringify(body);
    expect(leaks(raw)).toEqual([]);
    const city = body.results.find((r) => r.slug === SECRET_CITY.slug)!;
    expect(city.locations).toEqual([
      {
        city: 'Berlin',
        land: '11',
        address_privacy: 'city',
        address: null,
        latitude: BERLIN_CITY.lat,
        longitude: BERLIN_CITY.lon,
      },
    ]);
    const onRequest = body.results.find((r) => r.slug === SECRET_REQUEST.slug)!;
    expect(onRequest.locations).toEqual([
      {
        city: null,
        land: '11',
        address_privacy: 'on_request',
        address: null,
        latitude: null,
        longitude: null,
      },
    ]);
    // distance from what is public: the city centre, or none
    expect(onRequest.distance_km).toBeNull();
    const berlin10785 = lookupPostalCode('10785')!;
    const expected = Math.round(
      Math.hypot(
        (BERLIN_CITY.lat - berlin10785.lat) * 111.2,
        (BERLIN_CITY.lon - berlin10785.lon) * 111.2 * Math.cos((52.5 * Math.PI) / 180),
      ),
    );
    expect(Math.abs(city.distance_km! - expected)).toBeLessThanOrEqual(1);
    // centres without a distance come last
    expect(body.results.at(-1)!.distance_km).toBeNull();
  });

  it('radius_km excludes centres whose address is on request (their distance is unknown)', async () => {
    const body = await search('plz=10785&radius_km=30&per_page=100');
    expect(body.results.map((r) => r.slug)).toContain(SECRET_CITY.slug);
    expect(body.results.map((r) => r.slug)).not.toContain(SECRET_REQUEST.slug);
  });

  it('the result page, its map and the detail pages show neither street nor exact position', async () => {
    for (const path of [
      '/fachberatungsstellen?ort=10785&language=ro',
      '/en/fachberatungsstellen?ort=10785&language=ro',
      '/fachberatungsstellen',
      `/fachberatungsstellen/${SECRET_CITY.slug}`,
      `/fachberatungsstellen/${SECRET_REQUEST.slug}`,
      `/en/fachberatungsstellen/${SECRET_REQUEST.slug}?ansicht=druck`,
    ]) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(leaks(html), path).toEqual([]);
    }
    const { html } = await page('/fachberatungsstellen?ort=10785&language=ro&per_page=100');
    expect(html).toContain(SECRET_CITY.name);
    expect(html).toContain(SECRET_REQUEST.name);
    expect(html).toContain('Adresse auf Anfrage');
    // the city-only centre's marker sits on the city centre, not on its real position
    const marker = new RegExp(
      `<a href="/fachberatungsstellen/${SECRET_CITY.slug}" id="[^"]+"><circle class="marker marker-city" cx="([\\d.]+)" cy="([\\d.]+)"`,
    ).exec(html);
    expect(marker).not.toBeNull();
    const at = projectToMap(BERLIN_CITY.lat, BERLIN_CITY.lon);
    const exact = projectToMap(SECRET_CITY.lat, SECRET_CITY.lon);
    expect(Number(marker![1])).toBeCloseTo(at.x, 0);
    expect(Number(marker![2])).toBeCloseTo(at.y, 0);
    expect(Math.abs(Number(marker![1]) - exact.x) + Math.abs(Number(marker![2]) - exact.y)).toBeGreaterThan(
      2,
    );
    // no marker at all for the centre whose address is on request
    expect(html).not.toMatch(new RegExp(`<a href="/fachberatungsstellen/${SECRET_REQUEST.slug}" id=`));
  });

  it('the vCard has the city only, or no address', async () => {
    const city = await t.request(`/fachberatungsstellen/${SECRET_CITY.slug}/vcard`);
    expect(city.status).toBe(200);
    expect(city.headers.get('content-type')).toMatch(/^text\/vcard/);
    expect(city.headers.get('content-disposition')).toContain(`${SECRET_CITY.slug}.vcf`);
    const cityCard = await city.text();
    expect(cityCard).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
    expect(cityCard).toContain('ADR;TYPE=work:;;;Berlin;;;Germany');
    expect(leaks(cityCard)).toEqual([]);
    const request = await (await t.request(`/fachberatungsstellen/${SECRET_REQUEST.slug}/vcard`)).text();
    expect(request).not.toContain('ADR');
    expect(leaks(request)).toEqual([]);
    // a public address is in the card
    const pub = await (await t.request('/fachberatungsstellen/nur-berlin/vcard')).text();
    expect(pub).toContain('ADR;TYPE=work:;;Am Markt 2;Cottbus;;03046;Germany');
  });

  it('unknown and unpublished centres are 404', async () => {
    await t.database.db
      .updateTable('directory_centres')
      .set({ published: false })
      .where('slug', '=', 'nur-berlin')
      .execute();
    invalidateDirectoryCache();
    try {
      expect((await t.request('/fachberatungsstellen/nur-berlin')).status).toBe(404);
      expect((await t.request('/fachberatungsstellen/nur-berlin/vcard')).status).toBe(404);
      expect((await t.request('/fachberatungsstellen/gibt-es-nicht')).status).toBe(404);
      expect((await t.request('/fachberatungsstellen/Ungültig%20!')).status).toBe(404);
      const body = await search('plz=10785&per_page=100');
      expect(body.results.map((r) => r.slug)).not.toContain('nur-berlin');
    } finally {
      await t.database.db
        .updateTable('directory_centres')
        .set({ published: true })
        .where('slug', '=', 'nur-berlin')
        .execute();
      invalidateDirectoryCache();
    }
  });
});

describe('directory cache', () => {
  it('loads once for concurrent searches, answers from the aged list while refreshing, never stale after invalidation', async () => {
    const db = t.database.db;
    invalidateDirectoryCache();
    const [a, b] = await Promise.all([publishedCentres(db), publishedCentres(db), publishedCentres(db)]);
    expect(a).toBe(b);
    expect(a.length).toBe(centreCount);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 6000);
      // aged: the old list answers at once, one refresh runs in the background
      expect(await publishedCentres(db)).toBe(a);
      expect(await publishedCentres(db)).toBe(a);
      let fresh = a;
      for (let i = 0; i < 100 && fresh === a; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        fresh = await publishedCentres(db);
      }
      expect(fresh).not.toBe(a);
      expect(fresh.length).toBe(centreCount);
    } finally {
      vi.useRealTimers();
      invalidateDirectoryCache();
    }
    await db
      .updateTable('directory_centres')
      .set({ published: false })
      .where('slug', '=', 'nur-berlin')
      .execute();
    try {
      invalidateDirectoryCache();
      const after = await publishedCentres(db);
      expect(after.length).toBe(centreCount - 1);
    } finally {
      await db
        .updateTable('directory_centres')
        .set({ published: true })
        .where('slug', '=', 'nur-berlin')
        .execute();
      invalidateDirectoryCache();
    }
  });
});

// --- Property tests ------------------------------------------------------------------------------------------------
const KNOWN_PLZ = ['10785', '12529', '04109', '80331', '20095', '24103', '01067', '99084', '66111', '03046'];
const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', ' ', '%', '%00', '\u0000', '<script>', "'; DROP TABLE x;--", '1e309', 'NaN', '-0', '∞'),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const num = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((n) => String(Math.round(n * 1e4) / 1e4));

const validParams = fc.record(
  {
    plz: maybe(fc.constantFrom(...KNOWN_PLZ)),
    place: maybe(fc.constantFrom('Leipzig', 'München', 'Koeln', 'Kiel', 'Erfurt')),
    land: maybe(fc.constantFrom(...LANDS.map((l) => l.key))),
    position: maybe(fc.tuple(num(47.3, 55), num(5.9, 15))),
    radius_km: maybe(fc.integer({ min: 1, max: 1000 }).map(String)),
    target: maybe(fc.constantFrom(...targetGroups)),
    exploitation: maybe(fc.constantFrom(...exploitationForms)),
    language: maybe(fc.constantFrom(...counsellingLanguages)),
    service: maybe(fc.constantFrom(...centreServices)),
    accessibility: maybe(fc.constantFrom(...accessibilityFeatures)),
    online: maybe(fc.constantFrom('1', 'true', 'on', '0', 'false')),
    open_now: maybe(fc.constantFrom('1', 'true', 'on', '0', 'false')),
    q: maybe(fc.constantFrom('Beratung', 'Menschenhandel', 'Mädchen', 'Demo', 'Ausbeutung', 'xyz', 'Berlin')),
    page: maybe(fc.integer({ min: 1, max: 4 }).map(String)),
    per_page: maybe(fc.integer({ min: 1, max: 100 }).map(String)),
  },
  { requiredKeys: [] },
);

function toQuery(p: Record<string, unknown>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined) continue;
    if (k === 'position') {
      const [lat, lon] = v as [string, string];
      q.set('lat', lat);
      q.set('lon', lon);
    } else q.set(k, String(v));
  }
  return q;
}

/** Any value, valid or not, for every parameter — and unknown parameters, repeated keys, raw junk. */
const anyQuery = fc
  .tuple(
    fc.dictionary(
      fc.constantFrom(
        'plz',
        'place',
        'ort',
        'land',
        'lat',
        'lon',
        'radius_km',
        'target',
        'exploitation',
        'language',
        'service',
        'accessibility',
        'online',
        'open_now',
        'q',
        'page',
        'per_page',
        'sort',
        'lang',
      ),
      fc.oneof(
        junk,
        fc.constantFrom(...KNOWN_PLZ, '00000', '99999', 'Leipzig', '01', '16', '17', 'women', 'ro', '1', '0'),
        fc.integer({ min: -2000, max: 2000 }).map(String),
        fc.double({ noNaN: false }).map(String),
      ),
      { maxKeys: 8 },
    ),
    validParams,
    fc.constantFrom('', '&page=2&page=x', '&%=1', '&q=%E0%A4%A', '&target=women&target=men', '&=&&'),
  )
  .map(([wild, valid, tail]) => {
    const q = toQuery(valid);
    for (const [k, v] of Object.entries(wild)) q.set(k, v);
    return `${q.toString()}${tail}`;
  });

function searchedLands(q: URLSearchParams): string[] {
  if (q.get('land')) return [q.get('land')!];
  if (q.get('plz')) return lookupPostalCode(q.get('plz')!)!.lands;
  if (q.get('place')) return [geocodePlace(q.get('place')!)!.land];
  if (q.get('lat')) {
    const land = landForPoint(Number(q.get('lat')), Number(q.get('lon')));
    return land ? [land] : [];
  }
  return [];
}

describe('property: no query string yields a server error', () => {
  it('API and page answer every combination with a status below 500', async () => {
    await fc.assert(
      fc.asyncProperty(anyQuery, async (query) => {
        const res = await t.request(`/api/v1/directory/search?${query}`);
        expect(res.status, query).toBeLessThan(500);
        const body = (await res.json()) as ApiSearch | ApiError;
        if (res.status === 400) {
          expect((body as ApiError).error.field, query).toBeTruthy();
          expect((body as ApiError).error.message, query).toBeTruthy();
        } else expect(res.status, query).toBe(200);
        for (const prefix of ['', '/en']) {
          const pageRes = await t.request(`${prefix}/fachberatungsstellen?${query}`);
          expect(pageRes.status, `${prefix} ${query}`).toBeLessThan(500);
          await pageRes.arrayBuffer();
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('property: results keep their promises', () => {
  it('full matches have what was filtered for, partial ones say what they lack, the order holds', async () => {
    let sawFull = 0;
    let sawPartial = 0;
    await fc.assert(
      fc.asyncProperty(validParams, async (params) => {
        const q = toQuery(params);
        q.set('per_page', '100');
        q.delete('page');
        const body = await search(q.toString());
        const lands = searchedLands(q);
        const full = body.results.filter((r) => r.match === 'full');
        if (body.full_matches > 0) {
          // only full matches, all of them
          expect(body.total).toBe(body.full_matches);
          expect(full.length).toBe(body.results.length);
          sawFull++;
        } else {
          expect(body.total).toBeLessThanOrEqual(10);
          if (body.total > 0) sawPartial++;
        }
        for (const r of body.results) {
          const row = rows.get(r.id)!;
          expect(row, r.slug).toBeDefined();
          if (r.match === 'full') {
            expect(r.missing).toEqual([]);
            if (q.get('target')) expect(row.targets).toContain(q.get('target'));
            if (q.get('exploitation')) expect(row.exploitation).toContain(q.get('exploitation'));
            if (q.get('language')) expect(row.languages).toContain(q.get('language'));
            if (q.get('service')) expect(row.services).toContain(q.get('service'));
            if (q.get('accessibility')) expect(row.accessibility).toContain(q.get('accessibility'));
            if (['1', 'true', 'on'].includes(q.get('online') ?? ''))
              expect(row.online_counselling).toBe(true);
            if (q.get('radius_km') && (q.get('plz') || q.get('place') || q.get('lat'))) {
              expect(r.distance_km).not.toBeNull();
              // the API rounds to whole km; the filter compares the exact value
              expect(r.distance_km!).toBeLessThanOrEqual(Number(q.get('radius_km')) + 1);
            }
          } else {
            expect(r.missing.length).toBeGreaterThan(0);
            // what a partial match lacks, it really lacks
            for (const m of r.missing) {
              if (m === 'target') expect(row.targets).not.toContain(q.get('target'));
              if (m === 'exploitation') expect(row.exploitation).not.toContain(q.get('exploitation'));
              if (m === 'language') expect(row.languages).not.toContain(q.get('language'));
              if (m === 'service') expect(row.services).not.toContain(q.get('service'));
            }
          }
        }
        // order: classes are contiguous; distances non-decreasing within a class, unknown distances last
        const responsible = (r: ApiResult) =>
          lands.length > 0 && (row(r).nationwide || lands.some((l) => row(r).lands.includes(l)));
        const row = (r: ApiResult) => rows.get(r.id)!;
        const classOf = (r: ApiResult) =>
          r.match === 'full'
            ? `full/${responsible(r) ? 0 : 1}`
            : `partial/${r.missing.length}/${responsible(r) ? 0 : 1}`;
        const classes = body.results.map(classOf);
        const sortedClasses = [...classes].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
        expect(classes).toEqual(sortedClasses);
        for (const cls of new Set(classes)) {
          const distances = body.results.filter((r) => classOf(r) === cls).map((r) => r.distance_km);
          const known = distances.filter((d): d is number => d !== null);
          expect(distances.slice(0, known.length), cls).toEqual(known);
          expect(known).toEqual([...known].sort((a, b) => a - b));
        }
      }),
      { numRuns: 150 },
    );
    // the generator reaches both outcomes
    expect(sawFull).toBeGreaterThan(10);
    expect(sawPartial).toBeGreaterThan(5);
  });
});
