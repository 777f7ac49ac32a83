import { stringify } from 'csv-stringify/sync';
import { Hono } from 'hono';
import { z } from 'zod';
import type { SpeakerRequestStatus, TrainingRequestStatus } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, type FieldErrors, notFound, validationFields } from '../../platform/errors.ts';
import { requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm } from '../../platform/http/forms.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { formatDateTime } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { renderPage } from '../../platform/ui/render.tsx';
import { landName } from '../directory/geo/geocode.ts';
import { languageName } from '../directory/vocabulary.ts';
import { formatPeriods, listValues, speakerSchema } from './forms.ts';
import { ProfileFields, profileLists } from './public-routes.tsx';
import type { Actor } from './shared.ts';
import {
  addSpeakerRequestNote,
  closeSpeakerRequest,
  getSpeakerRequest,
  listSpeakerRequests,
  proposalsOf,
  proposeSpeakers,
  speakerRequestStatuses,
  suggestionsFor,
} from './speaker-requests.ts';
import { getSpeaker, listSpeakers, type SpeakerRow, saveSpeaker, sendProfileLink } from './speakers.ts';
import { statisticYears, yearlyStatistics } from './statistics.ts';
import {
  addTrainingNote,
  changeTrainingStatus,
  getTrainingRequest,
  historyOf,
  linkableEvents,
  listTrainingRequests,
  trainingStatuses,
  trainingTransitions,
} from './training-requests.ts';
import { History, labelList, lp, OfficeNav } from './view-parts.tsx';

const db = (c: Ctx) => c.get('deps').database.db;
const actor = (c: Ctx): Actor => ({ user: c.get('auth')!.user, ip: c.get('ip') });
const saved = (c: Ctx) => (c.req.query('gespeichert') ? c.get('t')('referral.office.saved') : undefined);

function StatusFilter({
  c,
  statuses,
  prefix,
  current,
}: {
  c: Ctx;
  statuses: readonly string[];
  prefix: string;
  current: string;
}) {
  const t = c.get('t');
  return (
    <form method="get" class="filters">
      <Field
        name="status"
        label={t('referral.office.filter_status')}
        t={t}
        values={{ status: current }}
        options={[
          { value: '', label: t('referral.office.all') },
          ...statuses.map((s) => ({ value: s, label: t(`${prefix}.${s}` as 'referral.request.status.new') })),
        ]}
      />
      <button type="submit">{t('referral.office.filter')}</button>
    </form>
  );
}

function readStatus<T extends string>(c: Ctx, allowed: readonly T[]): T | undefined {
  const v = c.req.query('status');
  if (!v) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new AppError('bad_request', 'error.bad_request');
  return v as T;
}

const noteSchema = z.object({ note: z.string().trim().min(1).max(5000) });

// ---------- training requests ----------

