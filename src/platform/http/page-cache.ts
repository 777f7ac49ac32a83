import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.ts';

interface Entry {
  body: Uint8Array;
  gzip: Uint8Array;
  contentType: string;
  expires: number;
}

const MAX_ENTRIES = 1000;
const entries = new Map<string, Entry>();

/** Drops every cached page: called when content or settings change in this process. */
export function invalidatePageCache(): void {
  entries.clear();
}

function cacheable(c: Context<AppEnv>): boolean {
  // query strings (searches, filters) are not cached: too many variants; logged-in pages never
  return (
    c.req.method === 'GET' &&
    !c.req.url.includes('?') &&
    !c.req.header('authorization') &&
    !hasSessionCookie(c)
  );
}

function hasSessionCookie(c: Context<AppEnv>): boolean {
  return /(^|;\s*)(__Host-)?kok_session=/.test(c.req.header('cookie') ?? '');
}

/**
 * Public pages are the same for every anonymous visitor, so their rendered and gzipped HTML is kept for a few
 * seconds. This part answers from the cache early, before sessions, settings and routing are looked at.
 */
export const servePageCache = createMiddleware<AppEnv>(async (c, next) => {
  if (!cacheable(c)) return next();
  const hit = entries.get(c.req.path);
  if (!hit || hit.expires <= Date.now()) return next();
  const gzipOk = /\bgzip\b/.test(c.req.header('accept-encoding') ?? '');
  const headers: Record<string, string> = { 'Content-Type': hit.contentType, Vary: 'Accept-Encoding' };
  if (gzipOk) headers['Content-Encoding'] = 'gzip';
  return c.body((gzipOk ? hit.gzip : hit.body) as Uint8Array<ArrayBuffer>, 200, headers);
});

/** On a route whose page may be cached: keeps a successful anonymous HTML answer for `ttlMs`. */
export function fillPageCache(ttlMs = 10_000) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (!cacheable(c) || c.get('auth')) return;
    const type = c.res.headers.get('content-type') ?? '';
    if (c.res.status !== 200 || !type.startsWith('text/html') || c.res.headers.has('set-cookie')) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    entries.set(c.req.path, { body, gzip: gzipSync(body), contentType: type, expires: Date.now() + ttlMs });
  });
}
