import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import { z } from 'zod';
import type { EventFormat, EventKind } from '../../db/types.ts';
import { AppError, type FieldErrors, notFound } from '../../platform/errors.ts';
import { fileResponse } from '../../platform/files/download.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { fillPageCache, invalidatePageCache } from '../../platform/http/page-cache.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { formatDateTime, localePath } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { renderPage } from '../../platform/ui/render.tsx';
import { MaterialList, officeFollowupRoutes, participantRoutes } from './followup-routes.tsx';
import { BotGuard, botGuardErrors } from './form-guard.tsx';
import { eventsCalendar, fromLocalInput, toLocalInput } from './ical.ts';
import { listMaterials, materialFile } from './materials.ts';
import {
  type Actor,
  cancelRegistration,
  confirmOptin,
  createEvent,
  type EventInput,
  type EventRow,
  eventFormats,
  eventKinds,
  findByToken,
  formStamp,
  getEvent,
  listAllEvents,
  listPublicEvents,
  type MailLinks,
  membersOnlyKinds,
  participants,
  register,
  registrationCounts,
  registrationOpen,
  updateEvent,
  visibleEvent,
} from './repo.ts';

const db = (c: Ctx) => c.get('deps').database.db;
const links = (c: Ctx): MailLinks => ({
  publicUrl: c.get('deps').config.publicUrl,
  locale: c.get('locale') === 'en' ? 'en' : 'de',
});
const lp = (c: Ctx, path: string) => localePath(c.get('locale'), path);

function icalOf(c: Ctx, events: EventRow[]) {
  const body = eventsCalendar(events, c.get('deps').config.publicUrl, c.get('t')('events.title'));
  return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
}

const filterSchema = z.object({
  kind: z
    .enum(eventKinds as [EventKind, ...EventKind[]])
    .or(z.literal(''))
    .optional(),
  format: z
    .enum(eventFormats as [EventFormat, ...EventFormat[]])
    .or(z.literal(''))
    .optional(),
  language: z.string().max(40).optional(),
  topic: z.string().max(100).optional(),
  audience: z.string().max(100).optional(),
});

function EventList({ c, events }: { c: Ctx; events: EventRow[] }) {
  const t = c.get('t');
  if (events.length === 0) return <p>{t('events.none')}</p>;
  return (
    <ul class="event-list">
      {events.map((e) => (
        <li>
          <a href={lp(c, `/veranstaltungen/${e.id}`)}>{e.title}</a>
          <br />
          {t(`events.kind.${e.kind}`)} · {t(`events.format.${e.format}`)} ·{' '}
          {formatDateTime(c.get('locale'), e.starts_at)}
          {membersOnlyKinds.includes(e.kind) ? ` · ${t('events.members_only')}` : ''}
        </li>
      ))}
    </ul>
  );
}

