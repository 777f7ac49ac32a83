import { Hono } from 'hono';
import { notFound } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { fillPageCache, invalidatePageCache } from '../../platform/http/page-cache.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { contentLocale, isSiteLocale, localePath } from '../../platform/i18n/index.ts';
import type { NavItem } from '../../platform/ui/layout.tsx';
import { renderPage } from '../../platform/ui/render.tsx';
import { linkGlossaryTerms } from '../glossary/linker.ts';
import { linkableTerms } from '../glossary/repo.ts';
import { findPublishedPage, getPage, getRevision, listPages, listRevisions, navPages } from './repo.ts';
import { pageEditSchema, renderPageBody, restoreRevision, savePage } from './service.ts';
import { EditPage, PageList, RevisionView } from './views/office.tsx';
import { HomePage, InfoPage } from './views/public.tsx';

export async function pagesNavigation(c: Ctx): Promise<NavItem[]> {
  const rows = await navPages(c.get('deps').database.db, contentLocale(c.get('locale')));
  return rows.map((r) => ({
    path: r.slug,
    label: r.title,
    group: r.nav_group === 'footer' ? 'footer' : 'main',
  }));
}

const actorOf = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });

/** Office editing of the information pages (Markdown, preview, revisions). */
export function pagesAdminRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('pages:edit'));

  app.get('/', async (c) => {
    const pages = await listPages(c.get('deps').database.db);
    return renderPage(
      c,
      { title: c.get('t')('pages.admin_title') },
      <PageList pages={pages} t={c.get('t')} locale={c.get('locale')} />,
    );
  });

  async function editView(
    c: Ctx,
    id: string,
    extra: Partial<Parameters<typeof EditPage>[0]> = {},
    status: 200 | 409 | 422 = 200,
  ) {
    const db = c.get('deps').database.db;
    const page = await getPage(db, id);
    if (!page) throw notFound();
    const values = extra.values ?? {
      title: page.title,
      summary: page.summary,
      body_md: page.body_md,
      published: page.published ? 'on' : '',
      base_updated_at: page.updated_at.toISOString(),
    };
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('pages.edit_title', { title: page.title }), status },
      <EditPage
        t={t}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        page={page}
        values={values}
        revisions={await listRevisions(db, id)}
        {...extra}
      />,
    );
  }

  app.get('/:id', async (c) =>
    editView(c, uuidParam(c, 'id'), { saved: c.req.query('gespeichert') === '1' }),
  );

  app.post('/:id', async (c) => {
    const id = uuidParam(c, 'id');
    const db = c.get('deps').database.db;
    const form = await readForm(c, pageEditSchema);
    const intent = (await c.req.parseBody()).intent;
    if (!form.ok) return editView(c, id, { values: form.values, errors: form.errors }, 422);
    const page = await getPage(db, id);
    if (!page) throw notFound();
    if (intent === 'preview') {
      const previewHtml = await renderPageBody(db, form.data.body_md, page.locale);
      return editView(c, id, { values: form.values, previewHtml });
    }
    await savePage(db, id, form.data, actorOf(c));
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), `/verwaltung/seiten/${id}?gespeichert=1`), 303);
  });

  app.get('/:id/versionen/:rev', async (c) => {
    const db = c.get('deps').database.db;
    const id = uuidParam(c, 'id');
    const revision = await getRevision(db, id, uuidParam(c, 'rev'));
    const page = await getPage(db, id);
    if (!revision || !page) throw notFound();
    const t = c.get('t');
    const html = await renderPageBody(db, revision.body_md, page.locale);
    return renderPage(
      c,
      { title: t('pages.revision_title', { date: revision.created_at.toISOString() }) },
      <RevisionView
        t={t}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        pageId={id}
        revision={revision}
        html={html}
      />,
    );
  });

  app.post('/:id/versionen/:rev/wiederherstellen', async (c) => {
    const id = uuidParam(c, 'id');
    await restoreRevision(c.get('deps').database.db, id, uuidParam(c, 'rev'), actorOf(c));
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), `/verwaltung/seiten/${id}?gespeichert=1`), 303);
  });

  return app;
}

/** The public information pages: any path that names a published page. Registered last. */
export function publicPagesRoutes() {
  const app = new Hono<AppEnv>();
  app.get('*', fillPageCache(), async (c) => {
    const db = c.get('deps').database.db;
    // pages exist in the site's languages only; other language prefixes have just the finder
    const uiLocale = c.get('locale');
    if (!isSiteLocale(uiLocale)) throw notFound();
    const locale = uiLocale;
    const path = c.get('pathInLocale').replace(/(.)\/$/, '$1');
    // a page address is short and printable; anything else cannot name a page
    if (path.length > 200 || [...path].some((ch) => ch.charCodeAt(0) < 32)) throw notFound();
    const page = await findPublishedPage(db, path, locale);
    if (!page) throw notFound();
    // glossary terms in the page's text link to their explanation (first occurrence, never in links or headings)
    const html = linkGlossaryTerms(
      await renderPageBody(db, page.body_md, locale),
      await linkableTerms(db, locale),
    );
    if (path === '/') {
      const sections = await db
        .selectFrom('pages')
        .select(['slug', 'title', 'summary'])
        .where('locale', '=', locale)
        .where('published', '=', true)
        .where('nav_group', '=', 'about')
        .orderBy('position')
        .execute();
      return renderPage(
        c,
        { title: page.title, description: page.summary },
        <HomePage page={page} html={html} sections={sections} locale={locale} t={c.get('t')} />,
      );
    }
    return renderPage(
      c,
      { title: page.title, description: page.summary },
      <InfoPage page={page} html={html} />,
    );
  });
  return app;
}
