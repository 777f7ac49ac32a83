/**
 * `npm run bench:directory`: the counselling-centre finder with 1,000 centres — the JSON search API and the HTML
 * result page, each with a postal code and two filters — against a bare Hono route served by the same process,
 * all under the same load. Uses DATABASE_URL (PostgreSQL) when set, else a fresh PGlite directory. Prints one JSON
 * line per endpoint: {"name","engine","rps","p95_ms","baseline_rps","ratio", …}.
 *
 * BENCH_SECONDS (10), BENCH_CONNECTIONS (50), BENCH_CENTRES (1000); for diagnosis BENCH_ONLY=api|page and
 * BENCH_ENCODING=identity (no response compression).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/types.ts';
import { pick, seededRandom } from '../src/demo/random.ts';
import { lookupPostalCode } from '../src/modules/directory/geo/geocode.ts';
import type { OpeningSlot } from '../src/modules/directory/opening-hours.ts';
import { invalidateDirectoryCache } from '../src/modules/directory/repo.ts';
import {
  accessibilityFeatures,
  centreServices,
  counsellingLanguages,
  exploitationForms,
  targetGroups,
} from '../src/modules/directory/vocabulary.ts';
import { startServer } from '../src/server.ts';
import { load } from './lib.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const CENTRES = Number(process.env.BENCH_CENTRES ?? 1000);
const API_PATH = '/api/v1/directory/search?plz=10785&target=women&language=ro';
const PAGE_PATH = '/fachberatungsstellen?ort=10785&target=women&language=ro';
const SLUG_PREFIX = 'bench-fbs-';

// BENCH_ENCODING=identity measures without response compression
const ENCODING = process.env.BENCH_ENCODING ?? 'gzip';
const run = (url: string) =>
  load(url, { connections: CONNECTIONS, seconds: DURATION, headers: { 'accept-encoding': ENCODING } });

const HOURS: OpeningSlot[][] = [
  [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' }],
  [
    { byday: ['MO', 'WE', 'FR'], opensAt: '10:00', closesAt: '16:00' },
    { byday: ['TU', 'TH'], opensAt: '13:00', closesAt: '19:00' },
  ],
  [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '00:00', closesAt: '24:00' }],
  [],
];

/** Real postal codes with a place, spread over Germany (every n-th row of postcodes.csv). */
function postalCodes(count: number): string[] {
  const csv = fs.readFileSync(new URL('../src/modules/directory/geo/postcodes.csv', import.meta.url), 'utf8');
  const codes = [
    ...new Set(
      csv
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .filter((cols) => cols.length >= 5 && cols[1] !== '')
        .map((cols) => cols[0]!),
    ),
  ];
  const step = codes.length / count;
  return Array.from({ length: count }, (_, i) => codes[Math.floor(i * step)]!);
}

/** Replaces earlier bench centres (a PostgreSQL database may be reused) with CENTRES fresh ones. */
async function seedCentres(db: Db): Promise<number> {
  await db.deleteFrom('directory_centres').where('slug', 'like', `${SLUG_PREFIX}%`).execute();
  const rnd = seededRandom(1000);
  const codes = postalCodes(CENTRES);
  const rows = codes.flatMap((plz, i) => {
    const geo = lookupPostalCode(plz);
    if (!geo) return [];
    const land = geo.lands[0]!;
    const targets = rnd() < 0.5 ? ['women'] : pick(rnd, targetGroups, 1, 4);
    const languages = ['de', ...pick(rnd, counsellingLanguages.slice(1), 1, 5)];
    const services = pick(rnd, centreServices, 3, 9);
    const nationwide = i % 97 === 0;
    const privacy = (['public', 'city', 'city', 'on_request'] as const)[Math.floor(rnd() * 4)]!;
    const place = geo.places[0] ?? plz;
    return [
      {
        centre: {
          slug: `${SLUG_PREFIX}${String(i).padStart(4, '0')}`,
          name: `Bench-Beratungsstelle ${place} ${i}`,
          description_de: `Beratung für Betroffene von Menschenhandel und Ausbeutung in ${place}.`,
          description_en: `Counselling for people affected by trafficking and exploitation in ${place}.`,
          email: `beratung-${i}@bench.invalid`,
          is_member: rnd() < 0.3,
          online_counselling: services.includes('online_counselling'),
          targets,
          exploitation: pick(rnd, exploitationForms, 1, 4),
          services,
          languages,
          lands: nationwide
            ? []
            : rnd() < 0.2
              ? [land, String((Number(land) % 16) + 1).padStart(2, '0')]
              : [land],
          nationwide,
        },
        location: {
          street: privacy === 'public' ? `Benchstraße ${1 + (i % 120)}` : '',
          postal_code: plz,
          city: place,
          land,
          latitude: geo.lat + (rnd() - 0.5) * 0.02,
          longitude: geo.lon + (rnd() - 0.5) * 0.03,
          city_latitude: geo.lat,
          city_longitude: geo.lon,
          address_privacy: privacy,
          accessibility: pick(rnd, accessibilityFeatures, 0, 2),
          opening_hours: JSON.stringify(HOURS[i % HOURS.length]),
        },
        phone: {
          number: `+49 30 555 ${String(1000 + i)}`,
          description: 'Beratung',
          languages: languages.slice(0, 2),
        },
      },
    ];
  });
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 250) {
    const batch = rows.slice(i, i + 250);
    const inserted = await db
      .insertInto('directory_centres')
      .values(batch.map((r) => r.centre))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  for (let i = 0; i < rows.length; i += 250) {
    const batch = rows.slice(i, i + 250);
    await db
      .insertInto('directory_locations')
      .values(batch.map((r, j) => ({ ...r.location, centre_id: ids[i + j]! })))
      .execute();
    await db
      .insertInto('directory_phones')
      .values(batch.map((r, j) => ({ ...r.phone, centre_id: ids[i + j]! })))
      .execute();
  }
  invalidateDirectoryCache();
  return ids.length;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-bench-dir-'));
const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  KOK_DEMO: '0',
  LOG_LEVEL: 'silent',
});
const server = await startServer(config, { quiet: true });
const seedStarted = performance.now();
const centres = await seedCentres(server.database.db);
const seedMs = Math.round(performance.now() - seedStarted);
const published = await server.database.db
  .selectFrom('directory_centres')
  .select((eb) => eb.fn.countAll<string>().as('n'))
  .where('published', '=', true)
  .executeTakeFirstOrThrow();

