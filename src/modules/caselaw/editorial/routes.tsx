import { Hono } from 'hono';
import { z } from 'zod';
import { audit } from '../../../platform/audit.ts';
import { AppError, type FieldErrors, notFound, validationFields } from '../../../platform/errors.ts';
import { fileResponse } from '../../../platform/files/download.ts';
import { extractPdfText } from '../../../platform/files/pdf-text.ts';
import { fileWithContent, saveFile } from '../../../platform/files/store.ts';
import { checkUpload, uploadPolicies } from '../../../platform/files/uploads.ts';
import { currentUser, requirePermission } from '../../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../../platform/http/env.ts';
import { readForm } from '../../../platform/http/forms.ts';
import { uuidParam } from '../../../platform/http/params.ts';
import { localePath } from '../../../platform/i18n/index.ts';
import { renderPage } from '../../../platform/ui/render.tsx';
import { recogniseDecision } from '../intake/recognise.ts';
import { structureText } from '../intake/structure.ts';
import { formatNorm } from '../norms.ts';
import { citationLine } from '../search.ts';
import type { FlagKind } from './anonymisation.ts';
import {
  anonymisationFlags,
  changeStatus,
  confirmFlag,
  createDecision,
  editorSchema,
  findEditable,
  historyOf,
  metadataSchema,
  notifyOfficeOfSubmission,
  notifySubmitterOfPublication,
  officeQueue,
  saveDecision,
  submissionsOf,
} from './service.ts';
import {
  ConfirmPage,
  EditorPage,
  HistoryPage,
  metadataLabels,
  QueuePage,
  SubmitPage,
  UploadPage,
} from './views.tsx';

const BASE = '/verwaltung/rechtsprechung';
const db = (c: Ctx) => c.get('deps').database.db;
const csrf = (c: Ctx) => c.get('auth')?.session?.csrfToken;
const actor = (c: Ctx) => ({ user: currentUser(c), ip: c.get('ip') });

/** Reads an uploaded PDF and its text; a file that is no PDF, or has no text, is a field error. */
async function readPdf(c: Ctx, field = 'file') {
  const body = await c.req.parseBody({ all: true });
  const checked = await checkUpload(body[field], uploadPolicies.pdf);
  if (!checked.ok) return { ok: false as const, errors: { [field]: { key: checked.error } } as FieldErrors };
  let text: string;
  try {
    text = (await extractPdfText(checked.file.bytes)).pages.join('\n');
  } catch {
    return { ok: false as const, errors: { [field]: { key: 'upload.unreadable' } } as FieldErrors };
  }
  if (text.replace(/\s/g, '').length < 20)
    return {
      ok: false as const,
      errors: { [field]: { key: 'caselaw.submit.pdf_unreadable' } } as FieldErrors,
    };
  return { ok: true as const, file: checked.file, text };
}

/** The form values recognised in a judgment's text. */
function prefill(text: string): Record<string, string> {
  const r = recogniseDecision(text);
  return {
    court: r.court ? (r.court.place ? `${r.court.type} ${r.court.place}` : r.court.type) : '',
    decision_date: r.date ?? '',
    file_numbers: r.fileNumbers.join('; '),
    decision_type: r.decisionType ?? '',
    ecli: r.ecli ?? '',
    chamber: '',
  };
}

const confirmSchema = metadataSchema.extend({ file_id: z.uuid() });
const statusSchema = z.object({ to: z.enum(['draft', 'review', 'published']) });
const flagSchema = z.object({
  kind: z.enum(['name', 'birth_date', 'address', 'phone', 'email']),
  match: z.string().min(1).max(300),
});

