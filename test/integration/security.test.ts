import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type TestApp, type TestSession } from '../helpers/app.ts';

describe('security baseline', () => {
  let t: TestApp;
  let office: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.sessionFor('office');
  });
  afterAll(() => t.close());

  it('sets the security headers on pages, errors, assets and the API', async () => {
    for (const path of ['/', '/en/kontakt', '/gibt-es-nicht', '/healthz', '/api/v1/pages', '/favicon.svg']) {
      const res = await t.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('sends HSTS when the public address is https', async () => {
    const https = await createTestApp({ env: { KOK_PUBLIC_URL: 'https://kok.example' } });
    try {
      const res = await https.app.request('https://kok.example/');
      expect(res.headers.get('strict-transport-security')).toContain('max-age=');
    } finally {
      await https.close();
    }
  });

  it('publishes security.txt and a health check', async () => {
    const txt = await (await t.request('/.well-known/security.txt')).text();
    expect(txt).toMatch(/^Contact: mailto:/m);
    expect(txt).toMatch(/^Expires: \d{4}-/m);
    const health = await t.request('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('refuses a request body over the upload limit before reading it, with a readable 400', async () => {
    const big = new Uint8Array(28 * 1024 * 1024);
    const res = await t.request('/kontakt/nachricht', {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('höchstens 25 MB');
  });

  it('refuses cross-site form posts and posts without the session token', async () => {
    const crossSite = await t.request('/anmelden', {
      method: 'POST',
      body: new URLSearchParams({ email: 'a@b.de', password: 'x' }),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
      },
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.text()).toContain('Das Formular ist abgelaufen');

    const noToken = await t.request('/konto/tokens', {
      method: 'POST',
      body: new URLSearchParams({ name: 'Test' }),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      session: office,
    });
    expect(noToken.status).toBe(403);
    const wrongToken = await t.post(
      '/konto/tokens',
      { name: 'Test', _csrf: 'falsch' },
      { ...office, csrf: 'falsch' },
    );
    expect(wrongToken.status).toBe(403);
    const rows = await t.database.db
      .selectFrom('api_tokens')
      .select('id')
      .where('user_id', '=', office.user.id)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('answers an unexpected failure with a styled 500 and a reference, and /healthz with 503', async () => {
    const broken = await createTestApp();
    await broken.database.close();
    const page = await broken.app.request(`${ORIGIN}/kontakt`);
    expect(page.status).toBe(500);
    const html = await page.text();
    expect(html).toMatch(/Kennung: [0-9a-f]{8}/);
    expect(html).not.toMatch(/at .*\.ts:\d+/); // no stack trace
    const health = await broken.app.request(`${ORIGIN}/healthz`);
    expect(health.status).toBe(503);
  });
});

describe('bad input never causes a 500 (property tests)', () => {
  let t: TestApp;
  let sessions: TestSession[];
  beforeAll(async () => {
    t = await createTestApp();
    sessions = [
      await t.sessionFor('admin'),
      await t.sessionFor('office'),
      await t.sessionFor('member_admin'),
    ];
  });
  afterAll(() => t.close());

  const paths = [
    '/anmelden',
    '/passwort-vergessen',
    '/konto/passwort',
    '/konto/tokens',
    '/konto/zwei-faktor',
    '/verwaltung/konten/einladen',
    '/verwaltung/organisationen',
    '/verwaltung/einstellungen',
    '/einladung/abc',
    '/passwort-zuruecksetzen/abc',
  ];
  const fields = [
    'email',
    'password',
    'password_repeat',
    'name',
    'slug',
    'role',
    'organisation_id',
    'code',
    'title',
    'phone',
    'quickExitUrl',
    'locale',
    'current_password',
  ];

  it('random form posts get 2xx/3xx/4xx answers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.dictionary(
          fc.constantFrom(...fields),
          fc.oneof(
            fc.string({ maxLength: 300 }),
            fc.string({ unit: 'binary', maxLength: 50 }),
            fc.constant(''),
          ),
        ),
        fc.nat({ max: 3 }),
        fc.boolean(),
        async (path, form, who, english) => {
          const session = who < sessions.length ? sessions[who] : undefined;
          const res = await t.post(english ? `/en${path}` : path, form, session);
          expect(res.status, `${path} ${JSON.stringify(form)}`).toBeLessThan(500);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random paths and query strings get 2xx/3xx/4xx answers', async () => {
    const segment = fc.oneof(
      fc.constantFrom(
        'verwaltung',
        'protokoll',
        'konto',
        'seiten',
        'api',
        'v1',
        'pages',
        'me',
        'en',
        '..',
        '%00',
        '%ZZ',
        'ü',
      ),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { maxLength: 5 }),
        fc.dictionary(
          fc.constantFrom('locale', 'action', 'actor', 'from', 'to', 'before', 'next', 'target'),
          fc.string({ maxLength: 40 }),
        ),
        fc.nat({ max: 3 }),
        async (segments, query, who) => {
          const session = who < sessions.length ? sessions[who] : undefined;
          const path = `/${segments.join('/')}?${new URLSearchParams(query)}`;
          const res = await t.request(path, { session });
          expect(res.status, path).toBeLessThan(500);
          const audit = await t.request(`/verwaltung/protokoll?${new URLSearchParams(query)}`, {
            session: sessions[0],
          });
          expect(audit.status).toBeLessThan(500);
        },
      ),
      { numRuns: 120 },
    );
  });
});
