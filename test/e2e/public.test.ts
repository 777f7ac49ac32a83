import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, demo, type E2EServer, launchBrowser, login, startE2EServer } from './browser.ts';

const SLUGS = [
  '/',
  '/ueber-uns',
  '/ueber-uns/hintergrund',
  '/ueber-uns/mitgliedsorganisationen',
  '/ueber-uns/geschaeftsstelle',
  '/ueber-uns/vorstand',
  '/ueber-uns/fachberatungsstellen',
  '/kontakt',
  '/impressum',
  '/datenschutz',
];
const PAGES = [
  ...SLUGS.map((slug) => ({ path: slug, lang: 'de' })),
  ...SLUGS.map((slug) => ({ path: slug === '/' ? '/en' : `/en${slug}`, lang: 'en' })),
];
const QUICK_EXIT_URL = 'https://www.google.com/search?q=wetter';
const HOME_BUDGET_BYTES = 60 * 1024;

let app: E2EServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  app = await startE2EServer();
  browser = await launchBrowser();
  context = await browser.newContext();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

/** A fresh page that records every request host and every Set-Cookie header. */
async function watchedPage(ctx: BrowserContext = context) {
  const page = await ctx.newPage();
  const foreign: string[] = [];
  const cookies: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') foreign.push(req.url());
  });
  page.on('response', async (res) => {
    const value = await res.headerValue('set-cookie').catch(() => null);
    if (value) cookies.push(`${res.url()}: ${value}`);
  });
  return { page, foreign, cookies };
}

describe('public pages', () => {
  it.each(PAGES)('$path is accessible, cookie-free and self-contained', async ({ path, lang }) => {
    const { page, foreign, cookies } = await watchedPage();
    try {
      const response = await page.goto(`${app.url}${path}`, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      expect(await page.locator('a.quick-exit[data-quick-exit]').count()).toBe(1);
      expect(await checkA11y(page)).toEqual([]);
      expect(cookies).toEqual([]);
      expect(foreign).toEqual([]);
      expect(await context.cookies()).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it.each(['/', '/en'])('home page %s weighs at most 60 KB on the wire', async (path) => {
    // fresh context: nothing cached
    const ctx = await browser.newContext();
    try {
      const page = await ctx.newPage();
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const sizes = new Map<string, number>();
      const urls = new Map<string, string>();
      cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
      cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
      await page.goto(`${app.url}${path}`, { waitUntil: 'networkidle' });
      const total = [...sizes.values()].reduce((a, b) => a + b, 0);
      const detail = [...sizes].map(([id, n]) => `${urls.get(id)?.replace(app.url, '')} ${n} B`).join(', ');
      console.log(`page weight ${path}: ${total} bytes (${(total / 1024).toFixed(1)} KB) – ${detail}`);
      expect(sizes.size).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(HOME_BUDGET_BYTES);
    } finally {
      await ctx.close();
    }
  });
});

describe('navigation', () => {
  it('links only to pages that exist', async () => {
    const page = await context.newPage();
    const targets = new Set<string>();
    try {
      for (const { path } of PAGES) {
        await page.goto(`${app.url}${path}`);
        const hrefs = await page.$$eval('nav a[href], footer a[href]', (links) =>
          links.map((a) => (a as HTMLAnchorElement).href),
        );
        for (const href of hrefs) {
          const url = new URL(href);
          if (url.origin !== app.url) continue;
          url.hash = '';
          targets.add(url.toString());
        }
      }
    } finally {
      await page.close();
    }
    expect(targets.size).toBeGreaterThan(10);
    const broken: string[] = [];
    for (const target of targets) {
      const res = await context.request.get(target, { maxRedirects: 0 });
      if (res.status() !== 200) broken.push(`${target} → ${res.status()}`);
    }
    expect(broken).toEqual([]);
  });

  it('switches language and back', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${app.url}/kontakt`);
      expect(await page.getAttribute('html', 'lang')).toBe('de');
      await Promise.all([
        page.waitForURL(`${app.url}/en/kontakt`),
        page.getByRole('link', { name: 'English', exact: true }).click(),
      ]);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      await Promise.all([
        page.waitForURL(`${app.url}/kontakt`),
        page.getByRole('link', { name: 'Deutsch', exact: true }).click(),
      ]);
      expect(await page.getAttribute('html', 'lang')).toBe('de');
    } finally {
      await page.close();
    }
  });
});

describe('quick exit', () => {
  async function preparedPage(): Promise<Page> {
    const page = await context.newPage();
    await page.route('https://www.google.com/**', (route) =>
      route.fulfill({ body: 'neutral', contentType: 'text/plain' }),
    );
    await page.goto(`${app.url}/`);
    await page.goto(`${app.url}/ueber-uns`);
    expect(await page.getAttribute('a.quick-exit', 'data-quick-exit')).toBe(QUICK_EXIT_URL);
    return page;
  }

  it('Escape replaces the page and its history entry', async () => {
    const page = await preparedPage();
    try {
      const before = await page.evaluate(() => history.length);
      await Promise.all([page.waitForURL(QUICK_EXIT_URL), page.keyboard.press('Escape')]);
      expect(page.url()).toBe(QUICK_EXIT_URL);
      expect(await page.evaluate(() => history.length)).toBe(before);
      // back leads to the page before the one that was left, never to the left page
      await page.goBack();
      expect(page.url()).toBe(`${app.url}/`);
    } finally {
      await page.close();
    }
  });

  it('the button does the same', async () => {
    const page = await preparedPage();
    try {
      const before = await page.evaluate(() => history.length);
      await Promise.all([page.waitForURL(QUICK_EXIT_URL), page.click('a.quick-exit')]);
      expect(page.url()).toBe(QUICK_EXIT_URL);
      expect(await page.evaluate(() => history.length)).toBe(before);
    } finally {
      await page.close();
    }
  });
});

describe('without JavaScript', () => {
  it('shows pages and logs in', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      for (const path of ['/', '/en/kontakt']) {
        const res = await page.goto(`${app.url}${path}`);
        expect(res?.status()).toBe(200);
        expect(await page.locator('main h1').count()).toBeGreaterThan(0);
      }
      await login(page, app.url, demo.office);
      expect(new URL(page.url()).pathname).toBe('/konto');
      expect(await page.locator('main h1').count()).toBeGreaterThan(0);
    } finally {
      await ctx.close();
    }
  });
});

describe('keyboard', () => {
  it('Tab reaches the skip link first, then the quick exit', async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${app.url}/`);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.matches('.skip-link') ?? false)).toBe(true);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.matches('.quick-exit') ?? false)).toBe(true);
    } finally {
      await page.close();
    }
  });
});
