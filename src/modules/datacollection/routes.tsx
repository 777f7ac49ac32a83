import { Hono } from 'hono';
import { z } from 'zod';
import type { FieldErrors } from '../../platform/errors.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { pendingStep, requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { invalidatePageCache } from '../../platform/http/page-cache.ts';
import { contentLocale, localePath, type MessageKey } from '../../platform/i18n/index.ts';
import { can } from '../../platform/permissions.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import { loadCodebook } from './codebook.ts';
import { comparisonFor } from './export/compare.ts';
import { fileParam, formatOf, reportDownload } from './export/respond.ts';
import {
  actionOf,
  copyableValues,
  type FormValues,
  formValuesOf,
  formValuesOfRecord,
  recordOfForm,
  statusOf,
  validateRecord,
} from './form.ts';
import { registerImportRoutes } from './import/routes.tsx';
import { anonymise, manualStage, reminderSummary, sendReminders, unpublishYear } from './office.ts';
import { RemindersSection } from './office-views.tsx';
import {
  type Actor,
  closeYear,
  computeReport,
  createRecord,
  currentOpenYear,
  deleteRecord,
  getYear,
  latestOwnRecord,
  listOwnRecords,
  listYears,
  logRecordRead,
  logReportRead,
  openYear,
  ownRecord,
  participation,
  publishedReport,
  publishedYears,
  publishYear,
  type RecordRow,
  updateRecord,
  type YearRow,
} from './repo.ts';
import { codebookVersions } from './versions.ts';
import { EntryListPage, OfficePage, RecordFormPage, ReportListPage, ReportPage } from './views.tsx';

const db = (c: Ctx) => c.get('deps').database.db;
const actor = (c: Ctx): Actor => ({ user: c.get('auth')!.user, ip: c.get('ip') });
const orgOf = (c: Ctx): string => {
  const org = c.get('auth')!.user.organisation_id;
  if (!org) throw notFound();
  return org;
};

function yearParam(c: Ctx): number {
  const raw = c.req.param('year') ?? '';
  if (!/^\d{4}$/.test(raw)) throw notFound();
  return Number(raw);
}

/**
 * The form's script saves drafts in the background with `X-Autosave: 1`: it gets JSON instead of a page. Only a
 * draft is ever saved so (a complete or released record is never turned back into a draft by an autosave).
 */
function isAutosave(c: Ctx, action: string): boolean {
  if (c.req.header('x-autosave') !== '1') return false;
  if (action !== 'draft') throw new AppError('bad_request', 'data.entry.autosave_failed');
  return true;
}

function autosaveErrors(c: Ctx, errors: FieldErrors) {
  const t = c.get('t');
  return c.json(
    {
      error: t('error.validation'),
      fields: Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, t(e.key, e.params)])),
    },
    422,
  );
}

const entryNotices: Array<[string, MessageKey]> = [
  ['gespeichert', 'data.entry.saved'],
  ['geloescht', 'data.entry.deleted'],
];