/** `/veranstaltungen`: the public calendar, the archive, the feeds, registration without an account. */
export function eventsRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/veranstaltungen.ics', async (c) =>
    icalOf(c, await listPublicEvents(db(c), { past: false, membersToo: false, limit: 500 })),
  );

  // the same for every anonymous visitor: served from the page cache for 10 s (decision 0009)
  app.get('/veranstaltungen', fillPageCache(), async (c) => {
    const t = c.get('t');
    const parsed = filterSchema.safeParse(c.req.query());
    if (!parsed.success) throw new AppError('bad_request', 'error.bad_request');
    const f = parsed.data;
    const events = await listPublicEvents(db(c), {
      past: false,
      membersToo: Boolean(c.get('auth')),
      filter: {
        kind: f.kind || undefined,
        format: f.format || undefined,
        language: f.language || undefined,
        topic: f.topic || undefined,
        audience: f.audience || undefined,
      },
    });
    const values = { kind: f.kind ?? '', format: f.format ?? '', language: f.language ?? '' };
    return renderPage(
      c,
      { title: t('events.title') },
      <div>
        <h1>{t('events.title')}</h1>
        <p>{t('events.intro')}</p>
        <p>
          <a href={lp(c, '/schulungen/anfragen')}>{t('referral.training.link')}</a> ·{' '}
          <a href={lp(c, '/referentinnen')}>{t('referral.speakers.title')}</a>
        </p>
        <form method="get" action={lp(c, '/veranstaltungen')} class="filters">
          <Field
            name="kind"
            label={t('events.kind')}
            t={t}
            values={values}
            options={[
              { value: '', label: t('events.filter_all') },
              ...eventKinds
                .filter((k) => c.get('auth') || !membersOnlyKinds.includes(k))
                .map((k) => ({ value: k, label: t(`events.kind.${k}`) })),
            ]}
          />
          <Field
            name="format"
            label={t('events.format')}
            t={t}
            values={values}
            options={[
              { value: '', label: t('events.filter_all') },
              ...eventFormats.map((k) => ({ value: k, label: t(`events.format.${k}`) })),
            ]}
          />
          <Field name="language" label={t('events.languages')} t={t} values={values} />
          <button type="submit">{t('events.filter')}</button>
        </form>
        <h2>{t('events.upcoming')}</h2>
        <EventList c={c} events={events} />
        <p>
          <a href={lp(c, '/veranstaltungen/archiv')}>{t('events.archive')}</a> ·{' '}
          <a href="/veranstaltungen.ics">{t('events.ical_feed')}</a>
        </p>
      </div>,
    );
  });

  app.get('/veranstaltungen/archiv', fillPageCache(), async (c) => {
    const t = c.get('t');
    const events = await listPublicEvents(db(c), { past: true, membersToo: Boolean(c.get('auth')) });
    return renderPage(
      c,
      { title: t('events.archive_title') },
      <div>
        <h1>{t('events.archive_title')}</h1>
        <EventList c={c} events={events} />
      </div>,
    );
  });

  async function tokenPage(c: Ctx, kind: 'optin' | 'cancel') {
    const t = c.get('t');
    const token = c.req.param('token') ?? '';
    const found = await findByToken(db(c), kind, token);
    const title = t(kind === 'optin' ? 'events.confirm_title' : 'events.cancel_title');
    if (!found)
      return renderPage(
        c,
        { title, status: 404 },
        <Notice kind="warning">{t('events.link_invalid')}</Notice>,
      );
    return renderPage(
      c,
      { title },
      <div>
        <h1>{title}</h1>
        {kind === 'cancel' ? (
          <p>{t('events.cancel_question', { title: found.title })}</p>
        ) : (
          <p>{found.title}</p>
        )}
        <form method="post">
          <Csrf token={c.get('auth')?.session?.csrfToken} />
          <button type="submit">
            {t(kind === 'optin' ? 'events.confirm_button' : 'events.cancel_button')}
          </button>
        </form>
      </div>,
    );
  }

  app.get('/veranstaltungen/bestaetigen/:token', (c) => tokenPage(c, 'optin'));
  app.post('/veranstaltungen/bestaetigen/:token', async (c) => {
    const t = c.get('t');
    const result = await confirmOptin(db(c), c.req.param('token') ?? '', links(c));
    c.get('deps').kickMail();
    if (!result)
      return renderPage(
        c,
        { title: t('events.confirm_title'), status: 404 },
        <Notice kind="warning">{t('events.link_invalid')}</Notice>,
      );
    return renderPage(
      c,
      { title: t('events.confirm_title') },
      <Notice kind="success">{t(result === 'confirmed' ? 'events.confirmed' : 'events.waitlisted')}</Notice>,
    );
  });

  app.get('/veranstaltungen/abmelden/:token', (c) => tokenPage(c, 'cancel'));
  app.post('/veranstaltungen/abmelden/:token', async (c) => {
    const t = c.get('t');
    const ok = await cancelRegistration(db(c), c.req.param('token') ?? '', links(c));
    c.get('deps').kickMail();
    return renderPage(
      c,
      { title: t('events.cancel_title'), status: ok ? 200 : 404 },
      <Notice kind={ok ? 'success' : 'warning'}>{t(ok ? 'events.cancelled' : 'events.link_invalid')}</Notice>,
    );
  });

  participantRoutes(app);

  async function loadVisible(c: Ctx) {
    const event = await visibleEvent(db(c), uuidParam(c, 'id'), Boolean(c.get('auth')));
    if (!event) throw notFound();
    return event;
  }

  app.get('/veranstaltungen/:id/kalender.ics', async (c) => icalOf(c, [await loadVisible(c)]));

  app.get('/veranstaltungen/:id/unterlagen/:item', async (c) => {
    const event = await loadVisible(c);
    const file = await materialFile(db(c), event.id, uuidParam(c, 'item'), 'public');
    if (!file) throw notFound();
    return fileResponse(c, file);
  });

  async function detail(
    c: Ctx,
    event: EventRow,
    extra: {
      errors?: FieldErrors;
      values?: Record<string, string>;
      notice?: string;
      status?: 200 | 422;
    } = {},
  ) {
    const t = c.get('t');
    const locale = c.get('locale');
    const counts = (await registrationCounts(db(c), [event.id])).get(event.id)!;
    const left = Math.max(0, event.capacity - counts.confirmed);
    const open = registrationOpen(event);
    const materials = await listMaterials(db(c), event.id, 'public');
    return renderPage(
      c,
      { title: event.title, status: extra.status ?? 200 },
      <article>
        <h1>{event.title}</h1>
        <p>
          {t(`events.kind.${event.kind}`)} · {t(`events.format.${event.format}`)}
        </p>
        <dl>
          <dt>{t('events.when')}</dt>
          <dd>
            {formatDateTime(locale, event.starts_at)} – {formatDateTime(locale, event.ends_at)}
          </dd>
          <dt>{t('events.where')}</dt>
          <dd>
            {event.format !== 'online' ? event.address : null}
            {event.format !== 'in_person' ? <p>{t('events.online_hint')}</p> : null}
          </dd>
          {event.languages.length ? (
            <>
              <dt>{t('events.languages')}</dt>
              <dd>{event.languages.join(', ')}</dd>
            </>
          ) : null}
          {event.topics.length ? (
            <>
              <dt>{t('events.topics')}</dt>
              <dd>{event.topics.join(', ')}</dd>
            </>
          ) : null}
          {event.audiences.length ? (
            <>
              <dt>{t('events.audiences')}</dt>
              <dd>{event.audiences.join(', ')}</dd>
            </>
          ) : null}
        </dl>
        {event.description
          .split(/\n{2,}/)
          .filter(Boolean)
          .map((para) => (
            <p>{para}</p>
          ))}
        <p>
          <a href={lp(c, `/veranstaltungen/${event.id}/kalender.ics`)}>{t('events.ical_one')}</a>
        </p>
        {materials.length > 0 ? (
          <>
            <h2>{t('events.materials.title')}</h2>
            <MaterialList c={c} items={materials} base={lp(c, `/veranstaltungen/${event.id}/unterlagen`)} />
          </>
        ) : null}
        <h2>{t('events.register_title')}</h2>
        {extra.notice ? <Notice kind="success">{extra.notice}</Notice> : null}
        {!open ? (
          <p>{t('events.registration_closed')}</p>
        ) : (
          <>
            <p>
              {left > 0
                ? t('events.places_left', { count: left, capacity: event.capacity })
                : t('events.full')}
            </p>
            {event.registration_deadline ? (
              <p>{t('events.deadline', { date: formatDateTime(locale, event.registration_deadline) })}</p>
            ) : null}
            <ErrorSummary
              t={t}
              errors={extra.errors}
              labels={{
                name: t('events.field_name'),
                email: t('events.field_email'),
                organisation: t('events.field_organisation'),
              }}
            />
            <form method="post" action={lp(c, `/veranstaltungen/${event.id}/anmelden`)}>
              <Csrf token={c.get('auth')?.session?.csrfToken} />
              <BotGuard stamp={await formStamp(db(c))} t={t} />
              <Field
                name="name"
                label={t('events.field_name')}
                t={t}
                errors={extra.errors}
                values={extra.values}
                required
                autocomplete="name"
                maxlength={200}
              />
              <Field
                name="email"
                type="email"
                label={t('events.field_email')}
                t={t}
                errors={extra.errors}
                values={extra.values}
                required
                autocomplete="email"
                maxlength={254}
              />
              <Field
                name="organisation"
                label={t('events.field_organisation')}
                t={t}
                errors={extra.errors}
                values={extra.values}
                autocomplete="organization"
                maxlength={200}
              />
              <p class="hint">{t('events.privacy_hint')}</p>
              <button type="submit">{t('events.register')}</button>
            </form>
          </>
        )}
        <p>
          <a href={lp(c, '/veranstaltungen')}>{t('events.back')}</a>
        </p>
      </article>,
    );
  }

  app.get('/veranstaltungen/:id', async (c) => detail(c, await loadVisible(c)));

  const registrationSchema = z.object({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().max(254).pipe(z.email()),
    organisation: z.string().trim().max(200).optional().default(''),
    website: z.string().optional(),
    started: z.string().max(200).optional(),
  });

  app.post('/veranstaltungen/:id/anmelden', async (c) => {
    const event = await loadVisible(c);
    if (!registrationOpen(event)) throw new AppError('conflict', 'events.registration_closed');
    const form = await readForm(c, registrationSchema);
    const values = form.values;
    // bots first: a filled honeypot or a form sent faster than a person can fill it
    const botErrors = await botGuardErrors(db(c), values);
    if (botErrors) return detail(c, event, { errors: botErrors, values, status: 422 });
    if (!form.ok) return detail(c, event, { errors: form.errors, values, status: 422 });
    await register(
      db(c),
      event,
      { ...form.data, organisation: form.data.organisation ?? '' },
      links(c),
      c.get('ip'),
    );
    c.get('deps').kickMail();
    return detail(c, event, { notice: c.get('t')('events.check_mail') });
  });

  return app;
}

