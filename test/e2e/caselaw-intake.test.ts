import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/platform/files/pdf-document.ts';
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

const JUDGMENT = [
  'OBERLANDESGERICHT HAMM',
  'Beschluss',
  'Aktenzeichen: 4 RVs 150/19',
  'für Recht erkannt:',
  'Die Revision des Angeklagten wird verworfen.',
  'Gründe',
  '1',
  'Das Landgericht hat den Angeklagten wegen Menschenhandels nach § 232 Abs. 1 StGB verurteilt.',
  '2',
  'Die Zeugin Moldovan wurde in der Gartenstraße 7 untergebracht.',
  'Beschluss vom 14.01.2020',
].join('\n');

describe('members submit decisions and the office reviews them', () => {
  it('submission form, own submissions and errors are accessible, in German and English', async () => {
    const page = await member.newPage();
    await page.goto(`${app.url}/rechtsprechung-einreichen`);
    expect(await checkA11y(page)).toEqual([]);
    // the demo submission is listed with its status
    expect(await page.locator('main table').textContent()).toContain('Wird geprüft');

    // a submission without a file is refused with an error summary
    await page.fill('#f-court', 'OLG Hamm');
    // the browser's own checks would stop it first: let the server's answer show
    await page.evaluate(() => document.querySelector('main form[enctype]')?.setAttribute('novalidate', ''));
    await submit(page, 'Einreichen');
    expect(await page.locator('.error-summary').textContent()).toContain('Datei');
    expect(await checkA11y(page)).toEqual([]);

    const pdf = await renderPdf({ title: 'Beschluss' }, (doc) => {
      for (const line of JUDGMENT.split('\n')) doc.text(line);
    });
    await page.setInputFiles('#f-file', { name: 'olg-hamm.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.fill('#f-court', 'OLG Hamm');
    await page.fill('#f-decision_date', '2020-01-14');
    await page.fill('#f-file_numbers', '4 RVs 150/19');
    await page.fill('#f-note', 'Rechtskräftig.');
    await submit(page, 'Einreichen');
    expect(await page.locator('.notice-success').textContent()).toContain('zur Prüfung');
    expect(await page.locator('main table').textContent()).toContain('4 RVs 150/19');

    await page.goto(`${app.url}/en/rechtsprechung-einreichen`);
    expect(await page.locator('h1').textContent()).toContain('Submit a decision');
    expect(await checkA11y(page)).toEqual([]);
    await page.close();
  });

  it('the office reviews the submission: anonymisation findings, confirming, history — accessibly', async () => {
    const page = await office.newPage();
    await page.goto(`${app.url}/verwaltung/rechtsprechung`);
    expect(await checkA11y(page)).toEqual([]);
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: /4 RVs 150\/19/ }).click()]);
    expect(await checkA11y(page)).toEqual([]);
    const flags = page.locator('#anonymisierung .flag-list');
    expect(await flags.textContent()).toContain('Moldovan');

    // publishing is refused while findings are open
    await submit(page, 'Veröffentlichen');
    expect(await page.locator('.error-summary').textContent()).toContain('Anonymisierungsprüfung');
    expect(await checkA11y(page)).toEqual([]);

    await submit(page, 'Als unbedenklich bestätigen: Gartenstraße 7');
    expect(await page.locator('.notice-success').textContent()).toContain('unbedenklich');
    await page.fill('#f-reasons', (await page.inputValue('#f-reasons')).replace('Moldovan', 'M.'));
    await submit(page, 'Speichern');
    expect(await page.locator('.notice-success').textContent()).toContain('Geänderte Felder: Gründe');
    expect(await page.locator('#anonymisierung').textContent()).toContain('Keine offenen Hinweise');
    await submit(page, 'Veröffentlichen');
    expect(await page.locator('main').textContent()).toContain('Veröffentlicht');

    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('link', { name: 'Änderungsverlauf' }).click(),
    ]);
    expect(await page.locator('main').textContent()).toContain('Von einem Mitglied eingereicht');
    expect(await checkA11y(page)).toEqual([]);

    // English
    await page.goto(page.url().replace(app.url, `${app.url}/en`).replace('/verlauf', ''));
    expect(await page.locator('h1').textContent()).toContain('Edit decision');
    expect(await checkA11y(page)).toEqual([]);
    await page.goto(`${app.url}/en/verwaltung/rechtsprechung/hochladen`);
    expect(await checkA11y(page)).toEqual([]);
    await page.close();
  });

  it('the office uploads a PDF and confirms the recognised details', async () => {
    const page = await office.newPage();
    await page.goto(`${app.url}/verwaltung/rechtsprechung/hochladen`);
    expect(await checkA11y(page)).toEqual([]);
    const pdf = await renderPdf({ title: 'Beschluss' }, (doc) => {
      for (const line of JUDGMENT.split('\n')) doc.text(line);
    });
    await page.setInputFiles('#f-file', { name: 'olg-hamm.pdf', mimeType: 'application/pdf', buffer: pdf });
    await submit(page, 'Hochladen und Text auslesen');
    expect(await page.inputValue('#f-court')).toBe('OLG Hamm');
    expect(await page.inputValue('#f-decision_date')).toBe('2020-01-14');
    expect(await page.inputValue('#f-file_numbers')).toBe('4 RVs 150/19');
    expect(await page.inputValue('#f-decision_type')).toBe('Beschluss');
    expect(await checkA11y(page)).toEqual([]);
    await submit(page, 'Als Entwurf anlegen');
    expect(await page.locator('h1').textContent()).toContain('OLG Hamm, Beschluss vom 14.01.2020');
    expect(await page.locator('main').textContent()).toContain('Entwurf');
    await page.close();
  });
});
