/**
 * The case-law search, the published data report, news, the member register, the board and events in a real browser, German and English: axe-core finds
 * nothing, and the suppressed cells of the report are shown as "< k", never as a number.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, type E2EServer, launchBrowser, startE2EServer } from './browser.ts';

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

describe('case law, data report, news, members and board pages', () => {
  for (const prefix of ['', '/en']) {
    it(`are accessible (${prefix || '/'})`, async () => {
      const page = await browser.newPage();
      try {
        const violations: string[] = [];
        violations.push(...(await check(page, `${prefix}/rechtsprechung`)));
        violations.push(...(await check(page, `${prefix}/rechtsprechung?q=Menschenhandel`)));
        // the first decision in the results (not the feed or alert links next to them)
        const first = await page
          .locator('main a[href*="/rechtsprechung/"]')
          .evaluateAll((links) =>
            links
              .map((a) => a.getAttribute('href') ?? '')
              .find((href) => /\/rechtsprechung\/[0-9a-f-]{36}$/.test(href)),
          );
        expect(first).toBeTruthy();
        violations.push(...(await check(page, first!)));
        violations.push(...(await check(page, `${prefix}/datenbericht`)));
        violations.push(...(await check(page, `${prefix}/datenbericht/2024`)));
        violations.push(...(await check(page, `${prefix}/aktuelles`)));
        const post = await page.locator('main a[href*="/aktuelles/"]').first().getAttribute('href');
        expect(post).toBeTruthy();
        violations.push(...(await check(page, post!)));
        violations.push(...(await check(page, `${prefix}/mitglieder`)));
        const member = await page.locator('main a[href*="/mitglieder/"]').first().getAttribute('href');
        expect(member).toBeTruthy();
        violations.push(...(await check(page, member!)));
        violations.push(...(await check(page, `${prefix}/vorstand`)));
        violations.push(...(await check(page, `${prefix}/veranstaltungen`)));
        const event = await page
          .locator('main a[href*="/veranstaltungen/"]:not([href*="archiv"])')
          .first()
          .getAttribute('href');
        expect(event).toBeTruthy();
        violations.push(...(await check(page, event!)));
        violations.push(...(await check(page, `${prefix}/veranstaltungen/archiv`)));
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('shows suppressed report cells as "< 5" and the legend', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}/datenbericht/2024`);
      const text = (await page.textContent('main')) ?? '';
      expect(text).toContain('< 5');
    } finally {
      await page.close();
    }
  });
});
