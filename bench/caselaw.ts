/**
 * `npm run bench:caselaw`: the case-law database at scale. Generates BENCH_DECISIONS synthetic decisions
 * (≈6 KB of German legal text each) as RII XML, imports them through the real import path (parse, norms,
 * courts, one transaction per document; BENCH_IMPORT_WORKERS documents at a time), then measures the search API
 * with facets for 1–3 word queries and a norm query under BENCH_CONNECTIONS connections, against the raw
 * full-text query alone (same queries, same database, same process) in the same run.
 *
 * DATABASE_URL set: PostgreSQL (a dedicated database: bench decisions are removed at the end), default 100,000
 * decisions. Otherwise PGlite in a temporary directory, default 5,000 (PGlite is one process on one core; 100k
 * would take far longer than the run is allowed). BENCH_DECISIONS overrides both; BENCH_SECONDS (10) per query.
 * Prints one JSON line for the import and one per query: {"name","engine","p95_ms","baseline_p95_ms","ratio",…}.
 * Search outcomes are cached until the data changes (decision 0025): each query line also carries the same
 * search measured with the cache off (`uncached_p95_ms`, the in-memory index answers) and with cache and index off
 * (`sql_only_p95_ms`). The load generator runs in a process of its own (bench/load-process.ts), not on the server's
 * thread.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { seededRandom } from '../src/demo/random.ts';
import { type CourtCache, importRiiDocument, parseRiiXml } from '../src/modules/caselaw/rii-import.ts';
import { refreshSearchIndex, searchIndexStatus } from '../src/modules/caselaw/search-index/registry.ts';
import { startServer } from '../src/server.ts';

const execFileAsync = promisify(execFile);
const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? (ON_POSTGRES ? 100_000 : 5_000));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const WORKERS = Number(process.env.BENCH_IMPORT_WORKERS ?? (ON_POSTGRES ? 6 : 1));
const DOKNR_PREFIX = 'KOKBENCH';

const QUERIES: Array<{ name: string; query: string; raw: string }> = [
  { name: 'search_1_word', query: 'q=Zwangslage', raw: 'Zwangslage' },
  { name: 'search_2_words', query: 'q=Arbeitsausbeutung+Baustelle', raw: 'Arbeitsausbeutung Baustelle' },
  {
    name: 'search_3_words',
    query: 'q=Menschenhandel+Prostitution+Schulden',
    raw: 'Menschenhandel Prostitution Schulden',
  },
  { name: 'search_norm', query: `norm=${encodeURIComponent('§ 232a StGB')}`, raw: '' },
];

// ---- synthetic German decisions -------------------------------------------------------------------------------

const COURTS: Array<[string, string]> = [
  ['BGH', ''],
  ['LG', 'Berlin'],
  ['LG', 'Köln'],
  ['LG', 'München I'],
  ['LG', 'Hamburg'],
  ['OLG', 'Hamm'],
  ['OLG', 'Frankfurt am Main'],
  ['AG', 'Frankfurt am Main'],
  ['AG', 'Duisburg'],
  ['VG', 'Stuttgart'],
  ['OVG', 'Berlin-Brandenburg'],
  ['BVerwG', ''],
  ['ArbG', 'Hamburg'],
  ['LAG', 'Berlin-Brandenburg'],
  ['SG', 'Leipzig'],
  ['LSG', 'Niedersachsen-Bremen'],
];
const TYPES = ['Urteil', 'Beschluss', 'Urteil', 'Beschluss', 'Gerichtsbescheid'];
const NORMS = [
  '§ 232 Abs. 1 StGB',
  '§ 232a Abs. 1 Nr. 1 StGB',
  '§ 232a Abs. 3 StGB',
  '§ 232b StGB',
  '§ 233 Abs. 1 Nr. 1 StGB',
  '§ 233a StGB',
  '§ 25 Abs. 4a AufenthG',
  '§ 59 Abs. 7 AufenthG',
  '§ 1 OEG',
  '§ 1 SGB XIV',
  '§ 611a BGB',
  '§ 823 Abs. 2 BGB',
  '§ 1 MiLoG',
  'Art. 4 EMRK',
  '§ 403 StPO',
  '§ 266a StGB',
];
const NOUNS =
  `Zwangslage Menschenhandel Arbeitsausbeutung Prostitution Schulden Baustelle Fleischindustrie Unterkunft
Reisepass Anwerbung Vermittlung Arbeitgeber Arbeitnehmerin Geschädigte Zeugin Betroffene Aufenthaltserlaubnis
Abschiebung Ausreisefrist Opferentschädigung Gewalttat Mindestlohn Lohnforderung Überstunden Haushaltshilfe Pflegekraft
Erntehelfer Saisonarbeit Subunternehmer Werkvertrag Scheinselbständigkeit Sozialversicherung Beitragsvorenthaltung
Freiheitsberaubung Nötigung Drohung Täuschung Hilflosigkeit Sprachkenntnisse Herkunftsland Rumänien Bulgarien Nigeria
Vietnam Ukraine Beweiswürdigung Strafzumessung Bewährung Freiheitsstrafe Einziehung Adhäsionsverfahren Schmerzensgeld
Nebenklage Dolmetscherin Glaubhaftigkeit Aussagekonstanz Ermittlungsverfahren Hauptverhandlung Revision Berufung
Beschwerde Klage Kostenentscheidung Streitwert Verfahrensrüge Sachrüge Rechtsfehler Feststellungen Gesamtwürdigung
Abhängigkeit Kontrolle Überwachung Bordell Wohnung Internetanzeige Kunden Einnahmen Abgaben Miete Vermittlungsgebühr
Arbeitszeit Arbeitsvertrag Kündigung Lohnabrechnung Barauszahlung Unterbringung Transport Grenzübertritt Visum`
    .split(/\s+/)
    .filter(Boolean);
const FILLER =
  'der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei'.split(
    ' ',
  );

/**
 * Each decision is about a few topics: its nouns come from a handful of the vocabulary's words (a Zipf-like
 * choice of which ones), so a query word occurs in a realistic share of the decisions, not in all of them.
 */
