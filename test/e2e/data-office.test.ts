/**
 * The data collection in a real browser: a member enters a record with the keyboard only (Tab, typing, Space,
 * Enter — no mouse), conditional fields appear and disappear; the office produces the year's report and publishes
 * it; every page of it is axe-clean in German and English.
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

/** Presses Tab until the focused element matches the selector (as a keyboard user would). */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function a11y(page: Page, path: string): Promise<string[]> {
  const response = await page.goto(`${app.url}${path}`);
  expect(response?.status(), path).toBe(200);
  return checkA11y(page);
}

describe('data collection in the browser', () => {
  it('lets a member enter a record by keyboard only', { timeout: 240_000 }, async () => {
    const page = await browser.newPage();
    try {
      await login(page, app.url, demo.member);
      await page.goto(`${app.url}/datenerhebung/neu`);
      expect(await checkA11y(page)).toEqual([]);
      // the labour sector applies only to labour exploitation: hidden until then
      expect(await page.locator('#f-labour_sector').isHidden()).toBe(true);

      await tabTo(page, '#f-sex input[value="female"]');
      await page.keyboard.press('Space');
      await tabTo(page, '#f-age_group');
      for (let i = 0; i < 10 && (await page.inputValue('#f-age_group')) !== '22_29'; i++)
        await page.keyboard.press('ArrowDown');
      expect(await page.inputValue('#f-age_group')).toBe('22_29');
      await tabTo(page, '#f-exploitation_forms input[value="sexual_exploitation"]');
      await page.keyboard.press('Space');
      await tabTo(page, '#f-exploitation_forms input[value="labour_exploitation"]');
      await page.keyboard.press('Space');
      expect(await page.locator('#f-labour_sector').isVisible()).toBe(true);
      await page.keyboard.press('Space');
      expect(await page.locator('#f-labour_sector').isHidden()).toBe(true);

      await tabTo(page, 'button[name="_action"][value="draft"]');
      await Promise.all([
        page.waitForURL((u) => /^\/datenerhebung\/[0-9a-f-]{36}$/.test(u.pathname)),
        page.keyboard.press('Enter'),
      ]);
      const main = (await page.textContent('main')) ?? '';
      expect(main).toContain('Der Datensatz wurde gespeichert.');
      expect(await page.isChecked('#f-sex input[value="female"]')).toBe(true);
      expect(await page.isChecked('#f-exploitation_forms input[value="sexual_exploitation"]')).toBe(true);
      expect(await page.isChecked('#f-exploitation_forms input[value="labour_exploitation"]')).toBe(false);
      expect(await page.inputValue('#f-age_group')).toBe('22_29');
      expect(await checkA11y(page)).toEqual([]);

      await page.goto(`${app.url}/en/datenerhebung/neu?kopie=1`);
      expect(await checkA11y(page)).toEqual([]);
      expect(await page.isChecked('#f-sex input[value="female"]')).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('saves a draft by itself while the member types (script under the CSP)', {
    timeout: 240_000,
  }, async () => {
    const page = await browser.newPage();
    try {
      await login(page, app.url, demo.member);
      await page.goto(`${app.url}/datenerhebung/neu`);
      // a radio group is one Tab stop; the arrow keys choose within it
      await tabTo(page, '#f-sex input[value="female"]');
      await page.keyboard.press('ArrowDown');
      expect(await page.isChecked('#f-sex input[value="male"]')).toBe(true);
      // within the 20-second interval the form is saved in the background and now belongs to the new record
      await page.waitForURL((u) => /^\/datenerhebung\/[0-9a-f-]{36}$/.test(u.pathname), { timeout: 60_000 });
      expect(await page.textContent('[data-autosave-status]')).toContain('Entwurf automatisch gespeichert');
      const id = new URL(page.url()).pathname.split('/').pop();
      expect(await page.getAttribute('form.record-form', 'action')).toBe(`/datenerhebung/${id}`);
      await page.reload();
      expect(await page.isChecked('#f-sex input[value="male"]')).toBe(true);
      expect(await page.textContent('main')).toContain('Entwurf');
    } finally {
      await page.close();
    }
  });

  async function officePage(): Promise<Page> {
    const page = await browser.newPage();
    await login(page, app.url, demo.office);
    return page;
  }

  it('shows the office its pages axe-clean in German and English', { timeout: 240_000 }, async () => {
    const page = await officePage();
    try {
      const violations: string[] = [];
      for (const prefix of ['', '/en']) {
        violations.push(...(await a11y(page, `${prefix}/verwaltung/datenerhebung?jahr=2025`)));
        violations.push(...(await a11y(page, `${prefix}/verwaltung/datenbericht`)));
        violations.push(...(await a11y(page, `${prefix}/verwaltung/datenbericht/schwelle`)));
        violations.push(...(await a11y(page, `${prefix}/verwaltung/datenbericht/2025`)));
      }
      expect(violations).toEqual([]);
      // a wrong threshold is explained next to the field
      await page.goto(`${app.url}/verwaltung/datenbericht/schwelle`);
      await page.fill('#f-k', '2');
      await Promise.all([page.waitForLoadState('load'), page.click('main form button[type="submit"]')]);
      expect(await page.textContent('#f-k-error')).toContain('ganze Zahl von 3 bis 50');
      expect(await checkA11y(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('lets the office produce the report and publish it', { timeout: 240_000 }, async () => {
    const page = await officePage();
    try {
      // produce: the preview of the open year
      await page.goto(`${app.url}/verwaltung/datenerhebung/2025/bericht`);
      expect(await page.textContent('main')).toContain('Vorschau');
      expect(await page.textContent('main')).toContain('< 5');
      expect((await page.goto(`${app.url}/datenbericht/2025`))?.status()).toBe(404);

      // close, then publish explicitly
      await page.goto(`${app.url}/verwaltung/datenerhebung?jahr=2025`);
      await Promise.all([
        page.waitForURL((u) => u.searchParams.has('gesperrt')),
        page.click('form[action$="/2025/schliessen"] button'),
      ]);
      await Promise.all([
        page.waitForURL((u) => u.searchParams.has('veroeffentlicht')),
        page.click('form[action$="/2025/veroeffentlichen"] button'),
      ]);
      expect(await page.textContent('main')).toContain('Der Datenbericht wurde veröffentlicht.');
      expect(await page.locator('form[action$="/2025/zurueckziehen"]').count()).toBe(1);

      const published = await page.goto(`${app.url}/datenbericht/2025`);
      expect(published?.status()).toBe(200);
      const text = (await page.textContent('main')) ?? '';
      expect(text).toContain('< 5');
      expect(text).not.toContain('Vorschau');
      expect(await checkA11y(page)).toEqual([]);
      await page.goto(`${app.url}/datenbericht`);
      expect(await page.locator('main a[href="/datenbericht/2025"]').count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  for (const [role, who, paths] of [
    ['board', demo.board, ['/verwaltung/datenbericht', '/verwaltung/datenbericht/2025']],
    ['admin', demo.admin, ['/verwaltung/datenbericht', '/verwaltung/datenbericht/2025/einrichtungen']],
  ] as const) {
    it(`shows ${role} the read-only views axe-clean`, { timeout: 240_000 }, async () => {
      const page = await browser.newPage();
      try {
        await login(page, app.url, who);
        const violations: string[] = [];
        for (const prefix of ['', '/en'])
          for (const path of paths) violations.push(...(await a11y(page, `${prefix}${path}`)));
        expect(violations).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});
