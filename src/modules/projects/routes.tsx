import { Hono } from 'hono';
import { type FieldErrors, notFound, validationFields } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { invalidatePageCache } from '../../platform/http/page-cache.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { contentLocale, localePath } from '../../platform/i18n/index.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import {
  findPublicProject,
  getProject,
  linkChoices,
  linkedIds,
  listAllProjects,
  projectSchema,
  publicLinks,
  publicProjects,
  saveProject,
} from './repo.ts';
import { ProjectEditor, ProjectList, ProjectPage, ProjectsAdmin } from './views.tsx';

const actorOf = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });
const SLUG = /^[a-z0-9][a-z0-9-]{1,99}$/;
/** Errors of a checkbox list come per item (`topics.0`); the form shows them on the list as a whole. */
function byList(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, issue] of Object.entries(errors)) out[key.replace(/\.\d+$/, '')] ??= issue;
  return out;
}

const today = () => new Date().toISOString().slice(0, 10);

export function projectsPublicRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/projekte', async (c) =>
    renderPage(
      c,
      { title: c.get('t')('projects.title') },
      <ProjectList
        projects={await publicProjects(c.get('deps').database.db)}
        t={c.get('t')}
        locale={contentLocale(c.get('locale'))}
        today={today()}
      />,
    ),
  );
  app.get('/projekte/:slug', async (c) => {
    const slug = c.req.param('slug');
    if (!SLUG.test(slug)) throw notFound();
    const db = c.get('deps').database.db;
    const project = await findPublicProject(db, slug);
    if (!project) throw notFound();
    const locale = contentLocale(c.get('locale'));
    const english = locale === 'en' && project.description_en.trim() !== '';
    return renderPage(
      c,
      { title: locale === 'en' && project.title_en ? project.title_en : project.title_de },
      <ProjectPage
        t={c.get('t')}
        locale={locale}
        project={project}
        descriptionHtml={renderMarkdown(english ? project.description_en : project.description_de)}
        descriptionLang={english ? 'en' : 'de'}
        links={await publicLinks(db, project.id)}
      />,
    );
  });
  return app;
}

/** Office: projects with their description, duration, funders, team and links to existing records. */
export function projectsOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('projects:edit'));

  app.get('/', async (c) =>
    renderPage(
      c,
      { title: c.get('t')('projects.admin_title') },
      <ProjectsAdmin
        t={c.get('t')}
        locale={c.get('locale')}
        rows={await listAllProjects(c.get('deps').database.db)}
      />,
    ),
  );

  async function editor(
    c: Ctx,
    id: string | null,
    props: {
      values: Record<string, string>;
      chosen: { publications: string[]; events: string[]; news: string[] };
      errors?: FieldErrors;
      saved?: boolean;
    },
    status: 200 | 422 = 200,
  ) {
    const t = c.get('t');
    const heading = id ? t('projects.edit_title', { title: props.values.title_de ?? '' }) : t('projects.new');
    return renderPage(
      c,
      { title: heading, status },
      <ProjectEditor
        t={t}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        id={id}
        heading={heading}
        choices={await linkChoices(c.get('deps').database.db)}
        {...props}
      />,
    );
  }

  async function chosenFromBody(c: Ctx) {
    const body = await c.req.parseBody({ all: true });
    const list = (v: unknown) =>
      (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string');
    return { publications: list(body.publications), events: list(body.events), news: list(body.news) };
  }

  async function submit(c: Ctx, id: string | null) {
    const db = c.get('deps').database.db;
    if (id && !(await getProject(db, id))) throw notFound();
    const form = await readForm(c, projectSchema);
    const chosen = await chosenFromBody(c);
    if (!form.ok) return editor(c, id, { values: form.values, chosen, errors: byList(form.errors) }, 422);
    let savedId: string;
    try {
      savedId = await db.transaction().execute((trx) => saveProject(trx, id, form.data, actorOf(c)));
    } catch (err) {
      return editor(c, id, { values: form.values, chosen, errors: validationFields(err) }, 422);
    }
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), `/verwaltung/projekte/${savedId}?gespeichert=1`), 303);
  }

  app.get('/neu', (c) =>
    editor(c, null, {
      values: { starts_on: today(), published: 'on' },
      chosen: { publications: [], events: [], news: [] },
    }),
  );
  app.post('/neu', (c) => submit(c, null));
  app.get('/:id', async (c) => {
    const db = c.get('deps').database.db;
    const p = await getProject(db, uuidParam(c, 'id'));
    if (!p) throw notFound();
    return editor(c, p.id, {
      values: {
        slug: p.slug,
        title_de: p.title_de,
        title_en: p.title_en,
        summary_de: p.summary_de,
        summary_en: p.summary_en,
        description_de: p.description_de,
        description_en: p.description_en,
        starts_on: p.starts_on,
        ends_on: p.ends_on ?? '',
        funders: p.funders,
        team: p.team,
        published: p.published ? 'on' : '',
      },
      chosen: await linkedIds(db, p.id),
      saved: c.req.query('gespeichert') === '1',
    });
  });
  app.post('/:id', (c) => submit(c, uuidParam(c, 'id')));
  return app;
}
