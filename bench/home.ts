/**
 * `npm run bench`: the public home page against a bare Hono route served by the same process, both under the
 * same load. Uses DATABASE_URL (PostgreSQL) when set, else a fresh PGlite directory. Prints one JSON line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';
import { load } from './lib.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);

const run = (url: string) =>
  load(url, { connections: CONNECTIONS, seconds: DURATION, headers: { 'accept-encoding': 'gzip' } });

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kok-bench-'));
const config = loadConfig({
  ...process.env,
  PORT: '0',
  HOST: '127.0.0.1',
  DATA_DIR: dataDir,
  KOK_DEMO: '1',
  LOG_LEVEL: 'silent',
});
const server = await startServer(config, { quiet: true });

const bare = new Hono();
bare.get('/bare', (c) => c.text('ok'));
const bareServer = serve({ fetch: bare.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((resolve) => bareServer.once('listening', resolve));
const barePort = (bareServer.address() as { port: number }).port;

// warm-up: caches, JIT, connection pool
await autocannon({ url: `${server.url}/`, connections: 5, amount: 500 });
await autocannon({ url: `http://127.0.0.1:${barePort}/bare`, connections: 5, amount: 500 });

const home = await run(`${server.url}/`);
const baseline = await run(`http://127.0.0.1:${barePort}/bare`);

const result = {
  name: 'home',
  engine: server.database.engine,
  connections: CONNECTIONS,
  seconds: DURATION,
  rps: home.rps,
  p95_ms: home.p95_ms,
  errors: home.errors,
  baseline_rps: baseline.rps,
  baseline_p95_ms: baseline.p95_ms,
  ratio: Number((home.rps / baseline.rps).toFixed(3)),
};
console.log(JSON.stringify(result));

bareServer.close();
await server.close();
fs.rmSync(dataDir, { recursive: true, force: true });
