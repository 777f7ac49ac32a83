import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_MS } from '../../src/modules/events/repo.ts';
import { checkA11y, demo, type E2EServer, launchBrowser, login, startE2EServer } from './browser.ts';

let app: E2EServer;
let browser: Browser;
let office: BrowserContext;
let anonymous: BrowserContext;

beforeAll(async () => {
  app = await startE2EServer();
  browser = await launchBrowser();
  office = await browser.newContext();
  anonymous = await browser.newContext();
  const page = await office.newPage();
  await login(page, app.url, demo.office);
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function withPage<T>(ctx: BrowserContext, fn: (page: Page) => Promise<T>): Promise<T> {
  const page = await ctx.newPage();
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

async function submit(page: Page, label: string): Promise<void> {
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: label, exact: true }).click(),
  ]);
}

/** A person needs a moment to fill a form: the server refuses faster ones. */
const humanPause = () => new Promise((r) => setTimeout(r, MIN_FILL_MS + 300));
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const prefixes = ['', '/en'];

describe('public request forms', () => {
  it.each(prefixes)(
    'speaker page: listed speakers, errors and a sent request, axe-clean (%s)',
    async (prefix) => {
      await withPage(anonymous, async (page) => {
        const en = prefix === '/en';
        const res = await page.goto(`${app.url}${prefix}/referentinnen`);
        expect(res?.status()).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(en ? 'en' : 'de');
        const main = (await page.locator('main').textContent()) ?? '';
        expect(main).toContain('Demo-Referentin Amira Beispiel');
        expect(main).not.toContain('Demo-Referentin Lena Test'); // no consent
        expect(await checkA11y(page)).toEqual([]);

        // a date in the past and neither a place nor "online": readable errors, still accessible
        await page.fill('#f-contact_name', 'Robin Beispiel');
        await page.fill('#f-email', 'robin@example.org');
        await page.fill('#f-group_size', '40');
        await page.fill('#f-event_date', '2020-01-01');
        await humanPause();
        await submit(page, en ? 'Send request' : 'Anfrage senden');
        expect(await page.locator('.error-summary').count()).toBe(1);
        expect(await page.locator('#f-event_date-error').count()).toBe(1);
        expect(await page.locator('#f-place-error').count()).toBe(1);
        expect(await checkA11y(page)).toEqual([]);

        await page.fill('#f-event_date', inDays(40));
        await page.check('#f-online');
        await page.selectOption('#f-topic', 'identification');
        await humanPause();
        await submit(page, en ? 'Send request' : 'Anfrage senden');
        expect(await page.locator('.notice-success').textContent()).toContain(
          en ? 'Thank you' : 'Vielen Dank',
        );
        expect(await checkA11y(page)).toEqual([]);
      });
    },
  );

  it.each(prefixes)(
    'training request form: found from the calendar, sent, axe-clean (%s)',
    async (prefix) => {
      await withPage(anonymous, async (page) => {
        const en = prefix === '/en';
        await page.goto(`${app.url}${prefix}/veranstaltungen`);
        await Promise.all([
          page.waitForURL((u) => u.pathname === `${prefix}/schulungen/anfragen`),
          page
            .getByRole('link', {
              name: en
                ? 'Request a training for your authority or organisation'
                : 'Eine Schulung für Ihre Behörde oder Organisation anfragen',
            })
            .click(),
        ]);
        expect(await checkA11y(page)).toEqual([]);
        await page.fill('#f-organisation', 'Demo-Bundespolizeiinspektion');
        await page.fill('#f-contact_name', 'Kim Beispiel');
        await page.fill('#f-email', 'kim@example.org');
        await page.fill('#f-group_size', '18');
        await humanPause();
        await submit(page, en ? 'Send request' : 'Anfrage senden');
        // no audience and no topic ticked yet
        expect(await page.locator('#f-audiences-error').count()).toBe(1);
        expect(await page.locator('#f-topics-error').count()).toBe(1);
        expect(await checkA11y(page)).toEqual([]);
        await page.getByLabel(en ? 'Federal police' : 'Bundespolizei', { exact: true }).check();
        await page.getByLabel(en ? 'Human trafficking basics' : 'Grundlagen Menschenhandel').check();
        await page.selectOption('#f-land', '11');
        await humanPause();
        await submit(page, en ? 'Send request' : 'Anfrage senden');
        expect(await page.locator('.notice-success').count()).toBe(1);
        expect(await checkA11y(page)).toEqual([]);
      });
    },
  );
});

