import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { MaterialVisibility } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, type FieldErrors, notFound } from '../../platform/errors.ts';
import { fileResponse } from '../../platform/files/download.ts';
import { checkUpload, uploadPolicies } from '../../platform/files/uploads.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { isUuid, uuidParam } from '../../platform/http/params.ts';
import { formatDateTime, localePath } from '../../platform/i18n/index.ts';
import { hitLimits } from '../../platform/rate-limit.ts';
import { getSite } from '../../platform/site.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { renderPage } from '../../platform/ui/render.tsx';
import { certificatesPdf } from './certificates.ts';
import { feedbackQuestions, feedbackSummary, feedbackTokenEvent, submitFeedback } from './feedback.ts';
import { attendees, markAttendance, participantByAccessToken, sendFollowUpsNow } from './followup.ts';
import { BotGuard, botGuardErrors } from './form-guard.tsx';
import {
  addMaterial,
  deleteMaterial,
  listMaterials,
  materialFile,
  materialVisibilities,
} from './materials.ts';
import { type Actor, type EventRow, formStamp, getEvent, participants, refuseWhenLimited } from './repo.ts';

const db = (c: Ctx) => c.get('deps').database.db;
const lp = (c: Ctx, path: string) => localePath(c.get('locale'), path);

/** A list of materials with download links under `base`. */
export function MaterialList({
  c,
  items,
  base,
}: {
  c: Ctx;
  items: Awaited<ReturnType<typeof listMaterials>>;
  base: string;
}) {
  const t = c.get('t');
  if (items.length === 0) return <p>{t('events.materials.none')}</p>;
  return (
    <ul>
      {items.map((m) => (
        <li>
          <a href={`${base}/${m.id}`} download>
            {m.title}
          </a>{' '}
          ({m.name}, {Math.max(1, Math.round(m.size / 1024))} KB)
        </li>
      ))}
    </ul>
  );
}

// ---------- the participant's side: feedback form and personal materials link ----------

const rating = z.enum(['', '1', '2', '3', '4', '5']).optional();
const feedbackSchema = z.object({
  ...Object.fromEntries(feedbackQuestions.map((q) => [q, rating])),
  comment: z.string().max(4000).optional().default(''),
  website: z.string().optional(),
  started: z.string().max(200).optional(),
}) as z.ZodType<Record<string, string | undefined> & { comment: string }>;

const feedbackLimits = (ip: string | null) =>
  ip ? [{ key: `events:feedback:ip:${ip}`, max: 20, windowSeconds: 600 }] : [];

