/**
 * `npm run bench:events`: (1) the registration burst — BENCH_REGISTRATIONS (200) people register at the same
 * moment for an event with BENCH_CAPACITY (50) places and then all confirm their addresses at the same moment,
 * over HTTP against the real server; it must end with exactly `capacity` confirmed and the rest on the waitlist;
 * both phases are timed. (2) The public calendar page under BENCH_CONNECTIONS (50) connections for BENCH_SECONDS
 * (10) against a bare Hono route served by the same process. Uses DATABASE_URL (PostgreSQL, where the
 * confirmations really run in parallel on the pool) when set, else a fresh PGlite directory. Prints one JSON line
 * per measurement.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { loadConfig } from '../src/config.ts';
import { formStamp } from '../src/modules/events/repo.ts';
import { startServer } from '../src/server.ts';
import { load } from './lib.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 200);
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 50);
const CALENDAR_EVENTS = 40;
const TITLE_PREFIX = 'Bench-Veranstaltung';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-bench-events-'));
const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  KOK_DEMO: '0',
  LOG_LEVEL: 'silent',
  // every simulated person comes from an address of their own (X-Forwarded-For), as behind a proxy
  KOK_TRUST_PROXY: '1',
});
const server = await startServer(config, { quiet: true });
const db = server.database.db;

// a PostgreSQL database may be reused: earlier bench events go first (registrations cascade)
await db.deleteFrom('events').where('title', 'like', `${TITLE_PREFIX}%`).execute();
await db.deleteFrom('mail_outbox').where('to_address', 'like', '%@bench.invalid').execute();
await db.deleteFrom('rate_limits').where('key', 'like', 'events:register:%').execute();

const day = 86_400_000;
const calendar = Array.from({ length: CALENDAR_EVENTS }, (_, i) => ({
  kind: (['training', 'specialist', 'webinar', 'practice_day'] as const)[i % 4]!,
  title: `${TITLE_PREFIX} ${i + 1}: Menschenhandel erkennen`,
  description: 'Indikatoren, Gesprächsführung und Weitervermittlung.',
  format: (['in_person', 'online', 'hybrid'] as const)[i % 3]!,
  address: 'Kurfürstenstraße 33, 10785 Berlin',
  online_url: 'https://meet.example.org/bench',
  starts_at: new Date(Date.now() + (i + 2) * day),
  ends_at: new Date(Date.now() + (i + 2) * day + 3 * 3600_000),
  capacity: i === 0 ? CAPACITY : 30,
  languages: ['de'],
  topics: ['Arbeitsausbeutung'],
  audiences: ['Fachberatung'],
  published: true,
}));
const inserted = await db.insertInto('events').values(calendar).returning('id').execute();
const eventId = inserted[0]!.id;

const form = (i: number, stamp: string) =>
  new URLSearchParams({
    name: `Bench Person ${i}`,
    email: `burst-${i}@bench.invalid`,
    organisation: 'Bench',
    website: '',
    started: stamp,
  });
const headers = (i: number, extra: Record<string, string> = {}) => ({
  origin: server.url,
  'sec-fetch-site': 'same-origin',
  'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  ...extra,
});

// (1) the burst: everyone registers at once, then everyone confirms at once
const stamp = await formStamp(db, Date.now() - 10_000);
const registerStarted = performance.now();
const registered = await Promise.all(
  Array.from({ length: REGISTRATIONS }, (_, i) =>
    fetch(`${server.url}/veranstaltungen/${eventId}/anmelden`, {
      method: 'POST',
      body: form(i, stamp),
      headers: headers(i, { 'content-type': 'application/x-www-form-urlencoded' }),
    }).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    }),
  ),
);
const registerMs = performance.now() - registerStarted;
const registerErrors = registered.filter((s) => s !== 200).length;

const mails = await db
  .selectFrom('mail_outbox')
  .select('body_text')
  .where('to_address', 'like', 'burst-%@bench.invalid')
  .execute();
const links = mails
  .map((m) => /\/veranstaltungen\/bestaetigen\/[A-Za-z0-9_-]+/.exec(m.body_text)?.[0])
  .filter((l): l is string => Boolean(l));

const confirmStarted = performance.now();
const confirmedStatuses = await Promise.all(
  links.map((link, i) =>
    fetch(`${server.url}${link}`, {
      method: 'POST',
      body: new URLSearchParams(),
      headers: headers(i, { 'content-type': 'application/x-www-form-urlencoded' }),
    }).then(async (r) => {
      await r.arrayBuffer();
      return r.status;
    }),
  ),
);
const confirmMs = performance.now() - confirmStarted;
const counts = Object.fromEntries(
  (
    await db
      .selectFrom('event_registrations')
      .select(['status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('event_id', '=', eventId)
      .groupBy('status')
      .execute()
  ).map((r) => [r.status, Number(r.n)]),
);
const confirmed = counts.confirmed ?? 0;
const waitlisted = counts.waitlisted ?? 0;
const exact = confirmed === Math.min(CAPACITY, REGISTRATIONS) && waitlisted === REGISTRATIONS - confirmed;
console.log(
  JSON.stringify({
    name: 'events_registration_burst',
    engine: server.database.engine,
    registrations: REGISTRATIONS,
    capacity: CAPACITY,
    confirmed,
    waitlisted,
    exact,
    register_ms: Math.round(registerMs),
    register_errors: registerErrors,
    optin_links: links.length,
    confirm_ms: Math.round(confirmMs),
    confirm_errors: confirmedStatuses.filter((s) => s !== 200).length,
    per_registration_ms: Number(((registerMs + confirmMs) / REGISTRATIONS).toFixed(2)),
  }),
);

// (2) the calendar page against a bare route, same process, same load
const bare = new Hono();
bare.get('/bare', (c) => c.text('ok'));
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => bareServer.once('listening', resolve));
const barePort = (bareServer.address() as { port: number }).port;
const page = await fetch(`${server.url}/veranstaltungen`);
const html = await page.text();
if (page.status !== 200 || !html.includes(TITLE_PREFIX)) throw new Error(`calendar answered ${page.status}`);

const run = (url: string) =>
  load(url, { connections: CONNECTIONS, seconds: DURATION, headers: { 'accept-encoding': 'gzip' } });
await autocannon({ url: `${server.url}/veranstaltungen`, connections: 5, amount: 300 });
await autocannon({ url: `http://127.0.0.1:${barePort}/bare`, connections: 5, amount: 500 });
const baseline = await run(`http://127.0.0.1:${barePort}/bare`);
const calendarResult = await run(`${server.url}/veranstaltungen`);
console.log(
  JSON.stringify({
    name: 'events_calendar_page',
    engine: server.database.engine,
    events: CALENDAR_EVENTS,
    connections: CONNECTIONS,
    seconds: DURATION,
    rps: calendarResult.rps,
    p95_ms: calendarResult.p95_ms,
    errors: calendarResult.errors,
    baseline_rps: baseline.rps,
    baseline_p95_ms: baseline.p95_ms,
    ratio: Number((calendarResult.rps / baseline.rps).toFixed(3)),
  }),
);

await db.deleteFrom('events').where('title', 'like', `${TITLE_PREFIX}%`).execute();
await db.deleteFrom('mail_outbox').where('to_address', 'like', '%@bench.invalid').execute();
bareServer.close();
await server.close();
fs.rmSync(dataDir, { recursive: true, force: true });
if (!exact || registerErrors > 0) process.exitCode = 1;
