import { Hono } from 'hono';
import { z } from 'zod';
import { AppError, notFound } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm, readQuery } from '../../platform/http/forms.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { localePath } from '../../platform/i18n/index.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import {
  feesOfYear,
  generateInvoices,
  generateSchema,
  getFee,
  invoicePdf,
  markPaid,
  paidSchema,
  sendReminder,
  yearSchema,
} from './service.ts';
import { FeesPage } from './views.tsx';

const db = (c: Ctx) => c.get('deps').database.db;
const csrf = (c: Ctx) => c.get('auth')?.session?.csrfToken;
const actorOf = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });
const querySchema = z.object({ jahr: yearSchema.optional() });

/** The office: yearly membership fee invoices, payments and reminders. */
export function feesOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('fees:manage'));

  const page = async (
    c: Ctx,
    year: number,
    extra: Partial<Parameters<typeof FeesPage>[0]> = {},
    status: 200 | 422 = 200,
  ) =>
    renderPage(
      c,
      { title: c.get('t')('fees.title', { year }), status },
      <FeesPage
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrf(c)}
        year={year}
        fees={await feesOfYear(db(c), year)}
        {...extra}
      />,
    );

  app.get('/', async (c) => {
    const query = readQuery(c, querySchema);
    if (!query.ok) throw new AppError('validation', 'fees.error_year', {}, query.errors);
    return page(c, query.data.jahr ?? new Date().getUTCFullYear());
  });

  app.post('/', async (c) => {
    const form = await readForm(c, generateSchema);
    const year =
      Number(form.values.year) >= 2000 && Number(form.values.year) <= 2100
        ? Number(form.values.year)
        : new Date().getUTCFullYear();
    if (!form.ok) return page(c, year, { errors: form.errors, values: form.values }, 422);
    const count = await generateInvoices(db(c), form.data, actorOf(c));
    return page(c, form.data.year, { notice: c.get('t')('fees.generated', { count }) });
  });

  app.get('/:id/rechnung.pdf', async (c) => {
    const invoice = await invoicePdf(db(c), uuidParam(c, 'id'), c.get('site').settings, actorOf(c));
    if (!invoice) throw notFound();
    return new Response(invoice.pdf as Uint8Array<ArrayBuffer>, {
      headers: {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="${invoice.name}"`,
        'Cache-Control': 'private, no-store',
      },
    });
  });

  app.post('/:id/bezahlt', async (c) => {
    const id = uuidParam(c, 'id');
    const fee = await getFee(db(c), id);
    if (!fee) throw notFound();
    const form = await readForm(c, paidSchema);
    if (!form.ok) throw new AppError('validation', 'error.validation', {}, form.errors);
    await markPaid(db(c), id, form.data.paid_on, actorOf(c));
    return c.redirect(localePath(c.get('locale'), `/verwaltung/beitraege?jahr=${fee.year}`), 303);
  });

  app.post('/:id/erinnern', async (c) => {
    const id = uuidParam(c, 'id');
    const fee = await getFee(db(c), id);
    if (!fee) throw notFound();
    const sent = await sendReminder(db(c), id, c.get('site').settings, actorOf(c));
    if (sent === null) throw notFound();
    if (sent === 0) throw new AppError('conflict', 'fees.no_recipients');
    c.get('deps').kickMail();
    return page(c, fee.year, { notice: c.get('t')('fees.reminder_sent', { count: sent }) });
  });

  return app;
}
