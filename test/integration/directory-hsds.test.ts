import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDirectory } from '../../src/demo/directory.ts';
import { distanceKm, lookupPostalCode } from '../../src/modules/directory/geo/geocode.ts';
import {
  allTaxonomyTerms,
  derivedId,
  KOK_HSDS_NAMESPACE,
  publicView,
  serviceIdFor,
  TAXONOMIES,
  taxonomyIdFor,
  termIdFor,
  uuidV5,
} from '../../src/modules/directory/hsds/present.ts';
import { invalidateDirectoryCache, loadCentres } from '../../src/modules/directory/repo.ts';
import type { CentreRecord } from '../../src/modules/directory/types.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { type HsdsEntity, hsdsProblems, PAGE_KEYS } from '../helpers/hsds-schemas.ts';

type Obj = Record<string, unknown>;
interface Page {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Obj[];
}

const HIDDEN_SLUGS = ['demo-fbs-kiel', 'demo-beratung-bonn'];

/** Walks a nested HSDS object and checks every part against its own schema. */
function conformance(entity: HsdsEntity, value: Obj, label: string): string[] {
  const problems = hsdsProblems(entity, value, label);
  const nested: Record<string, HsdsEntity> = {
    organization: 'organization',
    location: 'location',
    service: 'service',
    taxonomy_term: 'taxonomy_term',
    taxonomy_detail: 'taxonomy',
  };
  const arrays: Record<string, HsdsEntity> = {
    services: 'service',
    phones: 'phone',
    languages: 'language',
    schedules: 'schedule',
    service_areas: 'service_area',
    service_at_locations: 'service_at_location',
    addresses: 'address',
    accessibility: 'accessibility',
    attributes: 'attribute',
    locations: 'location',
    organization_identifiers: 'organization_identifier',
  };
  for (const [key, child] of Object.entries(value)) {
    if (nested[key] && child && typeof child === 'object' && !Array.isArray(child))
      problems.push(...conformance(nested[key]!, child as Obj, `${label}.${key}`));
    if (arrays[key] && Array.isArray(child))
      child.forEach((c, i) => {
        problems.push(...conformance(arrays[key]!, c as Obj, `${label}.${key}[${i}]`));
      });
  }
  return problems;
}

