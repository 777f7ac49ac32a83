import { Hono } from 'hono';
import { audit } from '../../platform/audit.ts';
import { type FieldErrors, notFound, validationFields } from '../../platform/errors.ts';
import { fileResponse } from '../../platform/files/download.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm, readQuery } from '../../platform/http/forms.ts';
import { invalidatePageCache } from '../../platform/http/page-cache.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { contentLocale, localePath } from '../../platform/i18n/index.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import { readPdfUpload } from '../publications/upload.ts';
import { trackerCsv } from './csv.ts';
import {
  addAssessment,
  addSubmission,
  assessmentHistory,
  assessmentSchema,
  createInstrument,
  createRound,
  deleteSubmission,
  getInstrument,
  getRecommendation,
  getRound,
  instrumentSchema,
  listInstruments,
  listRounds,
  listSubmissions,
  progressByRound,
  recommendationSchema,
  roundSchema,
  saveRecommendation,
  submissionFile,
  submissionSchema,
  type TrackerQuery,
  trackerQuerySchema,
  trackerRows,
  updateInstrument,
  updateRound,
} from './repo.ts';
import {
  type AdminForms,
  MonitoringAdmin,
  RecommendationEditor,
  RecommendationPage,
  recommendationTitle,
  SimpleEditor,
  TrackerPage,
} from './views.tsx';

const actorOf = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });
/** Errors of a checkbox list come per item (`topics.0`); the form shows them on the list as a whole. */
function byList(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, issue] of Object.entries(errors)) out[key.replace(/\.\d+$/, '')] ??= issue;
  return out;
}

const noFilter: TrackerQuery = { instrument: '', runde: '', thema: '', status: '' };

