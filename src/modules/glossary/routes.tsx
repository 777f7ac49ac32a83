import { Hono } from 'hono';
import { notFound, validationFields } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { invalidatePageCache } from '../../platform/http/page-cache.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { contentLocale, localePath } from '../../platform/i18n/index.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import { deleteTerm, getTerm, glossarySchema, listTerms, saveTerm } from './repo.ts';
import { GlossaryAdmin, GlossaryEditor, GlossaryPage } from './views.tsx';

const actorOf = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });

export function glossaryPublicRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/glossar', async (c) =>
    renderPage(
      c,
      { title: c.get('t')('glossary.title') },
      <GlossaryPage
        terms={await listTerms(c.get('deps').database.db)}
        t={c.get('t')}
        locale={contentLocale(c.get('locale'))}
      />,
    ),
  );
  return app;
}

/** Office: terms and their explanations in German and English. */
export function glossaryOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('glossary:edit'));

  app.get('/', async (c) =>
    renderPage(
      c,
      { title: c.get('t')('glossary.admin_title') },
      <GlossaryAdmin
        terms={await listTerms(c.get('deps').database.db)}
        t={c.get('t')}
        locale={c.get('locale')}
        deleted={c.req.query('geloescht') === '1'}
      />,
    ),
  );

  function editor(
    c: Ctx,
    id: string | null,
    props: {
      values: Record<string, string>;
      errors?: import('../../platform/errors.ts').FieldErrors;
      saved?: boolean;
    },
    status: 200 | 422 = 200,
  ) {
    const t = c.get('t');
    const heading = id ? t('glossary.edit_title', { term: props.values.term_de ?? '' }) : t('glossary.new');
    return renderPage(
      c,
      { title: heading, status },
      <GlossaryEditor
        t={t}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        id={id}
        heading={heading}
        {...props}
      />,
    );
  }

  async function submit(c: Ctx, id: string | null) {
    const db = c.get('deps').database.db;
    if (id && !(await getTerm(db, id))) throw notFound();
    const form = await readForm(c, glossarySchema);
    if (!form.ok) return editor(c, id, { values: form.values, errors: form.errors }, 422);
    let savedId: string;
    try {
      savedId = await db.transaction().execute((trx) => saveTerm(trx, id, form.data, actorOf(c)));
    } catch (err) {
      return editor(c, id, { values: form.values, errors: validationFields(err) }, 422);
    }
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), `/verwaltung/glossar/${savedId}?gespeichert=1`), 303);
  }

  app.get('/neu', (c) => editor(c, null, { values: {} }));
  app.post('/neu', (c) => submit(c, null));
  app.get('/:id', async (c) => {
    const term = await getTerm(c.get('deps').database.db, uuidParam(c, 'id'));
    if (!term) throw notFound();
    return editor(c, term.id, {
      values: {
        slug: term.slug,
        term_de: term.term_de,
        term_en: term.term_en,
        definition_de: term.definition_de,
        definition_en: term.definition_en,
      },
      saved: c.req.query('gespeichert') === '1',
    });
  });
  app.post('/:id', (c) => submit(c, uuidParam(c, 'id')));
  app.post('/:id/loeschen', async (c) => {
    const db = c.get('deps').database.db;
    const id = uuidParam(c, 'id');
    await db.transaction().execute((trx) => deleteTerm(trx, id, actorOf(c)));
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), '/verwaltung/glossar?geloescht=1'), 303);
  });
  return app;
}
