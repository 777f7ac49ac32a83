import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, demo, type E2EServer, launchBrowser, login, startE2EServer } from './browser.ts';

let app: E2EServer;
let browser: Browser;
let office: BrowserContext;
let admin: BrowserContext;
let anonymous: BrowserContext;

beforeAll(async () => {
  app = await startE2EServer();
  browser = await launchBrowser();
  office = await browser.newContext();
  admin = await browser.newContext();
  anonymous = await browser.newContext();
  for (const [ctx, email] of [
    [office, demo.office],
    [admin, demo.admin],
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
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    const result = await fn(page);
    expect(dialogs, 'no script from page content may run').toEqual([]);
    return result;
  } finally {
    await page.close();
  }
}

/** The office editor's URL of the German contact page, found through the page list. */
async function kontaktEditUrl(page: Page): Promise<string> {
  await page.goto(`${app.url}/verwaltung/seiten`);
  const row = page
    .locator('tbody tr')
    .filter({ has: page.locator('td:nth-child(2) code', { hasText: /^\/kontakt$/ }) })
    .filter({ has: page.locator('td:nth-child(3)', { hasText: /^DE$/ }) });
  expect(await row.count()).toBe(1);
  const href = await row.locator('td:first-child a').getAttribute('href');
  return new URL(href!, app.url).toString();
}

async function publicTitle(page: Page): Promise<string> {
  const res = await page.goto(`${app.url}/kontakt`);
  expect(res?.status()).toBe(200);
  return ((await page.locator('main h1').textContent()) ?? '').trim();
}

async function submit(page: Page, label: string): Promise<void> {
  // every form here answers with a new document (303 or a re-rendered page): wait for its load event
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: label, exact: true }).click(),
  ]);
}

