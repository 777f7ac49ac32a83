import { gzipSync } from 'node:zlib';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';

const COMPRESSIBLE = /^(text\/|application\/(json|x-ndjson|javascript|xml|atom\+xml)|image\/svg\+xml)/;
const MIN_BYTES = 1024;

/**
 * gzip for buffered text responses of at least 1 KB. Our responses are rendered strings, so a synchronous gzip of
 * the whole body costs a fraction of a streaming CompressionStream per request (measured: 0.09 ms instead of 0.66 ms
 * for an 18 KB JSON answer), and small answers are not touched at all.
 */
export const compression = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const res = c.res;
  if (c.req.method === 'HEAD' || !res.body || res.headers.has('Content-Encoding')) return;
  if (!/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) return;
  if (!COMPRESSIBLE.test(res.headers.get('Content-Type') ?? '')) return;
  const length = Number(res.headers.get('Content-Length') ?? Number.NaN);
  if (length < MIN_BYTES) return;
  const body = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  headers.append('Vary', 'Accept-Encoding');
  if (body.byteLength < MIN_BYTES) {
    c.res = new Response(body, { status: res.status, headers });
    return;
  }
  const gz = gzipSync(body, { level: 6 });
  headers.set('Content-Encoding', 'gzip');
  headers.set('Content-Length', String(gz.byteLength));
  c.res = new Response(gz, { status: res.status, headers });
});
