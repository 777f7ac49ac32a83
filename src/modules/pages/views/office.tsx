import { raw } from 'hono/html';
import type { FieldErrors } from '../../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../../platform/ui/components.tsx';
import { finderLanguageReview } from '../../directory/i18n/index.ts';

interface PageRow {
  id: string;
  slug: string;
  locale: string;
  title: string;
  published: boolean;
  updated_at: Date;
}

export function PageList({ pages, t, locale }: { pages: PageRow[]; t: Translate; locale: Locale }) {
  return (
    <>
      <h1>{t('pages.admin_title')}</h1>
      <p>{t('pages.admin_intro')}</p>
      <p>
        <a href={localePath(locale, '/verwaltung/team')}>{t('team.admin_title')}</a>
      </p>
      <table class="data-table">
        <caption class="visually-hidden">{t('pages.admin_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pages.col_title')}</th>
            <th scope="col">{t('pages.col_path')}</th>
            <th scope="col">{t('pages.col_language')}</th>
            <th scope="col">{t('pages.col_status')}</th>
            <th scope="col">{t('pages.col_updated')}</th>
          </tr>
        </thead>
        <tbody>
          {pages.map((p) => (
            <tr>
              <td>
                <a href={localePath(locale, `/verwaltung/seiten/${p.id}`)}>{p.title}</a>
              </td>
              <td>
                <code>{p.slug}</code>
              </td>
              <td>{p.locale.toUpperCase()}</td>
              <td>{p.published ? t('pages.published') : t('pages.hidden')}</td>
              <td>{formatDateTime(locale, p.updated_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="languages-title">
        <h2 id="languages-title">{t('pages.languages_title')}</h2>
        <p>{t('pages.languages_intro')}</p>
        <table class="data-table">
          <caption class="visually-hidden">{t('pages.languages_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pages.col_language')}</th>
              <th scope="col">{t('pages.languages_translated')}</th>
              <th scope="col">{t('pages.languages_reviewed')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(finderLanguageReview).map(([code, status]) => (
              <tr>
                <td>
                  {new Intl.DisplayNames([locale], { type: 'language' }).of(code)} ({code})
                </td>
                <td>
                  {status.translated} / {status.total}
                </td>
                <td>{status.reviewed ? t('admin.yes') : t('pages.languages_unreviewed')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

export interface EditPageProps {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  page: { id: string; slug: string; locale: string; updated_at: Date };
  values: Record<string, string>;
  errors?: FieldErrors;
  previewHtml?: string;
  saved?: boolean;
  revisions: Array<{ id: string; title: string; created_at: Date }>;
}

export function EditPage(props: EditPageProps) {
  const { t, locale, page, values } = props;
  const action = localePath(locale, `/verwaltung/seiten/${page.id}`);
  const labels = {
    title: t('pages.field_title'),
    summary: t('pages.field_summary'),
    body_md: t('pages.field_body'),
  };
  return (
    <>
      <p>
        <a href={localePath(locale, '/verwaltung/seiten')}>{t('pages.back_to_list')}</a>
      </p>
      <h1>{t('pages.edit_title', { title: values.title ?? '' })}</h1>
      <p>
        {t('pages.edit_meta', { path: page.slug, language: page.locale.toUpperCase() })}{' '}
        <a href={localePath(page.locale as Locale, page.slug)}>{t('pages.view_public')}</a>
      </p>
      {props.saved ? <Notice kind="success">{t('pages.saved')}</Notice> : null}
      <ErrorSummary errors={props.errors} t={t} labels={labels} />
      <form method="post" action={action} class="stack">
        <Csrf token={props.csrf} />
        <input
          type="hidden"
          name="base_updated_at"
          value={values.base_updated_at ?? page.updated_at.toISOString()}
        />
        <Field
          name="title"
          label={labels.title}
          t={t}
          values={values}
          errors={props.errors}
          required
          maxlength={200}
        />
        <Field
          name="summary"
          label={labels.summary}
          hint={t('pages.field_summary_hint')}
          t={t}
          values={values}
          errors={props.errors}
          multiline={2}
          maxlength={400}
        />
        <Field
          name="body_md"
          label={labels.body_md}
          hint={t('pages.field_body_hint')}
          t={t}
          values={values}
          errors={props.errors}
          multiline={20}
          required
        />
        <div class="field checkbox">
          <input
            type="checkbox"
            id="f-published"
            name="published"
            value="on"
            checked={values.published === 'on'}
          />
          <label for="f-published">{t('pages.field_published')}</label>
        </div>
        <div class="actions">
          <button type="submit" name="intent" value="preview" class="secondary">
            {t('pages.preview')}
          </button>
          <button type="submit" name="intent" value="save">
            {t('pages.save')}
          </button>
        </div>
      </form>
      {props.previewHtml !== undefined ? (
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('pages.preview_title')}</h2>
          <div class="prose">{raw(props.previewHtml)}</div>
        </section>
      ) : null}
      <section aria-labelledby="revisions-title">
        <h2 id="revisions-title">{t('pages.revisions')}</h2>
        {props.revisions.length === 0 ? (
          <p>{t('pages.no_revisions')}</p>
        ) : (
          <ul>
            {props.revisions.map((r) => (
              <li>
                <a href={localePath(locale, `/verwaltung/seiten/${page.id}/versionen/${r.id}`)}>
                  {formatDateTime(locale, r.created_at)}
                </a>{' '}
                – {r.title}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function RevisionView(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  pageId: string;
  revision: { id: string; title: string; summary: string; body_md: string; created_at: Date };
  html: string;
}) {
  const { t, locale, revision } = props;
  return (
    <>
      <p>
        <a href={localePath(locale, `/verwaltung/seiten/${props.pageId}`)}>{t('pages.back_to_page')}</a>
      </p>
      <h1>{t('pages.revision_title', { date: formatDateTime(locale, revision.created_at) })}</h1>
      <form
        method="post"
        action={localePath(
          locale,
          `/verwaltung/seiten/${props.pageId}/versionen/${revision.id}/wiederherstellen`,
        )}
      >
        <Csrf token={props.csrf} />
        <button type="submit">{t('pages.restore')}</button>
      </form>
      <h2>{revision.title}</h2>
      <div class="prose">{raw(props.html)}</div>
      <details>
        <summary>{t('pages.markdown_source')}</summary>
        <pre>{revision.body_md}</pre>
      </details>
    </>
  );
}
