import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserDirectly } from '../../src/modules/admin/users.ts';
import { translator } from '../../src/platform/i18n/index.ts';
import { cookieFrom, createTestApp, type TestApp } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';

const de = translator('de');
const PASSWORD = 'ein langes Passwort 3';
const NEW_PASSWORD = 'ein ganz neues Passwort 3';

describe('mails: forgotten password and invitations', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let orgA: string;
  let orgB: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ mail: smtp.transport });
    const insert = (slug: string) =>
      t.database.db
        .insertInto('organisations')
        .values({ slug, name: `Org ${slug}` })
        .returning('id')
        .executeTakeFirstOrThrow();
    orgA = (await insert('org-a')).id;
    orgB = (await insert('org-b')).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const login = (email: string, password: string) => t.post('/anmelden', { email, password });
  const kontoStatus = async (cookie: string) => (await t.request('/konto', { headers: { cookie } })).status;
  /** The mails the SMTP server received for one address, after the queue ran. */
  async function mailsTo(address: string) {
    await t.flushMail();
    return smtp.received.filter((m) => m.to.includes(address)).map((m) => mailText(m.raw));
  }
  const linkIn = (text: string, prefix: string) => new RegExp(`${prefix}/([\\w-]{43})`).exec(text)?.[0];
  /** The visible text of the page's main content (no tokens or ids from the layout). */
  const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1];

  it('sends a reset link only to existing accounts, answering the same either way', async () => {
    const user = await createUserDirectly(t.database.db, {
      email: 'reset@test.invalid',
      role: 'board',
      organisationId: null,
      password: PASSWORD,
    });
    const sessions = [
      cookieFrom(await login(user.email, PASSWORD))!,
      cookieFrom(await login(user.email, PASSWORD))!,
    ];

    const known = await t.post('/passwort-vergessen', { email: user.email });
    const unknown = await t.post('/passwort-vergessen', { email: 'unbekannt@test.invalid' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const knownHtml = await known.text();
    expect(mainOf(knownHtml)).toContain(de('auth.forgot_sent'));
    expect(mainOf(knownHtml)).toBe(mainOf(await unknown.text()));

    const mails = await mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(await mailsTo('unbekannt@test.invalid')).toHaveLength(0);
    expect(mails[0]).toMatch(/^Subject: .*Neues_Passwort/m);
    const link = linkIn(mails[0]!, '/passwort-zuruecksetzen');
    expect(link).toBeTruthy();
    expect(mails[0]).toContain(`${t.config.publicUrl}${link}`);

    expect((await t.request(link!)).status).toBe(200);
    const mismatch = await t.post(link!, { password: NEW_PASSWORD, password_repeat: 'etwas anderes 12345' });
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain(de('validation.password_mismatch'));
    const tooShort = await t.post(link!, { password: 'kurz', password_repeat: 'kurz' });
    expect(tooShort.status).toBe(422);

    const done = await t.post(link!, { password: NEW_PASSWORD, password_repeat: NEW_PASSWORD });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/anmelden?passwort=1');

    for (const cookie of sessions) expect(await kontoStatus(cookie)).toBe(303);
    expect((await login(user.email, PASSWORD)).status).toBe(422);
    const fresh = await login(user.email, NEW_PASSWORD);
    expect(fresh.status).toBe(303);
    expect(await kontoStatus(cookieFrom(fresh)!)).toBe(200);

    expect((await t.request(link!)).status).toBe(404);
    const reuse = await t.post(link!, {
      password: 'noch ein Passwort 333',
      password_repeat: 'noch ein Passwort 333',
    });
    expect(reuse.status).toBe(404);
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(303);
  });

  it('limits reset requests per address to 3 an hour', async () => {
    const left = 3_600_000 - (Date.now() % 3_600_000);
    if (left < 5000) await new Promise((r) => setTimeout(r, left + 100));
    const email = 'viele-anfragen@test.invalid';
    for (let i = 0; i < 3; i++) expect((await t.post('/passwort-vergessen', { email })).status).toBe(200);
    const res = await t.post('/passwort-vergessen', { email });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.text()).toContain(de('error.title_429'));
    // a different address is unaffected
    expect((await t.post('/passwort-vergessen', { email: 'andere@test.invalid' })).status).toBe(200);
  });

  it('invites a member by mail; the invitation creates the account once', async () => {
    const admin = await t.sessionFor('admin');
    const email = 'neu@test.invalid';
    const res = await t.post(
      '/verwaltung/konten/einladen',
      { email, role: 'member', organisation_id: orgA, locale: 'de' },
      admin,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/verwaltung/konten?eingeladen=1');

    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    const link = linkIn(mails[0]!, '/einladung');
    expect(link).toBeTruthy();
    expect(mails[0]).toContain(de('role.member'));

    const form = await t.request(link!);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('name="password_repeat"');
    const password = 'mein Einladungspasswort';
    const accepted = await t.post(link!, { name: 'Neue Person', password, password_repeat: password });
    expect(accepted.status).toBe(200);
    expect(await accepted.text()).toContain(de('auth.invitation_done_title'));

    const user = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'member', organisation_id: orgA, name: 'Neue Person', active: true });

    expect((await t.request(link!)).status).toBe(404);
    const again = await t.post(link!, {
      name: 'Jemand Anderes',
      password: 'ein anderes Passwort',
      password_repeat: 'ein anderes Passwort',
    });
    expect(again.status).toBe(404);

    // members can open case records, so the first login leads to the 2FA setup
    const first = await login(email, password);
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe('/konto/zwei-faktor');
  });

  it('validates invitations and keeps member_admins inside their organisation', async () => {
    const admin = await t.sessionFor('admin');
    const taken = await t.post(
      '/verwaltung/konten/einladen',
      { email: admin.user.email, role: 'board', locale: 'de' },
      admin,
    );
    expect(taken.status).toBe(422);
    expect(await taken.text()).toContain(de('admin.email_taken'));
    const noOrg = await t.post(
      '/verwaltung/konten/einladen',
      { email: 'ohne-org@test.invalid', role: 'member', locale: 'de' },
      admin,
    );
    expect(noOrg.status).toBe(422);
    expect(await noOrg.text()).toContain(de('admin.organisation_required'));

    const lead = await t.sessionFor('member_admin', { organisationId: orgA });
    const ok = await t.post(
      '/verwaltung/konten/einladen',
      { email: 'kollegin@test.invalid', role: 'member', organisation_id: orgB, locale: 'de' },
      lead,
    );
    expect(ok.status).toBe(303);
    const invitation = await t.database.db
      .selectFrom('invitations')
      .selectAll()
      .where('email', '=', 'kollegin@test.invalid')
      .executeTakeFirstOrThrow();
    expect(invitation.organisation_id).toBe(orgA);

    for (const role of ['admin', 'office', 'board']) {
      const res = await t.post(
        '/verwaltung/konten/einladen',
        { email: `${role}-x@test.invalid`, role, locale: 'de' },
        lead,
      );
      expect(res.status, role).toBe(422);
      expect(await res.text()).toContain(de('admin.role_not_allowed'));
    }
    const count = await t.database.db
      .selectFrom('invitations')
      .select('email')
      .where('email', 'like', '%-x@test.invalid')
      .execute();
    expect(count).toHaveLength(0);

    const board = await t.sessionFor('board');
    expect((await t.request('/verwaltung/konten', { session: board })).status).toBe(403);
    const post = await t.post(
      '/verwaltung/konten/einladen',
      { email: 'x@test.invalid', role: 'member', organisation_id: orgA, locale: 'de' },
      board,
    );
    expect(post.status).toBe(403);
  });
});

