#!/usr/bin/env node
// The `kok` command: runs the TypeScript sources directly (tsx), like `npm start`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
