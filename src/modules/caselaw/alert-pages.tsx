/**
 * `/rechtsprechung/benachrichtigungen`: a logged-in account saves the current search as an alert, lists and
 * deletes its own; the unsubscribe link from the digest works without logging in (confirmed by a POST, so
 * mail scanners that follow links do not unsubscribe anyone). `/rechtsprechung/feed.xml`: any search as Atom.
 */
import { Hono } from 'hono';
import { notFound } from '../../platform/errors.ts';
import { currentUser, requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm, readQuery } from '../../platform/http/forms.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { localePath, type Translate } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { renderPage } from '../../platform/ui/render.tsx';
import { atomFeed } from '../network/feed.ts';
import {
  alertByToken,
  alertFormSchema,
  alertSearch,
  createAlert,
  deleteOwnAlert,
  listAlerts,
  MAX_ALERTS_PER_USER,
  searchQueryString,
  unsubscribe,
} from './alerts.ts';
import { feedEntries } from './feed.ts';
import { SEARCH_KEYS, type SearchParams, searchSchema, searchValues } from './search.ts';
import { facetLabel, formatDate } from './views.tsx';

/** "Menschenhandel · Gericht: BGH · Jahr: 2021": a saved search in words. */
export function describeSearch(t: Translate, query: Record<string, string>): string {
  const labels: Record<string, string> = {
    q: t('caselaw.query'),
    norm: t('caselaw.norm'),
    court_type: t('caselaw.facet_court_type'),
    land: t('caselaw.facet_land'),
    jurisdiction: t('caselaw.facet_jurisdiction'),
    year: t('caselaw.facet_year'),
    area: t('caselaw.facet_area'),
    exploitation: t('caselaw.facet_exploitation'),
    type: t('caselaw.facet_type'),
    outcome: t('caselaw.facet_outcome'),
    from: t('caselaw.from'),
    to: t('caselaw.to'),
  };
  const parts = SEARCH_KEYS.filter((k) => k !== 'sort' && query[k]).map((k) =>
    k === 'q' ? query[k]! : `${labels[k]}: ${facetLabel(t, k, query[k]!)}`,
  );
  return parts.length ? parts.join(' · ') : t('caselaw.alert_no_criteria');
}