// ---------- the office ----------

const list = z
  .string()
  .max(1000)
  .optional()
  .transform((v) =>
    [
      ...new Set(
        (v ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ]
      .slice(0, 20)
      .map((s) => s.slice(0, 100)),
  );
const localDateTime = z.string().transform((v, ctx) => {
  const d = fromLocalInput(v);
  if (!d) {
    ctx.addIssue({ code: 'custom', message: 'events.error.datetime' });
    return z.NEVER;
  }
  return d;
});

export const eventSchema = z
  .object({
    kind: z.enum(eventKinds as [EventKind, ...EventKind[]]),
    title: z.string().trim().min(1).max(300),
    description: z.string().max(20000).optional().default(''),
    audiences: list,
    topics: list,
    languages: list,
    format: z.enum(eventFormats as [EventFormat, ...EventFormat[]]),
    address: z.string().trim().max(500).optional().default(''),
    online_url: z
      .union([z.literal(''), z.url({ protocol: /^https?$/ }).max(1000)])
      .optional()
      .default(''),
    starts_at: localDateTime,
    ends_at: localDateTime,
    capacity: z.coerce.number().int().min(1).max(100000),
    registration_deadline: z
      .union([z.literal('').transform(() => null), localDateTime])
      .optional()
      .default(null),
    published: z
      .string()
      .optional()
      .transform((v) => v === '1' || v === 'on'),
  })
  .superRefine((v, ctx) => {
    if (v.ends_at <= v.starts_at)
      ctx.addIssue({ code: 'custom', path: ['ends_at'], message: 'events.error.ends_before_start' });
    if (v.format !== 'online' && !v.address)
      ctx.addIssue({ code: 'custom', path: ['address'], message: 'events.error.address_required' });
    if (v.format !== 'in_person' && !v.online_url)
      ctx.addIssue({ code: 'custom', path: ['online_url'], message: 'events.error.url_required' });
  });

function valuesOf(e: EventRow): Record<string, string> {
  return {
    kind: e.kind,
    title: e.title,
    description: e.description,
    audiences: e.audiences.join(', '),
    topics: e.topics.join(', '),
    languages: e.languages.join(', '),
    format: e.format,
    address: e.address,
    online_url: e.online_url,
    starts_at: toLocalInput(e.starts_at),
    ends_at: toLocalInput(e.ends_at),
    capacity: String(e.capacity),
    registration_deadline: e.registration_deadline ? toLocalInput(e.registration_deadline) : '',
    published: e.published ? '1' : '',
  };
}

/** `/verwaltung/veranstaltungen`: the office creates events and sees who registered. */
export function eventsOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('events:manage'));
  const actor = (c: Ctx): Actor => ({ user: c.get('auth')!.user, ip: c.get('ip') });

  app.get('/', async (c) => {
    const t = c.get('t');
    const events = await listAllEvents(db(c));
    const counts = await registrationCounts(
      db(c),
      events.map((e) => e.id),
    );
    return renderPage(
      c,
      { title: t('events.office.title') },
      <div>
        <h1>{t('events.office.title')}</h1>
        <p>
          <a href={lp(c, '/verwaltung/veranstaltungen/neu')}>{t('events.office.new')}</a>
        </p>
        <ul>
          {events.map((e) => {
            const n = counts.get(e.id)!;
            return (
              <li>
                <a href={lp(c, `/verwaltung/veranstaltungen/${e.id}`)}>{e.title}</a> ·{' '}
                {formatDateTime(c.get('locale'), e.starts_at)} ·{' '}
                {t(e.published ? 'events.office.published' : 'events.office.draft')} ·{' '}
                {t('events.office.counts', {
                  confirmed: n.confirmed,
                  waitlisted: n.waitlisted,
                  pending: n.pending_optin,
                })}{' '}
                ·{' '}
                <a href={lp(c, `/verwaltung/veranstaltungen/${e.id}/teilnehmende`)}>
                  {t('events.office.participants')}
                </a>
              </li>
            );
          })}
        </ul>
      </div>,
    );
  });

  function editForm(
    c: Ctx,
    event: EventRow | null,
    values: Record<string, string>,
    errors?: FieldErrors,
    notice?: string,
  ) {
    const t = c.get('t');
    const title = t(event ? 'events.office.edit' : 'events.office.new');
    const f = (name: string, label: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
      <Field name={name} label={label} t={t} errors={errors} values={values} {...extra} />
    );
    return renderPage(
      c,
      { title, status: errors ? 422 : 200 },
      <div>
        <h1>{title}</h1>
        {notice ? <Notice kind="success">{notice}</Notice> : null}
        <ErrorSummary t={t} errors={errors} labels={{}} />
        <form method="post">
          <Csrf token={c.get('auth')?.session?.csrfToken} />
          {f('kind', t('events.kind'), {
            options: eventKinds.map((k) => ({ value: k, label: t(`events.kind.${k}`) })),
          })}
          {f('title', t('events.field_title'), { required: true, maxlength: 300 })}
          {f('description', t('events.field_description'), { multiline: 8 })}
          {f('format', t('events.format'), {
            options: eventFormats.map((k) => ({ value: k, label: t(`events.format.${k}`) })),
          })}
          {f('address', t('events.field_address'))}
          {f('online_url', t('events.field_online_url'), { type: 'url' })}
          {f('starts_at', t('events.field_starts'), { type: 'datetime-local', required: true })}
          {f('ends_at', t('events.field_ends'), { type: 'datetime-local', required: true })}
          {f('registration_deadline', t('events.field_deadline'), { type: 'datetime-local' })}
          {f('capacity', t('events.field_capacity'), { type: 'number', required: true })}
          {f('audiences', t('events.audiences'), { hint: t('events.field_list_hint') })}
          {f('topics', t('events.topics'), { hint: t('events.field_list_hint') })}
          {f('languages', t('events.languages'), { hint: t('events.field_list_hint') })}
          <label>
            <input type="checkbox" name="published" value="1" checked={values.published === '1'} />{' '}
            {t('events.field_published')}
          </label>
          <button type="submit">{t('events.office.save')}</button>
        </form>
      </div>,
    );
  }

  app.get('/neu', (c) =>
    editForm(c, null, { kind: 'training', format: 'in_person', languages: 'de', capacity: '20' }),
  );
  app.post('/neu', async (c) => {
    const form = await readForm(c, eventSchema);
    if (!form.ok) return editForm(c, null, form.values, form.errors);
    const id = await createEvent(db(c), form.data as EventInput, actor(c));
    invalidatePageCache();
    return c.redirect(lp(c, `/verwaltung/veranstaltungen/${id}?gespeichert=1`), 303);
  });

  async function load(c: Ctx) {
    const event = await getEvent(db(c), uuidParam(c, 'id'));
    if (!event) throw notFound();
    return event;
  }

  app.get('/:id', async (c) => {
    const event = await load(c);
    return editForm(
      c,
      event,
      valuesOf(event),
      undefined,
      c.req.query('gespeichert') ? c.get('t')('events.office.saved') : undefined,
    );
  });
  app.post('/:id', async (c) => {
    const event = await load(c);
    const form = await readForm(c, eventSchema);
    if (!form.ok) return editForm(c, event, form.values, form.errors);
    await updateEvent(db(c), event.id, form.data as EventInput, actor(c), links(c));
    invalidatePageCache();
    c.get('deps').kickMail();
    return c.redirect(lp(c, `/verwaltung/veranstaltungen/${event.id}?gespeichert=1`), 303);
  });

  officeFollowupRoutes(app);

  app.get('/:id/teilnehmende.csv', async (c) => {
    const event = await load(c);
    const rows = await participants(db(c), event.id, actor(c), 'csv');
    // a leading =, +, - or @ would be a formula in a spreadsheet
    const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    const csv = stringify(
      rows.map((r) => [
        safe(r.name),
        safe(r.email),
        safe(r.organisation),
        r.status,
        r.optin_at?.toISOString() ?? '',
        r.attended ? '1' : '0',
      ]),
      { header: true, columns: ['name', 'email', 'organisation', 'status', 'confirmed_at', 'attended'] },
    );
    return c.body(`\uFEFF${csv}`, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="teilnehmende-${event.id}.csv"`,
    });
  });

  return app;
}