/** Registered before the event pages (`/veranstaltungen/:id`), whose parameter would match these paths too. */
export function participantRoutes(app: Hono<AppEnv>) {
  async function feedbackForm(
    c: Ctx,
    event: { title: string },
    extra: { errors?: FieldErrors; values?: Record<string, string> } = {},
  ) {
    const t = c.get('t');
    const values = extra.values ?? {};
    return renderPage(
      c,
      { title: t('events.feedback.title'), status: extra.errors ? 422 : 200 },
      <div>
        <h1>{t('events.feedback.title')}</h1>
        <p>
          <strong>{event.title}</strong>
        </p>
        <p>{t('events.feedback.intro')}</p>
        <ErrorSummary t={t} errors={extra.errors} labels={{}} />
        <form method="post">
          <Csrf token={c.get('auth')?.session?.csrfToken} />
          <BotGuard stamp={await formStamp(db(c))} t={t} />
          <p class="hint">{t('events.feedback.scale')}</p>
          {feedbackQuestions.map((q) => (
            <fieldset class="rating">
              <legend>{t(`events.feedback.q.${q}`)}</legend>
              {['1', '2', '3', '4', '5'].map((v) => (
                <label>
                  <input type="radio" name={q} value={v} checked={values[q] === v} /> {v}
                </label>
              ))}
              <label>
                <input type="radio" name={q} value="" checked={!values[q]} /> {t('events.feedback.no_answer')}
              </label>
            </fieldset>
          ))}
          <Field
            name="comment"
            label={t('events.feedback.comment')}
            hint={t('events.feedback.comment_hint')}
            t={t}
            errors={extra.errors}
            values={values}
            multiline={5}
            maxlength={4000}
          />
          <button type="submit">{t('events.feedback.send')}</button>
        </form>
      </div>,
    );
  }

  const invalid = (c: Ctx, title: string) =>
    renderPage(
      c,
      { title, status: 404 },
      <Notice kind="warning">{c.get('t')('events.link_invalid')}</Notice>,
    );

  app.get('/veranstaltungen/feedback/:token', async (c) => {
    const event = await feedbackTokenEvent(db(c), c.req.param('token') ?? '');
    if (!event) return invalid(c, c.get('t')('events.feedback.title'));
    return feedbackForm(c, event);
  });

  app.post('/veranstaltungen/feedback/:token', async (c) => {
    const t = c.get('t');
    const token = c.req.param('token') ?? '';
    const event = await feedbackTokenEvent(db(c), token);
    if (!event) return invalid(c, t('events.feedback.title'));
    const limits = feedbackLimits(c.get('ip'));
    await refuseWhenLimited(db(c), limits);
    await hitLimits(db(c), limits);
    const form = await readForm(c, feedbackSchema);
    const botErrors = await botGuardErrors(db(c), form.values);
    if (botErrors) return feedbackForm(c, event, { errors: botErrors, values: form.values });
    if (!form.ok) return feedbackForm(c, event, { errors: form.errors, values: form.values });
    const ratings = Object.fromEntries(
      feedbackQuestions.filter((q) => form.data[q]).map((q) => [q, Number(form.data[q])]),
    );
    const stored = await submitFeedback(db(c), token, { ratings, comment: form.data.comment });
    if (!stored) return invalid(c, t('events.feedback.title'));
    return renderPage(
      c,
      { title: t('events.feedback.title') },
      <Notice kind="success">{t('events.feedback.thanks')}</Notice>,
    );
  });

  async function participant(c: Ctx) {
    const found = await participantByAccessToken(db(c), c.req.param('token') ?? '');
    const event = found && (await getEvent(db(c), found.event_id));
    return event ? { event, registration: found! } : null;
  }

  app.get('/veranstaltungen/teilnahme/:token', async (c) => {
    const t = c.get('t');
    const found = await participant(c);
    if (!found) return invalid(c, t('events.materials.title'));
    const { event } = found;
    const items = await listMaterials(db(c), event.id, 'all');
    return renderPage(
      c,
      { title: t('events.participant.title', { title: event.title }) },
      <div>
        <h1>{t('events.participant.title', { title: event.title })}</h1>
        <p>
          {formatDateTime(c.get('locale'), event.starts_at)} –{' '}
          {formatDateTime(c.get('locale'), event.ends_at)}
        </p>
        <p>{t('events.participant.intro')}</p>
        <h2>{t('events.materials.title')}</h2>
        <MaterialList
          c={c}
          items={items}
          base={lp(c, `/veranstaltungen/teilnahme/${c.req.param('token')}/unterlagen`)}
        />
      </div>,
    );
  });

  app.get('/veranstaltungen/teilnahme/:token/unterlagen/:item', async (c) => {
    const found = await participant(c);
    if (!found) throw notFound();
    const file = await materialFile(db(c), found.event.id, uuidParam(c, 'item'), 'all');
    if (!file) throw notFound();
    return fileResponse(c, file);
  });
}

// ---------- the office: attendance, exports, certificates, feedback, materials ----------

const attendanceSchema = z.object({
  attended: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(isUuid).slice(0, 5000)),
});

const materialSchema = z.object({
  title: z.string().trim().min(1).max(300),
  visibility: z.enum(materialVisibilities as [MaterialVisibility, ...MaterialVisibility[]]),
});

const safeCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export function officeFollowupRoutes(app: Hono<AppEnv>) {
  const actor = (c: Ctx): Actor => ({ user: c.get('auth')!.user, ip: c.get('ip') });
  async function load(c: Ctx) {
    const event = await getEvent(db(c), uuidParam(c, 'id'));
    if (!event) throw notFound();
    return event;
  }
  const office = (c: Ctx, event: EventRow, path = '') =>
    lp(c, `/verwaltung/veranstaltungen/${event.id}${path}`);

  app.get('/:id/teilnehmende', async (c) => {
    const t = c.get('t');
    const event = await load(c);
    const rows = await participants(db(c), event.id, actor(c), 'view');
    const saved = c.req.query('gespeichert');
    const sent = c.req.query('gesendet');
    return renderPage(
      c,
      { title: `${t('events.office.participants')}: ${event.title}` },
      <div>
        <h1>
          {t('events.office.participants')}: {event.title}
        </h1>
        {saved !== undefined && /^\d+$/.test(saved) ? (
          <Notice kind="success">{t('events.office.attendance_saved', { count: saved })}</Notice>
        ) : null}
        {sent !== undefined && /^\d+$/.test(sent) ? (
          <Notice kind="success">{t('events.office.followup_sent', { count: sent })}</Notice>
        ) : null}
        <ul>
          <li>
            <a href={office(c, event, '/teilnehmende.csv')}>{t('events.office.csv')}</a>
          </li>
          <li>
            <a href={office(c, event, '/teilnehmende.xlsx')}>{t('events.office.xlsx')}</a>
          </li>
          <li>
            <a href={office(c, event, '/bescheinigungen.pdf')}>{t('events.office.certificates_all')}</a>
          </li>
          <li>
            <a href={office(c, event, '/feedback')}>{t('events.office.feedback')}</a>
          </li>
          <li>
            <a href={office(c, event, '/unterlagen')}>{t('events.office.materials')}</a>
          </li>
        </ul>
        <p class="hint">{t('events.office.attendance_hint')}</p>
        <form method="post" action={office(c, event, '/teilnehmende/anwesenheit')}>
          <Csrf token={c.get('auth')?.session?.csrfToken} />
          <table>
            <thead>
              <tr>
                <th scope="col">{t('events.field_name')}</th>
                <th scope="col">{t('events.field_email')}</th>
                <th scope="col">{t('events.field_organisation')}</th>
                <th scope="col">{t('events.office.status')}</th>
                <th scope="col">{t('events.office.attended')}</th>
                <th scope="col">{t('events.office.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{r.name}</td>
                  <td>{r.email}</td>
                  <td>{r.organisation}</td>
                  <td>{t(`events.status.${r.status}`)}</td>
                  <td>
                    {r.status === 'confirmed' ? (
                      <input
                        type="checkbox"
                        name="attended"
                        value={r.id}
                        checked={r.attended}
                        aria-label={t('events.office.attended_label', { name: r.name })}
                      />
                    ) : null}
                  </td>
                  <td>
                    {r.status === 'confirmed' && r.attended ? (
                      <a
                        href={office(c, event, `/bescheinigungen/${r.id}`)}
                        aria-label={t('events.office.certificate_for', { name: r.name })}
                      >
                        {t('events.office.certificate_one')}
                      </a>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="submit">{t('events.office.attendance_save')}</button>
        </form>
        {event.ends_at < new Date() ? (
          <form method="post" action={office(c, event, '/feedback/senden')}>
            <Csrf token={c.get('auth')?.session?.csrfToken} />
            <p class="hint">{t('events.office.followup_hint')}</p>
            <button type="submit">{t('events.office.followup_send')}</button>
          </form>
        ) : null}
      </div>,
    );
  });

  app.post('/:id/teilnehmende/anwesenheit', async (c) => {
    const event = await load(c);
    const form = await readForm(c, attendanceSchema);
    if (!form.ok) throw new AppError('validation', 'error.bad_request');
    const marked = await markAttendance(db(c), event.id, form.data.attended, actor(c));
    return c.redirect(office(c, event, `/teilnehmende?gespeichert=${marked}`), 303);
  });

  app.get('/:id/teilnehmende.xlsx', async (c) => {
    const t = c.get('t');
    const event = await load(c);
    const rows = await participants(db(c), event.id, actor(c), 'xlsx');
    const book = new ExcelJS.Workbook();
    book.creator = 'KOK-Plattform';
    const sheet = book.addWorksheet(t('events.office.participants'));
    sheet.columns = [
      { header: t('events.field_name'), key: 'name', width: 30 },
      { header: t('events.field_email'), key: 'email', width: 32 },
      { header: t('events.field_organisation'), key: 'organisation', width: 30 },
      { header: t('events.office.status'), key: 'status', width: 16 },
      { header: t('events.office.attended'), key: 'attended', width: 12 },
      { header: 'confirmed_at', key: 'confirmed_at', width: 22 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const r of rows) {
      sheet.addRow({
        name: safeCell(r.name),
        email: safeCell(r.email),
        organisation: safeCell(r.organisation),
        status: t(`events.status.${r.status}`),
        attended: r.attended ? 1 : 0,
        confirmed_at: r.optin_at ?? null,
      });
    }
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    return fileResponse(c, {
      name: `teilnehmende-${event.id}.xlsx`,
      media_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      content: bytes,
    });
  });

  async function certificates(c: Ctx, event: EventRow, registrationId?: string) {
    const people = await attendees(db(c), event.id, registrationId);
    if (people.length === 0) {
      if (registrationId) throw notFound();
      throw new AppError('conflict', 'events.office.no_attendees');
    }
    const site = await getSite(db(c));
    const pdf = await certificatesPdf(event, people, site.settings.name);
    await audit(db(c), {
      actorId: actor(c).user.id,
      actorLabel: actor(c).user.role,
      action: 'event.certificates_export',
      targetType: 'event',
      targetId: event.id,
      ip: actor(c).ip,
      meta: registrationId ? { registration: registrationId } : { certificates: people.length },
    });
    return fileResponse(c, {
      name: registrationId ? `bescheinigung-${registrationId}.pdf` : `bescheinigungen-${event.id}.pdf`,
      media_type: 'application/pdf',
      content: pdf,
    });
  }

  app.get('/:id/bescheinigungen.pdf', async (c) => certificates(c, await load(c)));
  app.get('/:id/bescheinigungen/:item', async (c) => {
    const event = await load(c);
    return certificates(c, event, uuidParam(c, 'item'));
  });

  app.get('/:id/feedback', async (c) => {
    const t = c.get('t');
    const event = await load(c);
    const summary = await feedbackSummary(db(c), event.id);
    return renderPage(
      c,
      { title: t('events.feedback.summary_title', { title: event.title }) },
      <div>
        <h1>{t('events.feedback.summary_title', { title: event.title })}</h1>
        <p>{t('events.feedback.summary_counts', { answers: summary.answers, open: summary.open })}</p>
        {summary.answers === 0 ? (
          <p>{t('events.feedback.none')}</p>
        ) : (
          <>
            <table>
              <caption>{t('events.feedback.scale')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.feedback.question')}</th>
                  {[1, 2, 3, 4, 5].map((n) => (
                    <th scope="col">{n}</th>
                  ))}
                  <th scope="col">{t('events.feedback.answers')}</th>
                  <th scope="col">{t('events.feedback.average')}</th>
                </tr>
              </thead>
              <tbody>
                {summary.questions.map((q) => (
                  <tr>
                    <th scope="row">{t(`events.feedback.q.${q.key}`)}</th>
                    {q.counts.map((n) => (
                      <td>{n}</td>
                    ))}
                    <td>{q.n}</td>
                    <td>
                      {q.average === null
                        ? '–'
                        : q.average.toLocaleString(c.get('locale') === 'en' ? 'en-GB' : 'de-DE')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <h2>{t('events.feedback.comments')}</h2>
            <ul>
              {summary.comments.map((text) => (
                <li>{text}</li>
              ))}
            </ul>
          </>
        )}
        <p>
          <a href={office(c, event, '/teilnehmende')}>{t('events.office.participants')}</a>
        </p>
      </div>,
    );
  });

  app.post('/:id/feedback/senden', async (c) => {
    const event = await load(c);
    const sent = await sendFollowUpsNow(db(c), event, c.get('deps').config.publicUrl, actor(c));
    c.get('deps').kickMail();
    return c.redirect(office(c, event, `/teilnehmende?gesendet=${sent}`), 303);
  });

  async function materialsPage(
    c: Ctx,
    event: EventRow,
    extra: { errors?: FieldErrors; values?: Record<string, string>; notice?: string } = {},
  ) {
    const t = c.get('t');
    const items = await listMaterials(db(c), event.id, 'all');
    const values = extra.values ?? { visibility: 'participants' };
    return renderPage(
      c,
      { title: t('events.materials.office_title', { title: event.title }), status: extra.errors ? 422 : 200 },
      <div>
        <h1>{t('events.materials.office_title', { title: event.title })}</h1>
        {extra.notice ? <Notice kind="success">{extra.notice}</Notice> : null}
        {items.length === 0 ? (
          <p>{t('events.materials.none')}</p>
        ) : (
          <ul>
            {items.map((m) => (
              <li>
                <a href={office(c, event, `/unterlagen/${m.id}`)} download>
                  {m.title}
                </a>{' '}
                ({m.name}) · {t(`events.materials.visibility.${m.visibility}`)}
                <form method="post" action={office(c, event, `/unterlagen/${m.id}/loeschen`)} class="inline">
                  <Csrf token={c.get('auth')?.session?.csrfToken} />
                  <button type="submit">{t('events.materials.delete', { title: m.title })}</button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <h2>{t('events.materials.upload')}</h2>
        <ErrorSummary
          t={t}
          errors={extra.errors}
          labels={{ title: t('events.materials.field_title'), file: t('events.materials.field_file') }}
        />
        <form method="post" enctype="multipart/form-data" action={office(c, event, '/unterlagen')}>
          <Csrf token={c.get('auth')?.session?.csrfToken} />
          <Field
            name="title"
            label={t('events.materials.field_title')}
            t={t}
            errors={extra.errors}
            values={values}
            required
            maxlength={300}
          />
          <Field
            name="file"
            type="file"
            label={t('events.materials.field_file')}
            t={t}
            errors={extra.errors}
            values={{}}
            required
          />
          <Field
            name="visibility"
            label={t('events.materials.visibility')}
            t={t}
            errors={extra.errors}
            values={values}
            options={materialVisibilities.map((v) => ({
              value: v,
              label: t(`events.materials.visibility.${v}`),
            }))}
          />
          <button type="submit">{t('events.materials.upload')}</button>
        </form>
        <p>
          <a href={office(c, event, '/teilnehmende')}>{t('events.office.participants')}</a>
        </p>
      </div>,
    );
  }

  app.get('/:id/unterlagen', async (c) => {
    const event = await load(c);
    const notice = c.req.query('gespeichert')
      ? c.get('t')('events.materials.uploaded')
      : c.req.query('geloescht')
        ? c.get('t')('events.materials.deleted')
        : undefined;
    return materialsPage(c, event, { notice });
  });

  app.post('/:id/unterlagen', async (c) => {
    const event = await load(c);
    const form = await readForm(c, materialSchema);
    const body = await c.req.parseBody();
    const upload = await checkUpload(body.file, uploadPolicies.document);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (!upload.ok) errors.file = { key: upload.error };
    if (!form.ok || !upload.ok) return materialsPage(c, event, { errors, values: form.values });
    await addMaterial(db(c), event.id, { ...form.data, file: upload.file }, actor(c));
    return c.redirect(office(c, event, '/unterlagen?gespeichert=1'), 303);
  });

  app.get('/:id/unterlagen/:item', async (c) => {
    const event = await load(c);
    const file = await materialFile(db(c), event.id, uuidParam(c, 'item'), 'all');
    if (!file) throw notFound();
    return fileResponse(c, file);
  });

  app.post('/:id/unterlagen/:item/loeschen', async (c) => {
    const event = await load(c);
    if (!(await deleteMaterial(db(c), event.id, uuidParam(c, 'item'), actor(c)))) throw notFound();
    return c.redirect(office(c, event, '/unterlagen?geloescht=1'), 303);
  });
}
