import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Database } from '../../src/db/connect.ts';
import { createTestDatabase } from '../../src/db/testing.ts';
import type { Db } from '../../src/db/types.ts';
import { seedDemoDirectory } from '../../src/demo/directory.ts';
import { HSDS_TABLES } from '../../src/modules/directory/hsds/present.ts';
import {
  CSV_COLUMNS,
  exportDirectory,
  ImportError,
  importDirectory,
  NATIVE_FILE,
} from '../../src/modules/directory/interchange.ts';
import { formatSlots, type OpeningSlot } from '../../src/modules/directory/opening-hours.ts';
import { kok } from '../helpers/cli.ts';
import { type HsdsEntity, hsdsProblems } from '../helpers/hsds-schemas.ts';

const TABLES = ['directory_centres', 'directory_locations', 'directory_phones', 'directory_change_requests'];
type Obj = Record<string, unknown>;

async function snapshot(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await sql<{ r: string }>`SELECT to_jsonb(t)::text AS r FROM ${sql.table(table)} t`.execute(
      db,
    );
    out[table] = rows.rows.map((r) => r.r).sort();
  }
  return out;
}

async function rows(db: Db, table: string, order = 'id'): Promise<Obj[]> {
  const result = await sql<{
    r: Obj;
  }>`SELECT to_jsonb(t) AS r FROM ${sql.table(table)} t ORDER BY ${sql.ref(order)}`.execute(db);
  return result.rows.map((r) => (typeof r.r === 'string' ? JSON.parse(r.r) : r.r));
}

const ORG_SLUGS = ['demo-fbs-kiel', 'demo-fbs-leipzig', 'demo-fbs-berlin', 'demo-fbs-muenchen'];