/** `/datenerhebung`: a centre's staff enter their own organisation's anonymised case records. */
export function dataEntryRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('data:enter'));
  const base = (c: Ctx) => localePath(c.get('locale'), '/datenerhebung');

  app.get('/', async (c) => {
    const year = await currentOpenYear(db(c));
    const records = year ? await listOwnRecords(db(c), orgOf(c), year.year, actor(c)) : [];
    const flag = entryNotices.find(([q]) => c.req.query(q));
    return renderPage(
      c,
      { title: c.get('t')('data.entry.title') },
      <EntryListPage
        t={c.get('t')}
        locale={c.get('locale')}
        year={year}
        records={records}
        notice={flag ? c.get('t')(flag[1]) : undefined}
      />,
    );
  });

  function form(
    c: Ctx,
    year: YearRow,
    record: Pick<RecordRow, 'id' | 'case_number' | 'status'> | null,
    values: FormValues,
    extra: { errors?: FieldErrors; notice?: string; copied?: boolean } = {},
  ) {
    const t = c.get('t');
    const hasErrors = extra.errors && Object.keys(extra.errors).length > 0;
    return renderPage(
      c,
      {
        title: record
          ? t('data.entry.edit_title', { number: record.case_number })
          : t('data.entry.new_title'),
        status: hasErrors ? 422 : 200,
      },
      <RecordFormPage
        t={t}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        codebook={loadCodebook(year.codebook)}
        year={year}
        record={record}
        values={values}
        errors={extra.errors}
        notice={extra.notice}
        copied={extra.copied}
      />,
    );
  }

  async function openOrFail(c: Ctx): Promise<YearRow> {
    const year = await currentOpenYear(db(c));
    if (!year) throw new AppError('conflict', 'data.entry.no_open_year');
    return year;
  }

  // before `/:id`, which would take `import` for a record id
  registerImportRoutes(app);

  app.get('/neu', async (c) => {
    const year = await openOrFail(c);
    if (c.req.query('kopie')) {
      const last = await latestOwnRecord(db(c), orgOf(c));
      if (last) {
        await logRecordRead(db(c), last.id, actor(c));
        return form(c, year, null, copyableValues(loadCodebook(year.codebook), last.values), {
          copied: true,
        });
      }
    }
    return form(c, year, null, {});
  });

  app.post('/neu', async (c) => {
    const year = await openOrFail(c);
    const codebook = loadCodebook(year.codebook);
    const values = formValuesOf(await c.req.parseBody({ all: true }));
    const action = actionOf(values._action?.[0]);
    const record = recordOfForm(codebook, year.year, values, action);
    const errors = validateRecord(codebook, record, action);
    const autosave = isAutosave(c, action);
    if (Object.keys(errors).length > 0)
      return autosave ? autosaveErrors(c, errors) : form(c, year, null, values, { errors });
    const created = await createRecord(
      db(c),
      { organisationId: orgOf(c), year, values: record, status: statusOf(action) },
      actor(c),
    );
    if (autosave) return c.json({ id: created.id, action: `${base(c)}/${created.id}` }, 201);
    return c.redirect(`${base(c)}/${created.id}?gespeichert=1`, 303);
  });

  async function ownOrFail(c: Ctx) {
    const record = await ownRecord(db(c), orgOf(c), c.req.param('id') ?? '');
    if (!record) throw notFound();
    const year = await getYear(db(c), record.year);
    if (!year) throw notFound();
    return { record, year };
  }

  app.get('/:id', async (c) => {
    const { record, year } = await ownOrFail(c);
    await logRecordRead(db(c), record.id, actor(c));
    const flag = entryNotices.find(([q]) => c.req.query(q));
    return form(c, year, record, formValuesOfRecord(record.values), {
      notice: flag ? c.get('t')(flag[1]) : undefined,
    });
  });

  app.post('/:id', async (c) => {
    const { record, year } = await ownOrFail(c);
    if (record.status === 'locked' || year.status !== 'open')
      throw new AppError('conflict', 'data.entry.year_closed');
    const codebook = loadCodebook(record.codebook);
    const values = formValuesOf(await c.req.parseBody({ all: true }));
    const action = actionOf(values._action?.[0]);
    const next = recordOfForm(codebook, year.year, values, action);
    const errors = validateRecord(codebook, next, action);
    const autosave = isAutosave(c, action);
    if (autosave && record.status !== 'draft') throw new AppError('conflict', 'data.entry.autosave_failed');
    if (Object.keys(errors).length > 0)
      return autosave ? autosaveErrors(c, errors) : form(c, year, record, values, { errors });
    await updateRecord(
      db(c),
      { organisationId: orgOf(c), id: record.id, values: next, status: statusOf(action) },
      actor(c),
    );
    if (autosave) return c.json({ id: record.id, action: `${base(c)}/${record.id}` });
    return c.redirect(`${base(c)}/${record.id}?gespeichert=1`, 303);
  });

  app.post('/:id/loeschen', async (c) => {
    await deleteRecord(db(c), orgOf(c), c.req.param('id') ?? '', actor(c));
    return c.redirect(`${base(c)}?geloescht=1`, 303);
  });

  return app;
}

const openYearSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2099),
  codebook: z.string().regex(/^\d{4}$/),
  deadline: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => !Number.isNaN(Date.parse(d)))
    .or(z.literal(''))
    .optional(),
});

const officeNotices: Array<[string, MessageKey]> = [
  ['geoeffnet', 'data.office.opened'],
  ['veroeffentlicht', 'data.office.published_notice'],
  ['zurueckgezogen', 'data.office.unpublished_notice'],
];

