import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/db/types.ts';
import { createUserDirectly } from '../../src/modules/admin/users.ts';
import { currentStep, totpCode } from '../../src/platform/auth/totp.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { cookieFrom, createTestApp, csrfFrom, type TestApp } from '../helpers/app.ts';

const de = translator('de');
const PASSWORD = 'ein langes Passwort 2';

describe('two-factor authentication', () => {
  let t: TestApp;
  let n = 0;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function account(role: Role) {
    n++;
    return createUserDirectly(t.database.db, {
      email: `mfa-${n}@test.invalid`,
      role,
      organisationId: null,
      password: PASSWORD,
    });
  }

  async function login(email: string) {
    const res = await t.post('/anmelden', { email, password: PASSWORD });
    expect(res.status).toBe(303);
    return { cookie: cookieFrom(res)!, location: res.headers.get('location') };
  }

  const get = (path: string, cookie: string) => t.request(path, { headers: { cookie } });
  const submit = (path: string, form: Record<string, string>, cookie: string, csrf: string) =>
    t.post(path, form, { cookie, csrf, user: undefined as never });

  async function secretOf(userId: string) {
    const row = await t.database.db
      .selectFrom('users')
      .select('totp_secret')
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return row.totp_secret!;
  }

  /** A six-digit code that matches none of the steps the server accepts right now. */
  function wrongCode(secret: string) {
    const step = currentStep();
    const valid = [step - 1, step, step + 1, step + 2].map((s) => totpCode(secret, s));
    for (let i = 0; ; i++) {
      const code = String(i).padStart(6, '0');
      if (!valid.includes(code)) return code;
    }
  }

  /** Logs in an account with 2FA on and enters the code: returns the fully authenticated cookie. */
  async function loginWithCode(email: string, code: string) {
    const { cookie, location } = await login(email);
    expect(location).toBe('/anmelden/code');
    const page = await get('/anmelden/code', cookie);
    expect(page.status).toBe(200);
    const csrf = csrfFrom(await page.text());
    return { res: await submit('/anmelden/code', { code }, cookie, csrf), cookie };
  }

  /** An office account that has completed setup; returns its secret and recovery codes. */
  async function enrolledOffice() {
    const user = await account('office');
    const { cookie } = await login(user.email);
    const page = await get('/konto/zwei-faktor', cookie);
    const csrf = csrfFrom(await page.text());
    const secret = await secretOf(user.id);
    const res = await submit('/konto/zwei-faktor', { code: totpCode(secret, currentStep()) }, cookie, csrf);
    expect(res.status).toBe(200);
    const html = await res.text();
    const codes = [...html.matchAll(/<code>([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
    return { user, secret, codes, html, oldCookie: cookie, newCookie: cookieFrom(res) };
  }

  it('makes an office account set up TOTP before anything else', async () => {
    const user = await account('office');
    const { cookie, location } = await login(user.email);
    expect(location).toBe('/konto/zwei-faktor');
    for (const path of ['/verwaltung/seiten', '/konto', '/konto/tokens']) {
      const res = await get(path, cookie);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe('/konto/zwei-faktor');
    }
    const page = await get('/konto/zwei-faktor', cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<svg');
    const secret = await secretOf(user.id);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(html.replace(/\s/g, '')).toContain(secret);
    expect(html).toContain(de('account.totp_required'));
  });

  it('enables TOTP with a valid code, shows 10 recovery codes and rotates the session', async () => {
    const { user, codes, oldCookie, newCookie } = await enrolledOffice();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(newCookie).toBeTruthy();
    expect(newCookie).not.toBe(oldCookie);
    expect((await get('/verwaltung/seiten', newCookie!)).status).toBe(200);
    expect((await get('/konto', oldCookie)).headers.get('location')).toBe('/anmelden?next=%2Fkonto');
    const row = await t.database.db
      .selectFrom('users')
      .select('totp_enabled_at')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.totp_enabled_at).toBeInstanceOf(Date);
    // only hashes are stored
    const stored = await t.database.db
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(codes[0]!);
  });

  it('refuses a wrong setup code', async () => {
    const user = await account('office');
    const { cookie } = await login(user.email);
    const csrf = csrfFrom(await (await get('/konto/zwei-faktor', cookie)).text());
    const res = await submit(
      '/konto/zwei-faktor',
      { code: wrongCode(await secretOf(user.id)) },
      cookie,
      csrf,
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toContain(de('auth.invalid_code'));
    expect((await get('/verwaltung/seiten', cookie)).status).toBe(303);
  });

  it('asks for the code at the next login, refuses wrong and replayed codes', async () => {
    const { user, secret } = await enrolledOffice();
    const wrong = await loginWithCode(user.email, wrongCode(secret));
    expect(wrong.res.status).toBe(422);
    expect(await wrong.res.text()).toContain(de('auth.invalid_code'));
    expect((await get('/konto', wrong.cookie)).headers.get('location')).toBe('/anmelden/code');

    // the setup used the current step; the next step is still inside the accepted window
    const code = totpCode(secret, currentStep() + 1);
    const ok = await loginWithCode(user.email, code);
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get('location')).toBe('/konto');
    const full = cookieFrom(ok.res)!;
    expect(full).not.toBe(ok.cookie);
    expect((await get('/konto', full)).status).toBe(200);
    expect((await get('/verwaltung/seiten', full)).status).toBe(200);

    const replay = await loginWithCode(user.email, code);
    expect(replay.res.status).toBe(422);
    expect(cookieFrom(replay.res)).toBeNull();
  });

  it('accepts each recovery code once', async () => {
    const { user, codes } = await enrolledOffice();
    const first = await loginWithCode(user.email, codes[3]!.toUpperCase());
    expect(first.res.status).toBe(303);
    expect(first.res.headers.get('location')).toBe('/konto');
    const page = await get('/konto', cookieFrom(first.res)!);
    expect(await page.text()).toContain(de('account.two_factor_on', { codes: 9 }));

    const again = await loginWithCode(user.email, codes[3]!);
    expect(again.res.status).toBe(422);
  });

  it('lets a board account (no 2FA duty) in directly', async () => {
    const user = await account('board');
    const { cookie, location } = await login(user.email);
    expect(location).toBe('/konto');
    expect((await get('/konto', cookie)).status).toBe(200);
  });

  it('refuses the API to a session whose second factor is still pending', async () => {
    const { user } = await enrolledOffice();
    const { cookie, location } = await login(user.email);
    expect(location).toBe('/anmelden/code');
    const res = await get('/api/v1/me', cookie);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toEqual({ code: 'forbidden', message: de('error.mfa_required') });

    const fresh = await account('office');
    const setup = await login(fresh.email);
    expect((await get('/api/v1/me', setup.cookie)).status).toBe(403);
  });
});
