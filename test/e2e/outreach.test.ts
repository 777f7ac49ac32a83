/**
 * Newsletter, contact form and donations (public), and the office's messages, newsletter, team and membership
 * fees pages, in a real browser in German and English: axe-core finds nothing; a person can send the contact
 * form and the office reads it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, demo, type E2EServer, launchBrowser, login, startE2EServer } from './browser.ts';

let app: E2EServer;
let browser: Browser;

beforeAll(async () => {
  app = await startE2EServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function check(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(`${app.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return (await checkA11y(page)).map((v) => `${path}: ${v}`);
}

describe('newsletter, contact form, donations and the office side', () => {
  for (const prefix of ['', '/en']) {
    it(`public pages are accessible (${prefix || '/'})`, async () => {
      const page = await browser.newPage();
      try {
        const violations: string[] = [];
        for (const path of ['/newsletter', '/kontakt/nachricht', '/spenden', '/ueber-uns/geschaeftsstelle'])
          violations.push(...(await check(page, `${prefix}${path}`)));
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('a person sends the contact form; errors are shown next to the fields first; the office reads the message', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}/kontakt/nachricht`);
      await page.fill('#f-name', 'Browser Testerin');
      await page.fill('#f-email', 'testerin@example.org');
      await page.fill('#f-subject', 'Frage aus dem Browser');
      await page.fill('#f-message', 'Kurz?');
      // a person needs a few seconds for a form; faster is treated as a bot
      await page.waitForTimeout(3500);
      await page.click('main form button[type="submit"]');
      await expect(page.locator('#f-message-error').textContent()).resolves.toContain(
        'mindestens 10 Zeichen',
      );
      expect(await checkA11y(page)).toEqual([]);
      await page.fill('#f-message', 'Wie kann unsere Stelle Mitglied im KOK werden?');
      await page.waitForTimeout(3500);
      await page.click('main form button[type="submit"]');
      await expect(page.locator('main').textContent()).resolves.toContain('Danke für Ihre Nachricht');

      await login(page, app.url, demo.office);
      const violations: string[] = [];
      violations.push(...(await check(page, '/verwaltung/nachrichten')));
      await expect(page.locator('main').textContent()).resolves.toContain('Frage aus dem Browser');
      for (const path of [
        '/verwaltung/newsletter',
        '/verwaltung/team',
        '/verwaltung/beitraege',
        '/en/verwaltung/beitraege',
      ])
        violations.push(...(await check(page, path)));
      expect(violations).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
