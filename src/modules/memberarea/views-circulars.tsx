import { raw } from 'hono/html';
import type { NotificationMode } from '../../db/types.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, type Translate } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import type { CircularRow } from './circulars.ts';
import { notificationModes } from './circulars.ts';
import { AreaNav, formatDate, k } from './view-parts.tsx';

interface Common {
  t: Translate;
  locale: Locale;
  csrf?: string;
}

export function CircularTable({
  t,
  locale,
  circulars,
  showReaders,
}: Common & { circulars: CircularRow[]; showReaders: boolean }) {
  if (circulars.length === 0) return <p>{t('memberarea.circulars_empty')}</p>;
  return (
    <table class="data-table">
      <caption class="visually-hidden">{t('memberarea.circulars')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('memberarea.col_title')}</th>
          <th scope="col">{t('memberarea.col_group')}</th>
          <th scope="col">{t('memberarea.col_date')}</th>
          <th scope="col">{t('memberarea.col_status')}</th>
          <th scope="col">{t('memberarea.col_comments')}</th>
          {showReaders ? <th scope="col">{t('memberarea.col_readers')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {circulars.map((c) => (
          <tr>
            <td>
              <a href={localePath(locale, `/mitgliederbereich/rundschreiben/${c.id}`)}>
                {c.read ? c.title : <strong>{c.title}</strong>}
              </a>
            </td>
            <td>{c.group_name ?? t('memberarea.whole_network')}</td>
            <td>{formatDate(locale, c.published_at)}</td>
            <td>{c.read ? t('memberarea.read') : <span class="badge">{t('memberarea.unread')}</span>}</td>
            <td>{c.comments}</td>
            {showReaders ? <td>{c.readers}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CircularList(
  props: Common & { circulars: CircularRow[]; manage: boolean; published: boolean },
) {
  const { t, locale } = props;
  const unread = props.circulars.filter((c) => !c.read).length;
  return (
    <>
      <h1>{t('memberarea.circulars')}</h1>
      <AreaNav t={t} locale={locale} current="/mitgliederbereich/rundschreiben" />
      {props.published ? <Notice kind="success">{t('memberarea.circular_published')}</Notice> : null}
      <p>
        {t('memberarea.circulars_intro')} {unread > 0 ? t('memberarea.unread_count', { count: unread }) : ''}
      </p>
      {props.manage ? (
        <p>
          <a class="button" href={localePath(locale, '/mitgliederbereich/rundschreiben/neu')}>
            {t('memberarea.circular_new')}
          </a>
        </p>
      ) : null}
      <CircularTable {...props} showReaders={props.manage} />
    </>
  );
}

interface CommentRow {
  id: string;
  body: string;
  created_at: Date;
  author: string | null;
  author_role: string | null;
  organisation: string | null;
}

export function CircularPage(
  props: Common & {
    circular: { id: string; title: string; group_name: string | null; published_at: Date };
    html: string;
    comments: CommentRow[];
    reads: { readers: number; audience: number } | null;
    values: Record<string, string>;
    errors?: FieldErrors;
    commented: boolean;
  },
) {
  const { t, locale, circular } = props;
  const labels = { body: t('memberarea.field_comment') };
  const orgOf = (c: CommentRow) =>
    c.organisation ??
    (c.author_role === 'office'
      ? t('memberarea.comment_office')
      : c.author_role === 'board'
        ? t('memberarea.comment_board')
        : '–');
  return (
    <>
      <p>
        <a href={localePath(locale, '/mitgliederbereich/rundschreiben')}>{t('memberarea.circulars')}</a>
      </p>
      <article>
        <h1>{circular.title}</h1>
        <p class="meta">
          {t('memberarea.published_on', { date: formatDate(locale, circular.published_at) })}
          {circular.group_name ? ` · ${t('memberarea.for_group', { name: circular.group_name })}` : ''}
        </p>
        {props.reads ? <p>{t('memberarea.read_by', props.reads)}</p> : null}
        <div class="prose">{raw(props.html)}</div>
      </article>
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t('memberarea.comments')}</h2>
        {props.commented ? <Notice kind="success">{t('memberarea.comment_added')}</Notice> : null}
        {props.comments.length === 0 ? (
          <p>{t('memberarea.comments_empty')}</p>
        ) : (
          <ol class="comments">
            {props.comments.map((c) => (
              <li id={`kommentar-${c.id}`}>
                <p class="meta">
                  {t('memberarea.comment_by', {
                    name: c.author ?? t('memberarea.comment_deleted_author'),
                    organisation: orgOf(c),
                    date: formatDateTime(locale, c.created_at),
                  })}
                </p>
                {c.body.split(/\n{2,}/).map((para) => (
                  <p>{para.split('\n').map((line, i) => (i === 0 ? line : [<br />, line]))}</p>
                ))}
              </li>
            ))}
          </ol>
        )}
        <ErrorSummary errors={props.errors} t={t} labels={labels} />
        <form
          method="post"
          action={localePath(locale, `/mitgliederbereich/rundschreiben/${circular.id}/kommentare`)}
          class="stack"
        >
          <Csrf token={props.csrf} />
          <Field
            name="body"
            label={labels.body}
            t={t}
            values={props.values}
            errors={props.errors}
            multiline={5}
            maxlength={5000}
            required
          />
          <button type="submit">{t('memberarea.comment_submit')}</button>
        </form>
      </section>
    </>
  );
}

export function CircularEditor(
  props: Common & {
    groups: Array<{ id: string; name: string }>;
    values: Record<string, string>;
    errors?: FieldErrors;
  },
) {
  const { t, locale, values, errors } = props;
  const labels = {
    title: t('memberarea.field_title'),
    group_id: t('memberarea.field_audience'),
    body_md: t('memberarea.field_body'),
  };
  return (
    <>
      <h1>{t('memberarea.circular_new')}</h1>
      <ErrorSummary errors={errors} t={t} labels={labels} />
      <form method="post" action={localePath(locale, '/mitgliederbereich/rundschreiben/neu')} class="stack">
        <Csrf token={props.csrf} />
        <Field
          name="title"
          label={labels.title}
          t={t}
          values={values}
          errors={errors}
          required
          maxlength={200}
        />
        <Field
          name="group_id"
          label={labels.group_id}
          t={t}
          values={values}
          errors={errors}
          options={[
            { value: '', label: t('memberarea.whole_network') },
            ...props.groups.map((g) => ({ value: g.id, label: t('memberarea.for_group', { name: g.name }) })),
          ]}
        />
        <Field
          name="body_md"
          label={labels.body_md}
          hint={t('memberarea.field_body_hint')}
          t={t}
          values={values}
          errors={errors}
          multiline={14}
          required
        />
        <button type="submit">{t('memberarea.publish')}</button>
      </form>
    </>
  );
}

export function PrefsPage(props: Common & { mode: NotificationMode; saved: boolean; errors?: FieldErrors }) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('memberarea.prefs')}</h1>
      <AreaNav t={t} locale={locale} current="/mitgliederbereich/benachrichtigungen" />
      {props.saved ? <Notice kind="success">{t('memberarea.saved')}</Notice> : null}
      <p>{t('memberarea.prefs_intro')}</p>
      <ErrorSummary errors={props.errors} t={t} labels={{ mode: t('memberarea.field_mode') }} />
      <form method="post" action={localePath(locale, '/mitgliederbereich/benachrichtigungen')} class="stack">
        <Csrf token={props.csrf} />
        <fieldset id="f-mode">
          <legend>{t('memberarea.field_mode')}</legend>
          {notificationModes.map((mode) => (
            <div class="field checkbox">
              <input
                type="radio"
                id={`mode-${mode}`}
                name="mode"
                value={mode}
                checked={props.mode === mode}
              />
              <label for={`mode-${mode}`}>{t(k(`memberarea.mode.${mode}`))}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit">{t('memberarea.save')}</button>
      </form>
    </>
  );
}