/** `/verwaltung/datenerhebung`: the office runs the reporting years; it sees counts, never single records. */
export function dataOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('data:office'));
  const base = (c: Ctx) => localePath(c.get('locale'), '/verwaltung/datenerhebung');

  async function view(c: Ctx, extra: { errors?: FieldErrors; notice?: string } = {}) {
    const t = c.get('t');
    const years = await listYears(db(c));
    const wanted = Number(c.req.query('jahr'));
    const selected = years.find((y) => y.year === wanted) ?? years[0] ?? null;
    const counts = selected ? anonymise(await participation(db(c), selected.year, actor(c))) : [];
    const reminders = selected ? await reminderSummary(db(c), selected.year) : [];
    const reminded = c.req.query('erinnert');
    const flag = officeNotices.find(([q]) => c.req.query(q));
    const closed = c.req.query('gesperrt');
    const notice =
      extra.notice ??
      (flag
        ? t(flag[1])
        : closed !== undefined
          ? t('data.office.closed', { count: Number(closed) || 0 })
          : reminded !== undefined
            ? t('data.reminders.sent', { count: Number(reminded) || 0 })
            : undefined);
    return renderPage(
      c,
      { title: t('data.office.title'), status: extra.errors ? 422 : 200 },
      <OfficePage
        t={t}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        years={years}
        selected={selected}
        participation={counts}
        codebooks={codebookVersions()}
        errors={extra.errors}
        notice={notice}
      >
        {selected ? (
          <RemindersSection
            t={t}
            locale={c.get('locale')}
            csrf={c.get('auth')?.session?.csrfToken}
            year={selected}
            sent={reminders}
          />
        ) : null}
      </OfficePage>,
    );
  }

  app.get('/', (c) => view(c));

  /** Reminds every centre of the year that has not released everything (the office never picks one). */
  app.post('/:year/erinnern', async (c) => {
    const year = yearParam(c);
    const count = await sendReminders(
      db(c) as Parameters<typeof sendReminders>[0],
      c.get('deps').config,
      { year, stage: manualStage() },
      actor(c),
    );
    c.get('deps').kickMail();
    return c.redirect(`${base(c)}?jahr=${year}&erinnert=${count}`, 303);
  });

  app.post('/:year/zurueckziehen', async (c) => {
    const year = yearParam(c);
    await unpublishYear(db(c), year, actor(c));
    invalidatePageCache();
    return c.redirect(`${base(c)}?jahr=${year}&zurueckgezogen=1`, 303);
  });

  app.post('/jahre', async (c) => {
    const parsed = await readForm(c, openYearSchema);
    if (!parsed.ok) return view(c, { errors: parsed.errors });
    if (!codebookVersions().includes(parsed.data.codebook))
      return view(c, { errors: { codebook: { key: 'data.office.unknown_codebook' } } });
    if (await getYear(db(c), parsed.data.year))
      return view(c, { errors: { year: { key: 'data.office.year_exists' } } });
    await openYear(
      db(c),
      { year: parsed.data.year, codebook: parsed.data.codebook, deadline: parsed.data.deadline || null },
      actor(c),
    );
    return c.redirect(`${base(c)}?jahr=${parsed.data.year}&geoeffnet=1`, 303);
  });

  app.post('/:year/schliessen', async (c) => {
    const year = yearParam(c);
    const locked = await closeYear(db(c), year, actor(c));
    return c.redirect(`${base(c)}?jahr=${year}&gesperrt=${locked}`, 303);
  });

  app.post('/:year/veroeffentlichen', async (c) => {
    const year = yearParam(c);
    await publishYear(db(c), year, actor(c));
    invalidatePageCache();
    return c.redirect(`${base(c)}?jahr=${year}&veroeffentlicht=1`, 303);
  });

  app.get('/:year/bericht', async (c) => {
    const year = await getYear(db(c), yearParam(c));
    if (!year) throw notFound();
    const report = (await publishedReport(db(c), year.year)) ?? (await computeReport(db(c), year));
    await logReportRead(db(c), year.year, actor(c), 'office_page');
    return renderPage(
      c,
      { title: c.get('t')('data.report.title', { year: year.year }) },
      <ReportPage
        t={c.get('t')}
        locale={c.get('locale')}
        codebook={loadCodebook(report.codebook)}
        report={report}
        preview={!year.published_at}
        jsonHref={`/api/v1/data/reports/${year.year}`}
        downloadBase={`${base(c)}/${year.year}`}
        comparison={await comparisonFor(db(c), report)}
      />,
    );
  });

  // `/verwaltung/datenerhebung/2025.pdf|.xlsx|.csv`: the office's download, also before publication (audited)
  app.get('/:file{[0-9]{4}\\.(?:pdf|xlsx|csv)}', async (c) => {
    const wanted = fileParam(c.req.param('file'));
    const year = wanted ? await getYear(db(c), wanted.year) : null;
    if (!wanted || !year) throw notFound();
    const report = (await publishedReport(db(c), year.year)) ?? (await computeReport(db(c), year));
    return reportDownload(c, report, wanted.format, {
      via: 'office',
      preview: !year.published_at,
      lang: contentLocale(c.get('locale')),
      actor: actor(c),
    });
  });

  return app;
}

