import { Hono } from 'hono';
import type { FieldErrors } from '../../platform/errors.ts';
import { notFound } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { localePath, type MessageKey } from '../../platform/i18n/index.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import { contentOf, formStateOf, storedChanges } from './diff.ts';
import { readCentreForm } from './edit-form.ts';
import { ownCentre, requestsOfCentre } from './edit-repo.ts';
import { entrySchema, type FormState, shelterSchema } from './edit-schema.ts';
import { confirmVerified, proposeChange, setShelter } from './editing.ts';
import { OwnEntryPage } from './views/own-entry.tsx';

const db = (c: Ctx) => c.get('deps').database.db;
const actor = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });
const back = (c: Ctx, flag: string) =>
  c.redirect(`${localePath(c.get('locale'), '/mein-eintrag')}?${flag}=1`, 303);

/** The entry of the user's own organisation; the id never comes from the request, so no other entry is reachable. */
async function ownOrFail(c: Ctx) {
  const centre = await ownCentre(db(c), c.get('auth')!.user.organisation_id);
  if (!centre) throw notFound();
  return centre;
}

const notices: Array<[string, MessageKey]> = [
  ['gesendet', 'directory.own.submitted'],
  ['unveraendert', 'directory.own.no_changes'],
  ['schutzplaetze', 'directory.own.shelter_saved'],
  ['bestaetigt', 'directory.own.verified'],
];

/** `/mein-eintrag`: a centre's staff maintain their organisation's directory entry. */
export function ownEntryRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('directory:edit_own'));

  async function view(
    c: Ctx,
    extra: { state?: FormState; errors?: FieldErrors; shelterErrors?: FieldErrors } = {},
  ) {
    const t = c.get('t');
    const locale = c.get('locale');
    const centre = await ownCentre(db(c), c.get('auth')!.user.organisation_id);
    const requests = centre
      ? (await requestsOfCentre(db(c), centre.id)).map((r) => ({
          ...r,
          fields: Object.keys(storedChanges(r.changes)),
        }))
      : [];
    const open = requests.find((r) => r.status === 'pending');
    // while a request waits, the form shows it, so a second proposal builds on the first
    const state =
      extra.state ??
      (centre
        ? formStateOf({ ...contentOf(centre), ...(open ? storedChanges(open.changes) : {}) }, locale)
        : {});
    const flag = notices.find(([q]) => c.req.query(q));
    return renderPage(
      c,
      { title: t('directory.own.title'), status: extra.errors || extra.shelterErrors ? 422 : 200 },
      <OwnEntryPage
        t={t}
        locale={locale}
        csrf={c.get('auth')?.session?.csrfToken}
        centre={centre}
        requests={requests}
        state={state}
        errors={extra.errors}
        shelterErrors={extra.shelterErrors}
        notice={flag ? t(flag[1]) : undefined}
      />,
    );
  }

  app.get('/', (c) => view(c));

  app.post('/', async (c) => {
    const centre = await ownOrFail(c);
    const form = await readCentreForm(c, entrySchema);
    if (!form.ok) return view(c, { state: form.state, errors: form.errors });
    const result = await proposeChange(db(c), centre.id, form.data, actor(c));
    return back(c, result.requestId ? 'gesendet' : 'unveraendert');
  });

  app.post('/schutzplaetze', async (c) => {
    const centre = await ownOrFail(c);
    const form = await readForm(c, shelterSchema);
    if (!form.ok) return view(c, { shelterErrors: form.errors });
    await setShelter(db(c), centre.id, form.data.status, actor(c));
    return back(c, 'schutzplaetze');
  });

  app.post('/bestaetigen', async (c) => {
    const centre = await ownOrFail(c);
    await confirmVerified(db(c), centre.id, actor(c));
    return back(c, 'bestaetigt');
  });

  return app;
}
