import { Hono } from 'hono';
import { type FieldErrors, notFound } from '../../platform/errors.ts';
import { fileResponse } from '../../platform/files/download.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm, readQuery } from '../../platform/http/forms.ts';
import { invalidatePageCache } from '../../platform/http/page-cache.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { contentLocale, localePath } from '../../platform/i18n/index.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import {
  getPublication,
  listAllPublications,
  publicationQuerySchema,
  publicationSchema,
  publicationYears,
  publishedPdf,
  savePublication,
  searchPublications,
} from './repo.ts';
import { readPdfUpload } from './upload.ts';
import { PublicationEditor, PublicationList, PublicationsAdmin } from './views.tsx';

const actorOf = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });

export function publicationsPublicRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/publikationen', async (c) => {
    const db = c.get('deps').database.db;
    const t = c.get('t');
    const locale = contentLocale(c.get('locale'));
    const query = readQuery(c, publicationQuerySchema);
    const empty = { q: '', typ: '', jahr: '', sprache: '' } as const;
    const years = await publicationYears(db);
    if (!query.ok) {
      return renderPage(
        c,
        { title: t('publications.title'), status: 400 },
        <PublicationList
          t={t}
          locale={locale}
          items={[]}
          years={years}
          query={empty}
          errors={query.errors}
        />,
      );
    }
    const items = await searchPublications(db, query.data, (year) => t('data.report.title', { year }));
    return renderPage(
      c,
      { title: t('publications.title') },
      <PublicationList t={t} locale={locale} items={items} years={years} query={query.data} />,
    );
  });

  app.get('/publikationen/:id/pdf', async (c) => {
    const file = await publishedPdf(c.get('deps').database.db, uuidParam(c, 'id'));
    if (!file) throw notFound();
    return fileResponse(c, file, { cacheSeconds: 300 });
  });

  return app;
}

function formValues(p: NonNullable<Awaited<ReturnType<typeof getPublication>>>): Record<string, string> {
  return {
    title: p.title,
    year: String(p.year),
    type: p.type,
    locale: p.locale,
    summary: p.summary,
    published: p.published ? 'on' : '',
  };
}

/** Office: uploading and editing publications (PDF checked by content, text extracted for the search). */
export function publicationsOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('publications:edit'));

  app.get('/', async (c) =>
    renderPage(
      c,
      { title: c.get('t')('publications.admin_title') },
      <PublicationsAdmin
        t={c.get('t')}
        locale={c.get('locale')}
        rows={await listAllPublications(c.get('deps').database.db)}
      />,
    ),
  );

  async function editor(
    c: Ctx,
    id: string | null,
    props: { values: Record<string, string>; errors?: FieldErrors; saved?: boolean },
    status: 200 | 422 = 200,
  ) {
    const t = c.get('t');
    const current = id ? await getPublication(c.get('deps').database.db, id) : undefined;
    if (id && !current) throw notFound();
    const heading = current ? t('publications.edit_title', { title: current.title }) : t('publications.new');
    return renderPage(
      c,
      { title: heading, status },
      <PublicationEditor
        t={t}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        id={id}
        heading={heading}
        currentFile={current?.file_name ? { name: current.file_name, size: current.file_size ?? 0 } : null}
        {...props}
      />,
    );
  }

  async function submit(c: Ctx, id: string | null) {
    const db = c.get('deps').database.db;
    if (id && !(await getPublication(db, id))) throw notFound();
    const form = await readForm(c, publicationSchema);
    const upload = await readPdfUpload(c, 'file', id === null);
    const errors = { ...(form.ok ? {} : form.errors), ...(upload.ok ? {} : upload.errors) };
    if (!form.ok || !upload.ok) return editor(c, id, { values: form.values, errors }, 422);
    // data reports come from the data collection; only an existing data_report entry may keep its type
    if (
      form.data.type === 'data_report' &&
      (id ? (await getPublication(db, id))?.type : null) !== 'data_report'
    ) {
      return editor(c, id, { values: form.values, errors: { type: { key: 'validation.choice' } } }, 422);
    }
    const savedId = await db
      .transaction()
      .execute((trx) => savePublication(trx, id, form.data, upload.pdf, actorOf(c)));
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), `/verwaltung/publikationen/${savedId}?gespeichert=1`), 303);
  }

  app.get('/neu', (c) =>
    editor(c, null, { values: { year: String(new Date().getUTCFullYear()), locale: 'de', published: 'on' } }),
  );
  app.post('/neu', (c) => submit(c, null));
  app.get('/:id', async (c) => {
    const id = uuidParam(c, 'id');
    const p = await getPublication(c.get('deps').database.db, id);
    if (!p) throw notFound();
    return editor(c, id, { values: formValues(p), saved: c.req.query('gespeichert') === '1' });
  });
  app.post('/:id', (c) => submit(c, uuidParam(c, 'id')));
  return app;
}
