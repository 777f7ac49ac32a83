import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/platform/files/pdf-document.ts';
import { checkA11y, demo, type E2EServer, launchBrowser, login, startE2EServer } from './browser.ts';

let app: E2EServer;
let browser: Browser;
let member: BrowserContext;
let office: BrowserContext;
let anonymous: BrowserContext;

beforeAll(async () => {
  app = await startE2EServer();
  browser = await launchBrowser();
  member = await browser.newContext({ acceptDownloads: true });
  office = await browser.newContext();
  anonymous = await browser.newContext({ acceptDownloads: true });
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

/** Opens a page, expects 200, and returns axe's findings. */
async function visit(page: Page, path: string): Promise<string[]> {
  const res = await page.goto(`${app.url}${path}`);
  expect(res?.status(), path).toBe(200);
  return checkA11y(page);
}

describe('member area in the browser', () => {
  it('is reachable from the account bar and axe-clean on every page, in German and English', async () => {
    await withPage(member, async (page) => {
      await page.goto(`${app.url}/konto`);
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('link', { name: 'Mitgliederbereich', exact: true }).first().click(),
      ]);
      expect(new URL(page.url()).pathname).toBe('/mitgliederbereich');
      await page.goto(`${app.url}/mitgliederbereich/versammlungen`);
      const assembly = await page.locator('tbody a').first().getAttribute('href');
      await page.goto(`${app.url}/mitgliederbereich/arbeitsgruppen`);
      const group = await page.locator('.card h3 a').first().getAttribute('href');
      await page.goto(`${app.url}/mitgliederbereich/dokumente`);
      const doc = await page.locator('tbody td:first-child a').first().getAttribute('href');
      await page.goto(`${app.url}/mitgliederbereich/rundschreiben`);
      const circular = await page.locator('tbody a').first().getAttribute('href');
      const paths = [
        '/mitgliederbereich',
        '/mitgliederbereich/rundschreiben',
        circular!,
        '/mitgliederbereich/dokumente',
        '/mitgliederbereich/dokumente?q=Arbeitsausbeutung',
        doc!,
        '/mitgliederbereich/arbeitsgruppen',
        group!,
        '/mitgliederbereich/kontakte',
        '/mitgliederbereich/versammlungen',
        assembly!,
        '/mitgliederbereich/benachrichtigungen',
      ];
      const violations: string[] = [];
      for (const path of paths) {
        violations.push(...(await visit(page, path)));
        violations.push(...(await visit(page, `/en${path}`)));
      }
      expect(violations).toEqual([]);
      await page.goto(`${app.url}/en/mitgliederbereich`);
      expect(await page.locator('main h1').textContent()).toBe('Member area');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    });
  });

  it('lets a member comment on a circular and choose the weekly digest', async () => {
    await withPage(member, async (page) => {
      await page.goto(`${app.url}/mitgliederbereich/rundschreiben`);
      const unread = page.locator('tbody tr').filter({ hasText: 'ungelesen' }).first();
      const title = ((await unread.locator('a').textContent()) ?? '').trim();
      await Promise.all([page.waitForEvent('load'), unread.locator('a').click()]);
      await page.fill('#f-body', 'Bei uns kommt das Thema oft in der Erstberatung auf.');
      await submit(page, 'Kommentar senden');
      expect(await page.locator('.notice-success').textContent()).toContain('Kommentar');
      expect(await page.locator('ol.comments').textContent()).toContain('oft in der Erstberatung');
      await page.goto(`${app.url}/mitgliederbereich/rundschreiben`);
      const row = page.locator('tbody tr').filter({ hasText: title });
      expect(await row.textContent()).toContain('gelesen');
      expect(await row.locator('.badge').count()).toBe(0);

      await page.goto(`${app.url}/mitgliederbereich/benachrichtigungen`);
      await page.check('#mode-weekly');
      await submit(page, 'Speichern');
      expect(await page.isChecked('#mode-weekly')).toBe(true);
      expect(await checkA11y(page)).toEqual([]);
    });
  });

  it('lets the office upload a document and a new version through the forms; members download it', async () => {
    const v1 = await renderPdf({ title: 'Browser' }, (doc) =>
      doc.text('Handreichung Schutzwohnungen, erste Fassung'),
    );
    const v2 = await renderPdf({ title: 'Browser' }, (doc) =>
      doc.text('Handreichung Schutzwohnungen, zweite Fassung'),
    );
    await withPage(office, async (page) => {
      expect(await visit(page, '/mitgliederbereich/dokumente/neu')).toEqual([]);
      await page.fill('#f-title', 'Handreichung Schutzwohnungen');
      await page.selectOption('#f-access', 'members');
      await page.setInputFiles('#f-file', {
        name: 'handreichung.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(v1),
      });
      await submit(page, 'Dokument hochladen');
      expect(await page.locator('.notice-success').count()).toBe(1);
      await page.setInputFiles('#f-file', {
        name: 'handreichung.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<html><script>alert(1)</script></html>'),
      });
      await submit(page, 'Neue Fassung hochladen');
      expect(await page.locator('#f-file-error').count()).toBe(1);
      expect(await checkA11y(page)).toEqual([]);
      await page.fill('#f-note', 'Adressen aktualisiert');
      await page.setInputFiles('#f-file', {
        name: 'handreichung-2.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from(v2),
      });
      await submit(page, 'Neue Fassung hochladen');
      expect(await page.locator('tbody tr').count()).toBe(2);
      expect(await checkA11y(page)).toEqual([]);
      // the office's forms on an assembly page are axe-clean too
      await page.goto(`${app.url}/mitgliederbereich/versammlungen`);
      const assembly = await page.locator('tbody a').first().getAttribute('href');
      expect(await visit(page, assembly!)).toEqual([]);
      expect(await visit(page, '/mitgliederbereich/rundschreiben/neu')).toEqual([]);
      expect(await visit(page, '/en/mitgliederbereich/versammlungen/neu')).toEqual([]);
    });
    await withPage(member, async (page) => {
      await page.goto(`${app.url}/mitgliederbereich/dokumente?q=Schutzwohnungen`);
      const link = page.locator('tbody a[download]').first();
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe('handreichung-2.pdf');
    });
  });

  it('offers public documents without login, axe-clean, and sends anonymous visitors of others to the login', async () => {
    await withPage(anonymous, async (page) => {
      expect(await visit(page, '/dokumente')).toEqual([]);
      expect(await visit(page, '/en/dokumente')).toEqual([]);
      expect(await page.locator('footer a[href="/en/dokumente"]').count()).toBe(1);
      const rows = await page.locator('tbody tr').count();
      expect(rows).toBeGreaterThan(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('tbody a[download]').first().click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.pdf$/);
      const res = await page.goto(`${app.url}/mitgliederbereich`);
      expect(res?.status()).toBe(200);
      expect(new URL(page.url()).pathname).toBe('/anmelden');
    });
  });
});
