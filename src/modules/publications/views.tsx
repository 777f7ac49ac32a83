import type { FieldErrors } from '../../platform/errors.ts';
import { type Locale, localePath, type MessageKey, type Translate } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import type { PublicationItem, PublicationQuery } from './repo.ts';
import { publicationLocales, publicationTypes } from './repo.ts';
import { formatSize } from './upload.ts';

const k = (key: string) => key as MessageKey;

export function PublicationList(props: {
  t: Translate;
  locale: Locale;
  items: PublicationItem[];
  years: number[];
  query: PublicationQuery;
  errors?: FieldErrors;
}) {
  const { t, locale, query } = props;
  const values: Record<string, string> = {
    q: query.q,
    typ: query.typ,
    jahr: String(query.jahr),
    sprache: query.sprache,
  };
  const all = { value: '', label: t('publications.filter_all') };
  return (
    <>
      <h1>{t('publications.title')}</h1>
      <p class="lead">{t('publications.intro')}</p>
      <form method="get" action={localePath(locale, '/publikationen')} class="filters-box">
        <ErrorSummary
          errors={props.errors}
          t={t}
          labels={{
            q: t('publications.search'),
            typ: t('publications.filter_type'),
            jahr: t('publications.filter_year'),
            sprache: t('publications.filter_language'),
          }}
        />
        <Field
          name="q"
          type="search"
          label={t('publications.search')}
          hint={t('publications.search_hint')}
          t={t}
          values={values}
          errors={props.errors}
          maxlength={200}
        />
        <div class="filters">
          <Field
            name="typ"
            label={t('publications.filter_type')}
            t={t}
            values={values}
            options={[
              all,
              ...publicationTypes.map((v) => ({ value: v, label: t(k(`publications.type.${v}`)) })),
            ]}
          />
          <Field
            name="jahr"
            label={t('publications.filter_year')}
            t={t}
            values={values}
            options={[all, ...props.years.map((y) => ({ value: String(y), label: String(y) }))]}
          />
          <Field
            name="sprache"
            label={t('publications.filter_language')}
            t={t}
            values={values}
            options={[
              all,
              ...publicationLocales.map((v) => ({ value: v, label: t(k(`publications.language.${v}`)) })),
            ]}
          />
        </div>
        <p>
          <button type="submit" class="button">
            {t('publications.filter_submit')}
          </button>{' '}
          <a href={localePath(locale, '/publikationen')}>{t('publications.filter_reset')}</a>
        </p>
      </form>
      <p role="status">{t('publications.results', { count: props.items.length })}</p>
      {props.items.length === 0 ? (
        <p>{t('publications.empty')}</p>
      ) : (
        <ul class="result-list">
          {props.items.map((item) => (
            <li class="result">
              <h2>{item.title}</h2>
              <p class="result-meta">
                {t(k(`publications.type.${item.type}`))} · {item.year} ·{' '}
                {t(k(`publications.language.${item.locale}`))}
              </p>
              {item.summary ? <p>{item.summary}</p> : null}
              {item.reportYear !== null ? (
                <>
                  <p>{t('publications.data_report_summary', { year: item.reportYear })}</p>
                  <p>
                    <a href={localePath(locale, `/datenbericht/${item.reportYear}`)}>
                      {t('publications.open_report')}
                      <span class="visually-hidden">: {item.title}</span>
                    </a>
                  </p>
                </>
              ) : null}
              {item.file && item.id ? (
                <p>
                  <a href={localePath(locale, `/publikationen/${item.id}/pdf`)} download>
                    {t('publications.download', { size: formatSize(locale, item.file.size) })}
                    <span class="visually-hidden">: {item.title}</span>
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function PublicationsAdmin(props: {
  t: Translate;
  locale: Locale;
  rows: Array<{ id: string; title: string; year: number; type: string; published: boolean }>;
}) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('publications.admin_title')}</h1>
      <p>
        <a href={localePath(locale, '/verwaltung/publikationen/neu')}>{t('publications.new')}</a> ·{' '}
        <a href={localePath(locale, '/publikationen')}>{t('publications.title')}</a>
      </p>
      <p>{t('publications.data_reports_note')}</p>
      <table class="data-table">
        <caption class="visually-hidden">{t('publications.admin_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('publications.col_title')}</th>
            <th scope="col">{t('publications.col_type')}</th>
            <th scope="col">{t('publications.col_year')}</th>
            <th scope="col">{t('publications.col_visible')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={localePath(locale, `/verwaltung/publikationen/${r.id}`)}>{r.title}</a>
              </td>
              <td>{t(k(`publications.type.${r.type}`))}</td>
              <td>{r.year}</td>
              <td>{r.published ? t('publications.yes') : t('publications.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function PublicationEditor(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  id: string | null;
  heading: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
  currentFile?: { name: string; size: number } | null;
}) {
  const { t, values, errors, locale } = props;
  const labels: Record<string, string> = {
    title: t('publications.field_title'),
    year: t('publications.field_year'),
    type: t('publications.field_type'),
    locale: t('publications.field_locale'),
    summary: t('publications.field_summary'),
    file: t('publications.field_file'),
  };
  return (
    <>
      <p>
        <a href={localePath(locale, '/verwaltung/publikationen')}>{t('publications.admin_title')}</a>
      </p>
      <h1>{props.heading}</h1>
      {props.saved ? <Notice kind="success">{t('publications.saved')}</Notice> : null}
      <ErrorSummary errors={errors} t={t} labels={labels} />
      <form
        method="post"
        action={localePath(locale, `/verwaltung/publikationen/${props.id ?? 'neu'}`)}
        enctype="multipart/form-data"
        class="stack"
      >
        <Csrf token={props.csrf} />
        <Field
          name="title"
          label={labels.title!}
          t={t}
          values={values}
          errors={errors}
          required
          maxlength={300}
        />
        <Field
          name="year"
          label={labels.year!}
          t={t}
          values={values}
          errors={errors}
          required
          inputmode="numeric"
          maxlength={4}
        />
        <Field
          name="type"
          label={labels.type!}
          t={t}
          values={values}
          errors={errors}
          options={publicationTypes
            .filter((v) => v !== 'data_report' || values.type === 'data_report')
            .map((v) => ({ value: v, label: t(k(`publications.type.${v}`)) }))}
        />
        <Field
          name="locale"
          label={labels.locale!}
          t={t}
          values={values}
          errors={errors}
          options={publicationLocales.map((v) => ({ value: v, label: t(k(`publications.language.${v}`)) }))}
        />
        <Field
          name="summary"
          label={labels.summary!}
          t={t}
          values={values}
          errors={errors}
          multiline={4}
          maxlength={2000}
        />
        {props.id ? (
          <p>
            {props.currentFile
              ? t('publications.current_file', {
                  name: props.currentFile.name,
                  size: formatSize(locale, props.currentFile.size),
                })
              : t('publications.no_file')}
          </p>
        ) : null}
        <Field
          name="file"
          type="file"
          label={labels.file!}
          hint={t(props.id ? 'publications.field_file_replace_hint' : 'publications.field_file_hint')}
          t={t}
          errors={errors}
          required={!props.id}
        />
        <div class="field">
          <label>
            <input type="checkbox" name="published" checked={values.published === 'on'} />{' '}
            {t('publications.field_published')}
          </label>
        </div>
        <button type="submit" class="button">
          {t('publications.save')}
        </button>
      </form>
    </>
  );
}
