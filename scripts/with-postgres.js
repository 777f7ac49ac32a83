#!/usr/bin/env node
/**
 * Runs a command against a local PostgreSQL: `node scripts/with-postgres.js vitest run`.
 *
 * Sets TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test), starts the local cluster when it
 * is not accepting connections, creates the database when it is missing, then runs the command with
 * inherited stdio and exits with its code.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('Usage: node scripts/with-postgres.js <command> [args...]');
  process.exit(2);
}

if (!process.env.TEST_DATABASE_URL) process.env.TEST_DATABASE_URL = DEFAULT_URL;
const url = new URL(process.env.TEST_DATABASE_URL);
const host = url.hostname || '127.0.0.1';
const port = url.port || '5432';

function isReady() {
  const r = spawnSync('pg_isready', ['-h', host, '-p', port], { stdio: 'ignore' });
  if (r.error) {
    console.error(`pg_isready not available (${r.error.message}); is the PostgreSQL client installed?`);
    process.exit(1);
  }
  return r.status === 0;
}

function startCluster() {
  const versions = fs.existsSync('/etc/postgresql') ? fs.readdirSync('/etc/postgresql').sort() : [];
  const version = versions.at(-1);
  if (!version) {
    console.error('PostgreSQL is not running and no local cluster was found in /etc/postgresql.');
    process.exit(1);
  }
  console.error(`Starting PostgreSQL ${version}/main …`);
  const r = spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) console.error('pg_ctlcluster did not succeed; waiting anyway.');
}

async function waitUntilReady(seconds) {
  for (let i = 0; i < seconds; i++) {
    if (isReady()) return true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return isReady();
}

async function ensureDatabase() {
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name || name === 'postgres') return;
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      console.error(`Creating database ${name} …`);
      await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
    }
  } finally {
    await client.end();
  }
}

if (!isReady()) {
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);
  if (local) startCluster();
  if (!(await waitUntilReady(30))) {
    console.error(`PostgreSQL at ${host}:${port} is not accepting connections.`);
    process.exit(1);
  }
}
await ensureDatabase();

// like npm scripts: the project's own tools (vitest, tsx) are found without npx
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.env.PATH = [path.join(root, 'node_modules', '.bin'), process.env.PATH]
  .filter(Boolean)
  .join(path.delimiter);
const [bin, ...args] = command;
const child = spawn(bin, args, { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (err) => {
  console.error(`Could not start ${bin}: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
