import { Hono } from 'hono';
import { notFound } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { invalidatePageCache } from '../../platform/http/page-cache.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { localePath } from '../../platform/i18n/index.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import {
  addTeamMember,
  getTeamMember,
  listTeam,
  removeTeamMember,
  teamMemberSchema,
  updateTeamMember,
} from './service.ts';
import { TeamAdmin, TeamMemberEdit } from './views.tsx';

const db = (c: Ctx) => c.get('deps').database.db;
const csrf = (c: Ctx) => c.get('auth')?.session?.csrfToken;
const actorOf = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });

/** The office keeps its own team list; the office page shows it (page variable {{office_team}}). */
export function teamOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('pages:edit'));

  const overview = async (
    c: Ctx,
    extra: Partial<Parameters<typeof TeamAdmin>[0]> = {},
    status: 200 | 422 = 200,
  ) =>
    renderPage(
      c,
      { title: c.get('t')('team.admin_title'), status },
      <TeamAdmin
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrf(c)}
        team={await listTeam(db(c))}
        {...extra}
      />,
    );

  app.get('/', (c) => overview(c));
  app.post('/', async (c) => {
    const form = await readForm(c, teamMemberSchema);
    if (!form.ok) return overview(c, { errors: form.errors, values: form.values }, 422);
    await addTeamMember(db(c), form.data, actorOf(c));
    invalidatePageCache();
    return overview(c, { notice: c.get('t')('team.saved') });
  });

  app.get('/:id', async (c) => {
    const person = await getTeamMember(db(c), uuidParam(c, 'id'));
    if (!person) throw notFound();
    const values = Object.fromEntries(
      Object.entries(person).map(([k, v]) => [k, v == null ? '' : String(v)]),
    );
    return renderPage(
      c,
      { title: c.get('t')('team.edit_title', { name: person.name }) },
      <TeamMemberEdit
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrf(c)}
        id={person.id}
        name={person.name}
        values={values}
      />,
    );
  });

  app.post('/:id', async (c) => {
    const id = uuidParam(c, 'id');
    const person = await getTeamMember(db(c), id);
    if (!person) throw notFound();
    const form = await readForm(c, teamMemberSchema);
    if (!form.ok)
      return renderPage(
        c,
        { title: c.get('t')('team.edit_title', { name: person.name }), status: 422 },
        <TeamMemberEdit
          t={c.get('t')}
          locale={c.get('locale')}
          csrf={csrf(c)}
          id={id}
          name={person.name}
          values={form.values}
          errors={form.errors}
        />,
      );
    await updateTeamMember(db(c), id, form.data, actorOf(c));
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), '/verwaltung/team'), 303);
  });

  app.post('/:id/entfernen', async (c) => {
    if (!(await removeTeamMember(db(c), uuidParam(c, 'id'), actorOf(c)))) throw notFound();
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), '/verwaltung/team'), 303);
  });

  return app;
}
