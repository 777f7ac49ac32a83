#!/usr/bin/env node
// Runs a TypeScript script (benchmarks, maintenance scripts) with tsx: `node bin/run-ts.js bench/home.ts`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const script = process.argv[2];
if (!script) {
  console.error('usage: node bin/run-ts.js FILE.ts');
  process.exit(2);
}
process.argv.splice(2, 1);
await import(pathToFileURL(path.resolve(script)).href);
