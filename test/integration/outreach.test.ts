import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formStamp } from '../../src/modules/events/repo.ts';
import { purgeOldContactMessages } from '../../src/modules/outreach/contact.ts';
import { purgePendingSubscribers } from '../../src/modules/outreach/newsletter.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { mailText, startSmtpServer } from '../helpers/smtp.ts';

const oldStamp = (t: TestApp) => formStamp(t.database.db, Date.now() - 10_000);

describe('newsletter with double opt-in, contact form, donations', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ mail: smtp.transport });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });
  beforeEach(async () => {
    await t.database.db.deleteFrom('rate_limits').execute();
    smtp.received.length = 0;
  });

  async function mailsTo(address: string) {
    await t.flushMail();
    return smtp.received
      .filter((m) => m.to.includes(address))
      .map((m) => ({ raw: m.raw, text: mailText(m.raw) }));
  }

  const subscribe = async (email: string, locale = 'de') =>
    t.post('/newsletter', { email, locale, website: '', started: await oldStamp(t) });

  async function publishNews(slug: string, locale: 'de' | 'en' = 'de') {
    const row = await t.database.db
      .insertInto('network_news')
      .values({
        slug,
        locale,
        category: 'network',
        title: `Neuigkeit ${slug}`,
        summary: 'Kurz gesagt',
        body_md: 'Der **Text** der Neuigkeit.',
        status: 'published',
        published_at: new Date(Date.now() - 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('subscribes only after the link in the mail is followed; the link works once', async () => {
    const res = await subscribe('Leser@Example.org');
    expect(res.status).toBe(200);
    const mails = await mailsTo('leser@example.org');
    expect(mails).toHaveLength(1);
    const link = /\/newsletter\/bestaetigen\/[A-Za-z0-9_-]+/.exec(mails[0]!.text)![0];
    const pending = await t.database.db.selectFrom('newsletter_subscribers').selectAll().execute();
    expect(pending.map((s) => [s.email, s.status])).toEqual([['leser@example.org', 'pending']]);
    expect((await t.request(link)).status).toBe(200);
    expect((await t.request(link)).status).toBe(404);
    const active = await t.database.db
      .selectFrom('newsletter_subscribers')
      .select('status')
      .executeTakeFirstOrThrow();
    expect(active.status).toBe('active');
    // subscribing again does not reveal anything and sends no second mail to an active subscriber
    smtp.received.length = 0;
    expect((await subscribe('leser@example.org')).status).toBe(200);
    expect(await mailsTo('leser@example.org')).toHaveLength(0);
  });

  it('refuses bad input, bots and fast forms with 422 and a message', async () => {
    const bad = await t.post('/newsletter', { email: 'kein-at', locale: 'de', started: await oldStamp(t) });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('gültige E-Mail-Adresse');
    const bot = await t.post('/newsletter', {
      email: 'a@example.org',
      locale: 'de',
      website: 'x',
      started: await oldStamp(t),
    });
    expect(bot.status).toBe(422);
    const fast = await t.post('/newsletter', {
      email: 'a@example.org',
      locale: 'de',
      started: await formStamp(t.database.db),
    });
    expect(fast.status).toBe(422);
    expect(await fast.text()).toContain('zu schnell abgeschickt');
    const lang = await t.post('/newsletter', {
      email: 'a@example.org',
      locale: 'fr',
      started: await oldStamp(t),
    });
    expect(lang.status).toBe(422);
    expect(
      await t.database.db
        .selectFrom('newsletter_subscribers')
        .select('id')
        .where('email', '=', 'a@example.org')
        .execute(),
    ).toEqual([]);
  });

  it('sends a published post once to the confirmed subscribers of its language, each with an unsubscribe link', async () => {
    await t.database.db.deleteFrom('newsletter_subscribers').execute();
    await t.database.db
      .insertInto('newsletter_subscribers')
      .values([
        {
          email: 'de1@example.org',
          locale: 'de',
          status: 'active',
          unsubscribe_token: 'de1-token-aaaaaaaaaaaaaaaaaaaa',
        },
        {
          email: 'de2@example.org',
          locale: 'de',
          status: 'active',
          unsubscribe_token: 'de2-token-aaaaaaaaaaaaaaaaaaaa',
        },
        {
          email: 'pending@example.org',
          locale: 'de',
          status: 'pending',
          unsubscribe_token: 'pen-token-aaaaaaaaaaaaaaaaaaaa',
        },
        {
          email: 'en1@example.org',
          locale: 'en',
          status: 'active',
          unsubscribe_token: 'en1-token-aaaaaaaaaaaaaaaaaaaa',
        },
      ])
      .execute();
    const id = await publishNews('newsletter-test');
    const office = await t.sessionFor('office');
    const page = await t.request('/verwaltung/newsletter', { session: office });
    expect(await page.text()).toContain('2 auf Deutsch, 1 auf Englisch; 1 unbestätigt');
    const sent = await t.post(`/verwaltung/newsletter/${id}/senden`, {}, office);
    expect(sent.status).toBe(200);
    expect(await sent.text()).toContain('an 2 Abonnent*innen');
    const de1 = await mailsTo('de1@example.org');
    expect(de1).toHaveLength(1);
    expect(de1[0]!.raw).toMatch(/List-Unsubscribe:\s+<http/);
    expect(de1[0]!.raw).not.toMatch(/<img|\.gif/);
    expect(de1[0]!.text).toContain('/newsletter/abmelden/de1-token-aaaaaaaaaaaaaaaaaaaa');
    expect(
      smtp.received.some((m) => m.to.includes('en1@example.org') || m.to.includes('pending@example.org')),
    ).toBe(false);
    // a second send of the same post is refused
    expect((await t.post(`/verwaltung/newsletter/${id}/senden`, {}, office)).status).toBe(409);
    // a draft cannot be sent
    const draft = await t.database.db
      .insertInto('network_news')
      .values({
        slug: 'entwurf',
        locale: 'de',
        category: 'network',
        title: 'Entwurf',
        body_md: 'x',
        status: 'draft',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await t.post(`/verwaltung/newsletter/${draft.id}/senden`, {}, office)).status).toBe(409);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'newsletter.send')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('unsubscribes with the link from the mail (also one-click POST) and deletes the address', async () => {
    await t.database.db
      .insertInto('newsletter_subscribers')
      .values({
        email: 'weg@example.org',
        locale: 'de',
        status: 'active',
        unsubscribe_token: 'weg-token-aaaaaaaaaaaaaaaaaaaa',
      })
      .execute();
    const confirmPage = await t.request('/newsletter/abmelden/weg-token-aaaaaaaaaaaaaaaaaaaa');
    expect(await confirmPage.text()).toContain('weg@example.org');
    const res = await t.post('/newsletter/abmelden/weg-token-aaaaaaaaaaaaaaaaaaaa', {});
    expect(res.status).toBe(200);
    expect(
      await t.database.db
        .selectFrom('newsletter_subscribers')
        .select('id')
        .where('email', '=', 'weg@example.org')
        .execute(),
    ).toEqual([]);
    expect((await t.post('/newsletter/abmelden/weg-token-aaaaaaaaaaaaaaaaaaaa', {})).status).toBe(404);
    expect((await t.request('/newsletter/abmelden/%3Cscript%3E')).status).toBe(404);
  });

  it('forgets unconfirmed addresses after a week', async () => {
    await t.database.db
      .insertInto('newsletter_subscribers')
      .values({
        email: 'alt@example.org',
        locale: 'de',
        unsubscribe_token: 'alt-token-aaaaaaaaaaaaaaaaaaaa',
        created_at: new Date(Date.now() - 8 * 86_400_000),
      })
      .execute();
    await purgePendingSubscribers(t.database.db);
    expect(
      await t.database.db
        .selectFrom('newsletter_subscribers')
        .select('id')
        .where('email', '=', 'alt@example.org')
        .execute(),
    ).toEqual([]);
  });

  it('stores a contact message and mails it to the office address; the office closes it', async () => {
    const message = {
      name: 'Maria Beispiel',
      email: 'maria@example.org',
      subject: 'Frage zu Schulungen',
      message: 'Wir möchten eine Schulung für unser Jugendamt anfragen.',
      website: '',
      started: await oldStamp(t),
    };
    const res = await t.post('/kontakt/nachricht', message);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Danke für Ihre Nachricht');
    const stored = await t.database.db.selectFrom('contact_messages').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ name: 'Maria Beispiel', status: 'new', locale: 'de' });
    const office = await mailsTo('info@kok-buero.de');
    expect(office).toHaveLength(1);
    expect(office[0]!.raw).toMatch(/Reply-To: maria@example\.org/i);
    expect(office[0]!.text).toContain('Jugendamt');
    const session = await t.sessionFor('office');
    const list = await t.request('/verwaltung/nachrichten', { session });
    expect(await list.text()).toContain('Frage zu Schulungen');
    const done = await t.post(`/verwaltung/nachrichten/${stored[0]!.id}/erledigt`, {}, session);
    expect(done.status).toBe(303);
    const after = await t.database.db
      .selectFrom('contact_messages')
      .select('status')
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('done');
  });

  it('validates the contact form and limits it per address', async () => {
    const empty = await t.post('/kontakt/nachricht', {
      name: '',
      email: 'x',
      subject: '',
      message: 'kurz',
      started: await oldStamp(t),
    });
    expect(empty.status).toBe(422);
    const body = await empty.text();
    expect(body).toContain('Bitte füllen Sie dieses Feld aus.');
    expect(body).toContain('mindestens 10 Zeichen');
    const ok = async () =>
      t.post('/kontakt/nachricht', {
        name: 'A',
        email: 'viel@example.org',
        subject: 'S',
        message: 'Eine lange genug Nachricht.',
        started: await oldStamp(t),
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ok()).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses[5]).toBe(429);
  });

  it('forgets contact messages after twelve months', async () => {
    await t.database.db
      .insertInto('contact_messages')
      .values({
        name: 'Alt',
        email: 'alt@example.org',
        subject: 'Alt',
        message: 'Eine alte Nachricht',
        locale: 'de',
        created_at: new Date(Date.now() - 400 * 86_400_000),
      })
      .execute();
    await purgeOldContactMessages(t.database.db);
    expect(
      await t.database.db.selectFrom('contact_messages').select('id').where('name', '=', 'Alt').execute(),
    ).toEqual([]);
  });

  it('shows the bank details on the donations page once the office has entered them', async () => {
    expect(await (await t.request('/spenden')).text()).toContain(
      'sobald die Geschäftsstelle sie eingetragen hat',
    );
    const admin = await t.sessionFor('admin');
    const settings = await t.request('/verwaltung/einstellungen', { session: admin });
    const html = await settings.text();
    const values: Record<string, string> = {};
    for (const m of html.matchAll(/name="([A-Za-z]+)"[^>]*value="([^"]*)"/g))
      values[m[1]!] = m[2]!.replace(/&amp;/g, '&');
    const bad = await t.post('/verwaltung/einstellungen', { ...values, donationIban: 'keine IBAN' }, admin);
    expect(bad.status).toBe(422);
    const saved = await t.post(
      '/verwaltung/einstellungen',
      {
        ...values,
        donationIban: 'de02 1005 0000 0123 4567 89',
        donationBic: 'BELADEBEXXX',
        donationBank: 'Berliner Sparkasse',
      },
      admin,
    );
    expect(saved.status).toBeLessThan(400);
    await new Promise((r) => setTimeout(r, 5100)); // the site settings are cached for five seconds
    const page = await (await t.request('/en/spenden')).text();
    expect(page).toContain('DE02 1005 0000 0123 4567 89');
    expect(page).toContain('Berliner Sparkasse');
  });
});