function topicNouns(rnd: () => number): string[] {
  return Array.from(
    { length: 6 + Math.floor(rnd() * 8) },
    () => NOUNS[Math.floor(NOUNS.length * rnd() ** 1.6)]!,
  );
}
let topic: string[] = [];

function sentence(rnd: () => number): string {
  const noun = () => topic[Math.floor(rnd() * topic.length)]!;
  const filler = () => FILLER[Math.floor(rnd() * FILLER.length)]!;
  const words: string[] = [];
  const length = 12 + Math.floor(rnd() * 14);
  for (let i = 0; i < length; i++) words.push(rnd() < 0.35 ? noun() : filler());
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function paragraphs(rnd: () => number, bytes: number): string[] {
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => sentence(rnd)).join(' ');
    out.push(p);
    size += p.length + 80;
  }
  return out;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const rd = (ps: string[]) =>
  `<div>${ps
    .map(
      (p, i) => `<dl class="RspDL"><dt><a name="rd_${i + 1}">${i + 1}</a></dt><dd><p>${esc(p)}</p></dd></dl>`,
    )
    .join('')}</div>`;

/** One decision as RII XML (the format rechtsprechung-im-internet.de ships). */
export function syntheticRii(i: number): string {
  const rnd = seededRandom(100_000 + i);
  topic = topicNouns(rnd);
  const [type, place] = COURTS[Math.floor(rnd() * COURTS.length)]!;
  const year = 2005 + Math.floor(rnd() * 20);
  const date = `${year}${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  const norms = NORMS.filter(() => rnd() < 0.18);
  if (norms.length === 0) norms.push(NORMS[Math.floor(rnd() * NORMS.length)]!);
  const az = `${1 + Math.floor(rnd() * 12)} ${['StR', 'KLs', 'Ls', 'K', 'Sa', 'VE'][Math.floor(rnd() * 6)]} ${i}/${String(year % 100).padStart(2, '0')}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE dokument SYSTEM "https://www.rechtsprechung-im-internet.de/dtd/v1/rii-dok.dtd">
<dokument>
  <doknr>${DOKNR_PREFIX}${String(i).padStart(7, '0')}</doknr>
  <ecli/>
  <gertyp>${type}</gertyp>
  <gerort>${esc(place)}</gerort>
  <spruchkoerper>${1 + Math.floor(rnd() * 9)}. Kammer</spruchkoerper>
  <entsch-datum>${date}</entsch-datum>
  <aktenzeichen>${az}</aktenzeichen>
  <doktyp>${TYPES[Math.floor(rnd() * TYPES.length)]}</doktyp>
  <norm>${esc(norms.join(', '))}</norm>
  <vorinstanz/>
  <titelzeile><dl class="RspDL"><dt/><dd><p>${esc(sentence(rnd))}</p></dd></dl></titelzeile>
  <leitsatz>${rd([sentence(rnd), sentence(rnd)])}</leitsatz>
  <sonstosatz/>
  <tenor>${rd([sentence(rnd)])}</tenor>
  <tatbestand>${rd(paragraphs(rnd, 2000))}</tatbestand>
  <entscheidungsgruende>${rd(paragraphs(rnd, 3300))}</entscheidungsgruende>
  <gruende/>
  <abwmeinung/>
  <sonstlt/>
  <identifier>https://example.invalid/bench/${i}</identifier>
  <accessRights>public</accessRights>
</dokument>
`;
}

/** `count` different search paths: 1–3 vocabulary words, sometimes a filter, a sort order or a later page. */
function mixedSearches(count: number): string[] {
  const rnd = seededRandom(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const filters = [
    '',
    '',
    'court_type=LG',
    'jurisdiction=labour',
    'year=2021',
    'land=05',
    'type=Beschluss',
    `norm=${encodeURIComponent('§ 232a StGB')}`,
    'sort=newest',
    'page=2',
  ];
  const out = new Set<string>();
  while (out.size < count) {
    const words = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => pick(NOUNS));
    const params = [`q=${encodeURIComponent(words.join(' '))}`, pick(filters)].filter(Boolean).join('&');
    out.add(`/api/v1/caselaw/search?${params}`);
  }
  return [...out];
}

// ---- measurement -----------------------------------------------------------------------------------------------

interface Measured {
  p95_ms: number;
  p50_ms: number;
  rps: number;
  requests: number;
  errors: number;
}

/**
 * Waits until the database has finished what a measurement left running: requests still in flight when autocannon
 * stops (a raw query of several seconds, say) would otherwise load the next measurement.
 */
async function settle(): Promise<void> {
  if (server.database.engine !== 'postgres') {
    await sql`SELECT 1`.execute(server.database.db); // PGlite runs statements one after another
    return;
  }
  for (let i = 0; i < 600; i++) {
    const r = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE state = 'active' AND pid <> pg_backend_pid() AND datname = current_database()`.execute(
      server.database.db,
    );
    if (r.rows[0]!.n === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `paths` (optional): each request takes the next of these paths, so no two in a row ask the same. */
async function measure(url: string, paths?: string[]): Promise<Measured> {
  const measured = await run(url, paths);
  await settle();
  return measured;
}

/** One measurement by the load generator in a process of its own (bench/load-process.ts). */
async function run(url: string, paths?: string[]): Promise<Measured> {
  const spec = JSON.stringify({ url, connections: CONNECTIONS, seconds: SECONDS, paths });
  const { stdout } = await execFileAsync(
    process.execPath,
    [
      path.join(import.meta.dirname, '..', 'bin', 'run-ts.js'),
      path.join(import.meta.dirname, 'load-process.ts'),
      spec,
    ],
    { maxBuffer: 1024 * 1024 },
  );
  return JSON.parse(stdout.trim().split('\n').pop()!) as Measured;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-bench-caselaw-'));
const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  KOK_DEMO: '0',
  LOG_LEVEL: 'silent',
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '20',
});
const server = await startServer(config, { quiet: true });
const db = server.database.db;
const engine = server.database.engine;

/** Imports the synthetic decisions through the real import path and prints the `caselaw_import` line. */
async function importSynthetic(): Promise<void> {
  await db.deleteFrom('caselaw_decisions').where('doknr', 'like', `${DOKNR_PREFIX}%`).execute();
  // import: generation and XML parsing are part of the measured time, as they are in a real import
  console.error(
    `bench:caselaw – importing ${DECISIONS} synthetic decisions on ${engine} with ${WORKERS} worker(s) …`,
  );
  let next = 0;
  let bytes = 0;
  const courts: CourtCache = new Map();
  const importStarted = performance.now();
  let lastReport = importStarted;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < DECISIONS) {
        const i = next++;
        const xml = syntheticRii(i);
        bytes += xml.length;
        const parsed = parseRiiXml(xml);
        await db.transaction().execute((trx) => importRiiDocument(trx, parsed, courts));
        if (performance.now() - lastReport > 15_000) {
          lastReport = performance.now();
          const rate = Math.round(next / ((lastReport - importStarted) / 1000));
          console.error(`  … ${next} imported (${rate}/s)`);
        }
      }
    }),
  );
  const importSeconds = (performance.now() - importStarted) / 1000;
  await sql`ANALYZE caselaw_decisions`.execute(db);
  await sql`ANALYZE caselaw_decision_norms`.execute(db);
  console.log(
    JSON.stringify({
      name: 'caselaw_import',
      engine,
      decisions: DECISIONS,
      avg_xml_kb: Number((bytes / DECISIONS / 1024).toFixed(1)),
      workers: WORKERS,
      seconds: Number(importSeconds.toFixed(1)),
      decisions_per_s: Math.round(DECISIONS / importSeconds),
      goal_per_s: 300,
    }),
  );
}