describe('HSDS 3 / HSDA API (/api/hsds)', () => {
  let t: TestApp;
  let all: CentreRecord[];
  let published: CentreRecord[];
  /** Every body the tests fetched, for the privacy sweep at the end. */
  const bodies: string[] = [];

  async function get(pathname: string): Promise<Response> {
    const res = await t.request(pathname);
    bodies.push(await res.clone().text());
    return res;
  }
  async function json<T = Obj>(pathname: string): Promise<T> {
    const res = await get(pathname);
    expect(res.status, pathname).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return (await res.json()) as T;
  }
  async function page(pathname: string): Promise<Page> {
    const body = await json<Page>(pathname);
    expect(Object.keys(body).sort()).toEqual([...PAGE_KEYS].sort());
    return body;
  }
  async function ndjson(pathname: string): Promise<Obj[]> {
    const res = await get(pathname);
    expect(res.status, pathname).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const text = await res.text();
    if (text === '') return [];
    expect(text.endsWith('\n')).toBe(true);
    return text
      .slice(0, -1)
      .split('\n')
      .map((line) => JSON.parse(line) as Obj);
  }

  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await seedDemoDirectory(db);
    // protected addresses still have a street and an exact position in the database: they must never come out
    await sql`UPDATE directory_locations SET street = 'Verborgene Gasse ' || substr(id::text, 1, 8)
              WHERE address_privacy <> 'public'`.execute(db);
    // a centre with several locations of every privacy level
    const multi = await db
      .selectFrom('directory_centres')
      .select('id')
      .where('slug', '=', 'demo-fbs-leipzig')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('directory_locations')
      .values([
        {
          centre_id: multi.id,
          name: 'Zweigstelle',
          street: 'Schutzweg 3',
          postal_code: '04315',
          city: 'Leipzig',
          land: '14',
          latitude: 51.3441234,
          longitude: 12.4159876,
          city_latitude: 51.342,
          city_longitude: 12.375,
          address_privacy: 'on_request',
          opening_hours: JSON.stringify([{ byday: ['SA'], opensAt: '22:00', closesAt: '02:00' }]),
          position: 1,
        },
        {
          centre_id: multi.id,
          name: 'Offene Sprechstunde',
          street: 'Marktplatz 1',
          postal_code: '04109',
          city: 'Leipzig',
          land: '14',
          latitude: 51.3401111,
          longitude: 12.3751111,
          city_latitude: 51.342,
          city_longitude: 12.375,
          address_privacy: 'public',
          accessibility: ['wheelchair', 'step_free'],
          opening_hours: JSON.stringify([
            { byday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '00:00', closesAt: '24:00' },
          ]),
          position: 2,
        },
      ])
      .execute();
    // one on-request and one city-only location in places no name or description mentions
    const renamed = await sql<{ address_privacy: string; id: string }>`
      UPDATE directory_locations l SET city = CASE l.address_privacy WHEN 'on_request' THEN 'Verstecktdorf' ELSE 'Sichtbarstadt' END
      WHERE l.id IN (
        (SELECT id FROM directory_locations WHERE address_privacy = 'on_request' AND name = 'Beratungsstelle' ORDER BY id LIMIT 1)
        UNION ALL
        (SELECT id FROM directory_locations WHERE address_privacy = 'city' ORDER BY id LIMIT 1))
      RETURNING l.address_privacy, l.id`.execute(db);
    expect(renamed.rows.length).toBe(2);
    await db
      .updateTable('directory_centres')
      .set({ published: false })
      .where('slug', 'in', HIDDEN_SLUGS)
      .execute();
    await db
      .updateTable('directory_centres')
      .set({ updated_at: new Date('2031-02-03T04:05:06Z') })
      .where('slug', '=', 'demo-fbs-jena')
      .execute();
    invalidateDirectoryCache();
    all = await loadCentres(db, { publishedOnly: false });
    published = all.filter((c) => c.published);
    expect(published.length).toBe(all.length - HIDDEN_SLUGS.length);
    expect(
      all.flatMap((c) => c.locations).filter((l) => l.addressPrivacy === 'on_request').length,
    ).toBeGreaterThan(1);
    expect(all.flatMap((c) => c.locations).filter((l) => l.addressPrivacy === 'city').length).toBeGreaterThan(
      1,
    );
  });
  afterAll(() => t.close());

  it('derives ids as RFC 9562 UUID version 5', () => {
    // the RFC's example: "www.example.com" in the DNS namespace
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
    expect(KOK_HSDS_NAMESPACE).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const centre = published[0]!;
    expect(serviceIdFor(centre.id)).toBe(serviceIdFor(centre.id.toUpperCase()));
    expect(serviceIdFor(centre.id)).not.toBe(derivedId(centre.id, 'address'));
    // taxonomy term ids and codes are unique
    const terms = allTaxonomyTerms();
    expect(new Set(terms.map((x) => x.id)).size).toBe(terms.length);
    expect(new Set(terms.map((x) => x.code)).size).toBe(terms.length);
  });

  it('describes itself at the root', async () => {
    const root = await json('/api/hsds');
    expect(root.version).toBe('3.0');
    expect(typeof root.profile).toBe('string');
    expect(() => new URL(root.profile as string)).not.toThrow();
  });

  it('lists every published service, paged as HSDA, and each validates against the HSDS schemas', async () => {
    const first = await page('/api/hsds/services?per_page=7&full=true');
    expect(first.total_items).toBe(published.length);
    expect(first.total_pages).toBe(Math.ceil(published.length / 7));
    expect(first).toMatchObject({
      page_number: 1,
      size: 7,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const seen: Obj[] = [...first.contents];
    for (let n = 2; n <= first.total_pages; n++) {
      const next = await page(`/api/hsds/services?per_page=7&page=${n}&full=true`);
      expect(next.page_number).toBe(n);
      expect(next.first_page).toBe(false);
      expect(next.last_page).toBe(n === first.total_pages);
      seen.push(...next.contents);
    }
    expect(seen.length).toBe(published.length);
    expect(new Set(seen.map((s) => s.id))).toEqual(new Set(published.map((c) => serviceIdFor(c.id))));
    const problems = seen.flatMap((s, i) => conformance('service', s, `services[${i}]`));
    expect(problems).toEqual([]);
    const beyond = await page(`/api/hsds/services?per_page=7&page=${first.total_pages + 1}`);
    expect(beyond).toMatchObject({ size: 0, empty: true, last_page: true, contents: [] });
    // the default page: one-to-one fields and the organization
    const plain = await page('/api/hsds/services');
    expect(plain.size).toBe(Math.min(50, published.length));
    const s = plain.contents[0]!;
    expect(s.status).toBe('active');
    expect(s.organization).toBeTypeOf('object');
    expect(s.phones).toBeUndefined();
    expect(plain.contents.flatMap((x, i) => conformance('service', x, `plain[${i}]`))).toEqual([]);
  });

  it('maps a centre completely: organization, service, locations, phones, languages, hours, areas, terms', async () => {
    const centre = published.find((c) => c.slug === 'demo-fbs-leipzig')!;
    const service = await json(`/api/hsds/services/${serviceIdFor(centre.id)}`);
    expect(conformance('service', service, 'service')).toEqual([]);
    expect(service).toMatchObject({
      id: serviceIdFor(centre.id),
      organization_id: centre.id,
      name: centre.name,
      status: 'active',
      last_modified: centre.updatedAt.toISOString(),
    });
    if (centre.verifiedAt) expect(service.assured_date).toBe(centre.verifiedAt);
    expect((service.organization as Obj).id).toBe(centre.id);
    const languages = service.languages as Obj[];
    expect(languages.map((l) => l.code)).toEqual(centre.languages);
    expect(languages.find((l) => l.code === 'de')?.name).toBe('Deutsch');
    const phones = service.phones as Obj[];
    expect(phones.map((p) => p.number)).toEqual(centre.phones.map((p) => p.number));
    expect(((phones[0]!.languages as Obj[]) ?? []).map((l) => l.code)).toEqual(centre.phones[0]!.languages);
    const areas = service.service_areas as Obj[];
    if (centre.nationwide) expect(areas.map((a) => a.name)).toEqual(['Deutschland']);
    else expect(areas.length).toBe(centre.lands.length);
    const termIds = new Set((service.attributes as Obj[]).map((a) => a.taxonomy_term_id));
    for (const code of centre.exploitation)
      expect(termIds.has(termIdFor('kok-ausbeutungsformen', code)), code).toBe(true);
    for (const code of centre.targets)
      expect(termIds.has(termIdFor('kok-zielgruppen', code)), code).toBe(true);
    for (const code of centre.services) expect(termIds.has(termIdFor('kok-angebote', code)), code).toBe(true);
    const attribute = (service.attributes as Obj[])[0]!;
    expect((attribute.taxonomy_term as Obj).language).toBe('de');
    const sals = service.service_at_locations as Obj[];
    expect(sals.length).toBe(3);
    const locations = sals.map((s) => s.location as Obj);
    const byName = new Map(locations.map((l) => [l.name, l]));
    const open = byName.get('Offene Sprechstunde')!;
    expect(open).toMatchObject({ latitude: 51.3401111, longitude: 12.3751111, location_type: 'physical' });
    expect((open.addresses as Obj[])[0]).toMatchObject({
      address_1: 'Marktplatz 1',
      postal_code: '04109',
      city: 'Leipzig',
      state_province: 'Sachsen',
      country: 'DE',
    });
    expect((open.schedules as Obj[])[0]).toMatchObject({
      freq: 'WEEKLY',
      byday: 'MO,TU,WE,TH,FR,SA,SU',
      opens_at: '00:00',
      closes_at: '23:59',
    });
    expect((open.accessibility as Obj[]).map((a) => a.description)).toEqual([
      'Rollstuhlgerecht',
      'Stufenloser Zugang',
    ]);
    const hidden = byName.get('Zweigstelle')!;
    expect(hidden.latitude).toBeUndefined();
    expect(hidden.longitude).toBeUndefined();
    expect(hidden.addresses).toEqual([]);
    expect(hidden.description).toBe('Adresse auf Anfrage');
    expect((hidden.schedules as Obj[])[0]).toMatchObject({
      byday: 'SA',
      opens_at: '22:00',
      closes_at: '02:00',
    });

    const organization = await json(`/api/hsds/organizations/${centre.id}`);
    expect(conformance('organization', organization, 'organization')).toEqual([]);
    expect(organization.organization_identifiers).toEqual([
      expect.objectContaining({ identifier_scheme: 'KOK', identifier_type: 'slug', identifier: centre.slug }),
    ]);
    expect((organization.services as Obj[])[0]!.id).toBe(serviceIdFor(centre.id));
    expect((organization.services as Obj[])[0]!.phones).toBeUndefined();
    const full = await json(`/api/hsds/organizations/${centre.id}?full_service=true`);
    expect(conformance('organization', full, 'organization')).toEqual([]);
    expect(((full.services as Obj[])[0]!.phones as Obj[]).length).toBe(centre.phones.length);

    const sal = await json(`/api/hsds/service_at_locations/${sals[0]!.id}`);
    expect(conformance('service_at_location', sal, 'sal')).toEqual([]);
    expect((sal.service as Obj).id).toBe(serviceIdFor(centre.id));
  });

  it('lists organizations, service_at_locations, taxonomies and terms, all conforming', async () => {
    const orgs = await page('/api/hsds/organizations?per_page=500&full=true');
    expect(orgs.total_items).toBe(published.length);
    expect(orgs.contents.flatMap((o, i) => conformance('organization', o, `org[${i}]`))).toEqual([]);
    const flat = await page('/api/hsds/organizations?per_page=500');
    expect(flat.contents.flatMap((o, i) => conformance('organization', o, `flatorg[${i}]`))).toEqual([]);
    expect(flat.contents[0]!.organization_identifiers).toBeUndefined();

    const sals = await page('/api/hsds/service_at_locations?per_page=500');
    expect(sals.total_items).toBe(published.reduce((n, c) => n + c.locations.length, 0));
    expect(sals.contents.flatMap((s, i) => conformance('service_at_location', s, `sal[${i}]`))).toEqual([]);
    const salsFull = await page('/api/hsds/service_at_locations?per_page=500&full=true');
    expect(salsFull.contents.flatMap((s, i) => conformance('service_at_location', s, `salf[${i}]`))).toEqual(
      [],
    );
    for (const s of sals.contents.slice(0, 5)) {
      const one = await json(`/api/hsds/service_at_locations/${s.id}`);
      expect(conformance('service_at_location', one, 'sal')).toEqual([]);
    }

    const taxonomies = await page('/api/hsds/taxonomies');
    expect(taxonomies.total_items).toBe(TAXONOMIES.length);
    expect(taxonomies.contents.flatMap((x, i) => conformance('taxonomy', x, `tax[${i}]`))).toEqual([]);
    for (const x of taxonomies.contents) {
      const one = await json(`/api/hsds/taxonomies/${x.id}`);
      expect(one).toEqual(x);
    }
    const terms = await page('/api/hsds/taxonomy_terms?per_page=500');
    expect(terms.total_items).toBe(TAXONOMIES.reduce((n, d) => n + d.terms.length, 0));
    expect(terms.contents.flatMap((x, i) => conformance('taxonomy_term', x, `term[${i}]`))).toEqual([]);
    expect(terms.contents.every((x) => x.language === 'de')).toBe(true);
    const bayern = terms.contents.find((x) => x.code === '09')!;
    expect(bayern.name).toBe('Bayern');
    expect(await json(`/api/hsds/taxonomy_terms/${bayern.id}`)).toEqual(bayern);
    const lands = await page(`/api/hsds/taxonomy_terms?taxonomy_id=${taxonomyIdFor('kok-bundeslaender')}`);
    expect(lands.total_items).toBe(16);
    const found = await page('/api/hsds/taxonomy_terms?search=Zwangsarbeit');
    expect(found.contents.map((x) => x.code)).toContain('forced_labour');
    expect((await page(`/api/hsds/taxonomy_terms?parent_id=${bayern.id}`)).total_items).toBe(0);
  });

  it('streams everything as NDJSON, one conforming object per line, without paging', async () => {
    const services = await ndjson('/api/hsds/services?format=ndjson&per_page=3&full=true');
    expect(services.length).toBe(published.length);
    expect(services.flatMap((s, i) => conformance('service', s, `nd[${i}]`))).toEqual([]);
    const orgs = await ndjson('/api/hsds/organizations?format=ndjson');
    expect(orgs.length).toBe(published.length);
    const sals = await ndjson('/api/hsds/service_at_locations?format=ndjson&full=true');
    expect(sals.length).toBe(published.reduce((n, c) => n + c.locations.length, 0));
    expect(sals.flatMap((s, i) => conformance('service_at_location', s, `ndsal[${i}]`))).toEqual([]);
    const terms = await ndjson('/api/hsds/taxonomy_terms?format=ndjson');
    expect(terms.length).toBe(allTaxonomyTerms().length);
    const taxonomies = await ndjson('/api/hsds/taxonomies?format=ndjson');
    expect(taxonomies.length).toBe(TAXONOMIES.length);
    expect(await ndjson('/api/hsds/services?format=ndjson&search=xyzqwvbnm')).toEqual([]);
  });

  it('filters by search, taxonomy term, taxonomy, organization and modification time', async () => {
    const leipzig = await page('/api/hsds/services?search=Leipzig');
    expect(leipzig.contents.map((s) => (s.organization as Obj).name)).toContain(
      'Demo-Fachberatungsstelle Leipzig',
    );
    expect((await page('/api/hsds/services?search=xyzqwvbnm')).total_items).toBe(0);
    // a city is searchable only where it may be shown
    expect((await page('/api/hsds/services?search=Sichtbarstadt')).total_items).toBe(1);
    expect((await page('/api/hsds/services?search=Verstecktdorf')).total_items).toBe(0);
    expect((await page('/api/hsds/service_at_locations?search=Verstecktdorf')).total_items).toBe(0);

    const begging = termIdFor('kok-ausbeutungsformen', 'forced_begging');
    const byTerm = await page(`/api/hsds/services?taxonomy_term_id=${begging}&per_page=500&full=true`);
    const expected = published.filter((c) => c.exploitation.includes('forced_begging'));
    expect(expected.length).toBeGreaterThan(0);
    expect(byTerm.total_items).toBe(expected.length);
    for (const s of byTerm.contents)
      expect((s.attributes as Obj[]).some((a) => a.taxonomy_term_id === begging)).toBe(true);
    // uppercase ids are the same ids
    expect((await page(`/api/hsds/services?taxonomy_term_id=${begging.toUpperCase()}`)).total_items).toBe(
      expected.length,
    );
    const wheelchair = termIdFor('kok-barrierefreiheit', 'wheelchair');
    const accessible = await page(
      `/api/hsds/service_at_locations?taxonomy_term_id=${wheelchair}&per_page=500`,
    );
    expect(accessible.total_items).toBeGreaterThan(0);

    const byTaxonomy = await page(
      `/api/hsds/services?taxonomy_id=${taxonomyIdFor('kok-ausbeutungsformen')}&per_page=500`,
    );
    expect(byTaxonomy.total_items).toBe(published.filter((c) => c.exploitation.length > 0).length);

    const one = published[3]!;
    const byOrg = await page(`/api/hsds/services?organization_id=${one.id}`);
    expect(byOrg.contents.map((s) => s.id)).toEqual([serviceIdFor(one.id)]);

    const recent = await page('/api/hsds/services?modified_after=2031-01-01T00:00:00Z');
    expect(recent.contents.map((s) => (s.organization as Obj).name)).toEqual([
      'Demo-Fachberatungsstelle Jena',
    ]);
    expect((await page('/api/hsds/services?modified_after=2031-02-03T04:05:06Z')).total_items).toBe(1);
    expect((await page('/api/hsds/services?modified_after=2031-02-03T04:05:07Z')).total_items).toBe(0);
    expect((await page('/api/hsds/services?modified_after=2000-01-01')).total_items).toBe(published.length);
  });

  it('filters by postcode (Land and location) and by proximity in metres, on public positions only', async () => {
    const plz = lookupPostalCode('04109')!;
    const inLand = await page('/api/hsds/services?postcode=04109&per_page=500');
    const expected = published.filter(
      (c) =>
        c.nationwide ||
        c.lands.some((l) => plz.lands.includes(l)) ||
        c.locations.some((l) => {
          const view = publicView(l);
          return view.postalCode === '04109' || (view.postalCode === '' && view.city === 'Leipzig');
        }),
    );
    expect(inLand.total_items).toBe(expected.length);
    expect(new Set(inLand.contents.map((s) => s.organization_id))).toEqual(
      new Set(expected.map((c) => c.id)),
    );

    const radius = 60_000;
    const near = await page(`/api/hsds/service_at_locations?postcode=04109&proximity=${radius}&per_page=500`);
    const expectedNear = published.flatMap((c) =>
      c.locations.filter((l) => {
        const point = publicView(l).point;
        return point !== null && distanceKm({ lat: plz.lat, lon: plz.lon }, point) * 1000 <= radius;
      }),
    );
    expect(expectedNear.length).toBeGreaterThan(0);
    expect(new Set(near.contents.map((s) => s.location_id))).toEqual(new Set(expectedNear.map((l) => l.id)));
    // nearest first
    const distances = near.contents.map((s) => {
      const l = s.location as Obj;
      return distanceKm(
        { lat: plz.lat, lon: plz.lon },
        { lat: l.latitude as number, lon: l.longitude as number },
      );
    });
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    // the on-request branch in Leipzig is never found by distance
    const hiddenBranch = all.flatMap((c) => c.locations).find((l) => l.name === 'Zweigstelle')!;
    expect(near.contents.some((s) => s.location_id === hiddenBranch.id)).toBe(false);

    const services = await page(`/api/hsds/services?postcode=04109&proximity=${radius}&per_page=500`);
    const centresNear = published.filter((c) => c.locations.some((l) => expectedNear.includes(l)));
    expect(services.total_items).toBe(centresNear.length);
    const tiny = await page('/api/hsds/services?postcode=04109&proximity=1');
    expect(tiny.total_items).toBe(0);
  });

  it('answers 400 with the field for malformed parameters', async () => {
    const cases: Array<[string, string]> = [
      ['/api/hsds/services?page=0', 'page'],
      ['/api/hsds/services?page=abc', 'page'],
      ['/api/hsds/services?per_page=100000', 'per_page'],
      ['/api/hsds/services?format=xml', 'format'],
      ['/api/hsds/services?postcode=abc', 'postcode'],
      ['/api/hsds/services?postcode=00000', 'postcode'],
      ['/api/hsds/services?proximity=-5&postcode=04109', 'proximity'],
      ['/api/hsds/services?proximity=5000', 'postcode'],
      ['/api/hsds/services?taxonomy_term_id=nope', 'taxonomy_term_id'],
      ['/api/hsds/services?taxonomy_id=1', 'taxonomy_id'],
      ['/api/hsds/services?organization_id=x', 'organization_id'],
      ['/api/hsds/services?modified_after=yesterday', 'modified_after'],
      ['/api/hsds/services?full=maybe', 'full'],
      ['/api/hsds/services?search=%00', 'search'],
      ['/api/hsds/organizations?per_page=0', 'per_page'],
      ['/api/hsds/service_at_locations?postcode=1234', 'postcode'],
      ['/api/hsds/taxonomies?page=-1', 'page'],
      ['/api/hsds/taxonomy_terms?taxonomy_id=zzz', 'taxonomy_id'],
      ['/api/hsds/taxonomy_terms?top_only=perhaps', 'top_only'],
    ];
    for (const [url, field] of cases) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect(res.headers.get('content-type'), url).toMatch(/^application\/json/);
      const body = (await res.json()) as { error: { code: string; field: string; details: Obj } };
      expect(body.error.code, url).toBe('bad_request');
      expect(body.error.field, url).toBe(field);
    }
    // empty parameters count as absent
    expect((await get('/api/hsds/services?search=&page=&postcode=')).status).toBe(200);
  });

  it('answers 404 for unknown ids, malformed ids and unpublished centres', async () => {
    const hidden = all.filter((c) => HIDDEN_SLUGS.includes(c.slug));
    const unknown = '0b8c2a4e-1111-4222-8333-444455556666';
    const urls = [
      `/api/hsds/services/${unknown}`,
      '/api/hsds/services/not-a-uuid',
      `/api/hsds/organizations/${unknown}`,
      `/api/hsds/service_at_locations/${unknown}`,
      `/api/hsds/taxonomies/${unknown}`,
      `/api/hsds/taxonomy_terms/${unknown}`,
      '/api/hsds/nothing',
      ...hidden.flatMap((c) => [
        `/api/hsds/services/${serviceIdFor(c.id)}`,
        `/api/hsds/organizations/${c.id}`,
        ...c.locations.map((l) => `/api/hsds/service_at_locations/${derivedId(l.id, 'service_at_location')}`),
      ]),
    ];
    for (const url of urls) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type'), url).toMatch(/^application\/json/);
    }
    const ids = await ndjson('/api/hsds/organizations?format=ndjson');
    for (const c of hidden) expect(ids.some((o) => o.id === c.id)).toBe(false);
    expect((await page(`/api/hsds/services?organization_id=${hidden[0]!.id}`)).total_items).toBe(0);
  });

  it('never shows a protected address, postal code or exact position, nor an unpublished centre', async () => {
    // fetch every object once more, fully nested
    for (const s of await ndjson('/api/hsds/services?format=ndjson&full=true'))
      await get(`/api/hsds/services/${s.id}`);
    for (const o of await ndjson('/api/hsds/organizations?format=ndjson'))
      await get(`/api/hsds/organizations/${o.id}?full_service=true`);
    for (const s of await ndjson('/api/hsds/service_at_locations?format=ndjson'))
      await get(`/api/hsds/service_at_locations/${s.id}`);
    await get('/api/hsds/organizations?format=ndjson&full=true&full_service=true');
    await get('/api/hsds/service_at_locations?format=ndjson&full=true&postcode=04109');
    await get('/api/hsds/services?search=Verborgene');
    await get('/api/hsds/services?search=Schutzweg');
    const text = bodies.join('\n');
    expect(text.length).toBeGreaterThan(100_000);
    // values a published public location shows may of course appear; anything else protected must not
    // (written out here, independent of the code under test)
    const shown = new Set<string>();
    for (const l of published.flatMap((c) => c.locations)) {
      const visible =
        l.addressPrivacy === 'public'
          ? [l.street, l.postalCode, l.city, l.latitude, l.longitude]
          : l.addressPrivacy === 'city'
            ? [l.city, l.cityLatitude, l.cityLongitude]
            : [];
      for (const v of visible) if (v !== null && v !== '') shown.add(String(v));
    }
    const asNumber = (n: number) => new RegExp(`[:,\\[]${String(n).replace('.', '\\.')}[,}\\]]`);
    const leaks: string[] = [];
    for (const centre of all) {
      if (!centre.published) {
        for (const secret of [centre.id, centre.slug, centre.name, serviceIdFor(centre.id)])
          if (text.includes(secret)) leaks.push(`unpublished ${centre.slug}: ${secret}`);
      }
      for (const l of centre.locations) {
        if (l.addressPrivacy === 'public') continue;
        const strings = [l.street, l.postalCode];
        const numbers = [l.latitude, l.longitude];
        if (l.addressPrivacy === 'on_request') {
          // the city name may appear as a Land ("Bremen") or in the centre's name: only as an address it must not
          if (!shown.has(l.city) && text.includes(`"city":"${l.city}"`))
            leaks.push(`${centre.slug} on_request: city ${l.city}`);
          numbers.push(l.cityLatitude, l.cityLongitude);
        }
        for (const secret of strings)
          if (secret && !shown.has(secret) && text.includes(`"${secret}"`))
            leaks.push(`${centre.slug} ${l.addressPrivacy}: ${secret}`);
        for (const secret of numbers)
          if (secret !== null && !shown.has(String(secret)) && asNumber(secret).test(text))
            leaks.push(`${centre.slug} ${l.addressPrivacy}: ${secret}`);
      }
    }
    expect(leaks).toEqual([]);
    // and the search does not find a centre by its hidden street
    expect(text).not.toContain('Schutzweg');
  });

  it('lets other sites read it (CORS) and is open to everyone', async () => {
    const res = await get('/api/hsds/services?per_page=1');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const failed = await get('/api/hsds/services?page=0');
    expect(failed.status).toBe(400);
    expect(failed.headers.get('access-control-allow-origin')).toBe('*');
    const session = await t.sessionFor('member');
    expect((await t.request('/api/hsds/taxonomies', { session })).status).toBe(200);
  });
});
