import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPages } from '../../src/modules/pages/seed-content.ts';
import { createTestApp, csrfFrom, type TestApp, type TestSession } from '../helpers/app.ts';

describe('public information pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.database.db
      .insertInto('organisations')
      .values([
        { slug: 'org-a', name: 'Organisation A' },
        { slug: 'org-b', name: 'Organisation B' },
      ])
      .execute();
  });
  afterAll(() => t.close());

  it('serves every seeded page in German and English, without a cookie', async () => {
    for (const page of seedPages) {
      for (const locale of ['de', 'en'] as const) {
        const path = locale === 'de' ? page.slug : page.slug === '/' ? '/en' : `/en${page.slug}`;
        const res = await t.request(path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get('set-cookie'), path).toBeNull();
        const html = await res.text();
        expect(html).toContain(`<html lang="${locale}"`);
        expect(html).toContain(escapeHtml(page[locale].title));
        expect(html).toContain('class="quick-exit"');
        // links to other sites are navigation; what a page loads (src, stylesheets) stays on this host
        expect(html).not.toMatch(/\ssrc="(https?:)?\/\//);
        expect(html).not.toMatch(/<link[^>]+href="(https?:)?\/\//);
      }
    }
  });

  it('computes the member count instead of typing it', async () => {
    const html = await (await t.request('/ueber-uns/mitgliedsorganisationen')).text();
    expect(html).toMatch(/vereint der KOK e\.V\. heute 2 Mitgliedsorganisationen/);
    expect(html).not.toContain('{{member_count}}');
  });

  it('links in the navigation only to pages that exist', async () => {
    for (const start of ['/', '/en']) {
      const html = await (await t.request(start)).text();
      const links = [...html.matchAll(/<a [^>]*href="(\/[^"#]*)"/g)].map((m) => m[1]!);
      expect(links.length).toBeGreaterThan(8);
      for (const link of new Set(links)) {
        const res = await t.request(link);
        expect(res.status, link).toBe(200);
      }
    }
  });

  it('answers an unknown address with a styled 404 in the right language', async () => {
    const de = await t.request('/gibt-es-nicht');
    expect(de.status).toBe(404);
    expect(await de.text()).toContain('Seite nicht gefunden');
    const en = await t.request('/en/does-not-exist');
    expect(en.status).toBe(404);
    expect(await en.text()).toContain('Page not found');
    const api = await t.request('/api/v1/nothing');
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('offers the pages as JSON', async () => {
    const res = await t.request('/api/v1/pages?locale=en');
    const body = (await res.json()) as { pages: Array<{ slug: string; html: string }> };
    expect(body.pages.map((p) => p.slug)).toContain('/kontakt');
    const bad = await t.request('/api/v1/pages?locale=xx');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('locale');
  });
});

describe('office edits pages', () => {
  let t: TestApp;
  let office: TestSession;
  let pageId: string;
  beforeAll(async () => {
    t = await createTestApp();
    office = await t.sessionFor('office');
    const page = await t.database.db
      .selectFrom('pages')
      .select('id')
      .where('slug', '=', '/kontakt')
      .where('locale', '=', 'de')
      .executeTakeFirstOrThrow();
    pageId = page.id;
  });
  afterAll(() => t.close());

  async function form() {
    const html = await (await t.request(`/verwaltung/seiten/${pageId}`, { session: office })).text();
    const base = /name="base_updated_at" value="([^"]+)"/.exec(html)![1]!;
    return { base, csrf: csrfFrom(html) };
  }

  it('previews without saving, saves with a revision, and restores', async () => {
    const { base } = await form();
    const edit = {
      title: 'Kontakt (neu)',
      summary: 'S',
      body_md: '## Neu\n\nText **fett**',
      published: 'on',
      base_updated_at: base,
    };
    const preview = await t.post(`/verwaltung/seiten/${pageId}`, { ...edit, intent: 'preview' }, office);
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain('<strong>fett</strong>');
    expect(await (await t.request('/kontakt')).text()).not.toContain('Kontakt (neu)');

    const saved = await t.post(`/verwaltung/seiten/${pageId}`, { ...edit, intent: 'save' }, office);
    expect(saved.status).toBe(303);
    expect(await (await t.request('/kontakt')).text()).toContain('Kontakt (neu)');

    const revisions = await t.database.db
      .selectFrom('page_revisions')
      .selectAll()
      .where('page_id', '=', pageId)
      .execute();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.title).toBe('Kontakt');
    const restored = await t.post(
      `/verwaltung/seiten/${pageId}/versionen/${revisions[0]!.id}/wiederherstellen`,
      {},
      office,
    );
    expect(restored.status).toBe(303);
    const html = await (await t.request('/kontakt')).text();
    expect(html).toContain('<h1>Kontakt</h1>');

    const actions = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', pageId)
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['page.update', 'page.update']);
  });

  it('sanitises the Markdown on output', async () => {
    const { base } = await form();
    const body =
      'Hallo <script>alert(1)</script> <img src=x onerror="alert(2)"> [x](javascript:alert(3)) <iframe src="https://evil.example"></iframe>';
    await t.post(
      `/verwaltung/seiten/${pageId}`,
      {
        title: 'Kontakt',
        summary: '',
        body_md: body,
        published: 'on',
        base_updated_at: base,
        intent: 'save',
      },
      office,
    );
    const html = await (await t.request('/kontakt')).text();
    const main = html.slice(html.indexOf('<main'), html.indexOf('</main>'));
    expect(main).toContain('Hallo');
    expect(main).not.toMatch(/<script|onerror|javascript:|<iframe|<img/i);
  });

  it('refuses to overwrite a newer change and reports field errors', async () => {
    const stale = {
      title: 'A',
      summary: '',
      body_md: 'x',
      published: 'on',
      base_updated_at: '2000-01-01T00:00:00.000Z',
      intent: 'save',
    };
    const conflict = await t.post(`/verwaltung/seiten/${pageId}`, stale, office);
    expect(conflict.status).toBe(409);
    expect(await conflict.text()).toContain('inzwischen von jemand anderem geändert');

    const { base } = await form();
    const empty = await t.post(
      `/verwaltung/seiten/${pageId}`,
      { title: '', summary: '', body_md: ' ', base_updated_at: base, intent: 'save' },
      office,
    );
    expect(empty.status).toBe(422);
    const text = await empty.text();
    expect(text).toContain('Bitte füllen Sie dieses Feld aus.');
    expect(text).toContain('aria-invalid="true"');
  });

  it('hides an unpublished page from the public and from the navigation', async () => {
    const { base } = await form();
    await t.post(
      `/verwaltung/seiten/${pageId}`,
      { title: 'Kontakt', summary: '', body_md: 'x', base_updated_at: base, intent: 'save' },
      office,
    );
    expect((await t.request('/kontakt')).status).toBe(404);
    expect(await (await t.request('/')).text()).not.toContain('href="/kontakt"');
    expect((await t.request('/en/kontakt')).status).toBe(200);
  });

  it('answers 404 for ids that are not UUIDs or do not exist', async () => {
    expect((await t.request('/verwaltung/seiten/123', { session: office })).status).toBe(404);
    expect(
      (await t.request('/verwaltung/seiten/00000000-0000-4000-8000-000000000000', { session: office }))
        .status,
    ).toBe(404);
  });
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
