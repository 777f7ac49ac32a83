import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppEnv } from './env.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Security headers on every response, errors included. Set on the context before the handler runs (not on the
 * finished response), so @hono/node-server can keep its fast response path.
 */
export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  c.header('Content-Security-Policy', CSP);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  c.header('Cross-Origin-Resource-Policy', 'same-origin');
  c.header('Permissions-Policy', 'camera=(), microphone=(), payment=(), usb=(), interest-cohort=()');
  c.header('Cache-Control', 'no-store');
  if (c.get('deps').config.secure)
    c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  await next();
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function expectedOrigin(c: {
  req: { url: string };
  get(key: 'deps'): AppEnv['Variables']['deps'];
}): string {
  const configured = c.get('deps').config.KOK_PUBLIC_URL;
  return new URL(configured ?? c.req.url).origin;
}

/**
 * CSRF: browsers say where a request comes from (Sec-Fetch-Site, Origin), so a cross-site POST is refused
 * outright; a logged-in browser must also echo its session's token. Bearer-token requests carry no ambient
 * credentials and need neither.
 */
export const csrfProtection = createMiddleware<AppEnv>(async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const auth = c.get('auth');
  if (auth?.via === 'token') return next();
  const fetchSite = c.req.header('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none')
    throw new AppError('csrf', 'error.csrf');
  const origin = c.req.header('origin');
  // 'null': browsers send that on same-origin posts under Referrer-Policy no-referrer (Sec-Fetch-Site decides)
  if (origin && origin !== 'null' && origin !== expectedOrigin(c)) throw new AppError('csrf', 'error.csrf');
  if (auth?.session) {
    let sent = c.req.header('x-csrf-token');
    if (!sent) {
      const type = c.req.header('content-type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        const body = await c.req.parseBody();
        sent = typeof body._csrf === 'string' ? body._csrf : undefined;
      }
    }
    if (sent !== auth.session.csrfToken) throw new AppError('csrf', 'error.csrf');
  }
  return next();
});
