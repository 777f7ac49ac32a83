import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/types.ts';
import { createUserDirectly } from '../../src/modules/admin/users.ts';
import { hashToken } from '../../src/platform/auth/secrets.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { cookieFrom, createTestApp, csrfFrom, type TestApp, type TestSession } from '../helpers/app.ts';

const de = translator('de');
const en = translator('en');
const PASSWORD = 'ein langes Passwort 1';

describe('login and sessions', () => {
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A fresh account with a password; board accounts need no second factor. */
  async function account(role: Role = 'board') {
    n++;
    return createUserDirectly(t.database.db, {
      email: `login-${n}@test.invalid`,
      role,
      organisationId: null,
      password: PASSWORD,
    });
  }

  /** Logs in through the form and returns a browser session (cookie + CSRF token read from /konto). */
  async function loginAs(email: string, password = PASSWORD): Promise<TestSession> {
    const res = await t.post('/anmelden', { email, password });
    expect(res.status).toBe(303);
    const cookie = cookieFrom(res)!;
    const page = await t.request('/konto', { headers: { cookie } });
    expect(page.status).toBe(200);
    const user = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return { user, cookie, csrf: csrfFrom(await page.text()) };
  }

  const kontoStatus = async (cookie: string) => {
    const res = await t.request('/konto', { headers: { cookie } });
    return { status: res.status, location: res.headers.get('location') };
  };
  const loggedOut = { status: 303, location: '/anmelden?next=%2Fkonto' };

  it('logs in and sets a hardened session cookie', async () => {
    const user = await account();
    const res = await t.post('/anmelden', { email: user.email, password: PASSWORD });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/konto');
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^kok_session=[\w-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).not.toContain('Secure');
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(await kontoStatus(cookieFrom(res)!)).toEqual({ status: 200, location: null });
  });

  it('uses a __Host- cookie with Secure and sends HSTS behind https', async () => {
    const https = await createTestApp({ env: { KOK_PUBLIC_URL: 'https://kok.example' } });
    try {
      await createUserDirectly(https.database.db, {
        email: 'secure@test.invalid',
        role: 'board',
        organisationId: null,
        password: PASSWORD,
      });
      const res = await https.app.request('https://kok.example/anmelden', {
        method: 'POST',
        body: new URLSearchParams({ email: 'secure@test.invalid', password: PASSWORD }),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://kok.example',
          'sec-fetch-site': 'same-origin',
        },
      });
      expect(res.status).toBe(303);
      const setCookie = res.headers.get('set-cookie')!;
      expect(setCookie).toMatch(/^__Host-kok_session=[\w-]{43};/);
      expect(setCookie).toContain('Secure');
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('Path=/');
      expect(setCookie).not.toContain('Domain=');
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      const konto = await https.app.request('https://kok.example/konto', {
        headers: { cookie: cookieFrom(res)! },
      });
      expect(konto.status).toBe(200);
    } finally {
      await https.close();
    }
  });

  it('refuses a wrong password, an unknown address and a deactivated account with the same message', async () => {
    const user = await account();
    const inactive = await account();
    await t.database.db.updateTable('users').set({ active: false }).where('id', '=', inactive.id).execute();
    const attempts = [
      { email: user.email, password: 'falsches Passwort 123' },
      { email: 'niemand@test.invalid', password: PASSWORD },
      { email: inactive.email, password: PASSWORD },
    ];
    for (const attempt of attempts) {
      const res = await t.post('/anmelden', attempt);
      expect(res.status).toBe(422);
      expect(cookieFrom(res)).toBeNull();
      expect(await res.text()).toContain(de('auth.invalid_credentials'));
    }
  });

  it('answers in English under /en', async () => {
    const res = await t.post('/en/anmelden', { email: 'niemand@test.invalid', password: 'whatever' });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain(en('auth.invalid_credentials'));
    expect(html).not.toContain(de('auth.invalid_credentials'));
  });

  it('locks an account after 10 failed attempts, even for the right password', async () => {
    const user = await account();
    // the counter is a 15-minute fixed window: do not start right before it rolls over
    const left = 900_000 - (Date.now() % 900_000);
    if (left < 5000) await new Promise((r) => setTimeout(r, left + 100));
    for (let i = 0; i < 10; i++) {
      expect((await t.post('/anmelden', { email: user.email, password: `falsch-${i}-xxxxxxx` })).status).toBe(
        422,
      );
    }
    const res = await t.post('/anmelden', { email: user.email, password: PASSWORD });
    expect(res.status).toBe(429);
    expect(cookieFrom(res)).toBeNull();
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(await res.text()).toContain(de('error.rate_limited', { minutes: retryAfter / 60 }));
    // another account is not affected
    const other = await account();
    expect((await t.post('/anmelden', { email: other.email, password: PASSWORD })).status).toBe(303);
  });

  it('issues a new session id on login and ends it on logout', async () => {
    const user = await account();
    const first = await loginAs(user.email);
    // logging in again from the same browser yields a different id
    const res = await t.post('/anmelden', { email: user.email, password: PASSWORD }, first);
    expect(res.status).toBe(303);
    const second = cookieFrom(res)!;
    expect(second).not.toBe(first.cookie);
    // a session id planted by someone else is never adopted
    const planted = await t.request('/anmelden', {
      method: 'POST',
      body: new URLSearchParams({ email: user.email, password: PASSWORD }),
      headers: {
        cookie: 'kok_session=planted-by-attacker',
        'content-type': 'application/x-www-form-urlencoded',
      },
    });
    expect(planted.status).toBe(303);
    // the stale cookie is cleared first, then the new session is set (a browser applies them in order)
    const [cleared, fresh] = planted.headers.getSetCookie();
    expect(cleared).toMatch(/^kok_session=;/);
    expect(fresh).toMatch(/^kok_session=[\w-]{43};/);

    const logout = await t.post('/abmelden', {}, first);
    expect(logout.status).toBe(303);
    expect(logout.headers.get('location')).toBe('/anmelden?abgemeldet=1');
    expect(cookieFrom(logout)).toBeNull();
    expect(await kontoStatus(first.cookie)).toEqual(loggedOut);
    expect(await kontoStatus(second)).toEqual({ status: 200, location: null });
  });

  it('refuses logout without the CSRF token', async () => {
    const user = await account();
    const session = await loginAs(user.email);
    const res = await t.post('/abmelden', {}, { ...session, csrf: 'wrong' });
    expect(res.status).toBe(403);
    expect(await kontoStatus(session.cookie)).toEqual({ status: 200, location: null });
  });

  it('treats a session idle for longer than SESSION_IDLE_MINUTES as anonymous', async () => {
    const user = await account();
    const session = await loginAs(user.email);
    const idHash = hashToken(session.cookie.split('=')[1]!);
    const idle = new Date(Date.now() - (t.config.SESSION_IDLE_MINUTES + 1) * 60_000);
    await t.database.db
      .updateTable('sessions')
      .set({ last_seen_at: idle })
      .where('id_hash', '=', idHash)
      .execute();
    expect(await kontoStatus(session.cookie)).toEqual(loggedOut);
    const row = await t.database.db
      .selectFrom('sessions')
      .select('id_hash')
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    expect(row).toBeUndefined();
  });

  it('ends all sessions of an account whose role an administrator changes', async () => {
    const user = await account('board');
    const session = await loginAs(user.email);
    const admin = await t.sessionFor('admin');
    const res = await t.post(`/verwaltung/konten/${user.id}/rolle`, { role: 'office' }, admin);
    expect(res.status).toBe(303);
    const row = await t.database.db
      .selectFrom('users')
      .select('role')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.role).toBe('office');
    expect(await kontoStatus(session.cookie)).toEqual(loggedOut);
  });

  it('follows only local paths after login (no open redirect)', async () => {
    const user = await account();
    const target = async (next: string) => {
      const res = await t.post('/anmelden', { email: user.email, password: PASSWORD, next });
      expect(res.status).toBe(303);
      return res.headers.get('location');
    };
    expect(await target('/konto/tokens')).toBe('/konto/tokens');
    expect(await target('//evil.example')).toBe('/konto');
    expect(await target('https://evil.example')).toBe('/konto');
    expect(await target('/\\evil.example')).toBe('/konto');
    const form = await t.request(`/anmelden?next=${encodeURIComponent('//evil.example')}`);
    expect(await form.text()).not.toContain('evil.example');
  });
});
