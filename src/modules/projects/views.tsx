import { raw } from 'hono/html';
import type { FieldErrors } from '../../platform/errors.ts';
import { type Locale, localePath, type Translate } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { formatDate } from '../network/views.tsx';
import type { LinkChoices } from './repo.ts';

interface ProjectRow {
  slug: string;
  title_de: string;
  title_en: string;
  summary_de: string;
  summary_en: string;
  starts_on: string;
  ends_on: string | null;
}

export function isCurrentProject(p: { ends_on: string | null }, today: string): boolean {
  return p.ends_on === null || p.ends_on >= today;
}

/** English texts are optional: where one is missing, the German one is shown, marked as German. */
function pick(locale: Locale, de: string, en: string): { text: string; lang: 'de' | 'en' } {
  return locale === 'en' && en.trim() ? { text: en, lang: 'en' } : { text: de, lang: 'de' };
}

export function duration(
  p: { starts_on: string; ends_on: string | null },
  t: Translate,
  locale: Locale,
): string {
  return p.ends_on
    ? t('projects.range', { start: formatDate(locale, p.starts_on), end: formatDate(locale, p.ends_on) })
    : t('projects.since', { start: formatDate(locale, p.starts_on) });
}

function ProjectCards({ projects, t, locale }: { projects: ProjectRow[]; t: Translate; locale: Locale }) {
  return (
    <ul class="cards">
      {projects.map((p) => {
        const title = pick(locale, p.title_de, p.title_en);
        const summary = pick(locale, p.summary_de, p.summary_en);
        return (
          <li class="card">
            <h3 lang={title.lang}>
              <a href={localePath(locale, `/projekte/${p.slug}`)}>{title.text}</a>
            </h3>
            <p class="meta">{duration(p, t, locale)}</p>
            {summary.text ? <p lang={summary.lang}>{summary.text}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}

export function ProjectList({
  projects,
  t,
  locale,
  today,
}: {
  projects: ProjectRow[];
  t: Translate;
  locale: Locale;
  today: string;
}) {
  const current = projects.filter((p) => isCurrentProject(p, today));
  const completed = projects.filter((p) => !isCurrentProject(p, today));
  return (
    <>
      <h1>{t('projects.title')}</h1>
      <p class="lead">{t('projects.intro')}</p>
      <h2>{t('projects.current')}</h2>
      {current.length ? (
        <ProjectCards projects={current} t={t} locale={locale} />
      ) : (
        <p>{t('projects.none_current')}</p>
      )}
      <h2>{t('projects.completed')}</h2>
      {completed.length ? (
        <ProjectCards projects={completed} t={t} locale={locale} />
      ) : (
        <p>{t('projects.none_completed')}</p>
      )}
    </>
  );
}

export function ProjectPage(props: {
  t: Translate;
  locale: Locale;
  project: ProjectRow & { description_de: string; description_en: string; funders: string; team: string };
  descriptionHtml: string;
  descriptionLang: 'de' | 'en';
  links: {
    publications: Array<{ id: string; title: string; year: number; file_id: string | null }>;
    events: Array<{ id: string; title: string; starts_at: Date }>;
    news: Array<{ slug: string; locale: 'de' | 'en'; title: string }>;
  };
}) {
  const { t, locale, project: p, links } = props;
  const title = pick(locale, p.title_de, p.title_en);
  const team = p.team
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
  return (
    <article>
      <p>
        <a href={localePath(locale, '/projekte')}>{t('projects.back')}</a>
      </p>
      <h1 lang={title.lang}>{title.text}</h1>
      <dl class="facts">
        <dt>{t('projects.duration')}</dt>
        <dd>{duration(p, t, locale)}</dd>
        {p.funders ? (
          <>
            <dt>{t('projects.funders')}</dt>
            <dd>{p.funders}</dd>
          </>
        ) : null}
        {team.length ? (
          <>
            <dt>{t('projects.team')}</dt>
            <dd>{team.join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <div class="prose" lang={props.descriptionLang}>
        {raw(props.descriptionHtml)}
      </div>
      {links.publications.length ? (
        <>
          <h2>{t('projects.publications')}</h2>
          <ul class="link-list">
            {links.publications.map((x) => (
              <li>
                {x.title} ({x.year})
                {x.file_id ? (
                  <>
                    {' – '}
                    <a href={localePath(locale, `/publikationen/${x.id}/pdf`)} download>
                      {t('projects.download')}
                      <span class="visually-hidden">: {x.title}</span>
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {links.events.length ? (
        <>
          <h2>{t('projects.events')}</h2>
          <ul class="link-list">
            {links.events.map((e) => (
              <li>
                <a href={localePath(locale, `/veranstaltungen/${e.id}`)}>{e.title}</a> (
                {formatDate(locale, e.starts_at)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {links.news.length ? (
        <>
          <h2>{t('projects.news')}</h2>
          <ul class="link-list">
            {links.news.map((n) => (
              <li lang={n.locale}>
                <a href={localePath(n.locale, `/aktuelles/${n.slug}`)}>{n.title}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

export function ProjectsAdmin(props: {
  t: Translate;
  locale: Locale;
  rows: Array<{
    id: string;
    title_de: string;
    published: boolean;
    starts_on: string;
    ends_on: string | null;
  }>;
}) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('projects.admin_title')}</h1>
      <p>
        <a href={localePath(locale, '/verwaltung/projekte/neu')}>{t('projects.new')}</a> ·{' '}
        <a href={localePath(locale, '/projekte')}>{t('projects.title')}</a>
      </p>
      <table class="data-table">
        <caption class="visually-hidden">{t('projects.admin_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('projects.col_title')}</th>
            <th scope="col">{t('projects.col_duration')}</th>
            <th scope="col">{t('projects.col_visible')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={localePath(locale, `/verwaltung/projekte/${r.id}`)}>{r.title_de}</a>
              </td>
              <td>{duration(r, t, locale)}</td>
              <td>{r.published ? t('projects.yes') : t('projects.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function LinkBoxes(props: {
  name: string;
  legend: string;
  options: Array<{ id: string; label: string }>;
  chosen: string[];
  errors?: FieldErrors;
  t: Translate;
}) {
  const error = props.errors?.[props.name];
  if (props.options.length === 0) return null;
  return (
    <fieldset id={`f-${props.name}`} class={error ? 'field has-error' : 'field'}>
      <legend>{props.legend}</legend>
      {error ? <p class="field-error">{props.t(error.key, error.params)}</p> : null}
      {props.options.map((o) => (
        <label class="checkbox">
          <input type="checkbox" name={props.name} value={o.id} checked={props.chosen.includes(o.id)} />{' '}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

export function ProjectEditor(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  id: string | null;
  heading: string;
  values: Record<string, string>;
  chosen: { publications: string[]; events: string[]; news: string[] };
  choices: LinkChoices;
  errors?: FieldErrors;
  saved?: boolean;
}) {
  const { t, locale, values, errors } = props;
  const labels: Record<string, string> = {
    title_de: t('projects.field_title_de'),
    title_en: t('projects.field_title_en'),
    slug: t('projects.field_slug'),
    summary_de: t('projects.field_summary_de'),
    summary_en: t('projects.field_summary_en'),
    description_de: t('projects.field_description_de'),
    description_en: t('projects.field_description_en'),
    starts_on: t('projects.field_starts_on'),
    ends_on: t('projects.field_ends_on'),
    funders: t('projects.field_funders'),
    team: t('projects.field_team'),
    publications: t('projects.publications'),
    events: t('projects.events'),
    news: t('projects.news'),
  };
  const f = (name: string, extra: Partial<Parameters<typeof Field>[0]> = {}) => (
    <Field name={name} label={labels[name]!} t={t} values={values} errors={errors} {...extra} />
  );
  return (
    <>
      <p>
        <a href={localePath(locale, '/verwaltung/projekte')}>{t('projects.admin_title')}</a>
      </p>
      <h1>{props.heading}</h1>
      {props.saved ? <Notice kind="success">{t('projects.saved')}</Notice> : null}
      <ErrorSummary errors={errors} t={t} labels={labels} />
      <form
        method="post"
        action={localePath(locale, `/verwaltung/projekte/${props.id ?? 'neu'}`)}
        class="stack"
      >
        <Csrf token={props.csrf} />
        {f('title_de', { required: true, maxlength: 200 })}
        {f('title_en', { maxlength: 200 })}
        {f('slug', { required: true, maxlength: 100, hint: t('projects.field_slug_hint') })}
        {f('summary_de', { multiline: 3, maxlength: 600 })}
        {f('summary_en', { multiline: 3, maxlength: 600 })}
        {f('description_de', { multiline: 10 })}
        {f('description_en', { multiline: 10 })}
        {f('starts_on', { type: 'date', required: true })}
        {f('ends_on', { type: 'date', hint: t('projects.field_ends_on_hint') })}
        {f('funders', { maxlength: 600 })}
        {f('team', { multiline: 4, maxlength: 2000 })}
        <div class="field">
          <label>
            <input type="checkbox" name="published" checked={values.published === 'on'} />{' '}
            {t('projects.field_published')}
          </label>
        </div>
        <h2>{t('projects.links')}</h2>
        <p class="hint">{t('projects.links_hint')}</p>
        <LinkBoxes
          name="publications"
          legend={labels.publications!}
          options={props.choices.publications.map((p) => ({ id: p.id, label: `${p.title} (${p.year})` }))}
          chosen={props.chosen.publications}
          errors={errors}
          t={t}
        />
        <LinkBoxes
          name="events"
          legend={labels.events!}
          options={props.choices.events.map((e) => ({
            id: e.id,
            label: `${e.title} (${formatDate(locale, e.starts_at)})`,
          }))}
          chosen={props.chosen.events}
          errors={errors}
          t={t}
        />
        <LinkBoxes
          name="news"
          legend={labels.news!}
          options={props.choices.news.map((n) => ({
            id: n.id,
            label: `${n.title} (${n.locale.toUpperCase()})`,
          }))}
          chosen={props.chosen.news}
          errors={errors}
          t={t}
        />
        <button type="submit" class="button">
          {t('projects.save')}
        </button>
      </form>
    </>
  );
}