describe('directory export and import', () => {
  let dir: string;
  let source: Database;
  const open: Database[] = [];

  /** An empty directory with the same platform organisations (same ids) as the source. */
  async function emptyTarget(sameOrganisationIds = true): Promise<Database> {
    const target = await createTestDatabase();
    open.push(target);
    const orgs = await source.db.selectFrom('organisations').select(['id', 'slug', 'name']).execute();
    for (const org of orgs)
      await target.db
        .insertInto('organisations')
        .values(sameOrganisationIds ? org : { slug: org.slug, name: org.name })
        .execute();
    return target;
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-interchange-'));
    source = await createTestDatabase();
    const db = source.db;
    await db
      .insertInto('organisations')
      .values(ORG_SLUGS.map((slug) => ({ slug, name: `Organisation ${slug}` })))
      .execute();
    await seedDemoDirectory(db);
    // every kind of value: unpublished, timestamps with microseconds, odd floats, validity, umlauts, quotes
    await db
      .updateTable('directory_centres')
      .set({ published: false, verify_reminder_sent_at: sql`now()` })
      .where('slug', 'in', ['demo-fbs-kiel', 'demo-beratung-bonn'])
      .execute();
    await sql`UPDATE directory_centres SET description_de = description_de || E'\nZweite Zeile; "Zitat", Komma',
              shelter_updated_at = now() - interval '1 day 3 microseconds' WHERE slug = 'demo-fbs-leipzig'`.execute(
      db,
    );
    const leipzig = await db
      .selectFrom('directory_centres')
      .select('id')
      .where('slug', '=', 'demo-fbs-leipzig')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('directory_locations')
      .values({
        centre_id: leipzig.id,
        name: 'Zweigstelle „Süd“',
        street: 'Straße des 18. Oktober 1',
        postal_code: '04103',
        city: 'Leipzig',
        land: '14',
        latitude: 51.12345678901234,
        longitude: 12.000000000000002,
        city_latitude: 51.342,
        city_longitude: 12.375,
        address_privacy: 'public',
        accessibility: ['wheelchair', 'sign_language'],
        opening_hours: JSON.stringify([
          { byday: ['MO', 'WE'], opensAt: '09:30', closesAt: '12:00', validFrom: '2026-01-01' },
          { byday: ['FR'], opensAt: '22:00', closesAt: '02:00', validTo: '2026-12-31' },
          { byday: ['SA', 'SU'], opensAt: '00:00', closesAt: '24:00' },
        ]),
        position: 1,
      })
      .execute();
    await db
      .insertInto('directory_phones')
      .values({
        centre_id: leipzig.id,
        number: '+49 341 000 000',
        description: 'Nachts',
        languages: ['de', 'ro', 'bg'],
        position: 1,
      })
      .execute();
  });
  afterAll(async () => {
    for (const d of open) await d.close();
    await source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exports a ZIP of HSDS tables plus the native file, and the round trip loses nothing', async () => {
    const file = path.join(dir, 'verzeichnis.zip');
    const exported = await exportDirectory(source.db, file);
    const centres = await source.db.selectFrom('directory_centres').select('id').execute();
    expect(exported).toMatchObject({ format: 'zip', centres: centres.length });
    const entries = unzipSync(fs.readFileSync(file));
    for (const name of [
      'organizations.json',
      'services.json',
      'locations.json',
      'addresses.json',
      'phones.json',
      'schedules.json',
      'service_areas.json',
      'languages.json',
      'service_at_locations.json',
      'taxonomies.json',
      'taxonomy_terms.json',
      'attributes.json',
      NATIVE_FILE,
    ])
      expect(Object.keys(entries), name).toContain(name);

    const target = await emptyTarget();
    const before = await snapshot(source.db);
    const result = await importDirectory(target.db, file);
    expect(result).toMatchObject({ imported: centres.length, updated: 0 });
    expect(await snapshot(target.db)).toEqual(before);

    // importing the same file again updates every centre and changes nothing
    const again = await importDirectory(target.db, file);
    expect(again).toMatchObject({ imported: 0, updated: centres.length });
    expect(await snapshot(target.db)).toEqual(before);

    // the platform organisation is found by its slug where the ids differ
    const other = await emptyTarget(false);
    await importDirectory(other.db, file);
    const linked = await sql<{ slug: string; org: string | null }>`
      SELECT c.slug, o.slug AS org FROM directory_centres c LEFT JOIN organisations o ON o.id = c.organisation_id
      WHERE c.organisation_id IS NOT NULL ORDER BY c.slug`.execute(other.db);
    expect(linked.rows.map((r) => r.slug)).toEqual(ORG_SLUGS.slice().sort());
    expect(linked.rows.every((r) => r.slug === r.org)).toBe(true);
  });

  it('writes HSDS tables whose every row validates, with only published centres and no protected address', async () => {
    const file = path.join(dir, 'hsds.zip');
    await exportDirectory(source.db, file);
    const entries = unzipSync(fs.readFileSync(file));
    const entity: Record<string, HsdsEntity> = {
      organizations: 'organization',
      organization_identifiers: 'organization_identifier',
      services: 'service',
      locations: 'location',
      addresses: 'address',
      phones: 'phone',
      schedules: 'schedule',
      service_areas: 'service_area',
      languages: 'language',
      accessibility: 'accessibility',
      service_at_locations: 'service_at_location',
      taxonomies: 'taxonomy',
      taxonomy_terms: 'taxonomy_term',
      attributes: 'attribute',
    };
    const problems: string[] = [];
    let count = 0;
    for (const table of HSDS_TABLES) {
      const content = JSON.parse(strFromU8(entries[`${table}.json`]!)) as Obj[];
      content.forEach((row, i) => {
        count++;
        problems.push(...hsdsProblems(entity[table]!, row, `${table}[${i}]`));
        // tables are flat: foreign keys, no nesting
        for (const value of Object.values(row))
          expect(typeof value === 'object' && value !== null).toBe(false);
      });
    }
    expect(problems).toEqual([]);
    expect(count).toBeGreaterThan(500);
    const organizations = JSON.parse(strFromU8(entries['organizations.json']!)) as Obj[];
    const published = await source.db
      .selectFrom('directory_centres')
      .select(['id', 'slug'])
      .where('published', '=', true)
      .execute();
    expect(new Set(organizations.map((o) => o.id))).toEqual(new Set(published.map((c) => c.id)));
    const hsdsText = HSDS_TABLES.map((t) => strFromU8(entries[`${t}.json`]!)).join('\n');
    const hidden = await source.db
      .selectFrom('directory_locations')
      .select(['street', 'postal_code', 'latitude', 'longitude', 'address_privacy'])
      .where('address_privacy', '<>', 'public')
      .execute();
    for (const l of hidden) {
      if (l.street) expect(hsdsText).not.toContain(l.street);
      expect(hsdsText).not.toContain(`"postal_code": "${l.postal_code}"`);
      expect(hsdsText).not.toMatch(new RegExp(`: ${String(l.latitude).replace('.', '\\.')}[,\\n]`));
    }
    const unpublished = await source.db
      .selectFrom('directory_centres')
      .select(['id', 'slug'])
      .where('published', '=', false)
      .execute();
    for (const c of unpublished) expect(hsdsText).not.toContain(c.id);
    // the native file has everything, unpublished centres included
    const native = JSON.parse(strFromU8(entries[NATIVE_FILE]!)) as { centres: Obj[] };
    expect(native.centres.length).toBe(published.length + unpublished.length);
  });

  it('maps an HSDS-only ZIP back to centres as far as HSDS carries them', async () => {
    const file = path.join(dir, 'full.zip');
    await exportDirectory(source.db, file);
    const entries = unzipSync(fs.readFileSync(file));
    delete entries[NATIVE_FILE];
    const hsdsOnly = path.join(dir, 'nur-hsds.zip');
    fs.writeFileSync(hsdsOnly, zipSync(entries));
    const target = await emptyTarget();
    const result = await importDirectory(target.db, hsdsOnly);
    const published = await rows(source.db, 'directory_centres', 'slug');
    const expected = published.filter((c) => c.published);
    expect(result.imported).toBe(expected.length);
    const imported = await rows(target.db, 'directory_centres', 'slug');
    const pick = (c: Obj) => ({
      id: c.id,
      slug: c.slug,
      name: c.name,
      alternate_name: c.alternate_name,
      description_de: c.description_de,
      description_en: c.description_en,
      email: c.email,
      website: c.website,
      is_member: c.is_member,
      online_counselling: c.online_counselling,
      online_url: c.online_url,
      targets: c.targets,
      exploitation: c.exploitation,
      services: c.services,
      languages: c.languages,
      lands: c.lands,
      nationwide: c.nationwide,
      verified_at: c.verified_at,
      is_demo: c.is_demo,
      published: c.published,
    });
    expect(imported.map(pick)).toEqual(expected.map(pick));
    const sourceLocations = (await rows(source.db, 'directory_locations')).filter((l) =>
      expected.some((c) => c.id === l.centre_id),
    );
    const targetLocations = await rows(target.db, 'directory_locations');
    expect(targetLocations.length).toBe(sourceLocations.length);
    for (const l of sourceLocations) {
      const back = targetLocations.find((x) => x.id === l.id)!;
      expect(back, String(l.id)).toBeDefined();
      expect(back.address_privacy).toBe(l.address_privacy);
      expect(back.land).toBe(l.land);
      expect(back.accessibility).toEqual(l.accessibility);
      expect(formatSlots(back.opening_hours as OpeningSlot[], 'de')).toBe(
        formatSlots(l.opening_hours as OpeningSlot[], 'de'),
      );
      if (l.address_privacy === 'public') {
        expect([back.street, back.postal_code, back.city, back.latitude, back.longitude]).toEqual([
          l.street,
          l.postal_code,
          l.city,
          l.latitude,
          l.longitude,
        ]);
      } else {
        expect(back.street).toBe('');
        expect(back.latitude).toBeNull();
      }
    }
    const phones = (await rows(target.db, 'directory_phones')).map((p) => [p.id, p.number, p.languages]);
    const sourcePhones = (await rows(source.db, 'directory_phones'))
      .filter((p) => expected.some((c) => c.id === p.centre_id))
      .map((p) => [p.id, p.number, p.languages]);
    expect(phones).toEqual(sourcePhones);
  });

  it('exports and imports CSV, one row per location, keeping the main fields', async () => {
    const file = path.join(dir, 'verzeichnis.csv');
    const exported = await exportDirectory(source.db, file);
    expect(exported.format).toBe('csv');
    const content = fs.readFileSync(file, 'utf8');
    expect(content.startsWith('\uFEFF')).toBe(true);
    expect(content.slice(1, content.indexOf('\r\n'))).toBe(CSV_COLUMNS.join(','));
    expect(content).toContain('Mo, Mi 09:30–12:00 (ab 01.01.2026)');

    const target = await emptyTarget();
    const result = await importDirectory(target.db, file);
    const centres = await rows(source.db, 'directory_centres', 'slug');
    expect(result).toMatchObject({ imported: centres.length, updated: 0, locations: exported.locations });
    const omit = (r: Obj, keys: string[]) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k)));
    expect(
      (await rows(target.db, 'directory_centres', 'slug')).map((c) =>
        omit(c, ['created_at', 'updated_at', 'verify_reminder_sent_at']),
      ),
    ).toEqual(centres.map((c) => omit(c, ['created_at', 'updated_at', 'verify_reminder_sent_at'])));
    const locations = await rows(target.db, 'directory_locations');
    const sourceLocations = await rows(source.db, 'directory_locations');
    expect(locations.map((l) => omit(l, ['opening_hours']))).toEqual(
      sourceLocations.map((l) => omit(l, ['opening_hours'])),
    );
    for (const [i, l] of sourceLocations.entries())
      expect(formatSlots(locations[i]!.opening_hours as OpeningSlot[], 'de')).toBe(
        formatSlots(l.opening_hours as OpeningSlot[], 'de'),
      );
    const phoneFields = (p: Obj) => [p.centre_id, p.number, p.description, p.languages, p.position];
    const sortPhones = (a: unknown[], b: unknown[]) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect((await rows(target.db, 'directory_phones')).map(phoneFields).sort(sortPhones)).toEqual(
      (await rows(source.db, 'directory_phones')).map(phoneFields).sort(sortPhones),
    );

    // semicolons, German yes/no, a Land by name and hours as typed: a new centre
    const handmade = path.join(dir, 'neu.csv');
    fs.writeFileSync(
      handmade,
      [
        'slug;name;is_member;lands;targets;phones;city;postal_code;land;address_privacy;opening_hours',
        'neue-stelle;Neue Stelle;ja;Bayern, 14;women;"+49 89 1 | Beratung | de, en";München;80331;Bayern;city;Mo-Fr 9-17 Uhr',
        'neue-stelle;;;;;;Augsburg;86150;;on_request;',
      ].join('\n'),
    );
    expect(await importDirectory(target.db, handmade)).toMatchObject({
      imported: 1,
      updated: 0,
      locations: 2,
    });
    const created = await target.db
      .selectFrom('directory_centres')
      .selectAll()
      .where('slug', '=', 'neue-stelle')
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({
      is_member: true,
      lands: ['09', '14'],
      targets: ['women'],
      published: true,
    });
    const createdLocations = await target.db
      .selectFrom('directory_locations')
      .selectAll()
      .where('centre_id', '=', created.id)
      .orderBy('position')
      .execute();
    expect(createdLocations.map((l) => [l.city, l.land, l.address_privacy])).toEqual([
      ['München', '09', 'city'],
      ['Augsburg', '09', 'on_request'],
    ]);
    expect(createdLocations[0]!.city_latitude).toBeTypeOf('number');
    expect(createdLocations[0]!.opening_hours).toEqual([
      { byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' },
    ]);
  });

  it('refuses a malformed file, naming every bad row and field, and writes nothing', async () => {
    const target = await emptyTarget();
    const good = path.join(dir, 'gut.zip');
    await exportDirectory(source.db, good);
    await importDirectory(target.db, good);
    const before = await snapshot(target.db);

    const bad = path.join(dir, 'fehler.csv');
    fs.writeFileSync(
      bad,
      [
        'slug,name,email,targets,postal_code,city,land,opening_hours,latitude,phones',
        'demo-fbs-leipzig,Geänderter Name,ok@example.org,women,04109,Leipzig,14,Mo-Fr 9-17,,+49 1 2',
        'gute-stelle,Gute Stelle,,women,ABCDE,Irgendwo,14,,,',
        'noch-eine,Noch eine,keine-mail,aliens,,Ort,99,Mo 25-26,nördlich,',
        'Bad Slug,X,,,,,,,,',
        'demo-fbs-leipzig,Anderer Name,,,,Leipzig,14,,,',
      ].join('\n'),
    );
    const error = await importDirectory(target.db, bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    const problems = (error as ImportError).problems;
    const expectProblem = (prefix: string) =>
      expect(
        problems.some((p) => p.startsWith(prefix)),
        `${prefix} in\n${problems.join('\n')}`,
      ).toBe(true);
    expectProblem('row 6, field name: differs from row 2');
    expectProblem('row 4, field opening_hours');
    expectProblem('row 4, field latitude');
    expectProblem('row 3, field postal_code');
    expectProblem('row 4, field email');
    expectProblem('row 4, field targets');
    expectProblem('row 4, field land');
    expectProblem('row 5, field slug');
    expectProblem('row 5, field name');
    expect(await snapshot(target.db)).toEqual(before);

    // a native file with one bad centre among good ones
    const entries = unzipSync(fs.readFileSync(good));
    const native = JSON.parse(strFromU8(entries[NATIVE_FILE]!)) as { centres: Obj[] };
    const broken = native.centres[5]!;
    broken.name = 'Umbenannt';
    (native.centres[7]!.locations as Obj[])[0]!.postal_code = '1234';
    native.centres[8]!.shelter_status = 'full';
    native.centres[9]!.slug = native.centres[10]!.slug;
    entries[NATIVE_FILE] = strToU8(JSON.stringify(native));
    const badZip = path.join(dir, 'fehler.zip');
    fs.writeFileSync(badZip, zipSync(entries));
    const zipError = await importDirectory(target.db, badZip).catch((e: unknown) => e);
    expect(zipError).toBeInstanceOf(ImportError);
    const zipProblems = (zipError as ImportError).problems.join('\n');
    expect(zipProblems).toContain('centres[7]');
    expect(zipProblems).toContain('locations[0].postal_code');
    expect(zipProblems).toContain('centres[8]');
    expect(zipProblems).toContain('field shelter_status');
    expect(zipProblems).toMatch(/centres\[10\].*field slug: .* appears twice/);
    expect(await snapshot(target.db)).toEqual(before);

    for (const [name, content] of [
      ['kaputt.zip', 'kein zip'],
      ['kaputt.json', '{"format": "kok-directory", "version": 1, "centres": ['],
      ['fremd.json', '{"hello": "world"}'],
      ['leer.csv', ''],
      ['spalten.csv', 'slug,name,farbe\na-b,Name,blau\n'],
    ] as const) {
      const f = path.join(dir, name);
      fs.writeFileSync(f, content);
      const e = await importDirectory(target.db, f).catch((err: unknown) => err);
      expect(e, name).toBeInstanceOf(ImportError);
      expect((e as ImportError).problems.length, name).toBeGreaterThan(0);
    }
    expect(await snapshot(target.db)).toEqual(before);
  });

  describe('kok directory export / import', () => {
    const saved = { ...process.env };
    beforeAll(() => {
      process.env.DATA_DIR = path.join(dir, 'cli-data');
      delete process.env.DATABASE_URL;
      process.env.KOK_LANG = 'de';
    });
    afterAll(() => {
      process.env = saved;
    });

    it('imports, exports and records both in the audit log', async () => {
      const file = path.join(dir, 'cli-quelle.zip');
      await exportDirectory(source.db, file);
      const count = (await source.db.selectFrom('directory_centres').select('id').execute()).length;
      expect((await kok('migrate')).code).toBe(0);
      const imported = await kok('directory', 'import', file);
      expect(imported.err).toBe('');
      expect(imported).toMatchObject({ code: 0, out: `imported ${count}, updated 0` });
      expect((await kok('directory', 'import', file)).out).toBe(`imported 0, updated ${count}`);
      const out = path.join(dir, 'cli-export.zip');
      const exported = await kok('directory', 'export', out);
      expect(exported).toMatchObject({ code: 0, out: `exported ${count} centres` });
      expect(fs.existsSync(out)).toBe(true);
      const csv = await kok('directory', 'export', path.join(dir, 'cli-export.csv'));
      expect(csv.out).toBe(`exported ${count} centres`);

      const bad = path.join(dir, 'cli-fehler.csv');
      fs.writeFileSync(bad, 'slug,name,postal_code,city,land\nok-stelle,Gut,12,Ort,01\n');
      const refused = await kok('directory', 'import', bad);
      expect(refused.code).toBe(1);
      expect(refused.err).toContain('row 2, field postal_code');
      expect(refused.err).toContain('nothing was written');
      expect((await kok('directory', 'import')).code).toBe(1);

      const database = await connect({ dataDir: process.env.DATA_DIR });
      try {
        const audit = await database.db
          .selectFrom('audit_log')
          .select(['action', 'actor_label', 'meta'])
          .where('action', 'like', 'directory.%')
          .orderBy('seq')
          .execute();
        expect(audit.map((a) => [a.action, a.actor_label, (a.meta as { count: number }).count])).toEqual([
          ['directory.import', 'cli', count],
          ['directory.import', 'cli', count],
          ['directory.export', 'cli', count],
          ['directory.export', 'cli', count],
        ]);
        const centres = await database.db.selectFrom('directory_centres').select('id').execute();
        expect(centres.length).toBe(count);
      } finally {
        await database.close();
      }
    });
  });
});
