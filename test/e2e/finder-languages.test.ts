/**
 * The finder in each of its twelve languages in a real browser: the right `lang` and writing direction (Arabic
 * right to left), texts in that language, and axe-core without a single violation on the start page, a result page
 * and a detail page.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finderLocales } from '../../src/platform/i18n/index.ts';
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

const prefix = (locale: string) => (locale === 'de' ? '' : `/${locale}`);

describe('the finder in every language', () => {
  for (const locale of finderLocales) {
    it(`${locale}: start, results and detail page are accessible and in ${locale}`, async () => {
      const page: Page = await browser.newPage();
      try {
        const violations: string[] = [];
        for (const path of [
          '/fachberatungsstellen',
          '/fachberatungsstellen?ort=10785',
          '/fachberatungsstellen/demo-fbs-berlin',
        ]) {
          const response = await page.goto(`${app.url}${prefix(locale)}${path}`);
          expect(response?.status(), `${locale} ${path}`).toBe(200);
          expect(await page.getAttribute('html', 'lang')).toBe(locale);
          expect(await page.getAttribute('html', 'dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
          violations.push(...(await checkA11y(page)).map((v) => `${path}: ${v}`));
        }
        expect(violations).toEqual([]);
        // the emergency box is always there, in the page's language
        await page.goto(`${app.url}${prefix(locale)}/fachberatungsstellen`);
        expect(await page.locator('.emergency a[href="tel:110"]').count()).toBe(1);
        if (locale === 'ar') expect(await page.textContent('h1')).toMatch(/[\u0600-\u06ff]/);
        if (locale === 'ru' || locale === 'uk' || locale === 'bg')
          expect(await page.textContent('h1')).toMatch(/[\u0400-\u04ff]/);
      } finally {
        await page.close();
      }
    });
  }

  it('keeps the search when switching language, and the quick exit sits at the reading start in Arabic', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}/ar/fachberatungsstellen?ort=10785`);
      const exit = await page.locator('.quick-exit').boundingBox();
      const width = page.viewportSize()?.width ?? 1280;
      // inset-inline-end: on the left in a right-to-left page
      expect(exit && exit.x < width / 2).toBe(true);
      await page.click('.lang-switch a[hreflang="ro"]');
      expect(page.url()).toContain('/ro/fachberatungsstellen?ort=10785');
      expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    } finally {
      await page.close();
    }
  });
});