/** The office's editorial workflow: queue, PDF upload, editor, status, anonymisation check, history, original. */
export function caselawEditorialRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('caselaw:edit'));

  app.get('/', async (c) => {
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('caselaw.editor.queue_title') },
      <QueuePage t={t} locale={c.get('locale')} queue={await officeQueue(db(c))} />,
    );
  });

  app.get('/hochladen', (c) =>
    renderPage(
      c,
      { title: c.get('t')('caselaw.editor.upload_title') },
      <UploadPage t={c.get('t')} locale={c.get('locale')} csrf={csrf(c)} />,
    ),
  );

  async function confirmView(
    c: Ctx,
    fileId: string,
    text: string,
    values: Record<string, string>,
    errors?: FieldErrors,
  ) {
    const t = c.get('t');
    const recognised = recogniseDecision(text);
    return renderPage(
      c,
      { title: t('caselaw.editor.confirm_title'), status: errors ? 422 : 200 },
      <ConfirmPage
        t={t}
        locale={c.get('locale')}
        csrf={csrf(c)}
        fileId={fileId}
        values={values}
        errors={errors}
        norms={recognised.norms.map(formatNorm)}
        marginNumbers={structureText(text).marginNumbers}
      />,
    );
  }

  app.post('/hochladen', async (c) => {
    const pdf = await readPdf(c);
    const t = c.get('t');
    if (!pdf.ok)
      return renderPage(
        c,
        { title: t('caselaw.editor.upload_title'), status: 422 },
        <UploadPage t={t} locale={c.get('locale')} csrf={csrf(c)} errors={pdf.errors} />,
      );
    const user = currentUser(c);
    const fileId = await db(c)
      .transaction()
      .execute(async (trx) => {
        const id = await saveFile(trx, pdf.file, { createdBy: user.id, textContent: pdf.text });
        await audit(trx, {
          actorId: user.id,
          actorLabel: user.role,
          action: 'caselaw.pdf_upload',
          targetType: 'stored_file',
          targetId: id,
          ip: c.get('ip'),
        });
        return id;
      });
    return confirmView(c, fileId, pdf.text, prefill(pdf.text));
  });

  app.post('/neu', async (c) => {
    const form = await readForm(c, confirmSchema);
    const fileId = z.uuid().safeParse(form.values.file_id);
    const file = fileId.success
      ? await db(c)
          .selectFrom('stored_files')
          .select(['id', 'text_content', 'created_by'])
          .where('id', '=', fileId.data)
          // only a PDF this account has just uploaded here, never another module's stored file
          .where('created_by', '=', currentUser(c).id)
          .where('media_type', '=', 'application/pdf')
          .executeTakeFirst()
      : undefined;
    if (!file) throw new AppError('validation', 'error.validation', {}, { file: { key: 'upload.missing' } });
    if (!form.ok) return confirmView(c, file.id, file.text_content ?? '', form.values, form.errors);
    const data = form.data;
    try {
      const id = await db(c)
        .transaction()
        .execute((trx) =>
          createDecision(
            trx,
            { metadata: data, fileId: file.id, text: file.text_content ?? '', status: 'draft' },
            actor(c),
          ),
        );
      return c.redirect(localePath(c.get('locale'), `${BASE}/${id}`), 303);
    } catch (err) {
      return confirmView(c, file.id, file.text_content ?? '', form.values, validationFields(err));
    }
  });

  async function editorView(
    c: Ctx,
    id: string,
    extra: {
      values?: Record<string, string>;
      errors?: FieldErrors;
      notice?: string;
      status?: 409 | 422;
    } = {},
  ) {
    const d = await findEditable(db(c), id);
    if (!d) throw notFound();
    const t = c.get('t');
    const flags = await anonymisationFlags(db(c), id);
    return renderPage(
      c,
      { title: t('caselaw.editor.edit_title', { citation: citationLine(d) }), status: extra.status },
      <EditorPage
        t={t}
        locale={c.get('locale')}
        csrf={csrf(c)}
        d={d}
        values={extra.values}
        errors={extra.errors}
        notice={extra.notice}
        flags={flags.open}
      />,
    );
  }

  app.get('/:id', (c) => {
    const q = c.req.query();
    const t = c.get('t');
    const labels = metadataLabels(t);
    let notice: string | undefined;
    if (q.gespeichert !== undefined)
      notice = q.gespeichert
        ? t('caselaw.editor.saved', {
            fields: q.gespeichert
              .split(',')
              .map((f) => labels[f.trim()] || f.trim())
              .join(', '),
          })
        : t('caselaw.editor.nothing_changed');
    else if (q.status && ['draft', 'review', 'published'].includes(q.status))
      notice = t('caselaw.editor.status_changed', {
        status: t(`caselaw.editor.status.${q.status as 'draft'}`),
      });
    else if (q.bestaetigt !== undefined) notice = t('caselaw.anon.confirmed');
    return editorView(c, uuidParam(c, 'id'), { notice });
  });

  app.post('/:id', async (c) => {
    const id = uuidParam(c, 'id');
    const form = await readForm(c, editorSchema);
    // checkboxes send one value each; the re-rendered form needs them all, not only the first
    const body = await c.req.parseBody({ all: true });
    for (const name of ['legal_areas', 'exploitation', 'acts', 'means', 'purposes', 'victims_sex']) {
      const chosen = body[name];
      form.values[name] = (Array.isArray(chosen) ? chosen : chosen ? [chosen] : [])
        .filter((a) => typeof a === 'string')
        .join(',');
    }
    if (!form.ok) return editorView(c, id, { values: form.values, errors: form.errors, status: 422 });
    try {
      const changes = await db(c)
        .transaction()
        .execute((trx) => saveDecision(trx, id, form.data, actor(c)));
      const fields = changes.map((ch) => ch.field).join(', ');
      return c.redirect(
        `${localePath(c.get('locale'), `${BASE}/${id}`)}?gespeichert=${encodeURIComponent(fields)}`,
        303,
      );
    } catch (err) {
      if (err instanceof AppError && err.code === 'conflict')
        return editorView(c, id, {
          values: form.values,
          errors: { _form: { key: 'caselaw.editor.conflict' } },
          status: 409,
        });
      return editorView(c, id, { values: form.values, errors: validationFields(err), status: 422 });
    }
  });

  app.post('/:id/status', async (c) => {
    const id = uuidParam(c, 'id');
    const form = await readForm(c, statusSchema);
    if (!form.ok) return editorView(c, id, { errors: form.errors, status: 422 });
    try {
      await db(c)
        .transaction()
        .execute(async (trx) => {
          await changeStatus(trx, id, form.data.to, actor(c));
          if (form.data.to === 'published')
            await notifySubmitterOfPublication(trx, id, actor(c).user.id, c.get('deps').config.publicUrl);
        });
      return c.redirect(`${localePath(c.get('locale'), `${BASE}/${id}`)}?status=${form.data.to}`, 303);
    } catch (err) {
      return editorView(c, id, { errors: validationFields(err), status: 422 });
    }
  });

  app.post('/:id/anonymisierung', async (c) => {
    const id = uuidParam(c, 'id');
    const form = await readForm(c, flagSchema);
    if (!form.ok) return editorView(c, id, { errors: form.errors, status: 422 });
    try {
      await db(c)
        .transaction()
        .execute((trx) => confirmFlag(trx, id, form.data.kind as FlagKind, form.data.match, actor(c)));
      return c.redirect(`${localePath(c.get('locale'), `${BASE}/${id}`)}?bestaetigt=1#anonymisierung`, 303);
    } catch (err) {
      return editorView(c, id, { errors: validationFields(err), status: 422 });
    }
  });

  app.get('/:id/verlauf', async (c) => {
    const id = uuidParam(c, 'id');
    const d = await findEditable(db(c), id);
    if (!d) throw notFound();
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('caselaw.editor.history_title', { citation: citationLine(d) }) },
      <HistoryPage t={t} locale={c.get('locale')} d={d} entries={await historyOf(db(c), id)} />,
    );
  });

  app.get('/:id/original', async (c) => {
    const id = uuidParam(c, 'id');
    const d = await findEditable(db(c), id);
    if (!d?.original_file_id) throw notFound();
    const file = await fileWithContent(db(c), d.original_file_id);
    if (!file) throw notFound();
    await audit(db(c), {
      actorId: currentUser(c).id,
      actorLabel: currentUser(c).role,
      action: 'caselaw.original_download',
      targetType: 'caselaw_decision',
      targetId: id,
      ip: c.get('ip'),
    });
    return fileResponse(c, file);
  });

  return app;
}

