import { Hono } from 'hono';
import { z } from 'zod';
import { type FieldErrors, notFound } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { invalidatePageCache } from '../../platform/http/page-cache.ts';
import { localePath } from '../../platform/i18n/index.ts';
import { can } from '../../platform/permissions.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import { loadCodebook } from './codebook.ts';
import { MAX_THRESHOLD, MIN_THRESHOLD, participationTotals, setThreshold } from './office.ts';
import { CentresPage, OverviewPage, ThresholdPage } from './office-views.tsx';
import {
  type Actor,
  computeReport,
  getYear,
  listYears,
  logReportRead,
  participation,
  publishedReport,
  threshold,
} from './repo.ts';
import { ReportPage } from './views.tsx';

const db = (c: Ctx) => c.get('deps').database.db;
const actor = (c: Ctx): Actor => ({ user: c.get('auth')!.user, ip: c.get('ip') });

function yearParam(c: Ctx): number {
  const raw = c.req.param('year') ?? '';
  if (!/^\d{4}$/.test(raw)) throw notFound();
  return Number(raw);
}

/** k: a whole number in range; anything else (text, decimals, below 3) is a field error, re-rendered with 422. */
const thresholdSchema = z.object({
  k: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, { message: 'data.threshold.invalid' })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(MIN_THRESHOLD, { message: 'data.threshold.invalid' })
        .max(MAX_THRESHOLD, { message: 'data.threshold.invalid' }),
    ),
});

/**
 * `/verwaltung/datenbericht`: the read-only side of the data collection — years with summed participation and the
 * produced report (board, office, admin) — the threshold k (office, admin) and participation with the centres'
 * names (admin only). Permissions per route, since the roles differ within this group.
 */
export function dataOverviewRoutes() {
  const app = new Hono<AppEnv>();
  const base = (c: Ctx) => localePath(c.get('locale'), '/verwaltung/datenbericht');

  app.get('/', requirePermission('data:read'), async (c) => {
    const years = await listYears(db(c));
    const withTotals = [];
    for (const y of years)
      withTotals.push({ ...y, totals: participationTotals(await participation(db(c), y.year, actor(c))) });
    const role = c.get('auth')!.user.role;
    return renderPage(
      c,
      { title: c.get('t')('data.overview.title') },
      <OverviewPage
        t={c.get('t')}
        locale={c.get('locale')}
        years={withTotals}
        threshold={await threshold(db(c))}
        canSetThreshold={can(role, 'data:threshold')}
        canSeeCentres={can(role, 'data:centres')}
      />,
    );
  });

  async function thresholdPage(
    c: Ctx,
    extra: { value?: string; errors?: FieldErrors; notice?: string } = {},
  ) {
    const current = await threshold(db(c));
    return renderPage(
      c,
      { title: c.get('t')('data.threshold.title'), status: extra.errors ? 422 : 200 },
      <ThresholdPage
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        current={current}
        value={extra.value ?? String(current)}
        errors={extra.errors}
        notice={extra.notice}
      />,
    );
  }

  app.get('/schwelle', requirePermission('data:threshold'), (c) =>
    thresholdPage(c, { notice: c.req.query('gespeichert') ? c.get('t')('data.threshold.saved') : undefined }),
  );

  app.post('/schwelle', requirePermission('data:threshold'), async (c) => {
    const parsed = await readForm(c, thresholdSchema);
    if (!parsed.ok) {
      const body = await c.req.parseBody();
      const value = typeof body.k === 'string' ? body.k.slice(0, 20) : '';
      // every way of getting k wrong reads the same: a whole number from 3 to 50
      return thresholdPage(c, { value, errors: { k: { key: 'data.threshold.invalid' } } });
    }
    await setThreshold(db(c), parsed.data.k, await threshold(db(c)), actor(c));
    invalidatePageCache();
    return c.redirect(`${base(c)}/schwelle?gespeichert=1`, 303);
  });

  /** The produced report of a year: the published one, or a preview computed now (read-only, audited). */
  app.get('/:year', requirePermission('data:read'), async (c) => {
    const year = await getYear(db(c), yearParam(c));
    if (!year) throw notFound();
    const report = (await publishedReport(db(c), year.year)) ?? (await computeReport(db(c), year));
    await logReportRead(db(c), year.year, actor(c), 'overview_page');
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
      />,
    );
  });

  /** Participation with the centres' names: admin only (DOMAIN.md: the office never sees who entered what). */
  app.get('/:year/einrichtungen', requirePermission('data:centres'), async (c) => {
    const year = await getYear(db(c), yearParam(c));
    if (!year) throw notFound();
    const rows = await participation(db(c), year.year, actor(c));
    return renderPage(
      c,
      { title: c.get('t')('data.centres.title', { year: year.year }) },
      <CentresPage t={c.get('t')} locale={c.get('locale')} year={year} rows={rows} />,
    );
  });

  return app;
}