// BENCH_REUSE=1 measures the decisions a run with BENCH_KEEP=1 left, without importing them again
const kept = await db
  .selectFrom('caselaw_decisions')
  .select((eb) => eb.fn.countAll<string>().as('n'))
  .where('doknr', 'like', `${DOKNR_PREFIX}%`)
  .executeTakeFirstOrThrow();
if (process.env.BENCH_REUSE === '1' && Number(kept.n) === DECISIONS)
  console.error(`bench:caselaw – reusing ${DECISIONS} kept decisions (no import measured)`);
else await importSynthetic();

// the in-memory search index (decision 0026) is built in the background after a change; wait for it here
// heap in use before and after, each measured after a full collection (npm run bench:caselaw passes --expose-gc)
const collect = () => (globalThis as { gc?: () => void }).gc?.();
collect();
const indexStarted = performance.now();
const before = process.memoryUsage();
await refreshSearchIndex(db);
const indexStatus = searchIndexStatus(db);
const waited = performance.now() - indexStarted;
collect();
console.log(
  JSON.stringify({
    name: 'caselaw_search_index',
    engine,
    decisions: indexStatus?.decisions ?? 0,
    lexemes: indexStatus?.lexemes ?? 0,
    build_ms: indexStatus?.buildMs ?? null,
    wait_ms: Math.round(waited),
    // JS objects (dictionaries, ids, norm variants) and typed arrays (columns, postings, bitsets) apart
    heap_mb: Math.round((process.memoryUsage().heapUsed - before.heapUsed) / 1024 / 1024),
    array_buffers_mb: Math.round((process.memoryUsage().arrayBuffers - before.arrayBuffers) / 1024 / 1024),
  }),
);

