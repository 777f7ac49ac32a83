import { raw } from 'hono/html';
import type { FieldErrors } from '../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, type Translate } from '../../platform/i18n/index.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { letterOf } from './repo.ts';

interface Term {
  id: string;
  slug: string;
  term_de: string;
  term_en: string;
  definition_de: string;
  definition_en: string;
  updated_at: Date;
}

const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'];

export function GlossaryPage({ terms, t, locale }: { terms: Term[]; t: Translate; locale: Locale }) {
  const termOf = (x: Term) => (locale === 'de' ? x.term_de : x.term_en);
  const sorted = [...terms].sort((a, b) => termOf(a).localeCompare(termOf(b), locale));
  const groups = new Map<string, Term[]>();
  for (const term of sorted) {
    const letter = letterOf(termOf(term));
    groups.set(letter, [...(groups.get(letter) ?? []), term]);
  }
  return (
    <>
      <h1>{t('glossary.title')}</h1>
      <p class="lead">{t('glossary.intro')}</p>
      <nav aria-label={t('glossary.letters')}>
        <ul class="letter-nav">
          {ALPHABET.map((letter) => (
            <li>
              {groups.has(letter) ? (
                <a href={`#buchstabe-${letter === '#' ? 'andere' : letter}`}>{letter}</a>
              ) : (
                <span class="letter-empty">{letter}</span>
              )}
            </li>
          ))}
        </ul>
      </nav>
      {terms.length === 0 ? <p>{t('glossary.empty')}</p> : null}
      {[...groups.entries()]
        .sort(([a], [b]) => ALPHABET.indexOf(a) - ALPHABET.indexOf(b))
        .map(([letter, items]) => (
          <section aria-labelledby={`buchstabe-${letter === '#' ? 'andere' : letter}`}>
            <h2 id={`buchstabe-${letter === '#' ? 'andere' : letter}`}>{letter}</h2>
            <dl class="glossary">
              {items.map((term) => (
                <>
                  <dt id={term.slug}>
                    {termOf(term)}{' '}
                    <small>
                      ({t('glossary.other_language_label')}{' '}
                      <span lang={locale === 'de' ? 'en' : 'de'}>
                        {locale === 'de' ? term.term_en : term.term_de}
                      </span>
                      )
                    </small>
                  </dt>
                  <dd class="prose">
                    {raw(renderMarkdown(locale === 'de' ? term.definition_de : term.definition_en))}
                  </dd>
                </>
              ))}
            </dl>
          </section>
        ))}
    </>
  );
}

export function GlossaryAdmin(props: { terms: Term[]; t: Translate; locale: Locale; deleted?: boolean }) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('glossary.admin_title')}</h1>
      {props.deleted ? <Notice kind="success">{t('glossary.deleted')}</Notice> : null}
      <p>
        <a href={localePath(locale, '/verwaltung/glossar/neu')}>{t('glossary.new')}</a> ·{' '}
        <a href={localePath(locale, '/glossar')}>{t('glossary.title')}</a>
      </p>
      <table class="data-table">
        <caption class="visually-hidden">{t('glossary.admin_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('glossary.col_term')}</th>
            <th scope="col">{t('glossary.col_term_en')}</th>
            <th scope="col">{t('glossary.col_updated')}</th>
          </tr>
        </thead>
        <tbody>
          {props.terms.map((term) => (
            <tr>
              <td>
                <a href={localePath(locale, `/verwaltung/glossar/${term.id}`)}>{term.term_de}</a>
              </td>
              <td lang="en">{term.term_en}</td>
              <td>{formatDateTime(locale, term.updated_at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function GlossaryEditor(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  id: string | null;
  heading: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
}) {
  const { t, values, errors, locale } = props;
  const labels: Record<string, string> = {
    term_de: t('glossary.field_term_de'),
    term_en: t('glossary.field_term_en'),
    slug: t('glossary.field_slug'),
    definition_de: t('glossary.field_definition_de'),
    definition_en: t('glossary.field_definition_en'),
  };
  const base = localePath(locale, `/verwaltung/glossar/${props.id ?? 'neu'}`);
  return (
    <>
      <p>
        <a href={localePath(locale, '/verwaltung/glossar')}>{t('glossary.admin_title')}</a>
      </p>
      <h1>{props.heading}</h1>
      {props.saved ? <Notice kind="success">{t('glossary.saved')}</Notice> : null}
      <ErrorSummary errors={errors} t={t} labels={labels} />
      <form method="post" action={base} class="stack">
        <Csrf token={props.csrf} />
        <Field
          name="term_de"
          label={labels.term_de!}
          t={t}
          values={values}
          errors={errors}
          required
          maxlength={120}
        />
        <Field
          name="term_en"
          label={labels.term_en!}
          t={t}
          values={values}
          errors={errors}
          required
          maxlength={120}
        />
        <Field
          name="slug"
          label={labels.slug!}
          hint={t('glossary.field_slug_hint')}
          t={t}
          values={values}
          errors={errors}
          required
          maxlength={100}
        />
        <Field
          name="definition_de"
          label={labels.definition_de!}
          t={t}
          values={values}
          errors={errors}
          required
          multiline={6}
        />
        <Field
          name="definition_en"
          label={labels.definition_en!}
          t={t}
          values={values}
          errors={errors}
          required
          multiline={6}
        />
        <button type="submit" class="button">
          {t('glossary.save')}
        </button>
      </form>
      {props.id ? (
        <form method="post" action={`${base}/loeschen`} class="inline-form">
          <Csrf token={props.csrf} />
          <button type="submit" class="link-button">
            {t('glossary.delete')}
          </button>
        </form>
      ) : null}
    </>
  );
}