function AlertsPage(props: {
  t: Translate;
  base: string;
  csrf: string | undefined;
  alerts: Awaited<ReturnType<typeof listAlerts>>;
  query: Record<string, string>;
  values: Record<string, string>;
  errors?: Record<string, { key: never } | { key: string; params?: Record<string, string | number> }>;
  notice?: string;
}) {
  const { t, base } = props;
  return (
    <>
      <h1>{t('caselaw.alerts_title')}</h1>
      <p class="lead">{t('caselaw.alerts_intro')}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.alerts.length === 0 ? (
        <p>{t('caselaw.alerts_none')}</p>
      ) : (
        <ul class="alert-list">
          {props.alerts.map((a) => (
            <li>
              <strong>{a.name}</strong> (
              {t(a.frequency === 'daily' ? 'caselaw.alert_daily' : 'caselaw.alert_weekly')}) –{' '}
              {describeSearch(t, a.query)}
              <br />
              <a href={`${base}${searchQueryString(a.query)}`}>{t('caselaw.alert_open')}</a>
              {a.last_sent_at ? (
                <>
                  {' '}
                  ·{' '}
                  {t('caselaw.alert_last_sent', {
                    date: formatDate(a.last_sent_at.toISOString().slice(0, 10)),
                  })}
                </>
              ) : null}
              <form method="post" action={`${base}/benachrichtigungen/${a.id}/loeschen`} class="inline-form">
                <Csrf token={props.csrf} />
                <button type="submit">{t('caselaw.alert_delete', { name: a.name })}</button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <h2>{t('caselaw.alert_new')}</h2>
      <ErrorSummary
        // biome-ignore lint/suspicious/noExplicitAny: FieldErrors from readForm
        errors={props.errors as any}
        t={t}
        labels={{ name: t('caselaw.alert_name'), frequency: t('caselaw.alert_frequency') }}
      />
      <form method="post" action={`${base}/benachrichtigungen`}>
        <Csrf token={props.csrf} />
        <p>
          {t('caselaw.alert_search')}: <strong>{describeSearch(t, props.query)}</strong>
        </p>
        {Object.entries(props.query).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <Field
          name="name"
          label={t('caselaw.alert_name')}
          t={t}
          values={props.values}
          // biome-ignore lint/suspicious/noExplicitAny: FieldErrors from readForm
          errors={props.errors as any}
          required
          maxlength={120}
        />
        <Field
          name="frequency"
          label={t('caselaw.alert_frequency')}
          t={t}
          values={props.values}
          // biome-ignore lint/suspicious/noExplicitAny: FieldErrors from readForm
          errors={props.errors as any}
          options={[
            { value: 'weekly', label: t('caselaw.alert_weekly') },
            { value: 'daily', label: t('caselaw.alert_daily') },
          ]}
        />
        <button type="submit">{t('caselaw.alert_create')}</button>
      </form>
    </>
  );
}

function queryOf(input: Record<string, string>): Record<string, string> {
  const query = searchValues(input);
  return alertSearch(query) ? query : {};
}

async function showAlerts(
  c: Ctx,
  extra: {
    status?: 200 | 422;
    values?: Record<string, string>;
    errors?: never;
    notice?: string;
    query?: Record<string, string>;
  } = {},
) {
  const t = c.get('t');
  const user = currentUser(c);
  return renderPage(
    c,
    { title: t('caselaw.alerts_title'), status: extra.status },
    <AlertsPage
      t={t}
      base={localePath(c.get('locale'), '/rechtsprechung')}
      csrf={c.get('auth')?.session?.csrfToken}
      alerts={await listAlerts(c.get('deps').database.db, user.id)}
      query={extra.query ?? queryOf(c.req.query())}
      values={extra.values ?? { frequency: 'weekly' }}
      errors={extra.errors}
      notice={extra.notice}
    />,
  );
}

export function caselawAlertRoutes() {
  const app = new Hono<AppEnv>();
  const account = requirePermission('account:use');

  app.get('/rechtsprechung/feed.xml', async (c) => {
    const parsed = readQuery(c, searchSchema);
    if (!parsed.ok) return c.text(c.get('t')('error.bad_request'), 400);
    const params = parsed.data as SearchParams;
    const t = c.get('t');
    const locale = c.get('locale');
    const site = c.get('deps').config.publicUrl;
    const query = searchValues(c.req.query());
    const qs = new URLSearchParams(query).toString();
    const base = `${site}${localePath(locale, '/rechtsprechung')}`;
    const entries = await feedEntries(c.get('deps').database.db, params, base, locale);
    const xml = atomFeed({
      id: `${base}/feed.xml${qs ? `?${qs}` : ''}`,
      title: t('caselaw.feed_title', { query: qs ? describeSearch(t, query) : t('caselaw.feed_all') }),
      selfUrl: `${base}/feed.xml${qs ? `?${qs}` : ''}`,
      alternateUrl: `${base}${qs ? `?${qs}` : ''}`,
      language: locale,
      updated: new Date(Math.max(0, ...entries.map((e) => e.updated.getTime()))),
      entries,
    });
    return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/rechtsprechung/benachrichtigungen', account, (c) => showAlerts(c));

  app.post('/rechtsprechung/benachrichtigungen', account, async (c) => {
    const t = c.get('t');
    const form = await readForm(c, alertFormSchema);
    const query = queryOf(form.values);
    if (!form.ok)
      return showAlerts(c, { status: 422, values: form.values, errors: form.errors as never, query });
    const created = await createAlert(c.get('deps').database.db, currentUser(c).id, { ...form.data, query });
    if (!created.ok)
      return showAlerts(c, {
        status: 422,
        values: form.values,
        query,
        errors: { name: { key: 'caselaw.alert_limit', params: { max: MAX_ALERTS_PER_USER } } } as never,
      });
    return showAlerts(c, { notice: t('caselaw.alert_created', { name: form.data.name }), query: {} });
  });

  app.post('/rechtsprechung/benachrichtigungen/:id/loeschen', account, async (c) => {
    const deleted = await deleteOwnAlert(c.get('deps').database.db, currentUser(c).id, uuidParam(c, 'id'));
    if (!deleted) throw notFound();
    return showAlerts(c, { notice: c.get('t')('caselaw.alert_deleted'), query: {} });
  });

  const unsubscribePage = async (c: Ctx, done: boolean) => {
    const t = c.get('t');
    const token = c.req.param('token') ?? '';
    const db = c.get('deps').database.db;
    const alert = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await alertByToken(db, token) : undefined;
    if (done && alert) await unsubscribe(db, token);
    const body =
      done && alert ? (
        <Notice kind="success">{t('caselaw.unsubscribe_done')}</Notice>
      ) : alert ? (
        <form method="post">
          <p>{t('caselaw.unsubscribe_confirm', { name: alert.name })}</p>
          <Csrf token={c.get('auth')?.session?.csrfToken} />
          <button type="submit">{t('caselaw.unsubscribe_button')}</button>
        </form>
      ) : (
        <p>{t('caselaw.unsubscribe_unknown')}</p>
      );
    return renderPage(
      c,
      { title: t('caselaw.unsubscribe_title'), status: alert ? 200 : 404 },
      <>
        <h1>{t('caselaw.unsubscribe_title')}</h1>
        {body}
      </>,
    );
  };
  app.get('/rechtsprechung/benachrichtigungen/abbestellen/:token', (c) => unsubscribePage(c, false));
  app.post('/rechtsprechung/benachrichtigungen/abbestellen/:token', (c) => unsubscribePage(c, true));

  return app;
}
