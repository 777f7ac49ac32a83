/**
 * The case-law search in a real browser, German and English: a search with facets, a decision page with its
 * instance chain and related decisions, the print view, and saving the search as an alert — axe-core finds
 * nothing on any of these pages.
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

describe('case-law search in the browser', () => {
  for (const prefix of ['', '/en']) {
    it(`searches, narrows by facets, opens a decision and saves an alert (${prefix || '/'})`, async () => {
      const page: Page = await browser.newPage();
      const violations: string[] = [];
      const a11y = async (where: string) =>
        violations.push(...(await checkA11y(page)).map((v) => `${where}: ${v}`));
      try {
        await page.goto(`${app.url}${prefix}/rechtsprechung`);
        await a11y('search');
        await page.fill('#f-q', 'Menschenhandel');
        await page.selectOption('#f-sort', 'newest');
        await Promise.all([
          page.waitForURL(/q=Menschenhandel/),
          page.click('form.caselaw-form button[type="submit"]'),
        ]);
        const total = Number(/\d+/.exec((await page.textContent('.result-count')) ?? '')![0]);
        expect(total).toBeGreaterThan(1);
        await a11y('results');
        // a facet: its count is the number of results once chosen
        const facet = page.locator('[data-facet="land"] li').first();
        const count = Number(/\((\d+)\)/.exec((await facet.textContent()) ?? '')![1]);
        await Promise.all([page.waitForURL(/land=/), facet.locator('a').click()]);
        expect(Number(/\d+/.exec((await page.textContent('.result-count')) ?? '')![0])).toBe(count);
        expect(await page.locator('[data-facet="land"] a[aria-current="true"]').count()).toBe(1);
        await a11y('facet');
        // the decision with an instance chain and related decisions
        await page.goto(`${app.url}${prefix}/rechtsprechung?q=${encodeURIComponent('az:"3 StR 401/21"')}`);
        await Promise.all([
          page.waitForURL(/\/rechtsprechung\/[0-9a-f-]{36}$/),
          page.click('.result-list a'),
        ]);
        expect(await page.textContent('.instance-chain')).toContain('527 KLs 12/20');
        expect(await page.locator('.related-decisions li').count()).toBeGreaterThan(0);
        expect(await page.textContent('#decision-citation')).toContain('ECLI:DE:BGH:2022:DEMO0001');
        await a11y('decision');
        await page.goto(`${page.url()}?ansicht=druck`);
        await page.emulateMedia({ media: 'print' });
        expect(await page.locator('.main-nav').isVisible()).toBe(false);
        await page.emulateMedia({ media: 'screen' });
        await a11y('print');
        // saving the search needs an account
        await login(page, app.url, demo.board, prefix);
        await page.goto(`${app.url}${prefix}/rechtsprechung?q=Zwangslage&court_type=BGH`);
        await Promise.all([
          page.waitForURL(/benachrichtigungen\?q=Zwangslage/),
          page.click('.caselaw-tools a[href*="benachrichtigungen"]'),
        ]);
        await a11y('alert form');
        await page.fill('#f-name', `Zwangslage BGH ${prefix || 'de'}`);
        await page.selectOption('#f-frequency', 'daily');
        await Promise.all([
          page.waitForLoadState('load'),
          page.click('main form[action$="/benachrichtigungen"] button[type="submit"]'),
        ]);
        expect(await page.textContent('.notice')).toContain(`Zwangslage BGH ${prefix || 'de'}`);
        expect(await page.textContent('.alert-list')).toContain('Zwangslage');
        await a11y('alert list');
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