/** `/verwaltung/schulungsanfragen`: the office works the training requests. */
export function trainingOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('referral:manage'));

  app.get('/', async (c) => {
    const t = c.get('t');
    const status = readStatus(c, trainingStatuses);
    const rows = await listTrainingRequests(db(c), status);
    return renderPage(
      c,
      { title: t('referral.office.training_title') },
      <div>
        <h1>{t('referral.office.training_title')}</h1>
        <OfficeNav c={c} />
        <StatusFilter
          c={c}
          statuses={trainingStatuses}
          prefix="referral.training.status"
          current={status ?? ''}
        />
        {rows.length === 0 ? (
          <p>{t('referral.office.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('referral.office.received')}</th>
                <th>{t('referral.field.organisation')}</th>
                <th>{t('referral.field.topics')}</th>
                <th>{t('referral.field.group_size')}</th>
                <th>{t('referral.office.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>{formatDateTime(c.get('locale'), r.created_at)}</td>
                  <td>
                    <a href={lp(c, `/verwaltung/schulungsanfragen/${r.id}`)}>{r.organisation}</a>
                  </td>
                  <td>{labelList(t, 'referral.topic', r.topics)}</td>
                  <td>{r.group_size}</td>
                  <td>{t(`referral.training.status.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>,
    );
  });

  async function detail(
    c: Ctx,
    extra: { errors?: FieldErrors; values?: Record<string, string>; notice?: string } = {},
  ) {
    const t = c.get('t');
    const locale = c.get('locale');
    const request = await getTrainingRequest(db(c), uuidParam(c, 'id'));
    if (!request) throw notFound();
    const [history, events] = await Promise.all([
      historyOf(db(c), 'training_request_id', request.id),
      linkableEvents(db(c)),
    ]);
    const linked = request.event_id ? events.find((e) => e.id === request.event_id) : undefined;
    const next = trainingTransitions[request.status];
    await audit(db(c), {
      actorId: c.get('auth')!.user.id,
      actorLabel: c.get('auth')!.user.role,
      action: 'training_request.read',
      targetType: 'training_request',
      targetId: request.id,
      ip: c.get('ip'),
    });
    const values = extra.values ?? { status: next[0] ?? '', event_id: request.event_id ?? '' };
    return renderPage(
      c,
      {
        title: `${t('referral.office.training_title')}: ${request.organisation}`,
        status: extra.errors ? 422 : 200,
      },
      <div>
        <h1>
          {t('referral.office.training_title')}: {request.organisation}
        </h1>
        <OfficeNav c={c} />
        {extra.notice ? <Notice kind="success">{extra.notice}</Notice> : null}
        <p>
          {t('referral.office.status')}: <strong>{t(`referral.training.status.${request.status}`)}</strong>
          {linked ? (
            <>
              {' · '}
              {t('referral.office.linked_event')}:{' '}
              <a href={lp(c, `/verwaltung/veranstaltungen/${linked.id}`)}>{linked.title}</a>
            </>
          ) : null}
        </p>
        <h2>{t('referral.office.details')}</h2>
        <dl>
          <dt>{t('referral.field.contact_name')}</dt>
          <dd>{request.contact_name}</dd>
          <dt>{t('referral.field.email')}</dt>
          <dd>
            <a href={`mailto:${request.email}`}>{request.email}</a>
          </dd>
          {request.phone ? (
            <>
              <dt>{t('referral.field.phone')}</dt>
              <dd>{request.phone}</dd>
            </>
          ) : null}
          <dt>{t('referral.field.audiences')}</dt>
          <dd>{labelList(t, 'referral.audience', request.audiences)}</dd>
          <dt>{t('referral.field.group_size')}</dt>
          <dd>{request.group_size}</dd>
          <dt>{t('referral.field.topics')}</dt>
          <dd>{labelList(t, 'referral.topic', request.topics)}</dd>
          <dt>{t('referral.field.format')}</dt>
          <dd>{t(`referral.training_format.${request.format}`)}</dd>
          <dt>{t('referral.field.land')}</dt>
          <dd>{request.land ? landName(request.land) : t('referral.land_none')}</dd>
          <dt>{t('referral.field.preferred_dates')}</dt>
          <dd>{request.preferred_dates || '–'}</dd>
          <dt>{t('referral.field.message')}</dt>
          <dd>{request.message || '–'}</dd>
          <dt>{t('referral.office.received')}</dt>
          <dd>{formatDateTime(locale, request.created_at)}</dd>
        </dl>
        <section aria-labelledby="status-title">
          <h2 id="status-title">{t('referral.office.change_status')}</h2>
          <ErrorSummary
            t={t}
            errors={extra.errors}
            labels={{
              status: t('referral.office.new_status'),
              event_id: t('referral.office.event'),
              note: t('referral.office.note'),
            }}
          />
          <form method="post" action={lp(c, `/verwaltung/schulungsanfragen/${request.id}/status`)}>
            <Csrf token={c.get('auth')?.session?.csrfToken} />
            <Field
              name="status"
              label={t('referral.office.new_status')}
              t={t}
              errors={extra.errors}
              values={values}
              options={next.map((s) => ({ value: s, label: t(`referral.training.status.${s}`) }))}
            />
            <Field
              name="event_id"
              label={t('referral.office.event')}
              t={t}
              errors={extra.errors}
              values={values}
              options={[
                { value: '', label: t('referral.office.event_none') },
                ...events.map((e) => ({
                  value: e.id,
                  label: `${e.title} (${formatDateTime(locale, e.starts_at)})`,
                })),
              ]}
            />
            <Field
              name="message"
              label={t('referral.office.message_to_requester')}
              hint={t('referral.office.message_hint')}
              t={t}
              errors={extra.errors}
              values={values}
              multiline={3}
              maxlength={5000}
            />
            <button type="submit">{t('referral.office.save_status')}</button>
          </form>
        </section>
        <section aria-labelledby="note-title">
          <h2 id="note-title">{t('referral.office.note')}</h2>
          <form method="post" action={lp(c, `/verwaltung/schulungsanfragen/${request.id}/notiz`)}>
            <Csrf token={c.get('auth')?.session?.csrfToken} />
            <Field
              name="note"
              label={t('referral.office.note')}
              hint={t('referral.office.note_hint')}
              t={t}
              errors={extra.errors}
              values={values}
              multiline={3}
              maxlength={5000}
            />
            <button type="submit">{t('referral.office.add_note')}</button>
          </form>
        </section>
        <History c={c} rows={history} kind="training" />
      </div>,
    );
  }

  app.get('/:id', (c) => detail(c, { notice: saved(c) }));

  const statusSchema = z.object({
    status: z.enum(trainingStatuses as [TrainingRequestStatus, ...TrainingRequestStatus[]]),
    event_id: z
      .union([z.literal(''), z.uuid()])
      .optional()
      .transform((v) => v || null),
    message: z.string().trim().max(5000).optional().default(''),
  });

  app.post('/:id/status', async (c) => {
    const id = uuidParam(c, 'id');
    const form = await readForm(c, statusSchema);
    if (!form.ok) return detail(c, { errors: form.errors, values: form.values });
    try {
      await changeTrainingStatus(db(c), id, form.data, actor(c), c.get('deps').config.publicUrl);
    } catch (err) {
      return detail(c, { errors: validationFields(err), values: form.values });
    }
    c.get('deps').kickMail();
    return c.redirect(lp(c, `/verwaltung/schulungsanfragen/${id}?gespeichert=1`), 303);
  });

  app.post('/:id/notiz', async (c) => {
    const id = uuidParam(c, 'id');
    const form = await readForm(c, noteSchema);
    if (!form.ok) return detail(c, { errors: form.errors, values: form.values });
    await addTrainingNote(db(c), id, form.data.note, actor(c));
    return c.redirect(lp(c, `/verwaltung/schulungsanfragen/${id}?gespeichert=1`), 303);
  });

  return app;
}

// ---------- the speaker pool ----------

function speakerFormValues(sp: SpeakerRow) {
  return {
    values: {
      name: sp.name,
      email: sp.email,
      organisation: sp.organisation,
      fee_notes: sp.fee_notes,
      unavailable: formatPeriods(sp.unavailable),
      public_consent: sp.public_consent ? '1' : '',
      active: sp.active ? '1' : '',
      user_email: sp.user_email,
    },
    lists: { topics: sp.topics, languages: sp.languages, regions: sp.regions, formats: sp.formats },
  };
}

/** `/verwaltung/referentinnen`: the office keeps the pool and sends the personal links. */
export function speakerPoolRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('referral:manage'));

  app.get('/', async (c) => {
    const t = c.get('t');
    const speakers = await listSpeakers(db(c));
    return renderPage(
      c,
      { title: t('referral.office.pool_title') },
      <div>
        <h1>{t('referral.office.pool_title')}</h1>
        <OfficeNav c={c} />
        <p>
          <a href={lp(c, '/verwaltung/referentinnen/neu')}>{t('referral.office.new_speaker')}</a>
        </p>
        {speakers.length === 0 ? (
          <p>{t('referral.office.no_pool')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('referral.field.name')}</th>
                <th>{t('referral.field.organisation')}</th>
                <th>{t('referral.speakers.topics')}</th>
                <th>{t('referral.speakers.languages')}</th>
                <th>{t('referral.office.status')}</th>
              </tr>
            </thead>
            <tbody>
              {speakers.map((s) => (
                <tr>
                  <td>
                    <a href={lp(c, `/verwaltung/referentinnen/${s.id}`)}>{s.name}</a>
                  </td>
                  <td>{s.organisation}</td>
                  <td>{labelList(t, 'referral.topic', s.topics)}</td>
                  <td>{s.languages.map((l) => languageName(l, c.get('locale'))).join(', ')}</td>
                  <td>
                    {t(s.public_consent ? 'referral.office.consent' : 'referral.office.no_consent')}
                    {s.active ? '' : ` · ${t('referral.office.inactive')}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>,
    );
  });

  function editPage(
    c: Ctx,
    speaker: SpeakerRow | null,
    s: {
      values?: Record<string, string>;
      lists?: Record<string, string[]>;
      errors?: FieldErrors;
      notice?: string;
    },
  ) {
    const t = c.get('t');
    const title = t(speaker ? 'referral.office.edit_speaker' : 'referral.office.new_speaker');
    const common = { t, errors: s.errors, values: s.values };
    const linkValid = speaker?.profile_token_expires_at && speaker.profile_token_expires_at > new Date();
    return renderPage(
      c,
      { title, status: s.errors ? 422 : 200 },
      <div>
        <h1>{title}</h1>
        <OfficeNav c={c} />
        {s.notice ? <Notice kind="success">{s.notice}</Notice> : null}
        <ErrorSummary
          t={t}
          errors={s.errors}
          labels={{
            name: t('referral.field.name'),
            email: t('referral.field.email'),
            user_email: t('referral.office.field_user_email'),
          }}
        />
        <form method="post">
          <Csrf token={c.get('auth')?.session?.csrfToken} />
          <Field name="name" label={t('referral.field.name')} {...common} required maxlength={200} />
          <Field
            name="email"
            type="email"
            label={t('referral.field.email')}
            {...common}
            required
            maxlength={254}
          />
          <div class="field checkbox">
            <input type="checkbox" id="f-active" name="active" value="1" checked={s.values?.active === '1'} />
            <label for="f-active">{t('referral.office.field_active')}</label>
          </div>
          <Field
            name="user_email"
            type="email"
            label={t('referral.office.field_user_email')}
            hint={t('referral.office.field_user_email_hint')}
            {...common}
            maxlength={254}
          />
          <ProfileFields c={c} s={s} />
          <button type="submit">{t('referral.profile.save')}</button>
        </form>
        {speaker ? (
          <section aria-labelledby="link-title">
            <h2 id="link-title">{t('referral.office.send_link')}</h2>
            <p>
              {linkValid
                ? t('referral.office.link_valid', {
                    date: formatDateTime(c.get('locale'), speaker.profile_token_expires_at!),
                  })
                : t('referral.office.link_none')}
            </p>
            <form method="post" action={lp(c, `/verwaltung/referentinnen/${speaker.id}/link`)}>
              <Csrf token={c.get('auth')?.session?.csrfToken} />
              <button type="submit">
                {t(linkValid ? 'referral.office.renew_link' : 'referral.office.send_link')}
              </button>
            </form>
          </section>
        ) : null}
      </div>,
    );
  }

  async function save(c: Ctx, speaker: SpeakerRow | null) {
    const form = await readForm(c, speakerSchema);
    const lists = await listValues(c, profileLists);
    if (!form.ok) return editPage(c, speaker, { values: form.values, lists, errors: form.errors });
    try {
      const id = await saveSpeaker(db(c), speaker?.id ?? null, form.data, actor(c));
      return c.redirect(lp(c, `/verwaltung/referentinnen/${id}?gespeichert=1`), 303);
    } catch (err) {
      return editPage(c, speaker, { values: form.values, lists, errors: validationFields(err) });
    }
  }

  app.get('/neu', (c) =>
    editPage(c, null, { values: { active: '1' }, lists: { languages: ['de'], regions: ['nationwide'] } }),
  );
  app.post('/neu', (c) => save(c, null));

  async function load(c: Ctx) {
    const speaker = await getSpeaker(db(c), uuidParam(c, 'id'));
    if (!speaker) throw notFound();
    return speaker;
  }

  app.get('/:id', async (c) => {
    const speaker = await load(c);
    const notice = c.req.query('link') ? c.get('t')('referral.office.link_sent') : saved(c);
    return editPage(c, speaker, { ...speakerFormValues(speaker), notice });
  });
  app.post('/:id', async (c) => save(c, await load(c)));
  app.post('/:id/link', async (c) => {
    const speaker = await load(c);
    await sendProfileLink(
      db(c),
      speaker.id,
      c.get('locale') === 'en' ? 'en' : 'de',
      { publicUrl: c.get('deps').config.publicUrl },
      actor(c),
    );
    c.get('deps').kickMail();
    return c.redirect(lp(c, `/verwaltung/referentinnen/${speaker.id}?link=1`), 303);
  });

  return app;
}

// ---------- speaker requests and the statistics ----------

/** `/verwaltung/vermittlung`: requests for speakers, ranked suggestions, proposals and answers; statistics. */
export function referralOfficeRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('referral:manage'));

  app.get('/', async (c) => {
    const t = c.get('t');
    const status = readStatus(c, speakerRequestStatuses);
    const rows = await listSpeakerRequests(db(c), status);
    return renderPage(
      c,
      { title: t('referral.office.requests_title') },
      <div>
        <h1>{t('referral.office.requests_title')}</h1>
        <OfficeNav c={c} />
        <StatusFilter
          c={c}
          statuses={speakerRequestStatuses}
          prefix="referral.request.status"
          current={status ?? ''}
        />
        {rows.length === 0 ? (
          <p>{t('referral.office.none')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th>{t('referral.field.event_date')}</th>
                <th>{t('referral.field.topic')}</th>
                <th>{t('referral.field.contact_name')}</th>
                <th>{t('referral.field.audience')}</th>
                <th>{t('referral.office.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    <a href={lp(c, `/verwaltung/vermittlung/${r.id}`)}>{r.event_date}</a>
                  </td>
                  <td>{t(`referral.topic.${r.topic}` as 'referral.topic.other')}</td>
                  <td>
                    {r.contact_name}
                    {r.organisation ? `, ${r.organisation}` : ''}
                  </td>
                  <td>{t(`referral.audience.${r.audience}` as 'referral.audience.other')}</td>
                  <td>{t(`referral.request.status.${r.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>,
    );
  });

  const yearSchema = z.object({ jahr: z.coerce.number().int().min(2000).max(2100).optional() });
  function readYear(c: Ctx): number {
    const parsed = yearSchema.safeParse(c.req.query());
    if (!parsed.success) throw new AppError('bad_request', 'error.bad_request');
    return parsed.data.jahr ?? new Date().getFullYear();
  }

  app.get('/statistik', async (c) => {
    const t = c.get('t');
    const year = readYear(c);
    const [rows, years] = await Promise.all([yearlyStatistics(db(c), year), statisticYears(db(c))]);
    const groups = [
      ['training', 'topic'],
      ['training', 'audience'],
      ['training', 'status'],
      ['speaker', 'topic'],
      ['speaker', 'audience'],
      ['speaker', 'status'],
      ['speaker', 'answer'],
    ] as const;
    const label = (kind: string, dimension: string, key: string) => {
      if (dimension === 'topic') return t(`referral.topic.${key}` as 'referral.topic.other');
      if (dimension === 'audience') return t(`referral.audience.${key}` as 'referral.audience.other');
      if (dimension === 'answer')
        return t(`referral.proposal.status.${key}` as 'referral.proposal.status.pending');
      return t(
        `${kind === 'training' ? 'referral.training.status' : 'referral.request.status'}.${key}` as 'referral.request.status.new',
      );
    };
    return renderPage(
      c,
      { title: t('referral.office.stats_title') },
      <div>
        <h1>
          {t('referral.office.stats_title')} {year}
        </h1>
        <OfficeNav c={c} />
        <form method="get" class="filters">
          <Field
            name="jahr"
            label={t('referral.office.year')}
            t={t}
            values={{ jahr: String(year) }}
            options={[...new Set([year, ...years])]
              .sort((a, b) => b - a)
              .map((y) => ({ value: String(y), label: String(y) }))}
          />
          <button type="submit">{t('referral.office.show')}</button>
        </form>
        <p>
          <a href={lp(c, `/verwaltung/vermittlung/statistik.csv?jahr=${year}`)}>{t('referral.office.csv')}</a>
        </p>
        {rows.length === 0 ? <p>{t('referral.office.stats_empty')}</p> : null}
        {groups.map(([kind, dimension]) => {
          const part = rows.filter((r) => r.kind === kind && r.dimension === dimension);
          if (part.length === 0) return null;
          return (
            <table>
              <caption>
                {t(`referral.office.stats.${kind}.${dimension}` as 'referral.office.stats.training.topic')}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('referral.office.key')}</th>
                  <th scope="col">{t('referral.office.count')}</th>
                </tr>
              </thead>
              <tbody>
                {part.map((r) => (
                  <tr>
                    <th scope="row">{label(kind, dimension, r.key)}</th>
                    <td>{r.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          );
        })}
      </div>,
    );
  });

  app.get('/statistik.csv', async (c) => {
    const year = readYear(c);
    const rows = await yearlyStatistics(db(c), year);
    await audit(db(c), {
      actorId: c.get('auth')!.user.id,
      actorLabel: c.get('auth')!.user.role,
      action: 'referral.statistics_export',
      ip: c.get('ip'),
      meta: { year, rows: rows.length },
    });
    const csv = stringify(
      rows.map((r) => [year, r.kind, r.dimension, r.key, r.count]),
      { header: true, columns: ['year', 'request_kind', 'dimension', 'key', 'count'] },
    );
    return c.body(`\uFEFF${csv}`, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="anfragen-statistik-${year}.csv"`,
    });
  });

  async function detail(
    c: Ctx,
    extra: { errors?: FieldErrors; values?: Record<string, string>; notice?: string } = {},
  ) {
    const t = c.get('t');
    const locale = c.get('locale');
    const request = await getSpeakerRequest(db(c), uuidParam(c, 'id'));
    if (!request) throw notFound();
    const [proposals, suggestions, history] = await Promise.all([
      proposalsOf(db(c), request.id),
      suggestionsFor(db(c), request),
      historyOf(db(c), 'speaker_request_id', request.id),
    ]);
    await audit(db(c), {
      actorId: c.get('auth')!.user.id,
      actorLabel: c.get('auth')!.user.role,
      action: 'speaker_request.read',
      targetType: 'speaker_request',
      targetId: request.id,
      ip: c.get('ip'),
    });
    const asked = new Set(proposals.map((p) => p.speaker_id));
    const open = request.status !== 'declined' && request.status !== 'closed';
    return renderPage(
      c,
      {
        title: `${t('referral.office.requests_title')}: ${request.event_date}`,
        status: extra.errors ? 422 : 200,
      },
      <div>
        <h1>
          {t('referral.office.requests_title')}: {request.event_date}
        </h1>
        <OfficeNav c={c} />
        {extra.notice ? <Notice kind="success">{extra.notice}</Notice> : null}
        <ErrorSummary
          t={t}
          errors={extra.errors}
          labels={{
            speakers: t('referral.office.suggestions'),
            status: t('referral.office.close_status'),
            note: t('referral.office.note'),
          }}
        />
        <p>
          {t('referral.office.status')}: <strong>{t(`referral.request.status.${request.status}`)}</strong>
        </p>
        <h2>{t('referral.office.details')}</h2>
        <dl>
          <dt>{t('referral.field.event_date')}</dt>
          <dd>{request.event_date}</dd>
          <dt>{t('referral.field.place')}</dt>
          <dd>
            {request.online ? t('referral.online') : request.place}
            {request.land ? ` (${landName(request.land)})` : ''}
          </dd>
          <dt>{t('referral.field.topic')}</dt>
          <dd>{t(`referral.topic.${request.topic}` as 'referral.topic.other')}</dd>
          <dt>{t('referral.field.audience')}</dt>
          <dd>
            {t(`referral.audience.${request.audience}` as 'referral.audience.other')} ({request.group_size})
          </dd>
          <dt>{t('referral.field.language')}</dt>
          <dd>{languageName(request.language, locale)}</dd>
          <dt>{t('referral.field.speaker_format')}</dt>
          <dd>{t(`referral.format.${request.format}`)}</dd>
          <dt>{t('referral.field.contact_name')}</dt>
          <dd>
            {request.contact_name}
            {request.organisation ? `, ${request.organisation}` : ''} ·{' '}
            <a href={`mailto:${request.email}`}>{request.email}</a>
            {request.phone ? ` · ${request.phone}` : ''}
          </dd>
          <dt>{t('referral.field.message')}</dt>
          <dd>{request.message || '–'}</dd>
        </dl>
        {proposals.length ? (
          <section aria-labelledby="proposals-title">
            <h2 id="proposals-title">{t('referral.office.proposals')}</h2>
            <table>
              <thead>
                <tr>
                  <th>{t('referral.field.name')}</th>
                  <th>{t('referral.office.status')}</th>
                  <th>{t('referral.office.asked_at')}</th>
                  <th>{t('referral.office.answered_at')}</th>
                </tr>
              </thead>
              <tbody>
                {proposals.map((p) => (
                  <tr>
                    <td>{p.name}</td>
                    <td>{t(`referral.proposal.status.${p.status}`)}</td>
                    <td>{formatDateTime(locale, p.created_at)}</td>
                    <td>{p.answered_at ? formatDateTime(locale, p.answered_at) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        {open ? (
          <section aria-labelledby="suggestions-title">
            <h2 id="suggestions-title">{t('referral.office.suggestions')}</h2>
            <p class="hint">{t('referral.office.suggestions_hint')}</p>
            {suggestions.length === 0 ? (
              <p>{t('referral.office.no_pool')}</p>
            ) : (
              <form method="post" action={lp(c, `/verwaltung/vermittlung/${request.id}/vorschlagen`)}>
                <Csrf token={c.get('auth')?.session?.csrfToken} />
                <table id="f-speakers">
                  <thead>
                    <tr>
                      <th scope="col">{t('referral.office.pick')}</th>
                      <th scope="col">{t('referral.field.name')}</th>
                      <th scope="col">{t('referral.office.score')}</th>
                      <th scope="col">{t('referral.office.why')}</th>
                      <th scope="col">{t('referral.office.recent')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {suggestions.map((s, i) => (
                      <tr class={s.available ? undefined : 'unavailable'}>
                        <td>
                          {asked.has(s.id) ? (
                            '✓'
                          ) : (
                            <input
                              type="checkbox"
                              name="speakers"
                              value={s.id}
                              id={`f-speakers-${i}`}
                              aria-label={t('referral.office.pick_label', { name: s.name })}
                            />
                          )}
                        </td>
                        <td>
                          <a href={lp(c, `/verwaltung/referentinnen/${s.id}`)}>{s.name}</a>
                        </td>
                        <td>{s.score}</td>
                        <td>{s.reasons.map((r) => t(`referral.office.reason.${r}`)).join(', ')}</td>
                        <td>{s.recentRequests}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <button type="submit">{t('referral.office.propose')}</button>
              </form>
            )}
          </section>
        ) : null}
        {open ? (
          <section aria-labelledby="close-title">
            <h2 id="close-title">{t('referral.office.close_title')}</h2>
            <form method="post" action={lp(c, `/verwaltung/vermittlung/${request.id}/status`)}>
              <Csrf token={c.get('auth')?.session?.csrfToken} />
              <Field
                name="status"
                label={t('referral.office.close_status')}
                t={t}
                errors={extra.errors}
                values={extra.values}
                options={(['closed', 'declined'] as const).map((s) => ({
                  value: s,
                  label: t(`referral.request.status.${s}`),
                }))}
              />
              <Field
                name="message"
                label={t('referral.office.message_to_requester')}
                hint={t('referral.office.message_hint')}
                t={t}
                errors={extra.errors}
                values={extra.values}
                multiline={3}
                maxlength={5000}
              />
              <button type="submit">{t('referral.office.close')}</button>
            </form>
          </section>
        ) : null}
        <section aria-labelledby="note-title">
          <h2 id="note-title">{t('referral.office.note')}</h2>
          <form method="post" action={lp(c, `/verwaltung/vermittlung/${request.id}/notiz`)}>
            <Csrf token={c.get('auth')?.session?.csrfToken} />
            <Field
              name="note"
              label={t('referral.office.note')}
              hint={t('referral.office.note_hint')}
              t={t}
              errors={extra.errors}
              values={extra.values}
              multiline={3}
              maxlength={5000}
            />
            <button type="submit">{t('referral.office.add_note')}</button>
          </form>
        </section>
        <History c={c} rows={history} kind="speaker" />
      </div>,
    );
  }

  app.get('/:id', (c) =>
    detail(c, { notice: c.req.query('angefragt') ? c.get('t')('referral.office.proposed') : saved(c) }),
  );

  const proposeSchema = z.object({
    speakers: z
      .union([z.uuid(), z.array(z.uuid())])
      .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
      .pipe(z.array(z.string()).min(1, { message: 'referral.error.choose_one' }).max(20)),
  });
  app.post('/:id/vorschlagen', async (c) => {
    const id = uuidParam(c, 'id');
    const form = await readForm(c, proposeSchema);
    if (!form.ok)
      return detail(c, {
        errors: { speakers: form.errors.speakers ?? { key: 'referral.error.choose_one' } },
      });
    try {
      await proposeSpeakers(
        db(c),
        id,
        form.data.speakers,
        { publicUrl: c.get('deps').config.publicUrl },
        actor(c),
      );
    } catch (err) {
      return detail(c, { errors: validationFields(err) });
    }
    c.get('deps').kickMail();
    return c.redirect(lp(c, `/verwaltung/vermittlung/${id}?angefragt=1`), 303);
  });

  const closeSchema = z.object({
    status: z.enum(['closed', 'declined'] as const satisfies readonly SpeakerRequestStatus[]),
    message: z.string().trim().max(5000).optional().default(''),
  });
  app.post('/:id/status', async (c) => {
    const id = uuidParam(c, 'id');
    const form = await readForm(c, closeSchema);
    if (!form.ok) return detail(c, { errors: form.errors, values: form.values });
    await closeSpeakerRequest(db(c), id, form.data, actor(c));
    c.get('deps').kickMail();
    return c.redirect(lp(c, `/verwaltung/vermittlung/${id}?gespeichert=1`), 303);
  });

  app.post('/:id/notiz', async (c) => {
    const id = uuidParam(c, 'id');
    const form = await readForm(c, noteSchema);
    if (!form.ok) return detail(c, { errors: form.errors, values: form.values });
    await addSpeakerRequestNote(db(c), id, form.data.note, actor(c));
    return c.redirect(lp(c, `/verwaltung/vermittlung/${id}?gespeichert=1`), 303);
  });

  return app;
}
