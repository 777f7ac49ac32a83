import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserDirectly } from '../../src/modules/admin/users.ts';
import { verifyAuditChain } from '../../src/platform/audit.ts';
import { hashToken } from '../../src/platform/auth/secrets.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { cookieFrom, createTestApp, csrfFrom, type TestApp, type TestSession } from '../helpers/app.ts';

const de = translator('de');
const PASSWORD = 'ein langes Passwort 4';

describe('account: API tokens, sessions, password, audit', () => {
  let t: TestApp;
  let n = 0;
  /** Every plain secret and address the tests handle: none may show up in the audit log. */
  const secrets: string[] = [PASSWORD];

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function account(email = `konto-${++n}@test.invalid`) {
    secrets.push(email);
    return createUserDirectly(t.database.db, {
      email,
      role: 'board',
      organisationId: null,
      password: PASSWORD,
    });
  }

  async function loginAs(email: string, password = PASSWORD): Promise<TestSession> {
    const res = await t.post('/anmelden', { email, password });
    expect(res.status).toBe(303);
    const cookie = cookieFrom(res)!;
    const page = await t.request('/konto', { headers: { cookie } });
    const user = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    return { user, cookie, csrf: csrfFrom(await page.text()) };
  }

  async function createToken(session: TestSession, name = 'Auswertung') {
    const res = await t.post('/konto/tokens', { name }, session);
    expect(res.status).toBe(201);
    const token = /kok_[\w-]{43}/.exec(await res.text())?.[0];
    expect(token).toBeTruthy();
    secrets.push(token!);
    return token!;
  }

  const api = (path: string, token: string, init: RequestInit = {}) =>
    t.request(path, { ...init, headers: { ...init.headers, authorization: `Bearer ${token}` } });
  const alive = async (cookie: string) => (await t.request('/konto', { headers: { cookie } })).status === 200;
  const idHashOf = (cookie: string) => hashToken(cookie.split('=')[1]!);

  it('creates a token shown once, stores only its hash and accepts it on the API', async () => {
    const user = await account();
    const session = await loginAs(user.email);
    const token = await createToken(session);

    const rows = await t.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const list = await (await t.request('/konto/tokens', { session })).text();
    expect(list).not.toContain(token);
    expect(list).toContain(rows[0]!.prefix);

    const me = await api('/api/v1/me', token);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: user.id, role: 'board', two_factor: false });

    const revoke = await t.post(`/konto/tokens/${rows[0]!.id}/widerrufen`, {}, session);
    expect(revoke.status).toBe(303);
    const after = await api('/api/v1/me', token);
    expect(after.status).toBe(401);
    expect(await after.json()).toEqual({
      error: { code: 'unauthenticated', message: de('error.invalid_token') },
    });
    // revoking twice, or someone else's token, is a 404
    expect((await t.post(`/konto/tokens/${rows[0]!.id}/widerrufen`, {}, session)).status).toBe(404);
  });

  it('refuses garbage tokens and tokens of deactivated accounts', async () => {
    for (const garbage of ['kok_nichtsdavon', 'abc', 'kok_']) {
      const res = await api('/api/v1/me', garbage);
      expect(res.status, garbage).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    }
    expect((await t.request('/api/v1/me', { headers: { authorization: 'Basic Zm9vOmJhcg==' } })).status).toBe(
      401,
    );

    const user = await account();
    const token = await createToken(await loginAs(user.email));
    expect((await api('/api/v1/me', token)).status).toBe(200);
    const admin = await t.sessionFor('admin');
    expect((await t.post(`/verwaltung/konten/${user.id}/deaktivieren`, {}, admin)).status).toBe(303);
    expect((await api('/api/v1/me', token)).status).toBe(401);
  });

  it('accepts bearer tokens only on the API, where they need no CSRF token', async () => {
    const user = await account();
    const session = await loginAs(user.email);
    const token = await createToken(session);
    const html = await api('/konto', token);
    expect(html.status).toBe(303);
    expect(html.headers.get('location')).toBe('/anmelden?next=%2Fkonto');

    // a token request passes the CSRF check (the route itself does not exist: 404, not 403)
    const crossSite = {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    };
    const viaToken = await api('/api/v1/me', token, crossSite);
    expect(viaToken.status).toBe(404);
    // the same request with the session cookie is refused as CSRF
    const viaCookie = await t.request('/api/v1/me', { ...crossSite, session });
    expect(viaCookie.status).toBe(403);
    expect(((await viaCookie.json()) as { error: { code: string } }).error.code).toBe('csrf');
  });

  it('lists the sessions of an account and ends another one', async () => {
    const user = await account();
    const here = await loginAs(user.email);
    const there = await loginAs(user.email);
    const page = await t.request('/konto/sitzungen', { session: here });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(de('account.session_current'));
    expect(html).toContain(`/konto/sitzungen/${idHashOf(there.cookie)}/beenden`);
    expect(html).not.toContain(`/konto/sitzungen/${idHashOf(here.cookie)}/beenden`);

    const end = await t.post(`/konto/sitzungen/${idHashOf(there.cookie)}/beenden`, {}, here);
    expect(end.status).toBe(303);
    expect(await alive(there.cookie)).toBe(false);
    expect(await alive(here.cookie)).toBe(true);

    const stranger = await loginAs((await account()).email);
    const foreign = await t.post(`/konto/sitzungen/${idHashOf(stranger.cookie)}/beenden`, {}, here);
    expect(foreign.status).toBe(404);
    expect(await alive(stranger.cookie)).toBe(true);
    expect((await t.post('/konto/sitzungen/nicht-hex/beenden', {}, here)).status).toBe(404);
  });

  it('changes the password: checks the current one, ends the other sessions', async () => {
    const user = await account();
    const here = await loginAs(user.email);
    const there = await loginAs(user.email);
    const next = 'das neue Passwort 44';
    secrets.push(next);
    const wrong = await t.post(
      '/konto/passwort',
      { current_password: 'falsch-falsch', password: next, password_repeat: next },
      here,
    );
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain(de('account.wrong_password'));
    expect(await alive(there.cookie)).toBe(true);

    const ok = await t.post(
      '/konto/passwort',
      { current_password: PASSWORD, password: next, password_repeat: next },
      here,
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/konto?passwort=1');
    expect(await alive(here.cookie)).toBe(true);
    expect(await alive(there.cookie)).toBe(false);
    expect((await t.post('/anmelden', { email: user.email, password: PASSWORD })).status).toBe(422);
    expect((await t.post('/anmelden', { email: user.email, password: next })).status).toBe(303);
  });

  it('audits every write without secrets or addresses', async () => {
    // self-contained: login, failures, token, logout, password reset, invitation
    const user = await account();
    const session = await loginAs(user.email);
    const token = await createToken(session);
    const tokenRow = await t.database.db
      .selectFrom('api_tokens')
      .select('id')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow();
    expect((await t.post(`/konto/tokens/${tokenRow.id}/widerrufen`, {}, session)).status).toBe(303);
    expect((await t.post('/abmelden', {}, session)).status).toBe(303);
    secrets.push('daneben-daneben', 'gibt-es-nicht@test.invalid');
    expect((await t.post('/anmelden', { email: user.email, password: 'daneben-daneben' })).status).toBe(422);
    expect(
      (await t.post('/anmelden', { email: 'gibt-es-nicht@test.invalid', password: PASSWORD })).status,
    ).toBe(422);

    expect((await t.post('/passwort-vergessen', { email: user.email })).status).toBe(200);
    const mail = await t.database.db
      .selectFrom('mail_outbox')
      .select('body_text')
      .where('to_address', '=', user.email)
      .executeTakeFirstOrThrow();
    const resetLink = /\/passwort-zuruecksetzen\/[\w-]{43}/.exec(mail.body_text)![0];
    const resetPassword = 'zurückgesetzt 12345';
    secrets.push(resetLink.split('/').at(-1)!, resetPassword);
    expect(
      (await t.post(resetLink, { password: resetPassword, password_repeat: resetPassword })).status,
    ).toBe(303);

    const admin = await t.sessionFor('admin');
    secrets.push(admin.user.email, 'eingeladen@test.invalid');
    const invited = await t.post(
      '/verwaltung/konten/einladen',
      { email: 'eingeladen@test.invalid', role: 'board', locale: 'de' },
      admin,
    );
    expect(invited.status).toBe(303);
    const invite = await t.database.db
      .selectFrom('mail_outbox')
      .select('body_text')
      .where('to_address', '=', 'eingeladen@test.invalid')
      .executeTakeFirstOrThrow();
    const inviteLink = /\/einladung\/[\w-]{43}/.exec(invite.body_text)![0];
    secrets.push(inviteLink.split('/').at(-1)!);
    expect(
      (await t.post(inviteLink, { name: 'Eingeladen', password: PASSWORD, password_repeat: PASSWORD }))
        .status,
    ).toBe(200);

    const rows = await t.database.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    const byUser = rows.filter((r) => r.actor_id === user.id).map((r) => r.action);
    expect(byUser).toEqual([
      'auth.login',
      'account.token_created',
      'account.token_revoked',
      'auth.logout',
      'auth.login_failed',
      'auth.password_reset_requested',
      'auth.password_reset',
    ]);
    const byAdmin = rows.filter((r) => r.actor_id === admin.user.id).map((r) => r.action);
    expect(byAdmin).toEqual(['user.invite']);
    expect(rows.at(-1)).toMatchObject({ action: 'user.invitation_accepted', target_type: 'user' });
    expect(
      rows.find((r) => r.action === 'account.token_created' && r.target_id === tokenRow.id),
    ).toBeTruthy();
    const failed = rows.filter((r) => r.action === 'auth.login_failed').map((r) => r.meta);
    expect(failed).toEqual(
      expect.arrayContaining([{ reason: 'wrong_password' }, { reason: 'unknown_account' }]),
    );
    for (const row of rows) {
      const stored = JSON.stringify(row);
      for (const secret of secrets) expect(stored, `${row.action} contains ${secret}`).not.toContain(secret);
    }
    expect(await verifyAuditChain(t.database.db)).toEqual({ ok: true, entries: rows.length });
  });
});
