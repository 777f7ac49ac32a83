import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../../src/platform/files/pdf-text.ts';
import { checkA11y, demo, type E2EServer, launchBrowser, login, startE2EServer } from './browser.ts';

let app: E2EServer;
let browser: Browser;
let visitor: BrowserContext;
let office: BrowserContext;

beforeAll(async () => {
  app = await startE2EServer();
  browser = await launchBrowser();
  visitor = await browser.newContext();
  office = await browser.newContext({ acceptDownloads: true });
  const page = await office.newPage();
  await login(page, app.url, demo.office);
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const TITLE = 'Demo-Schulung: Menschenhandel erkennen und ansprechen';

async function eventId(): Promise<string> {
  const row = await app.server.database.db
    .selectFrom('events')
    .select('id')
    .where('title', '=', TITLE)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The newest link of a kind in the mails queued for an address. */
async function linkFor(email: string, pattern: RegExp): Promise<string> {
  const mails = await app.server.database.db
    .selectFrom('mail_outbox')
    .select('body_text')
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .execute();
  for (const m of mails) {
    const found = pattern.exec(m.body_text);
    if (found) return new URL(found[0]).pathname;
  }
  throw new Error(`no link ${pattern} for ${email}`);
}

async function submit(page: Page, name: string | RegExp): Promise<void> {
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name }).click()]);
}

async function registerAs(prefix: '' | '/en', name: string, email: string) {
  const page = await visitor.newPage();
  try {
    await page.goto(`${app.url}${prefix}/veranstaltungen`);
    expect(await checkA11y(page)).toEqual([]);
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: TITLE }).click()]);
    expect(await page.locator('main h1').textContent()).toBe(TITLE);
    expect(await checkA11y(page)).toEqual([]);
    await page.locator('#f-name').fill(name);
    await page.locator('#f-email').fill(email);
    // a person takes a few seconds; the form refuses anything faster
    await page.waitForTimeout(3200);
    await submit(page, prefix ? 'Register' : 'Anmelden');
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain(prefix ? 'Almost done' : 'Fast geschafft');
    expect(await checkA11y(page)).toEqual([]);

    await page.goto(`${app.url}${await linkFor(email, /http\S+\/veranstaltungen\/bestaetigen\/[\w-]+/)}`);
    expect(await checkA11y(page)).toEqual([]);
    await submit(page, prefix ? 'Confirm my registration now' : 'Anmeldung jetzt bestätigen');
    expect(await page.locator('main').textContent()).toContain(
      prefix ? 'Your registration is confirmed' : 'Ihre Anmeldung ist bestätigt',
    );
    expect(await checkA11y(page)).toEqual([]);
  } finally {
    await page.close();
  }
}

describe('events in the browser', () => {
  it('lets a person register and confirm, in German and in English', async () => {
    await registerAs('', 'Alex Beispiel', 'alex@example.org');
    await registerAs('/en', 'Sam Example', 'sam@example.org');
    const rows = await app.server.database.db
      .selectFrom('event_registrations')
      .select(['name', 'status', 'locale'])
      .where('event_id', '=', await eventId())
      .orderBy('name')
      .execute();
    expect(rows).toEqual([
      { name: 'Alex Beispiel', status: 'confirmed', locale: 'de' },
      { name: 'Sam Example', status: 'confirmed', locale: 'en' },
    ]);
  });

  it('lets the office mark attendance, download certificates and ask for feedback', async () => {
    const id = await eventId();
    // the training took place: move it into the past
    await app.server.database.db
      .updateTable('events')
      .set({ starts_at: new Date(Date.now() - 5 * 3600_000), ends_at: new Date(Date.now() - 3600_000) })
      .where('id', '=', id)
      .execute();
    const page = await office.newPage();
    try {
      await page.goto(`${app.url}/verwaltung/veranstaltungen/${id}/teilnehmende`);
      expect(await checkA11y(page)).toEqual([]);
      await page.getByLabel('Alex Beispiel hat teilgenommen').check();
      await submit(page, 'Anwesenheit speichern');
      expect(await page.locator('main').textContent()).toContain('Anwesenheit gespeichert: 1');
      expect(await page.getByLabel('Alex Beispiel hat teilgenommen').isChecked()).toBe(true);
      expect(await page.getByLabel('Sam Example hat teilgenommen').isChecked()).toBe(false);
      expect(await checkA11y(page)).toEqual([]);

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Teilnahmebescheinigungen aller Anwesenden (PDF)' }).click(),
      ]);
      const text = (await extractPdfText(fs.readFileSync((await download.path())!))).pages;
      expect(text).toHaveLength(1);
      expect(text[0]).toContain('Alex Beispiel');
      expect(text[0]).toContain(TITLE);
      expect(text.join('\n')).not.toContain('Sam Example');

      await submit(page, 'Bitte um Rückmeldung und Unterlagen-Link an Anwesende senden');
      expect(await page.locator('main').textContent()).toContain('1 E-Mail(s) verschickt');

      await page.goto(`${app.url}/verwaltung/veranstaltungen/${id}/unterlagen`);
      expect(await checkA11y(page)).toEqual([]);
    } finally {
      await page.close();
    }

    // the attendee answers the feedback form and opens the personal materials page
    const person = await visitor.newPage();
    try {
      await person.goto(
        `${app.url}${await linkFor('alex@example.org', /http\S+\/veranstaltungen\/feedback\/[\w-]+/)}`,
      );
      expect(await checkA11y(person)).toEqual([]);
      await person
        .getByRole('group', { name: 'Wie bewerten Sie die Veranstaltung insgesamt?' })
        .getByLabel('5')
        .check();
      await person
        .getByLabel('Was möchten Sie uns noch mitteilen? (freiwillig)')
        .fill('Sehr gut vorbereitet.');
      await person.waitForTimeout(3200);
      await submit(person, 'Rückmeldung senden');
      expect(await person.locator('main').textContent()).toContain('Vielen Dank');
      await person.goto(
        `${app.url}${await linkFor('alex@example.org', /http\S+\/veranstaltungen\/teilnahme\/[\w-]+/)}`,
      );
      expect(await checkA11y(person)).toEqual([]);
      await person.goto(`${app.url}/en/veranstaltungen/archiv`);
      expect(await checkA11y(person)).toEqual([]);
    } finally {
      await person.close();
    }

    const summary = await office.newPage();
    try {
      await summary.goto(`${app.url}/verwaltung/veranstaltungen/${id}/feedback`);
      expect(await summary.locator('main').textContent()).toContain('Sehr gut vorbereitet.');
      expect(await summary.locator('main').textContent()).not.toContain('Alex');
      expect(await checkA11y(summary)).toEqual([]);
      await summary.goto(`${app.url}/en/verwaltung/veranstaltungen/${id}/teilnehmende`);
      expect(await checkA11y(summary)).toEqual([]);
    } finally {
      await summary.close();
    }
  });

  it('shows the past demo event with its public handout, German and English', async () => {
    const past = await app.server.database.db
      .selectFrom('events')
      .select('id')
      .where('title', 'like', 'Demo-Praxistag%')
      .executeTakeFirstOrThrow();
    const page = await visitor.newPage();
    try {
      for (const prefix of ['', '/en']) {
        await page.goto(`${app.url}${prefix}/veranstaltungen/${past.id}`);
        expect(await page.getByRole('link', { name: 'Demo-Handout: Ablauf und Ergebnisse' }).count()).toBe(1);
        expect(await page.locator('main').textContent()).not.toContain('Demo-Folien');
        expect(await checkA11y(page)).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });
});