// the baseline: the raw full-text query alone (match, rank, first page of ids), in the same process
const bare = new Hono();
bare.get('/raw', async (c) => {
  const q = c.req.query('q') ?? '';
  const rows = q
    ? await sql`SELECT id FROM caselaw_decisions WHERE status = 'published'
        AND search @@ websearch_to_tsquery('german', ${q})
        ORDER BY ts_rank(search, websearch_to_tsquery('german', ${q})) DESC LIMIT 20`.execute(db)
    : await sql`SELECT DISTINCT decision_id AS id FROM caselaw_decision_norms
        WHERE book = 'StGB' AND lower(section) = '232a' LIMIT 20`.execute(db);
  return c.json(rows.rows);
});
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => bareServer.once('listening', resolve));
const barePort = (bareServer.address() as { port: number }).port;

for (const { name, query, raw } of QUERIES) {
  const url = `${server.url}/api/v1/caselaw/search?${query}`;
  const probe = (await (await fetch(url)).json()) as { total: number; facets: Record<string, unknown[]> };
  const baseUrl = `http://127.0.0.1:${barePort}/raw?q=${encodeURIComponent(raw)}`;
  await autocannon({ url, connections: 4, amount: 40 });
  await autocannon({ url: baseUrl, connections: 4, amount: 40 });
  const result = await measure(url);
  const baseline = await measure(baseUrl);
  // the cache off: every search is computed, by the index
  process.env.KOK_CASELAW_SEARCH_CACHE = '0';
  const uncached = await measure(url);
  // and by SQL alone: what searches cost in the seconds after a change, until the index is rebuilt
  process.env.KOK_CASELAW_SEARCH_INDEX = '0';
  const sqlOnly = await measure(url);
  delete process.env.KOK_CASELAW_SEARCH_INDEX;
  delete process.env.KOK_CASELAW_SEARCH_CACHE;
  console.log(
    JSON.stringify({
      name,
      engine,
      decisions: DECISIONS,
      query: decodeURIComponent(query),
      matches: probe.total,
      facets: Object.keys(probe.facets).length,
      connections: CONNECTIONS,
      seconds: SECONDS,
      rps: result.rps,
      p50_ms: result.p50_ms,
      p95_ms: result.p95_ms,
      errors: result.errors,
      goal_p95_ms: engine === 'postgres' ? 60 : 300,
      baseline_rps: baseline.rps,
      baseline_p95_ms: baseline.p95_ms,
      ratio: Number((result.p95_ms / baseline.p95_ms).toFixed(2)),
      uncached_rps: uncached.rps,
      uncached_p95_ms: uncached.p95_ms,
      uncached_ratio: Number((uncached.p95_ms / baseline.p95_ms).toFixed(2)),
      sql_only_rps: sqlOnly.rps,
      sql_only_p95_ms: sqlOnly.p95_ms,
    }),
  );
}

