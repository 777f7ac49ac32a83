/**
 * The counselling-centre finder in a real browser (Debian Chromium), on a server with the 60 demo centres
 * (KOK_DEMO=1): the form, filters, the map, the detail page and vCard, the language switch, keyboard only, quick
 * exit, without JavaScript, axe-core on every kind of finder page, and the weight of a result page on the wire.
 */
import fs from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkA11y, type E2EServer, launchBrowser, startE2EServer } from './browser.ts';

const QUICK_EXIT_URL = 'https://www.google.com/search?q=wetter';
const RESULT_PAGE = '/fachberatungsstellen?ort=10785&target=women&language=ro';
const PARTIAL_PAGE = '/fachberatungsstellen?ort=10785&target=women&language=ha';
const RESULT_BUDGET_BYTES = 80 * 1024;

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

async function withPage<T>(fn: (page: Page) => Promise<T>, ctx: BrowserContext = context): Promise<T> {
  const page = await ctx.newPage();
  try {
    return await fn(page);
  } finally {
    await page.close();
  }
}

const resultLinks = (page: Page) =>
  page.$$eval('ol.result-list > li.result h3 a', (links) =>
    links.map((a) => ({ text: a.textContent ?? '', href: (a as HTMLAnchorElement).pathname })),
  );

/** Submits the finder form with its button and waits for the result page. */
async function submitFinder(page: Page): Promise<void> {
  await Promise.all([
    page.waitForURL((u) => u.pathname.endsWith('/fachberatungsstellen') && u.search.length > 1),
    page.click('form.finder-form .finder-buttons button[type="submit"]'),
  ]);
}

