import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, demo, type E2EServer, launchBrowser, login, startE2EServer } from './browser.ts';

let app: E2EServer;
let browser: Browser;
let member: BrowserContext;
let office: BrowserContext;

beforeAll(async () => {
  app = await startE2EServer();
  browser = await launchBrowser();
  member = await browser.newContext();
  office = await browser.newContext();
  for (const [ctx, email] of [
    [member, demo.member],
    [office, demo.office],
  ] as const) {
    const page = await ctx.newPage();
    await login(page, app.url, email);
    await page.close();
  }
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function submit(page: Page, label: string): Promise<void> {
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: label, exact: true }).click(),
  ]);
}

describe('a centre keeps its entry true', () => {
  it('sets shelter places, proposes a change, and the office approves it — accessibly', async () => {
    const page = await member.newPage();
    await page.goto(`${app.url}/mein-eintrag`);
    expect(await checkA11y(page)).toEqual([]);
    const name = await page.inputValue('#f-name');
    expect(name).toContain('Kiel');

    await submit(page, 'Wenige Plätze frei');
    expect(await page.locator('.notice-success').textContent()).toContain('sofort öffentlich');

    await page.fill('#f-name', `${name} (neu)`);
    await submit(page, 'Zur Prüfung senden');
    expect(new URL(page.url()).search).toBe('?gesendet=1');
    expect(await checkA11y(page)).toEqual([]);

    // an error is announced at the top and next to the field
    await page.fill('#f-locations\\.0\\.postal_code', '123');
    await submit(page, 'Zur Prüfung senden');
    expect(await page.locator('.error-summary').textContent()).toContain('fünf Ziffern');
    expect(await checkA11y(page)).toEqual([]);
    await page.close();

    const review = await office.newPage();
    await review.goto(`${app.url}/verwaltung/fachberatungsstellen?offen=1`);
    expect(await checkA11y(review)).toEqual([]);
    await review.goto(`${app.url}/verwaltung/fachberatungsstellen/pruefung`);
    expect(await checkA11y(review)).toEqual([]);
    await Promise.all([review.waitForEvent('load'), review.locator('tbody a').first().click()]);
    expect(await review.locator('tr[data-field="name"] ins').textContent()).toBe(`${name} (neu)`);
    expect(await checkA11y(review)).toEqual([]);
    await submit(review, 'Freigeben und veröffentlichen');

    await review.goto(`${app.url}/verwaltung/fachberatungsstellen/neu`);
    expect(await checkA11y(review)).toEqual([]);
    await review.close();
  });
});