describe("the office's side", () => {
  it.each(prefixes)('works a training request through to scheduled, axe-clean (%s)', async (prefix) => {
    await withPage(office, async (page) => {
      const en = prefix === '/en';
      await page.goto(`${app.url}${prefix}/konto`);
      await Promise.all([
        page.waitForURL((u) => u.pathname === `${prefix}/verwaltung/schulungsanfragen`),
        page
          .getByRole('link', { name: en ? 'Requests and speakers' : 'Anfragen und Referent*innen' })
          .click(),
      ]);
      expect(await checkA11y(page)).toEqual([]);
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('link', { name: 'Demo-Jobcenter' }).click(),
      ]);
      expect(await checkA11y(page)).toEqual([]);
      await page.fill('#f-note', `Intern (${prefix || 'de'}): Termin mit der Teamleitung abstimmen`);
      await submit(page, en ? 'Save note' : 'Notiz speichern');
      expect(await page.locator('.history').textContent()).toContain(`Intern (${prefix || 'de'})`);
      if (!en) {
        await page.selectOption('#f-status', 'scheduled');
        await page.selectOption('#f-event_id', { index: 1 });
        await page.fill('#f-message', 'Wir freuen uns auf die Schulung.');
        await submit(page, 'Status ändern und E-Mail senden');
        expect(await page.locator('main p strong').first().textContent()).toBe('terminiert');
      } else {
        expect(await page.locator('main p strong').first().textContent()).toBe('scheduled');
      }
      expect(await checkA11y(page)).toEqual([]);
    });
  });

  it.each(prefixes)('ranks the pool for a request and asks a speaker, axe-clean (%s)', async (prefix) => {
    await withPage(office, async (page) => {
      const en = prefix === '/en';
      for (const path of [
        '/verwaltung/vermittlung',
        '/verwaltung/referentinnen',
        '/verwaltung/vermittlung/statistik',
      ]) {
        const res = await page.goto(`${app.url}${prefix}${path}`);
        expect(res?.status(), path).toBe(200);
        expect(await checkA11y(page)).toEqual([]);
      }
      await page.goto(`${app.url}${prefix}/verwaltung/referentinnen`);
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('link', { name: 'Demo-Referent Jonas Muster' }).click(),
      ]);
      expect(await page.inputValue('#f-unavailable')).toMatch(/^\d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}$/);
      expect(await checkA11y(page)).toEqual([]);

      await page.goto(`${app.url}${prefix}/verwaltung/vermittlung`);
      await Promise.all([
        page.waitForEvent('load'),
        page.locator('tbody tr', { hasText: 'Demo-Volkshochschule' }).locator('a').click(),
      ]);
      const rows = page.locator('#f-speakers tbody tr');
      expect(await rows.count()).toBe(5);
      // Köln, labour exploitation, German: Jonas (NRW, the topic) is away that day and comes last
      expect(await rows.last().textContent()).toContain('Demo-Referent Jonas Muster');
      expect(await rows.last().textContent()).toContain(
        en ? 'not available that day' : 'an dem Tag nicht verfügbar',
      );
      expect(await checkA11y(page)).toEqual([]);
      const askedBefore = await page.locator('section[aria-labelledby="proposals-title"] tbody tr').count();
      expect(askedBefore).toBe(en ? 1 : 0);
      // the first not yet asked: the German run asks the best, the English run the next one
      await rows.locator('input[type="checkbox"]').first().check();
      await submit(
        page,
        en ? 'Ask the chosen speakers by e-mail' : 'Ausgewählte Referent*innen per E-Mail anfragen',
      );
      expect(await page.locator('.notice-success').count()).toBe(1);
      expect(await page.locator('section[aria-labelledby="proposals-title"] tbody tr').count()).toBe(
        askedBefore + 1,
      );
      expect(await checkA11y(page)).toEqual([]);
    });
  });
});
