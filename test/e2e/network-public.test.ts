/**
 * Knowledge pages in a real browser, German and English: the hub, convention monitoring (tracker, chart,
 * recommendation page), publications (with a search in the PDF text), projects and the glossary. axe-core finds
 * nothing; the filters work without script; office forms for monitoring are accessible too.
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
  return checkA11y(page);
}

describe('knowledge pages (monitoring, publications, projects, glossary)', () => {
  for (const prefix of ['', '/en']) {
    it(`are accessible and linked from the main navigation (${prefix || '/'})`, async () => {
      const page = await browser.newPage();
      try {
        const violations: string[] = [];
        await page.goto(`${app.url}${prefix || '/'}`);
        await Promise.all([
          page.waitForURL((u) => u.pathname === `${prefix}/wissen`),
          page.click(`nav.main-nav a[href="${prefix}/wissen"]`),
        ]);
        violations.push(...(await checkA11y(page)));
        for (const path of ['/monitoring', '/publikationen', '/projekte', '/glossar']) {
          expect(await page.locator(`main a[href="${prefix}${path}"]`).count(), path).toBe(1);
        }
        violations.push(...(await check(page, `${prefix}/monitoring`)));
        expect(await page.locator('svg[role="img"] title').textContent()).toBeTruthy();
        violations.push(...(await check(page, `${prefix}/monitoring?instrument=greta&status=partially`)));
        const rec = await page
          .locator('main a[href*="/monitoring/empfehlungen/"]')
          .first()
          .getAttribute('href');
        expect(rec).toBeTruthy();
        violations.push(...(await check(page, rec!)));
        violations.push(...(await check(page, `${prefix}/publikationen`)));
        violations.push(...(await check(page, `${prefix}/publikationen?q=Sammelunterk%C3%BCnfte`)));
        violations.push(...(await check(page, `${prefix}/projekte`)));
        const project = await page.locator('main a[href*="/projekte/"]').first().getAttribute('href');
        expect(project).toBeTruthy();
        violations.push(...(await check(page, project!)));
        violations.push(...(await check(page, `${prefix}/glossar`)));
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }

  it('filters the tracker with the form (no script needed) and finds publications by their PDF text', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}/monitoring`);
      const all = await page.locator('main .result-list h3 a').count();
      expect(all).toBe(15);
      await page.selectOption('#f-instrument', 'cedaw');
      await Promise.all([page.waitForURL(/instrument=cedaw/), page.click('main form button[type="submit"]')]);
      expect(await page.locator('main .result-list h3 a').count()).toBe(2);
      const csv = await page.locator('main a[href*="/monitoring.csv"]').getAttribute('href');
      expect(csv).toContain('instrument=cedaw');

      await page.goto(`${app.url}/publikationen`);
      // "Schlachthöfen" stands only in the PDF's text, not in any title or summary
      await page.fill('#f-q', 'Schlachthöfen');
      await Promise.all([page.waitForURL(/q=/), page.click('main form button[type="submit"]')]);
      const titles = await page.locator('main .result h2').allTextContents();
      expect(titles).toEqual(['Demo: Menschenhandel zur Arbeitsausbeutung in der Fleischindustrie']);
    } finally {
      await page.close();
    }
  });

  it('links glossary terms in information pages to their explanation', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(`${app.url}/ueber-uns/hintergrund`);
      const links = page.locator('main a.glossary-link');
      expect(await links.count()).toBeGreaterThan(0);
      const href = await links.first().getAttribute('href');
      expect(href).toMatch(/^\/glossar#[a-z-]+$/);
      await Promise.all([page.waitForURL(/\/glossar#/), links.first().click()]);
      const id = href!.split('#')[1]!;
      expect(await page.locator(`dt[id="${id}"]`).count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  it('office forms for monitoring and publications are accessible', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await login(page, app.url, demo.office);
      const violations: string[] = [];
      violations.push(...(await check(page, '/verwaltung/monitoring')));
      const rec = await page
        .locator('main a[href*="/verwaltung/monitoring/empfehlungen/"]:not([href$="/neu"])')
        .first()
        .getAttribute('href');
      violations.push(...(await check(page, rec!)));
      violations.push(...(await check(page, '/verwaltung/publikationen/neu')));
      violations.push(...(await check(page, '/verwaltung/projekte/neu')));
      violations.push(...(await check(page, '/verwaltung/glossar/neu')));
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
