import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestSession } from '../helpers/app.ts';

const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16);

describe('news (Aktuelles)', () => {
  let t: TestApp;
  let office: TestSession;
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.sessionFor('office');
  });
  afterAll(() => t.close());

  const post = (form: Record<string, string>, path = '/verwaltung/aktuelles/neu') =>
    t.post(
      path,
      { locale: 'de', category: 'network', summary: 'Kurz & gut', intent: 'save', ...form },
      office,
    );

  it('publishes, keeps drafts and scheduled posts hidden, and sanitises the Markdown', async () => {
    const live = await post({
      slug: 'live',
      title: 'Sichtbar <i>jetzt</i>',
      body_md: '## Hallo\n\n**fett**\n\n<script>alert(1)</script><img src=x onerror="alert(2)">',
      status: 'published',
    });
    expect(live.status).toBe(303);
    expect((await post({ slug: 'entwurf', title: 'Entwurf', body_md: 'x', status: 'draft' })).status).toBe(
      303,
    );
    expect(
      (
        await post({
          slug: 'geplant',
          title: 'Geplant',
          body_md: 'x',
          status: 'published',
          published_at: future(),
        })
      ).status,
    ).toBe(303);

    const list = await (await t.request('/aktuelles')).text();
    expect(list).toContain('Sichtbar &lt;i&gt;jetzt&lt;/i&gt;');
    expect(list).not.toContain('Entwurf');
    expect(list).not.toContain('Geplant');
    expect((await t.request('/aktuelles/entwurf')).status).toBe(404);
    expect((await t.request('/aktuelles/geplant')).status).toBe(404);
    expect((await t.request('/en/aktuelles/live')).status).toBe(404);

    const page = await (await t.request('/aktuelles/live')).text();
    expect(page).toContain('<strong>fett</strong>');
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('onerror');

    const admin = await (await t.request('/verwaltung/aktuelles', { session: office })).text();
    expect(admin).toContain('Entwurf');
    expect(admin).toContain('geplant');
  });

  it('previews without saving', async () => {
    const res = await post({
      slug: 'vorschau',
      title: 'Vorschau',
      body_md: '*kursiv*',
      status: 'published',
      intent: 'preview',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<em>kursiv</em>');
    expect((await t.request('/aktuelles/vorschau')).status).toBe(404);
  });

  it('edits a post', async () => {
    const row = await t.database.db
      .selectFrom('network_news')
      .select('id')
      .where('slug', '=', 'entwurf')
      .executeTakeFirstOrThrow();
    const form = await t.request(`/verwaltung/aktuelles/${row.id}`, { session: office });
    expect(await form.text()).toContain('value="entwurf"');
    const res = await post(
      { slug: 'entwurf', title: 'Jetzt da', body_md: 'y', status: 'published' },
      `/verwaltung/aktuelles/${row.id}`,
    );
    expect(res.status).toBe(303);
    expect((await t.request('/aktuelles/entwurf')).status).toBe(200);
  });

  it('answers bad input with 422 and unknown ids with 404, never 500', async () => {
    const bad = await post({
      slug: 'Nicht Gültig',
      title: '',
      body_md: '',
      status: 'weird',
      published_at: 'gestern',
    });
    expect(bad.status).toBe(422);
    const dup = await post({ slug: 'live', title: 'Doppelt', body_md: 'x', status: 'draft' });
    expect(dup.status).toBe(422);
    expect(await dup.text()).toContain('schon vergeben');
    const nul = await post({ slug: 'nul', title: 'a\u0000b', body_md: 'x', status: 'draft' });
    expect(nul.status).toBe(422);
    expect(
      (await t.request('/verwaltung/aktuelles/00000000-0000-4000-8000-000000000000', { session: office }))
        .status,
    ).toBe(404);
    expect((await t.request('/aktuelles/%00')).status).toBe(404);
    expect((await t.request(`/aktuelles/${'a'.repeat(300)}`)).status).toBe(404);
  });

  it('serves a valid Atom 1.0 feed in German and English', async () => {
    await post({
      slug: 'english',
      locale: 'en',
      title: 'English & more',
      body_md: 'Text <b>bold</b>',
      status: 'published',
    });
    for (const [path, lang, expectTitle, hidden] of [
      ['/news/feed.xml', 'de', 'Sichtbar <i>jetzt</i>', 'English & more'],
      ['/en/news/feed.xml', 'en', 'English & more', 'Geplant'],
    ] as const) {
      const res = await t.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/atom+xml');
      const xml = await res.text();
      expect(XMLValidator.validate(xml)).toBe(true);
      const doc = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '@',
        isArray: (n) => ['entry', 'link'].includes(n),
      }).parse(xml);
      const feed = doc.feed;
      expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
      expect(feed['@xml:lang']).toBe(lang);
      expect(feed.id).toMatch(/^http/);
      expect(feed.title['#text']).toBeTruthy();
      expect(Number.isNaN(Date.parse(feed.updated))).toBe(false);
      expect(
        feed.link.some(
          (l: Record<string, string>) => l['@rel'] === 'self' && (l['@href'] ?? '').endsWith(path),
        ),
      ).toBe(true);
      const entries = feed.entry as Array<{
        id: string;
        title: Record<string, string>;
        updated: string;
        published: string;
        link: Array<Record<string, string>>;
        content: Record<string, string>;
        summary: unknown;
      }>;
      expect(entries.length).toBeGreaterThan(0);
      for (const e of entries) {
        expect(e.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
        expect(e.title['#text']).toBeTruthy();
        expect(Number.isNaN(Date.parse(e.updated))).toBe(false);
        expect(Number.isNaN(Date.parse(e.published))).toBe(false);
        expect(e.link[0]?.['@href']).toContain('/aktuelles/');
        expect(e.content['@type']).toBe('html');
        expect(e.summary).toBeDefined();
      }
      const titles = entries.map((e) => e.title['#text']);
      expect(titles).toContain(expectTitle);
      expect(titles).not.toContain(hidden);
      expect(xml).not.toContain('<script');
    }
  });
});