describe('office page editing', () => {
  it('previews, saves, lists the revision and restores it', async () => {
    await withPage(office, async (page) => {
      const viewer = await office.newPage();
      try {
        const oldTitle = await publicTitle(viewer);
        expect(oldTitle).toBe('Kontakt');
        const editUrl = await kontaktEditUrl(page);
        await page.goto(editUrl);
        const revisionsBefore = await page.locator('section[aria-labelledby="revisions-title"] li').count();
        const newTitle = 'Kontakt zur Geschäftsstelle (E2E)';
        await page.fill('#f-title', newTitle);

        await submit(page, 'Vorschau');
        expect(await page.locator('section.preview').count()).toBe(1);
        expect(await page.locator('section.preview').textContent()).toContain('Geschäftsstelle');
        expect(await page.inputValue('#f-title')).toBe(newTitle);
        expect(await publicTitle(viewer)).toBe(oldTitle); // preview does not save

        await submit(page, 'Speichern');
        expect(new URL(page.url()).search).toBe('?gespeichert=1');
        expect(await page.locator('section.preview').count()).toBe(0);
        expect(await publicTitle(viewer)).toBe(newTitle);

        const revisions = page.locator('section[aria-labelledby="revisions-title"] li');
        expect(await revisions.count()).toBe(revisionsBefore + 1);
        const oldRevision = revisions.filter({ hasText: `– ${oldTitle}` }).first();
        await Promise.all([page.waitForURL(/\/versionen\//), oldRevision.locator('a').click()]);
        expect((await page.locator('main h2').first().textContent())?.trim()).toBe(oldTitle);
        await submit(page, 'Diese Version wiederherstellen');
        expect(page.url()).toBe(`${editUrl}?gespeichert=1`);
        expect(await page.inputValue('#f-title')).toBe(oldTitle);
        expect(await publicTitle(viewer)).toBe(oldTitle);
      } finally {
        await viewer.close();
      }
    });
  });

  it('never publishes script or event handlers from the page body', async () => {
    await withPage(office, async (page) => {
      const editUrl = await kontaktEditUrl(page);
      await page.goto(editUrl);
      const original = await page.inputValue('#f-body_md');
      const hostile = `${original}\n\n<script>alert(1)</script>\n\n<img src="x" alt="Bild" onerror="alert(2)">\n\n<a href="javascript:alert(3)">Link</a>\n`;
      await page.fill('#f-body_md', hostile);
      await submit(page, 'Vorschau');
      expect(await page.locator('section.preview script').count()).toBe(0);
      expect(await page.locator('section.preview').innerHTML()).not.toMatch(/onerror|javascript:/i);

      await submit(page, 'Speichern');
      expect(new URL(page.url()).search).toBe('?gespeichert=1');
      const res = await page.goto(`${app.url}/kontakt`);
      expect(res?.status()).toBe(200);
      const main = await page.locator('main').innerHTML();
      expect(main).not.toMatch(/<script/i);
      expect(main).not.toMatch(/onerror/i);
      expect(main).not.toMatch(/javascript:/i);
      const html = await res!.text();
      expect(html).not.toMatch(/onerror/i);
      expect(html.match(/<script\b/gi) ?? []).toHaveLength(1); // only the site's own deferred bundle

      // put the original text back for the remaining tests
      await page.goto(editUrl);
      await page.fill('#f-body_md', original);
      await submit(page, 'Speichern');
      expect(new URL(page.url()).search).toBe('?gespeichert=1');
    });
  });
});

describe('accessibility of forms and office pages', () => {
  const prefixes = ['', '/en'];

  it.each(prefixes)('login and password pages (%s)', async (prefix) => {
    await withPage(anonymous, async (page) => {
      for (const path of ['/anmelden', '/passwort-vergessen']) {
        const res = await page.goto(`${app.url}${prefix}${path}`);
        expect(res?.status(), path).toBe(200);
        expect(await checkA11y(page)).toEqual([]);
      }
      // a failed submit shows the error summary and field errors: those must be accessible too
      await page.goto(`${app.url}${prefix}/anmelden`);
      await page.fill('#f-email', demo.office);
      await page.fill('#f-password', 'falsch-falsch-falsch');
      await submit(page, prefix ? 'Log in' : 'Anmelden');
      expect(await page.locator('.error-summary').count()).toBe(1);
      expect(await checkA11y(page)).toEqual([]);
    });
  });

  it.each(prefixes)('account and page-editing pages as office (%s)', async (prefix) => {
    await withPage(office, async (page) => {
      for (const path of ['/konto', '/konto/sitzungen', '/konto/tokens', '/verwaltung/seiten']) {
        const res = await page.goto(`${app.url}${prefix}${path}`);
        expect(res?.status(), path).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(prefix ? 'en' : 'de');
        expect(await checkA11y(page)).toEqual([]);
      }
      const edit = new URL(await kontaktEditUrl(page));
      await page.goto(`${app.url}${prefix}${edit.pathname}`);
      expect(await checkA11y(page)).toEqual([]);
      await submit(page, prefix ? 'Preview' : 'Vorschau');
      expect(await page.locator('section.preview').count()).toBe(1);
      expect(await checkA11y(page)).toEqual([]);
      const revision = page.locator('section[aria-labelledby="revisions-title"] li a').first();
      if ((await revision.count()) > 0) {
        await Promise.all([page.waitForURL(/\/versionen\//), revision.click()]);
        expect(await checkA11y(page)).toEqual([]);
      }
    });
  });

  it.each(prefixes)('administration pages as admin (%s)', async (prefix) => {
    await withPage(admin, async (page) => {
      for (const path of [
        '/konto',
        '/verwaltung/konten',
        '/verwaltung/protokoll',
        '/verwaltung/postausgang',
        '/verwaltung/organisationen',
        '/verwaltung/einstellungen',
      ]) {
        const res = await page.goto(`${app.url}${prefix}${path}`);
        expect(res?.status(), path).toBe(200);
        expect(await page.getAttribute('html', 'lang')).toBe(prefix ? 'en' : 'de');
        expect(await checkA11y(page)).toEqual([]);
      }
    });
  });
});