describe('finder', () => {
  it('searches by postal code through the form', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/fachberatungsstellen`);
      expect(await page.locator('#results-title').count()).toBe(0);
      await page.fill('#f-ort', '10785');
      await submitFinder(page);
      expect(new URL(page.url()).searchParams.get('ort')).toBe('10785');
      expect(await page.textContent('#results-title')).toMatch(
        /passende Beratungsstellen – in der Nähe von 10785 Berlin/,
      );
      const links = await resultLinks(page);
      expect(links.length).toBe(20);
      expect(links[0]!.href).toBe('/fachberatungsstellen/demo-fbs-berlin');
      expect(await page.locator('.result-meta').first().textContent()).toMatch(/ca\. \d+ km entfernt/);
      // the form keeps what was searched
      expect(await page.inputValue('#f-ort')).toBe('10785');
    });
  });

  it('applies a filter', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/fachberatungsstellen?ort=10785`);
      await page.click('details.filters-box > summary');
      await page.selectOption('#f-language', 'ro');
      await page.selectOption('#f-target', 'women');
      await submitFinder(page);
      const params = new URL(page.url()).searchParams;
      expect(params.get('language')).toBe('ro');
      expect(params.get('target')).toBe('women');
      expect(await page.getAttribute('details.filters-box', 'open')).not.toBeNull();
      const links = await resultLinks(page);
      expect(links.length).toBeGreaterThan(0);
      expect(links.length).toBeLessThan(20);
      const languages = await page.$$eval('ol.result-list > li.result', (items) =>
        items.map((li) => li.querySelectorAll('p')[1]?.textContent ?? ''),
      );
      for (const line of languages) expect(line).toContain('Rumänisch');
      expect(await page.locator('p.missing').count()).toBe(0);
    });
  });

  it('shows the closest partial matches with what they lack', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}${PARTIAL_PAGE}`);
      expect(await page.textContent('#results-title')).toContain(
        'Keine Beratungsstelle erfüllt alle Wünsche',
      );
      const missing = await page.$$eval('p.missing', (ps) => ps.map((p) => p.textContent ?? ''));
      expect(missing.length).toBeGreaterThan(0);
      for (const m of missing) expect(m).toMatch(/^Fehlt: .*Sprache/);
    });
  });

  it('a click on a Land on the map lists the centres for that Land', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/fachberatungsstellen`);
      const saxony = page.locator('svg.germany-map a[href$="land=14"]');
      expect(await saxony.count()).toBe(1);
      await Promise.all([
        page.waitForURL((u) => u.searchParams.get('land') === '14'),
        saxony.locator('path').click(),
      ]);
      expect(await page.textContent('#results-title')).toContain('Sachsen');
      expect(await page.locator('svg.germany-map path.land.active').count()).toBe(1);
      const links = await resultLinks(page);
      expect(links.map((l) => l.href)).toContain('/fachberatungsstellen/demo-fbs-dresden');
      // the Land is selected in the form too
      expect(await page.inputValue('#f-land')).toBe('14');
    });
  });

  it('opens a detail page and downloads the vCard', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/fachberatungsstellen?ort=01067`);
      const first = page.locator('ol.result-list > li.result h3 a').first();
      const name = (await first.textContent())!;
      await Promise.all([page.waitForURL(/\/fachberatungsstellen\/demo-/), first.click()]);
      expect(await page.textContent('main h1')).toBe(name);
      expect(await page.locator('a[href^="tel:"]').count()).toBeGreaterThan(0);
      const vcardLink = page.locator('a[href$="/vcard"]');
      const [download] = await Promise.all([page.waitForEvent('download'), vcardLink.click()]);
      expect(download.suggestedFilename()).toMatch(/^demo-[a-z0-9-]+\.vcf$/);
      const card = fs.readFileSync((await download.path())!, 'utf8');
      expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
      expect(card).toContain(`FN:${name}`);
      expect(card).toMatch(/END:VCARD\r\n$/);
      const res = await context.request.get(`${app.url}${await vcardLink.getAttribute('href')}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^text\/vcard; charset=utf-8/);
      expect(res.headers()['content-disposition']).toMatch(/^attachment; filename="demo-[a-z0-9-]+\.vcf"$/);
    });
  });

  it('switching to English keeps the search', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}${RESULT_PAGE}`);
      await Promise.all([
        page.waitForURL((u) => u.pathname === '/en/fachberatungsstellen'),
        page.getByRole('link', { name: 'English', exact: true }).click(),
      ]);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      const params = new URL(page.url()).searchParams;
      expect(params.get('ort')).toBe('10785');
      expect(params.get('language')).toBe('ro');
      expect(params.get('target')).toBe('women');
      expect(await page.textContent('#results-title')).toMatch(
        /matching counselling centres – near 10785 Berlin/,
      );
      expect((await resultLinks(page))[0]!.href).toMatch(/^\/en\/fachberatungsstellen\//);
    });
  });

  it('works with the keyboard alone: Tab to "where", type, Enter', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/fachberatungsstellen`);
      let tabs = 0;
      while (tabs < 60) {
        await page.keyboard.press('Tab');
        tabs++;
        if (await page.evaluate(() => document.activeElement?.id === 'f-ort')) break;
      }
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-ort');
      console.log(`finder: ${tabs} Tab presses to the "where" field`);
      await page.keyboard.type('04109');
      await Promise.all([page.waitForURL(/ort=04109/), page.keyboard.press('Enter')]);
      expect(await page.textContent('#results-title')).toContain('04109 Leipzig');
      // the result links are reachable by Tab too
      let reached = false;
      for (let i = 0; i < 80 && !reached; i++) {
        await page.keyboard.press('Tab');
        reached = await page.evaluate(
          () => document.activeElement?.closest('ol.result-list') !== null && document.activeElement !== null,
        );
      }
      expect(reached).toBe(true);
      await Promise.all([page.waitForURL(/\/fachberatungsstellen\/demo-/), page.keyboard.press('Enter')]);
      expect(await page.locator('main h1').count()).toBe(1);
    });
  });

  it('Escape on the finder leaves for the quick-exit page and replaces the history entry', async () => {
    await withPage(async (page) => {
      await page.route('https://www.google.com/**', (route) =>
        route.fulfill({ body: 'neutral', contentType: 'text/plain' }),
      );
      await page.goto(`${app.url}/`);
      await page.goto(`${app.url}${RESULT_PAGE}`);
      const before = await page.evaluate(() => history.length);
      await page.focus('#f-ort');
      await Promise.all([page.waitForURL(QUICK_EXIT_URL), page.keyboard.press('Escape')]);
      expect(await page.evaluate(() => history.length)).toBe(before);
      await page.goBack();
      expect(page.url()).toBe(`${app.url}/`);
    });
  });
});

describe('without JavaScript', () => {
  it('searches, filters, follows the map and opens a centre', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    try {
      await withPage(async (page) => {
        await page.goto(`${app.url}/fachberatungsstellen`);
        // no script: the "my location" button stays hidden
        expect(await page.isHidden('[data-geolocate]')).toBe(true);
        await page.fill('#f-ort', 'Leipzig');
        await page.click('details.filters-box > summary');
        await page.selectOption('#f-target', 'women');
        await submitFinder(page);
        expect(await page.textContent('#results-title')).toContain('in der Nähe von Leipzig');
        expect((await resultLinks(page)).length).toBeGreaterThan(0);
        await Promise.all([
          page.waitForURL((u) => u.searchParams.get('land') === '09'),
          page.locator('svg.germany-map a[href$="land=09"] path').click(),
        ]);
        expect(await page.textContent('#results-title')).toContain('Bayern');
        const first = page.locator('ol.result-list > li.result h3 a').first();
        await Promise.all([page.waitForURL(/\/fachberatungsstellen\/demo-/), first.click()]);
        expect(await page.locator('main h1').count()).toBe(1);
        const res = await page.goto(`${app.url}/fachberatungsstellen?ort=00000`);
        expect(res?.status()).toBe(400);
        expect(await page.textContent('.error-summary')).toContain('00000');
      }, ctx);
    } finally {
      await ctx.close();
    }
  });
});

