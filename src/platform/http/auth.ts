import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { User } from '../../db/types.ts';
import { userForApiToken } from '../auth/api-tokens.ts';
import { loadSession } from '../auth/sessions.ts';
import { AppError } from '../errors.ts';
import { localePath } from '../i18n/index.ts';
import { can, type Permission, requiresTwoFactor } from '../permissions.ts';
import type { AppEnv, Auth } from './env.ts';

export function sessionCookieName(secure: boolean): string {
  // the __Host- prefix pins the cookie to this host and path and requires Secure
  return secure ? '__Host-kok_session' : 'kok_session';
}

export function setSessionCookie(c: Context<AppEnv>, token: string): void {
  const { config } = c.get('deps');
  setCookie(c, sessionCookieName(config.secure), token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: config.secure,
    path: '/',
    maxAge: config.SESSION_MAX_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const { config } = c.get('deps');
  deleteCookie(c, sessionCookieName(config.secure), { path: '/', secure: config.secure });
}

/** Who is asking: a session cookie (browsers) or a personal API token (`Authorization: Bearer`, API only). */
export const loadAuth = createMiddleware<AppEnv>(async (c, next) => {
  c.set('auth', null);
  const { config, database } = c.get('deps');
  const authorization = c.req.header('authorization');
  if (authorization && c.req.path.startsWith('/api/')) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const user = match ? await userForApiToken(database.db, match[1]!) : null;
    if (!user) throw new AppError('unauthenticated', 'error.invalid_token');
    c.set('auth', { user, via: 'token' });
    return next();
  }
  const cookie = getCookie(c, sessionCookieName(config.secure));
  if (cookie) {
    const loaded = await loadSession(database.db, cookie, {
      idleMinutes: config.SESSION_IDLE_MINUTES,
      maxHours: config.SESSION_MAX_HOURS,
    });
    if (loaded) c.set('auth', { user: loaded.user, via: 'session', session: loaded.session });
    else clearSessionCookie(c);
  }
  return next();
});

/** Where a logged-in account must go first: set up 2FA, or enter its code. Null: nothing pending. */
export function pendingStep(auth: Auth): 'setup' | 'code' | null {
  if (auth.via === 'token') return null;
  const user = auth.user;
  if (user.totp_enabled_at) return auth.session?.mfaPassed ? null : 'code';
  if (requiresTwoFactor(user.role) && !user.mfa_exempt) return 'setup';
  return null;
}

function deny(c: Context<AppEnv>, code: 'unauthenticated' | 'forbidden'): never | Response {
  const isApi = c.req.path.startsWith('/api/');
  if (code === 'unauthenticated' && !isApi && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
    const next = c.req.path + (new URL(c.req.url).search || '');
    return c.redirect(`${localePath(c.get('locale'), '/anmelden')}?next=${encodeURIComponent(next)}`, 303);
  }
  throw new AppError(code, code === 'unauthenticated' ? 'error.unauthenticated' : 'error.forbidden');
}

interface GuardOptions {
  /** The 2FA setup and code pages themselves must be reachable before 2FA is done. */
  allowPending?: boolean;
}

/** Requires a logged-in account that has finished any 2FA step. */
export function requireUser(options: GuardOptions = {}) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const auth = c.get('auth');
    if (!auth) return deny(c, 'unauthenticated');
    const pending = pendingStep(auth);
    if (pending && !options.allowPending) {
      if (c.req.path.startsWith('/api/')) throw new AppError('forbidden', 'error.mfa_required');
      const target = pending === 'setup' ? '/konto/zwei-faktor' : '/anmelden/code';
      return c.redirect(localePath(c.get('locale'), target), 303);
    }
    return next();
  });
}

export function requirePermission(permission: Permission) {
  const userGuard = requireUser();
  return createMiddleware<AppEnv>(async (c, next) => {
    let passed = false;
    const response = await userGuard(c, async () => {
      passed = true;
    });
    if (!passed) return response ?? c.res;
    if (!can(c.get('auth')!.user.role, permission)) return deny(c, 'forbidden');
    return next();
  });
}

export function currentUser(c: Context<AppEnv>): User {
  const auth = c.get('auth');
  if (!auth) throw new AppError('unauthenticated', 'error.unauthenticated');
  return auth.user;
}