// many different searches (words, filters, sort orders, pages), with the cache off: every one is computed
const mixed = mixedSearches(400);
process.env.KOK_CASELAW_SEARCH_CACHE = '0';
const mixedResult = await measure(`${server.url}/api/v1/caselaw/search`, mixed);
delete process.env.KOK_CASELAW_SEARCH_CACHE;
const mixedBaseline = await measure(
  `http://127.0.0.1:${barePort}/raw`,
  mixed.map((m) => `/raw?q=${encodeURIComponent(new URLSearchParams(m.split('?')[1]).get('q') ?? '')}`),
);
console.log(
  JSON.stringify({
    name: 'search_mixed',
    engine,
    decisions: DECISIONS,
    distinct_searches: new Set(mixed).size,
    cache: 'off',
    connections: CONNECTIONS,
    seconds: SECONDS,
    rps: mixedResult.rps,
    p50_ms: mixedResult.p50_ms,
    p95_ms: mixedResult.p95_ms,
    errors: mixedResult.errors,
    goal_p95_ms: engine === 'postgres' ? 60 : 300,
    baseline_rps: mixedBaseline.rps,
    baseline_p95_ms: mixedBaseline.p95_ms,
    ratio: Number((mixedResult.p95_ms / mixedBaseline.p95_ms).toFixed(2)),
  }),
);

bareServer.close();
if (ON_POSTGRES && process.env.BENCH_KEEP !== '1')
  await db.deleteFrom('caselaw_decisions').where('doknr', 'like', `${DOKNR_PREFIX}%`).execute();
await server.close();
fs.rmSync(dataDir, { recursive: true, force: true });
