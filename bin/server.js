#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx): no build step between `npm install` and `npm start`.
import { register } from 'tsx/esm/api';

register();
const { runServer } = await import('../src/main.ts');
await runServer();
