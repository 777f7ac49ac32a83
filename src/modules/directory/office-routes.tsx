import { Hono } from 'hono';
import { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.ts';
import { notFound, validationFields } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { localePath } from '../../platform/i18n/index.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import { listOrganisations } from '../admin/organisations.ts';
import { contentOf, diffRows, formStateOf, storedChanges } from './diff.ts';
import { readCentreForm } from './edit-form.ts';
import {
  countPending,
  getRequest,
  listOfficeCentres,
  pendingRequests,
  requestsOfCentre,
} from './edit-repo.ts';
import { type FormState, officeSchema, returnSchema } from './edit-schema.ts';
import { approveChange, createCentre, returnChange, saveCentre } from './editing.ts';
import { verificationCutoff } from './reminders.ts';
import { findCentreById } from './repo.ts';
import type { CentreRecord } from './types.ts';
import { CentreList, EditCentrePage } from './views/office.tsx';
import { ReviewPage, ReviewQueue } from './views/review.tsx';

const BASE = '/verwaltung/fachberatungsstellen';
const db = (c: Ctx) => c.get('deps').database.db;
const csrf = (c: Ctx) => c.get('auth')?.session?.csrfToken;
const actor = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });
const to = (c: Ctx, path: string) => c.redirect(localePath(c.get('locale'), `${BASE}${path}`), 303);

/** A filter that makes no sense is ignored, not an error: the list is shown unfiltered. */
const listQuery = z.object({
  mitglied: z.enum(['ja', 'nein']).optional().catch(undefined),
  faellig: z.literal('1').optional().catch(undefined),
  offen: z.literal('1').optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(100)
    .refine((v) => !v.includes('\u0000'))
    .optional()
    .catch(undefined),
});

function officeState(centre: CentreRecord, c: Ctx): FormState {
  return {
    ...formStateOf(contentOf(centre), c.get('locale')),
    slug: centre.slug,
    organisation_id: centre.organisationId ?? '',
    is_member: centre.isMember ? 'on' : '',
    published: centre.published ? 'on' : '',
    verified_at: centre.verifiedAt ?? '',
  };
}

/** The office's directory: list, direct editing, new entries and the review of centres' change requests. */
export function directoryOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('directory:manage'));

  app.get('/', async (c) => {
    const q = listQuery.parse(c.req.query());
    const filters = {
      member: q.mitglied,
      due: q.faellig === '1',
      pending: q.offen === '1',
      q: q.q || undefined,
    };
    const rows = await listOfficeCentres(db(c), filters, verificationCutoff());
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('directory.office.title') },
      <CentreList
        t={t}
        locale={c.get('locale')}
        rows={rows}
        filters={filters}
        pendingTotal={await countPending(db(c))}
      />,
    );
  });

  async function editView(
    c: Ctx,
    centre: CentreRecord | null,
    extra: { state?: FormState; errors?: FieldErrors; notice?: string } = {},
  ) {
    const t = c.get('t');
    const locale = c.get('locale');
    const state = extra.state ?? (centre ? officeState(centre, c) : { published: 'on' });
    const base = typeof state.base_updated_at === 'string' ? state.base_updated_at : undefined;
    const pending = centre
      ? (await requestsOfCentre(db(c), centre.id)).find((r) => r.status === 'pending')?.id
      : undefined;
    const title = centre
      ? t('directory.office.edit_title', { name: centre.name })
      : t('directory.office.create_title');
    return renderPage(
      c,
      { title, status: extra.errors ? 422 : 200 },
      <EditCentrePage
        t={t}
        locale={locale}
        csrf={csrf(c)}
        title={title}
        action={localePath(locale, centre ? `${BASE}/${centre.id}` : `${BASE}/neu`)}
        state={state}
        errors={extra.errors}
        notice={extra.notice}
        submitLabel={t(centre ? 'directory.office.save' : 'directory.office.create')}
        office={{
          organisations: await listOrganisations(db(c)),
          baseUpdatedAt: centre ? (base ?? centre.updatedAt.toISOString()) : undefined,
        }}
        publicHref={
          centre?.published ? localePath(locale, `/fachberatungsstellen/${centre.slug}`) : undefined
        }
        pendingRequestId={pending}
      />,
    );
  }

  app.get('/neu', (c) => editView(c, null));

  app.post('/neu', async (c) => {
    const form = await readCentreForm(c, officeSchema);
    if (!form.ok) return editView(c, null, { state: form.state, errors: form.errors });
    try {
      const id = await createCentre(db(c), form.data, actor(c));
      return to(c, `/${id}?angelegt=1`);
    } catch (err) {
      return editView(c, null, { state: form.state, errors: validationFields(err) });
    }
  });

  app.get('/pruefung', async (c) => {
    const t = c.get('t');
    const requests = (await pendingRequests(db(c))).map((r) => ({
      ...r,
      fields: Object.keys(storedChanges(r.changes)),
    }));
    const notice = c.req.query('freigegeben')
      ? t('directory.review.approved')
      : c.req.query('zurueckgegeben')
        ? t('directory.review.returned')
        : undefined;
    return renderPage(
      c,
      { title: t('directory.review.title') },
      <ReviewQueue t={t} locale={c.get('locale')} requests={requests} notice={notice} />,
    );
  });

  async function reviewView(c: Ctx, extra: { values?: Record<string, string>; errors?: FieldErrors } = {}) {
    const request = await getRequest(db(c), uuidParam(c, 'id'));
    const centre = request ? await findCentreById(db(c), request.centre_id) : null;
    if (!request || !centre) throw notFound();
    const before = contentOf(centre);
    const rows = diffRows(before, { ...before, ...storedChanges(request.changes) }, c.get('locale'));
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('directory.review.detail_title', { name: centre.name }), status: extra.errors ? 422 : 200 },
      <ReviewPage
        t={t}
        locale={c.get('locale')}
        csrf={csrf(c)}
        request={request}
        centre={centre}
        rows={rows}
        {...extra}
      />,
    );
  }

  app.get('/pruefung/:id', (c) => reviewView(c));

  app.post('/pruefung/:id/freigeben', async (c) => {
    await approveChange(db(c), uuidParam(c, 'id'), actor(c));
    return to(c, '/pruefung?freigegeben=1');
  });

  app.post('/pruefung/:id/zurueckgeben', async (c) => {
    const id = uuidParam(c, 'id');
    const form = await readForm(c, returnSchema);
    if (!form.ok) return reviewView(c, { values: form.values, errors: form.errors });
    await returnChange(db(c), id, form.data.comment, actor(c), c.get('deps').config);
    c.get('deps').kickMail();
    return to(c, '/pruefung?zurueckgegeben=1');
  });

  app.get('/:id', async (c) => {
    const centre = await findCentreById(db(c), uuidParam(c, 'id'));
    if (!centre) throw notFound();
    const t = c.get('t');
    const notice = c.req.query('angelegt')
      ? t('directory.office.created')
      : c.req.query('gespeichert')
        ? t('directory.office.saved')
        : undefined;
    return editView(c, centre, { notice });
  });

  app.post('/:id', async (c) => {
    const centre = await findCentreById(db(c), uuidParam(c, 'id'));
    if (!centre) throw notFound();
    const form = await readCentreForm(c, officeSchema);
    if (!form.ok) return editView(c, centre, { state: form.state, errors: form.errors });
    try {
      await saveCentre(db(c), centre.id, form.data, actor(c));
    } catch (err) {
      return editView(c, centre, { state: form.state, errors: validationFields(err) });
    }
    return to(c, `/${centre.id}?gespeichert=1`);
  });

  return app;
}