describe('accessibility', () => {
  const pages = [
    ['start', '/fachberatungsstellen'],
    ['results', RESULT_PAGE],
    ['partial matches', PARTIAL_PAGE],
    ['Land from the map', '/fachberatungsstellen?land=11'],
    ['error', '/fachberatungsstellen?ort=00000'],
    ['detail', '/fachberatungsstellen/demo-fbs-kiel'],
    ['detail, address on request', '/fachberatungsstellen/demo-fbs-leipzig'],
    ['print view', '/fachberatungsstellen/demo-fbs-berlin?ansicht=druck'],
  ];
  const all = [
    ...pages.map(([name, path]) => ({ name: `${name} (de)`, path: path! })),
    ...pages.map(([name, path]) => ({ name: `${name} (en)`, path: `/en${path}` })),
  ];

  it.each(all)('$name: $path has no axe violations', async ({ path }) => {
    await withPage(async (page) => {
      const res = await page.goto(`${app.url}${path}`, { waitUntil: 'networkidle' });
      expect(res?.status()).toBe(path.includes('00000') ? 400 : 200);
      expect(await checkA11y(page)).toEqual([]);
      // the filters unfolded: the hidden part is checked as well
      if ((await page.locator('details.filters-box:not([open])').count()) > 0) {
        await page.click('details.filters-box > summary');
        expect(await checkA11y(page)).toEqual([]);
      }
    });
  });

  it('every Land and every marker on the map is a reachable, named link', async () => {
    await withPage(async (page) => {
      await page.goto(`${app.url}/fachberatungsstellen`);
      const links = page.locator('svg.germany-map a');
      const count = await links.count();
      // 16 Länder and the demo centres whose address is not on request
      expect(count).toBeGreaterThanOrEqual(16 + 40);
      const names = await page.$$eval('svg.germany-map a', (as) =>
        as.map((a) => a.querySelector('title')?.textContent ?? ''),
      );
      expect(names.every((n) => n.length > 2)).toBe(true);
      // the accessibility tree exposes the links (an svg role="img" would hide them)
      const snapshot = await page.locator('svg.germany-map').ariaSnapshot();
      expect(snapshot).toContain('link "Sachsen: Beratungsstellen anzeigen"');
      expect(snapshot).toContain('link "Demo-Fachberatungsstelle Kiel"');
    });
  });
});

describe('weight', () => {
  it('a result page weighs at most 80 KB on the wire (HTML, CSS, JS, favicon; gzip)', async () => {
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
      await page.goto(`${app.url}${RESULT_PAGE}`, { waitUntil: 'networkidle' });
      // the favicon is fetched lazily by headless Chromium, if at all: count it explicitly
      const favicon = await ctx.request.get(`${app.url}/favicon.svg`, {
        headers: { 'accept-encoding': 'gzip' },
      });
      const faviconBytes = (await favicon.body()).length + 200;
      const fetched = [...urls.values()].some((u) => u.endsWith('/favicon.svg'));
      const total = [...sizes.values()].reduce((a, b) => a + b, 0) + (fetched ? 0 : faviconBytes);
      const detail = [...sizes].map(([id, n]) => `${urls.get(id)?.replace(app.url, '')} ${n} B`).join(', ');
      console.log(
        `page weight ${RESULT_PAGE}: ${total} bytes (${(total / 1024).toFixed(1)} KB) – ${detail}${fetched ? '' : `, /favicon.svg ~${faviconBytes} B (counted)`}`,
      );
      expect([...urls.values()].some((u) => /\/assets\/styles\.[0-9a-f]+\.css$/.test(u))).toBe(true);
      expect([...urls.values()].some((u) => /\/assets\/app\.[0-9a-f]+\.js$/.test(u))).toBe(true);
      expect(total).toBeLessThanOrEqual(RESULT_BUDGET_BYTES);
    } finally {
      await ctx.close();
    }
  });
});