/** `/datenbericht`: the published annual reports, for everyone. */
export function dataReportRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/datenbericht', async (c) => {
    const years = await publishedYears(db(c));
    return renderPage(
      c,
      { title: c.get('t')('data.report.list_title') },
      <ReportListPage t={c.get('t')} locale={c.get('locale')} years={years} />,
    );
  });

  // `/datenbericht/2025.pdf|.xlsx|.csv`: the published report as a file, for everyone (audited)
  app.get('/datenbericht/:file{[0-9]{4}\\.(?:pdf|xlsx|csv)}', async (c) => {
    const wanted = fileParam(c.req.param('file'));
    const report = wanted ? await publishedReport(db(c), wanted.year) : null;
    if (!wanted || !report) throw notFound();
    const auth = c.get('auth');
    return reportDownload(c, report, wanted.format, {
      via: 'public',
      preview: false,
      lang: contentLocale(c.get('locale')),
      actor: { user: auth?.user ?? null, ip: c.get('ip'), label: 'anonymous' },
    });
  });

  app.get('/datenbericht/:year', async (c) => {
    const report = await publishedReport(db(c), yearParam(c));
    if (!report) throw notFound();
    return renderPage(
      c,
      { title: c.get('t')('data.report.title', { year: report.year }) },
      <ReportPage
        t={c.get('t')}
        locale={c.get('locale')}
        codebook={loadCodebook(report.codebook)}
        report={report}
        jsonHref={`/api/v1/data/reports/${report.year}`}
        downloadBase={localePath(c.get('locale'), `/datenbericht/${report.year}`)}
        comparison={await comparisonFor(db(c), report)}
      />,
    );
  });

  return app;
}

/** `GET /api/v1/data/reports/:year`: the published report; office, board and admin may also read an unpublished year (audited). */
export function dataApiRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/reports/:year', async (c) => {
    const yearNumber = yearParam(c);
    // `?format=pdf|xlsx|csv` answers the same protected report as a file; `?lang=en` for English labels
    const format = formatOf(c.req.query('format'));
    if (!format) throw new AppError('bad_request', 'data.export.bad_format');
    const lang = c.req.query('lang') === 'en' ? 'en' : 'de';
    const published = await publishedReport(db(c), yearNumber);
    const auth = c.get('auth');
    // the board reads the produced report too (read-only), as on its overview page
    const office = auth ? can(auth.user.role, 'data:read') && pendingStep(auth) === null : false;
    const who: Actor = office ? actor(c) : { user: auth?.user ?? null, ip: c.get('ip'), label: 'anonymous' };
    if (published) {
      if (format !== 'json')
        return reportDownload(c, published, format, { via: 'api', preview: false, lang, actor: who });
      if (office) await logReportRead(db(c), yearNumber, actor(c), 'api');
      return c.json(published);
    }
    if (!office) throw notFound();
    const year = await getYear(db(c), yearNumber);
    if (!year) throw notFound();
    const report = await computeReport(db(c), year);
    if (format !== 'json')
      return reportDownload(c, report, format, { via: 'api', preview: true, lang, actor: who });
    await logReportRead(db(c), yearNumber, actor(c), 'api');
    return c.json(report);
  });
  return app;
}
