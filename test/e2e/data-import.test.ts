/**
 * Import of case records in a real browser: a centre's member uploads a file with errors, sees the table of
 * problems (nothing saved), then imports only the valid rows, and a corrected file; axe-core finds nothing on the
 * upload page, the error table and the result, in German and English. Also the report preview with charts and
 * the comparison with the previous year, as the office sees it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCodebook } from '../../src/modules/datacollection/codebook.ts';
import { importColumns } from '../../src/modules/datacollection/import/columns.ts';
import { checkA11y, demo, type E2EServer, launchBrowser, login, startE2EServer } from './browser.ts';

let app: E2EServer;
let browser: Browser;

const columns = importColumns(loadCodebook('2025')).map((v) => v.key);
const good: Record<string, string> = {
  first_contact: '2025-04',
  sex: 'female',
  age_group: '18_21',
  nationality: 'BG',
  exploitation_forms: 'sexual_exploitation',
  recruitment_place: 'abroad:BG',
  exploitation_place: 'land:02',
  access_route: 'self',
  residence_status: 'eu_citizen',
  proceedings: 'none',
  services_provided: 'psychosocial_counselling|accommodation',
  consent_recorded: 'yes',
};
const csv = (rows: Array<Record<string, string>>) =>
  Buffer.from(
    `\uFEFF${[columns.join(';'), ...rows.map((r) => columns.map((c) => r[c] ?? '').join(';'))].join('\r\n')}\r\n`,
  );

beforeAll(async () => {
  app = await startE2EServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function submit(page: Page, name: string, content: Buffer) {
  await page.setInputFiles('#f-file', { name, mimeType: 'text/csv', buffer: content });
  await Promise.all([
    page.waitForLoadState('load'),
    page.waitForNavigation(),
    page.click('main form button[type="submit"]'),
  ]);
}

describe('importing case records in the browser', () => {
  for (const prefix of ['', '/en']) {
    it(`shows the errors, then imports the valid rows and a corrected file (${prefix || '/'})`, async () => {
      const page = await browser.newPage();
      try {
        await login(page, app.url, demo.member, prefix);
        await page.goto(`${app.url}${prefix}/datenerhebung`);
        await Promise.all([
          page.waitForNavigation(),
          page.click(`main a[href="${prefix}/datenerhebung/import"]`),
        ]);
        expect(await checkA11y(page)).toEqual([]);

        // a file with two bad rows: nothing is saved, the table names row, column, value and reason
        const withErrors = csv([good, { ...good, sex: 'frau' }, good, { ...good, first_contact: '2026-01' }]);
        await submit(page, 'fehler.csv', withErrors);
        const table = page.locator('#import-problems');
        await expect.poll(() => table.isVisible()).toBe(true);
        const rows = await table.locator('tbody tr').allInnerTexts();
        expect(rows).toHaveLength(2);
        expect(rows[0]).toMatch(/^3\s+sex\s+frau\s+/);
        expect(rows[1]).toMatch(/^5\s+first_contact\s+2026-01\s+/);
        expect(await page.textContent('.error-summary')).toContain(
          prefix ? 'Nothing was saved' : 'Es wurde nichts gespeichert',
        );
        expect(await checkA11y(page)).toEqual([]);

        // "import only the valid rows" is preselected; the file is chosen again
        expect(await page.isChecked('#f-mode-valid')).toBe(true);
        await page.check('#f-release');
        await submit(page, 'fehler.csv', withErrors);
        const notice = (await page.textContent('.notice-success')) ?? '';
        expect(notice).toMatch(
          prefix
            ? /2 records were imported \(2 of them released\)/
            : /2 Datensätze wurden importiert \(2 davon freigegeben\)/,
        );
        expect(await checkA11y(page)).toEqual([]);

        // a corrected file imports as a whole (complete, not released)
        await page.check('#f-mode-all');
        await page.uncheck('#f-release');
        await submit(page, 'korrigiert.csv', csv([good, { ...good, sex: 'male' }]));
        expect((await page.textContent('.notice-success')) ?? '').toMatch(
          prefix
            ? /2 records were imported \(0 of them released\)/
            : /2 Datensätze wurden importiert \(0 davon freigegeben\)/,
        );
        expect(await page.locator('#import-problems').count()).toBe(0);
      } finally {
        await page.close();
      }
    });
  }

  it('the office sees the report preview with charts and the comparison, axe-clean in both languages', async () => {
    const page = await browser.newPage();
    try {
      await login(page, app.url, demo.office);
      for (const prefix of ['', '/en']) {
        await page.goto(`${app.url}${prefix}/verwaltung/datenerhebung/2025/bericht`);
        expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(3);
        expect(await page.locator('th[scope="col"]', { hasText: '2024' }).count()).toBeGreaterThan(0);
        expect(await checkA11y(page)).toEqual([]);
      }
    } finally {
      await page.close();
    }
  });
});
