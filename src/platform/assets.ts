import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface Asset {
  body: Uint8Array;
  type: string;
}

export interface Assets {
  css: string;
  js: string;
  files: Map<string, Asset>;
}

function fingerprint(content: Uint8Array): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 12);
}

/**
 * Builds the stylesheet and the progressive-enhancement script once at start-up (esbuild takes milliseconds) and
 * names them by content hash, so browsers may cache them forever. Everything is served from this host.
 */
export function buildAssets(): Assets {
  const files = new Map<string, Asset>();
  const css = buildSync({
    entryPoints: [path.join(root, 'public/styles.css')],
    bundle: true,
    minify: true,
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.contents;
  const js = buildSync({
    entryPoints: [path.join(root, 'src/client/main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2019'],
    write: false,
    logLevel: 'silent',
  }).outputFiles[0]!.contents;
  const cssPath = `/assets/styles.${fingerprint(css)}.css`;
  const jsPath = `/assets/app.${fingerprint(js)}.js`;
  files.set(cssPath, { body: css, type: 'text/css; charset=utf-8' });
  files.set(jsPath, { body: js, type: 'text/javascript; charset=utf-8' });
  const favicon = fs.readFileSync(path.join(root, 'public/favicon.svg'));
  files.set('/favicon.svg', { body: favicon, type: 'image/svg+xml' });
  return { css: cssPath, js: jsPath, files };
}
