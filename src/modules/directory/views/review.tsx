import type { FieldErrors } from '../../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../../platform/ui/components.tsx';
import { type DiffRow, displayValue, fieldLabel } from '../diff.ts';

const BASE = '/verwaltung/fachberatungsstellen';

/** The office's review of the centres' change requests: the queue and one request as a diff. */
export function ReviewQueue(props: {
  t: Translate;
  locale: Locale;
  requests: Array<{ id: string; name: string; created_at: Date; fields: string[] }>;
  notice?: string;
}) {
  const { t, locale } = props;
  return (
    <>
      <p>
        <a href={localePath(locale, BASE)}>{t('directory.office.back')}</a>
      </p>
      <h1>{t('directory.review.title')}</h1>
      <p>{t('directory.review.intro')}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.requests.length === 0 ? (
        <p>{t('directory.review.none')}</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{t('directory.review.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('directory.review.col_centre')}</th>
              <th scope="col">{t('directory.review.col_submitted')}</th>
              <th scope="col">{t('directory.review.col_fields')}</th>
            </tr>
          </thead>
          <tbody>
            {props.requests.map((r) => (
              <tr>
                <td>
                  <a href={localePath(locale, `${BASE}/pruefung/${r.id}`)}>{r.name}</a>
                </td>
                <td>{formatDateTime(locale, r.created_at)}</td>
                <td>{r.fields.map((f) => fieldLabel(t, f)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function ReviewPage(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  request: { id: string; status: 'pending' | 'approved' | 'returned'; created_at: Date; comment: string };
  centre: { id: string; name: string };
  rows: DiffRow[];
  values?: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t, locale, request } = props;
  const action = (verb: string) => localePath(locale, `${BASE}/pruefung/${request.id}/${verb}`);
  return (
    <>
      <p>
        <a href={localePath(locale, `${BASE}/pruefung`)}>{t('directory.review.back')}</a>
        {' · '}
        <a href={localePath(locale, `${BASE}/${props.centre.id}`)}>{props.centre.name}</a>
      </p>
      <h1>{t('directory.review.detail_title', { name: props.centre.name })}</h1>
      <p>{t('directory.review.submitted', { date: formatDateTime(locale, request.created_at) })}</p>
      {props.rows.length === 0 ? (
        <p>{t('directory.review.no_diff')}</p>
      ) : (
        <table class="data-table diff-table">
          <caption class="visually-hidden">
            {t('directory.review.detail_title', { name: props.centre.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('directory.review.col_field')}</th>
              <th scope="col">{t('directory.review.col_old')}</th>
              <th scope="col">{t('directory.review.col_new')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr data-field={r.path}>
                <th scope="row">{fieldLabel(t, r.path)}</th>
                <td>
                  <del>{displayValue(t, locale, r.path, r.old)}</del>
                </td>
                <td>
                  <ins>{displayValue(t, locale, r.path, r.new)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {request.status !== 'pending' ? (
        <Notice>
          {t('directory.review.decided', { status: t(`directory.status.${request.status}`) })}
          {request.comment ? ` ${request.comment}` : ''}
        </Notice>
      ) : (
        <>
          <form method="post" action={action('freigeben')}>
            <Csrf token={props.csrf} />
            <button type="submit">{t('directory.review.approve')}</button>
          </form>
          <form method="post" action={action('zurueckgeben')} class="stack narrow">
            <h2>{t('directory.review.return')}</h2>
            <ErrorSummary errors={props.errors} t={t} labels={{ comment: t('directory.review.comment') }} />
            <Csrf token={props.csrf} />
            <Field
              name="comment"
              label={t('directory.review.comment')}
              hint={t('directory.review.comment_hint')}
              multiline={5}
              maxlength={2000}
              required
              t={t}
              values={props.values}
              errors={props.errors}
            />
            <button type="submit" class="secondary">
              {t('directory.review.return')}
            </button>
          </form>
        </>
      )}
    </>
  );
}