/** The public tracker, its CSV export, recommendation pages and the shadow reports. */
export function monitoringPublicRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/monitoring', async (c) => {
    const db = c.get('deps').database.db;
    const t = c.get('t');
    const locale = contentLocale(c.get('locale'));
    const query = readQuery(c, trackerQuerySchema);
    const filters = query.ok ? query.data : noFilter;
    const rows = query.ok ? await trackerRows(db, filters) : [];
    return renderPage(
      c,
      { title: t('monitoring.title'), status: query.ok ? 200 : 400 },
      <TrackerPage
        t={t}
        locale={locale}
        instruments={await listInstruments(db)}
        rounds={await listRounds(db)}
        rows={rows}
        progress={progressByRound(rows)}
        submissions={await listSubmissions(db)}
        query={filters}
        errors={query.ok ? undefined : query.errors}
      />,
    );
  });

  app.get('/monitoring.csv', async (c) => {
    const db = c.get('deps').database.db;
    const query = readQuery(c, trackerQuerySchema);
    if (!query.ok)
      return c.json({ error: c.get('t')('error.validation'), fields: Object.keys(query.errors) }, 400);
    const rows = await trackerRows(db, query.data);
    const auth = c.get('auth');
    // the data is public; exports by accounts are logged like every office export
    if (auth) {
      await audit(db, {
        actorId: auth.user.id,
        actorLabel: auth.user.role,
        action: 'monitoring.export',
        ip: c.get('ip'),
        meta: { rows: rows.length, filters: query.data },
      });
    }
    const locale = contentLocale(c.get('locale'));
    return c.body(trackerCsv(rows, c.get('t'), locale), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="monitoring-${locale}.csv"`,
    });
  });

  app.get('/monitoring/empfehlungen/:id', async (c) => {
    const db = c.get('deps').database.db;
    const rec = await getRecommendation(db, uuidParam(c, 'id'));
    if (!rec) throw notFound();
    const locale = contentLocale(c.get('locale'));
    return renderPage(
      c,
      { title: recommendationTitle(rec, c.get('t'), locale) },
      <RecommendationPage
        t={c.get('t')}
        locale={locale}
        rec={rec}
        history={await assessmentHistory(db, rec.id)}
      />,
    );
  });

  app.get('/monitoring/berichte/:id', async (c) => {
    const file = await submissionFile(c.get('deps').database.db, uuidParam(c, 'id'));
    if (!file) throw notFound();
    return fileResponse(c, file, { cacheSeconds: 300 });
  });

  return app;
}

/** Office: instruments, rounds, recommendations, dated assessments and shadow reports. */
export function monitoringOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('monitoring:edit'));

  async function overview(c: Ctx, forms: AdminForms = {}, status: 200 | 422 = 200) {
    const db = c.get('deps').database.db;
    return renderPage(
      c,
      { title: c.get('t')('monitoring.admin_title'), status },
      <MonitoringAdmin
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        instruments={await listInstruments(db)}
        rounds={await listRounds(db)}
        rows={await trackerRows(db, noFilter)}
        submissions={await listSubmissions(db)}
        forms={forms}
        saved={c.req.query('gespeichert') === '1'}
      />,
    );
  }
  const done = (c: Ctx, path = '/verwaltung/monitoring?gespeichert=1') => {
    invalidatePageCache();
    return c.redirect(localePath(c.get('locale'), path), 303);
  };

  app.get('/', (c) => overview(c));

  app.post('/instrumente', async (c) => {
    const form = await readForm(c, instrumentSchema);
    if (!form.ok) return overview(c, { instrument: form }, 422);
    const db = c.get('deps').database.db;
    try {
      await db.transaction().execute((trx) => createInstrument(trx, form.data, actorOf(c)));
    } catch (err) {
      return overview(c, { instrument: { values: form.values, errors: validationFields(err) } }, 422);
    }
    return done(c);
  });

  app.post('/runden', async (c) => {
    const form = await readForm(c, roundSchema);
    if (!form.ok) return overview(c, { round: form }, 422);
    const db = c.get('deps').database.db;
    try {
      await db.transaction().execute((trx) => createRound(trx, form.data, actorOf(c)));
    } catch (err) {
      return overview(c, { round: { values: form.values, errors: validationFields(err) } }, 422);
    }
    return done(c);
  });

  app.post('/berichte', async (c) => {
    const form = await readForm(c, submissionSchema);
    const upload = await readPdfUpload(c, 'file', true);
    if (!form.ok || !upload.ok || !upload.pdf) {
      const errors = { ...(form.ok ? {} : form.errors), ...(upload.ok ? {} : upload.errors) };
      return overview(c, { submission: { values: form.values, errors } }, 422);
    }
    const pdf = upload.pdf;
    const db = c.get('deps').database.db;
    try {
      await db.transaction().execute((trx) => addSubmission(trx, form.data, pdf, actorOf(c)));
    } catch (err) {
      return overview(c, { submission: { values: form.values, errors: validationFields(err) } }, 422);
    }
    return done(c);
  });

  function instrumentFields(c: Ctx) {
    const t = c.get('t');
    return [
      { name: 'name_de', label: t('monitoring.field_name_de'), required: true },
      { name: 'name_en', label: t('monitoring.field_name_en'), required: true },
      {
        name: 'slug',
        label: t('monitoring.field_slug'),
        hint: t('monitoring.field_slug_hint'),
        required: true,
      },
      { name: 'monitoring_body', label: t('monitoring.field_body') },
    ];
  }
  async function roundFields(c: Ctx) {
    const t = c.get('t');
    const de = c.get('locale') !== 'en';
    const instruments = await listInstruments(c.get('deps').database.db);
    return [
      {
        name: 'instrument_id',
        label: t('monitoring.field_instrument'),
        options: instruments.map((i) => ({ value: i.id, label: de ? i.name_de : i.name_en })),
      },
      { name: 'label_de', label: t('monitoring.field_label_de'), required: true },
      { name: 'label_en', label: t('monitoring.field_label_en'), required: true },
      { name: 'report_year', label: t('monitoring.field_report_year'), required: true },
    ];
  }
  async function simple(
    c: Ctx,
    kind: 'instrumente' | 'runden',
    id: string,
    values: Record<string, string>,
    errors?: FieldErrors,
  ) {
    const t = c.get('t');
    const heading = t(kind === 'instrumente' ? 'monitoring.edit_instrument' : 'monitoring.edit_round');
    return renderPage(
      c,
      { title: heading, status: errors ? 422 : 200 },
      <SimpleEditor
        t={t}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        heading={heading}
        action={localePath(c.get('locale'), `/verwaltung/monitoring/${kind}/${id}`)}
        fields={kind === 'instrumente' ? instrumentFields(c) : await roundFields(c)}
        values={values}
        errors={errors}
        saved={c.req.query('gespeichert') === '1'}
      />,
    );
  }

  app.get('/instrumente/:id', async (c) => {
    const i = await getInstrument(c.get('deps').database.db, uuidParam(c, 'id'));
    if (!i) throw notFound();
    return simple(c, 'instrumente', i.id, {
      name_de: i.name_de,
      name_en: i.name_en,
      slug: i.slug,
      monitoring_body: i.monitoring_body,
    });
  });
  app.post('/instrumente/:id', async (c) => {
    const id = uuidParam(c, 'id');
    const db = c.get('deps').database.db;
    if (!(await getInstrument(db, id))) throw notFound();
    const form = await readForm(c, instrumentSchema);
    if (!form.ok) return simple(c, 'instrumente', id, form.values, form.errors);
    try {
      await db.transaction().execute((trx) => updateInstrument(trx, id, form.data, actorOf(c)));
    } catch (err) {
      return simple(c, 'instrumente', id, form.values, validationFields(err));
    }
    return done(c, `/verwaltung/monitoring/instrumente/${id}?gespeichert=1`);
  });
  app.get('/runden/:id', async (c) => {
    const r = await getRound(c.get('deps').database.db, uuidParam(c, 'id'));
    if (!r) throw notFound();
    return simple(c, 'runden', r.id, {
      instrument_id: r.instrument_id,
      label_de: r.label_de,
      label_en: r.label_en,
      report_year: String(r.report_year),
    });
  });
  app.post('/runden/:id', async (c) => {
    const id = uuidParam(c, 'id');
    const db = c.get('deps').database.db;
    if (!(await getRound(db, id))) throw notFound();
    const form = await readForm(c, roundSchema);
    if (!form.ok) return simple(c, 'runden', id, form.values, form.errors);
    try {
      await db.transaction().execute((trx) => updateRound(trx, id, form.data, actorOf(c)));
    } catch (err) {
      return simple(c, 'runden', id, form.values, validationFields(err));
    }
    return done(c, `/verwaltung/monitoring/runden/${id}?gespeichert=1`);
  });

  app.post('/berichte/:id/loeschen', async (c) => {
    const id = uuidParam(c, 'id');
    const db = c.get('deps').database.db;
    await db.transaction().execute((trx) => deleteSubmission(trx, id, actorOf(c)));
    return done(c);
  });

  async function editor(
    c: Ctx,
    id: string | null,
    props: {
      values?: Record<string, string>;
      topics?: string[];
      errors?: FieldErrors;
      assessment?: { values: Record<string, string>; errors?: FieldErrors };
    } = {},
    status: 200 | 422 = 200,
  ) {
    const db = c.get('deps').database.db;
    const t = c.get('t');
    const rec = id ? await getRecommendation(db, id) : undefined;
    if (id && !rec) throw notFound();
    const values =
      props.values ??
      (rec
        ? {
            round_id: rec.round_id,
            paragraph: rec.paragraph,
            text_de: rec.text_de,
            text_en: rec.text_en,
            addressee: rec.addressee,
          }
        : {});
    const heading = rec
      ? `${t('monitoring.edit_recommendation')}: ${recommendationTitle(rec, t, c.get('locale') === 'en' ? 'en' : 'de')}`
      : t('monitoring.new_recommendation');
    return renderPage(
      c,
      { title: heading, status },
      <RecommendationEditor
        t={t}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        id={id}
        heading={heading}
        rounds={await listRounds(db)}
        values={values}
        topics={props.topics ?? rec?.topics ?? []}
        errors={props.errors}
        history={id ? await assessmentHistory(db, id) : []}
        assessment={props.assessment}
        saved={c.req.query('gespeichert') === '1'}
      />,
    );
  }

  async function submit(c: Ctx, id: string | null) {
    const db = c.get('deps').database.db;
    if (id && !(await getRecommendation(db, id))) throw notFound();
    const form = await readForm(c, recommendationSchema);
    const topics = ((await c.req.parseBody({ all: true })).topics ?? []) as string[] | string;
    const chosen = (Array.isArray(topics) ? topics : [topics]).filter(
      (x): x is string => typeof x === 'string',
    );
    if (!form.ok)
      return editor(c, id, { values: form.values, topics: chosen, errors: byList(form.errors) }, 422);
    let savedId: string;
    try {
      savedId = await db.transaction().execute((trx) => saveRecommendation(trx, id, form.data, actorOf(c)));
    } catch (err) {
      return editor(c, id, { values: form.values, topics: chosen, errors: validationFields(err) }, 422);
    }
    return done(c, `/verwaltung/monitoring/empfehlungen/${savedId}?gespeichert=1`);
  }

  app.get('/empfehlungen/neu', (c) => editor(c, null));
  app.post('/empfehlungen/neu', (c) => submit(c, null));
  app.get('/empfehlungen/:id', (c) => editor(c, uuidParam(c, 'id')));
  app.post('/empfehlungen/:id', (c) => submit(c, uuidParam(c, 'id')));
  app.post('/empfehlungen/:id/bewertungen', async (c) => {
    const id = uuidParam(c, 'id');
    const db = c.get('deps').database.db;
    if (!(await getRecommendation(db, id))) throw notFound();
    const form = await readForm(c, assessmentSchema);
    if (!form.ok) return editor(c, id, { assessment: form }, 422);
    await db.transaction().execute((trx) => addAssessment(trx, id, form.data, actorOf(c)));
    return done(c, `/verwaltung/monitoring/empfehlungen/${id}?gespeichert=1`);
  });
  return app;
}