const submitSchema = metadataSchema.pick({ court: true, decision_date: true, file_numbers: true }).extend({
  note: z.string().trim().max(2000).default(''),
});

/** Members submit a decision (`/rechtsprechung-einreichen`): PDF and metadata into the office's review queue. */
export function caselawSubmitRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('caselaw:submit'));

  async function view(
    c: Ctx,
    extra: { values?: Record<string, string>; errors?: FieldErrors; done?: boolean } = {},
  ) {
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('caselaw.submit.title'), status: extra.errors ? 422 : 200 },
      <SubmitPage
        t={t}
        locale={c.get('locale')}
        csrf={csrf(c)}
        values={extra.values}
        errors={extra.errors}
        done={extra.done}
        mine={await submissionsOf(db(c), currentUser(c).id)}
      />,
    );
  }

  app.get('/', (c) => view(c, { done: c.req.query('eingereicht') === '1' }));

  app.post('/', async (c) => {
    const pdf = await readPdf(c);
    const form = await readForm(c, submitSchema);
    const errors: FieldErrors = { ...(pdf.ok ? {} : pdf.errors), ...(form.ok ? {} : form.errors) };
    if (!pdf.ok || !form.ok) return view(c, { values: form.values, errors });
    const user = currentUser(c);
    const recognised = recogniseDecision(pdf.text);
    const data = form.data;
    try {
      await db(c)
        .transaction()
        .execute(async (trx) => {
          const fileId = await saveFile(trx, pdf.file, { createdBy: user.id, textContent: pdf.text });
          const id = await createDecision(
            trx,
            {
              metadata: {
                ...data,
                decision_type: recognised.decisionType ?? '',
                ecli: recognised.ecli ?? '',
                chamber: '',
              },
              fileId,
              text: pdf.text,
              status: 'review',
              submittedBy: user.id,
              note: data.note,
            },
            actor(c),
          );
          const org = user.organisation_id
            ? await trx
                .selectFrom('organisations')
                .select('name')
                .where('id', '=', user.organisation_id)
                .executeTakeFirst()
            : undefined;
          await notifyOfficeOfSubmission(
            trx,
            id,
            {
              court: data.court,
              date: data.decision_date,
              fileNumbers: data.file_numbers,
              org: org?.name ?? null,
            },
            c.get('deps').config.publicUrl,
          );
        });
    } catch (err) {
      return view(c, { values: form.values, errors: validationFields(err) });
    }
    c.get('deps').kickMail();
    return c.redirect(`${localePath(c.get('locale'), '/rechtsprechung-einreichen')}?eingereicht=1`, 303);
  });

  return app;
}

/** The original PDF of a published decision, when the office has marked it as anonymised. */
export function caselawOriginalRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/rechtsprechung/:id/original', async (c) => {
    const id = uuidParam(c, 'id');
    const d = await db(c)
      .selectFrom('caselaw_decisions')
      .select(['original_file_id'])
      .where('id', '=', id)
      .where('status', '=', 'published')
      .where('original_public', '=', true)
      .executeTakeFirst();
    if (!d?.original_file_id) throw notFound();
    const file = await fileWithContent(db(c), d.original_file_id);
    if (!file) throw notFound();
    return fileResponse(c, file, { cacheSeconds: 300 });
  });
  return app;
}