const bare = new Hono();
bare.get('/bare', (c) => c.text('ok'));
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => bareServer.once('listening', resolve));
const barePort = (bareServer.address() as { port: number }).port;

// the endpoints answer as expected before they are measured
const probe = await fetch(`${server.url}${API_PATH}`);
const probeBody = (await probe.json()) as { total: number; full_matches: number; results: unknown[] };
const page = await fetch(`${server.url}${PAGE_PATH}`, { headers: { 'accept-encoding': 'gzip' } });
const pageBytes = (await page.arrayBuffer()).byteLength;
if (probe.status !== 200 || page.status !== 200 || probeBody.full_matches === 0) {
  throw new Error(
    `unexpected answer: API ${probe.status}, page ${page.status}, ${JSON.stringify(probeBody).slice(0, 200)}`,
  );
}
console.error(
  `bench:directory – ${centres} centres seeded in ${seedMs} ms (${published.n} published on ${server.database.engine}); ` +
    `API: ${probeBody.full_matches} full matches, ${probeBody.results.length} on the first page; page: ${pageBytes} bytes of HTML`,
);

// warm-up: directory cache, JIT, connection pool
await autocannon({ url: `${server.url}${API_PATH}`, connections: 5, amount: 500 });
await autocannon({ url: `${server.url}${PAGE_PATH}`, connections: 5, amount: 300 });
await autocannon({ url: `http://127.0.0.1:${barePort}/bare`, connections: 5, amount: 500 });

const baseline = await run(`http://127.0.0.1:${barePort}/bare`);
// BENCH_ONLY=api|page measures one endpoint (for profiling with --cpu-prof)
const ONLY = process.env.BENCH_ONLY;
const measured: Array<{ name: string; result: Awaited<ReturnType<typeof run>> }> = [];
if (ONLY !== 'page') measured.push({ name: 'directory_api', result: await run(`${server.url}${API_PATH}`) });
if (ONLY !== 'api') measured.push({ name: 'directory_page', result: await run(`${server.url}${PAGE_PATH}`) });

for (const { name, result } of measured) {
  console.log(
    JSON.stringify({
      name,
      engine: server.database.engine,
      centres,
      connections: CONNECTIONS,
      seconds: DURATION,
      rps: result.rps,
      p95_ms: result.p95_ms,
      errors: result.errors,
      encoding: ENCODING,
      baseline_rps: baseline.rps,
      baseline_p95_ms: baseline.p95_ms,
      ratio: Number((result.rps / baseline.rps).toFixed(3)),
    }),
  );
}

bareServer.close();
if (config.DATABASE_URL) {
  await server.database.db.deleteFrom('directory_centres').where('slug', 'like', `${SLUG_PREFIX}%`).execute();
}
await server.close();
fs.rmSync(dataDir, { recursive: true, force: true });
