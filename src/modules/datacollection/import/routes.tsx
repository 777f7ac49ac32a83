/**
 * `/datenerhebung/import` and the templates: a centre's staff import their own organisation's records from a
 * file. Registered inside the entry routes (permission `data:enter`); the organisation is always the signed-in
 * user's own, never a parameter.
 */
import type { Hono } from 'hono';
import { AppError, notFound } from '../../../platform/errors.ts';
import { fileResponse } from '../../../platform/files/download.ts';
import type { AppEnv, Ctx } from '../../../platform/http/env.ts';
import { renderPage } from '../../../platform/ui/render.tsx';
import { loadCodebook } from '../codebook.ts';
import { type Actor, currentOpenYear } from '../repo.ts';
import { ImportFileError, parseImportFile } from './parse.ts';
import { importRecords } from './store.ts';
import { csvTemplate, templateFileName, xlsxTemplate } from './template.ts';
import { validateImport } from './validate.ts';
import { ImportPage } from './views.tsx';

const db = (c: Ctx) => c.get('deps').database.db;
const actor = (c: Ctx): Actor => ({ user: c.get('auth')!.user, ip: c.get('ip') });
const orgOf = (c: Ctx): string => {
  const org = c.get('auth')!.user.organisation_id;
  if (!org) throw notFound();
  return org;
};

export function registerImportRoutes(app: Hono<AppEnv>) {
  const page = (
    c: Ctx,
    props: Omit<Parameters<typeof ImportPage>[0], 't' | 'locale' | 'csrf'>,
    status: 200 | 422 = 200,
  ) =>
    renderPage(
      c,
      { title: c.get('t')('data.import.title'), status },
      <ImportPage
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={c.get('auth')?.session?.csrfToken}
        {...props}
      />,
    );

  app.get('/import', async (c) => {
    orgOf(c);
    return page(c, { year: await currentOpenYear(db(c)) });
  });

  app.post('/import', async (c) => {
    const organisationId = orgOf(c);
    const year = await currentOpenYear(db(c));
    if (!year) throw new AppError('conflict', 'data.entry.no_open_year');
    const body = await c.req.parseBody();
    const release = body.release === '1';
    const validOnly = body.mode === 'valid_only';
    const upload = body.file;
    const t = c.get('t');
    if (!(upload instanceof File) || upload.size === 0)
      return page(c, { year, release, validOnly, fileError: t('data.import.file_empty') }, 422);
    let check: ReturnType<typeof validateImport>;
    try {
      const parsed = await parseImportFile(new Uint8Array(await upload.arrayBuffer()));
      check = validateImport(loadCodebook(year.codebook), year.year, parsed, { release });
    } catch (error) {
      if (!(error instanceof ImportFileError)) throw error;
      return page(c, { year, release, validOnly, fileError: t(error.problem, error.params) }, 422);
    }
    const blocked = !check.headerOk || check.valid.length === 0 || (check.problems.length > 0 && !validOnly);
    if (blocked) return page(c, { year, release, validOnly: true, check }, 422);
    const done = await importRecords(db(c), { organisationId, year: year.year, check, validOnly }, actor(c));
    return page(c, { year, release, done, check: check.problems.length > 0 ? check : undefined });
  });

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/vorlage.${format}`, async (c) => {
      const year = await currentOpenYear(db(c));
      if (!year) throw notFound();
      const codebook = loadCodebook(year.codebook);
      return fileResponse(c, {
        name: templateFileName(year.year, format),
        media_type:
          format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        content: format === 'csv' ? csvTemplate(codebook) : await xlsxTemplate(codebook, year.year),
      });
    });
  }
}