describe('mails without SMTP', () => {
  it('writes queued mails as .eml files and lists them in the outbox', async () => {
    const t = await createTestApp();
    try {
      await createUserDirectly(t.database.db, {
        email: 'outbox@test.invalid',
        role: 'board',
        organisationId: null,
        password: PASSWORD,
      });
      expect((await t.post('/passwort-vergessen', { email: 'outbox@test.invalid' })).status).toBe(200);
      await t.flushMail();

      const dir = path.join(t.config.DATA_DIR, 'outbox');
      const files = fs.readdirSync(dir).filter((f) => f.endsWith('.eml'));
      expect(files).toHaveLength(1);
      const eml = mailText(fs.readFileSync(path.join(dir, files[0]!), 'utf8'));
      expect(eml).toContain('To: outbox@test.invalid');
      expect(eml).toMatch(/\/passwort-zuruecksetzen\/[\w-]{43}/);

      const admin = await t.sessionFor('admin');
      const list = await t.request('/verwaltung/postausgang', { session: admin });
      expect(list.status).toBe(200);
      const html = await list.text();
      expect(html).toContain('outbox@test.invalid');
      expect(html).toContain(de('admin.mail_status_sent'));
      const id = /\/verwaltung\/postausgang\/([0-9a-f-]{36})/.exec(html)?.[1];
      expect(id).toBeTruthy();
      const mail = await t.request(`/verwaltung/postausgang/${id}`, { session: admin });
      expect(mail.status).toBe(200);
      expect(await mail.text()).toMatch(/\/passwort-zuruecksetzen\/[\w-]{43}/);

      const board = await t.sessionFor('board');
      expect((await t.request('/verwaltung/postausgang', { session: board })).status).toBe(403);
    } finally {
      await t.close();
    }
  });
});
