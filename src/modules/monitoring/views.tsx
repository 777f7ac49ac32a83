import type { FieldErrors } from '../../platform/errors.ts';
import { type Locale, localePath, type MessageKey, type Translate } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { formatDate } from '../network/views.tsx';
import { formatSize } from '../publications/upload.ts';
import { ProgressChart } from './chart.tsx';
import {
  assessmentStatuses,
  monitoringTopics,
  type RoundProgress,
  type RoundRow,
  type TrackerQuery,
  type TrackerRow,
} from './repo.ts';

const k = (key: string) => key as MessageKey;

interface Instrument {
  id: string;
  slug: string;
  name_de: string;
  name_en: string;
  monitoring_body: string;
}
interface Submission {
  id: string;
  title: string;
  locale: string;
  submitted_on: string;
  instrument_de: string;
  instrument_en: string;
  size: number;
}
interface Assessment {
  id: string;
  status: string;
  assessed_on: string;
  reasoning: string;
  sources: string;
}

function queryString(q: TrackerQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) if (value) params.set(key, String(value));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function StatusBadge({ status, t }: { status: string | null; t: Translate }) {
  return (
    <span class={`badge status-${status ?? 'none'}`}>{t(k(`monitoring.status.${status ?? 'none'}`))}</span>
  );
}

/** Sources: one per line; web addresses become links. */
function Sources({ text }: { text: string }) {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length === 0) return null;
  return (
    <ul>
      {lines.map((line) => (
        <li>
          {/^https?:\/\/\S+$/.test(line) ? (
            <a href={line} rel="noreferrer">
              {line}
            </a>
          ) : (
            line
          )}
        </li>
      ))}
    </ul>
  );
}

export function TrackerPage(props: {
  t: Translate;
  locale: Locale;
  instruments: Instrument[];
  rounds: RoundRow[];
  rows: TrackerRow[];
  progress: RoundProgress[];
  submissions: Submission[];
  query: TrackerQuery;
  errors?: FieldErrors;
}) {
  const { t, locale, query } = props;
  const de = locale === 'de';
  const all = { value: '', label: t('monitoring.filter_all') };
  const values: Record<string, string> = { ...query };
  return (
    <>
      <h1>{t('monitoring.title')}</h1>
      <p class="lead">{t('monitoring.intro')}</p>
      <h2>{t('monitoring.instruments')}</h2>
      <ul class="link-list">
        {props.instruments.map((i) => (
          <li>
            <a href={localePath(locale, `/monitoring?instrument=${i.slug}`)}>{de ? i.name_de : i.name_en}</a>
            {i.monitoring_body ? ` – ${t('monitoring.body', { body: i.monitoring_body })}` : ''}
          </li>
        ))}
      </ul>
      <form method="get" action={localePath(locale, '/monitoring')} class="filters-box">
        <h2>{t('monitoring.filters')}</h2>
        <ErrorSummary
          errors={props.errors}
          t={t}
          labels={{
            instrument: t('monitoring.filter_instrument'),
            runde: t('monitoring.filter_round'),
            thema: t('monitoring.filter_topic'),
            status: t('monitoring.filter_status'),
          }}
        />
        <div class="filters">
          <Field
            name="instrument"
            label={t('monitoring.filter_instrument')}
            t={t}
            values={values}
            options={[
              all,
              ...props.instruments.map((i) => ({ value: i.slug, label: de ? i.name_de : i.name_en })),
            ]}
          />
          <Field
            name="runde"
            label={t('monitoring.filter_round')}
            t={t}
            values={values}
            options={[
              all,
              ...props.rounds.map((r) => ({
                value: r.id,
                label: `${de ? r.instrument_de : r.instrument_en}: ${de ? r.label_de : r.label_en}`,
              })),
            ]}
          />
          <Field
            name="thema"
            label={t('monitoring.filter_topic')}
            t={t}
            values={values}
            options={[
              all,
              ...monitoringTopics.map((v) => ({ value: v, label: t(k(`monitoring.topic.${v}`)) })),
            ]}
          />
          <Field
            name="status"
            label={t('monitoring.filter_status')}
            t={t}
            values={values}
            options={[
              all,
              ...[...assessmentStatuses, 'none'].map((v) => ({
                value: v,
                label: t(k(`monitoring.status.${v}`)),
              })),
            ]}
          />
        </div>
        <p>
          <button type="submit" class="button">
            {t('monitoring.filter_submit')}
          </button>{' '}
          <a href={localePath(locale, '/monitoring')}>{t('monitoring.filter_reset')}</a> ·{' '}
          <a href={`${localePath(locale, '/monitoring.csv')}${queryString(query)}`} download>
            {t('monitoring.export_csv')}
          </a>
        </p>
      </form>
      <ProgressChart rounds={props.progress} t={t} locale={locale} />
      <h2 id="empfehlungen">{t('monitoring.results', { count: props.rows.length })}</h2>
      {props.rows.length === 0 ? <p>{t('monitoring.empty')}</p> : null}
      <ul class="result-list">
        {props.rows.map((r) => (
          <li class="result">
            <h3>
              <a href={localePath(locale, `/monitoring/empfehlungen/${r.id}`)}>
                {de ? r.instrument_de : r.instrument_en}, {de ? r.round_de : r.round_en}
                {r.paragraph ? `, ${t('monitoring.paragraph', { paragraph: r.paragraph })}` : ''}
              </a>
            </h3>
            <p>
              <StatusBadge status={r.status} t={t} />
              {r.assessed_on
                ? ` · ${t('monitoring.assessed_on', { date: formatDate(locale, r.assessed_on) })}`
                : ''}
            </p>
            {de || !r.text_en ? <p lang="de">{r.text_de}</p> : <p lang="en">{r.text_en}</p>}
            <p class="result-meta">
              {r.addressee ? t('monitoring.addressee', { addressee: r.addressee }) : ''}
              {r.addressee && r.topics.length ? ' · ' : ''}
              {r.topics.length
                ? t('monitoring.topics', {
                    topics: r.topics.map((topic) => t(k(`monitoring.topic.${topic}`))).join(', '),
                  })
                : ''}
            </p>
          </li>
        ))}
      </ul>
      <h2>{t('monitoring.submissions')}</h2>
      {props.submissions.length === 0 ? <p>{t('monitoring.submissions_empty')}</p> : null}
      <ul class="result-list">
        {props.submissions.map((s) => (
          <li class="result">
            <h3 lang={s.locale}>{s.title}</h3>
            <p class="result-meta">
              {t('monitoring.submission_meta', {
                instrument: de ? s.instrument_de : s.instrument_en,
                date: formatDate(locale, s.submitted_on),
              })}
            </p>
            <p>
              <a href={localePath(locale, `/monitoring/berichte/${s.id}`)} download>
                {t('monitoring.download', { size: formatSize(locale, s.size) })}
                <span class="visually-hidden">: {s.title}</span>
              </a>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

interface Recommendation {
  id: string;
  paragraph: string;
  text_de: string;
  text_en: string;
  addressee: string;
  topics: string[];
  round_de: string;
  round_en: string;
  instrument_de: string;
  instrument_en: string;
}

export function recommendationTitle(r: Recommendation, t: Translate, locale: Locale): string {
  const round = `${locale === 'de' ? r.instrument_de : r.instrument_en}, ${locale === 'de' ? r.round_de : r.round_en}`;
  return r.paragraph ? t('monitoring.recommendation_title', { paragraph: r.paragraph, round }) : round;
}

function History({ history, t, locale }: { history: Assessment[]; t: Translate; locale: Locale }) {
  if (history.length === 0) return <p>{t('monitoring.history_empty')}</p>;
  return (
    <ol class="stack" reversed>
      {history.map((a) => (
        <li>
          <p>
            <strong>{formatDate(locale, a.assessed_on)}</strong>: <StatusBadge status={a.status} t={t} />
          </p>
          <p lang="de">{a.reasoning}</p>
          {a.sources ? (
            <>
              <p>{t('monitoring.sources')}:</p>
              <Sources text={a.sources} />
            </>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

export function RecommendationPage(props: {
  t: Translate;
  locale: Locale;
  rec: Recommendation;
  history: Assessment[];
}) {
  const { t, locale, rec } = props;
  return (
    <article>
      <p>
        <a href={localePath(locale, '/monitoring')}>{t('monitoring.back')}</a>
      </p>
      <h1>{recommendationTitle(rec, t, locale)}</h1>
      <p lang="de">{rec.text_de}</p>
      {rec.text_en ? (
        <>
          <h2>{t('monitoring.original_language')}</h2>
          <p lang="en">{rec.text_en}</p>
        </>
      ) : null}
      <p class="result-meta">
        {rec.addressee ? t('monitoring.addressee', { addressee: rec.addressee }) : ''}
        {rec.addressee && rec.topics.length ? ' · ' : ''}
        {rec.topics.length
          ? t('monitoring.topics', {
              topics: rec.topics.map((x) => t(k(`monitoring.topic.${x}`))).join(', '),
            })
          : ''}
      </p>
      <h2>{t('monitoring.history')}</h2>
      <History history={props.history} t={t} locale={locale} />
    </article>
  );
}

// ---------------------------------------------------------------- office

export interface AdminForms {
  instrument?: { values: Record<string, string>; errors?: FieldErrors };
  round?: { values: Record<string, string>; errors?: FieldErrors };
  submission?: { values: Record<string, string>; errors?: FieldErrors };
}

export function MonitoringAdmin(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  instruments: Instrument[];
  rounds: RoundRow[];
  rows: TrackerRow[];
  submissions: Submission[];
  forms: AdminForms;
  saved?: boolean;
}) {
  const { t, locale, csrf, forms } = props;
  const de = locale === 'de';
  const base = localePath(locale, '/verwaltung/monitoring');
  const instrumentOptions = props.instruments.map((i) => ({
    value: i.id,
    label: de ? i.name_de : i.name_en,
  }));
  const roundOptions = props.rounds.map((r) => ({
    value: r.id,
    label: `${de ? r.instrument_de : r.instrument_en}: ${de ? r.label_de : r.label_en}`,
  }));
  return (
    <>
      <h1>{t('monitoring.admin_title')}</h1>
      <p>{t('monitoring.admin_intro')}</p>
      {props.saved ? <Notice kind="success">{t('monitoring.saved')}</Notice> : null}
      <p>
        <a href={`${base}/empfehlungen/neu`}>{t('monitoring.new_recommendation')}</a> ·{' '}
        <a href={localePath(locale, '/monitoring')}>{t('monitoring.title')}</a>
      </p>
      <table class="data-table">
        <caption>{t('monitoring.results', { count: props.rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('monitoring.col_round')}</th>
            <th scope="col">{t('monitoring.col_paragraph')}</th>
            <th scope="col">{t('monitoring.col_recommendation')}</th>
            <th scope="col">{t('monitoring.col_status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>
                {de ? r.instrument_de : r.instrument_en}: {de ? r.round_de : r.round_en}
              </td>
              <td>{r.paragraph}</td>
              <td>
                <a href={`${base}/empfehlungen/${r.id}`}>
                  {r.text_de.length > 90 ? `${r.text_de.slice(0, 88)}…` : r.text_de}
                </a>
              </td>
              <td>
                <StatusBadge status={r.status} t={t} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('monitoring.instruments')}</h2>
      <ul class="link-list">
        {props.instruments.map((i) => (
          <li>
            <a href={`${base}/instrumente/${i.id}`}>{de ? i.name_de : i.name_en}</a>
            <ul>
              {props.rounds
                .filter((r) => r.instrument_id === i.id)
                .map((r) => (
                  <li>
                    <a href={`${base}/runden/${r.id}`}>
                      {de ? r.label_de : r.label_en} ({r.report_year})
                    </a>
                  </li>
                ))}
            </ul>
          </li>
        ))}
      </ul>

      <section aria-labelledby="neue-runde">
        <h2 id="neue-runde">{t('monitoring.new_round')}</h2>
        <ErrorSummary
          errors={forms.round?.errors}
          t={t}
          labels={{
            instrument_id: t('monitoring.field_instrument'),
            label_de: t('monitoring.field_label_de'),
            label_en: t('monitoring.field_label_en'),
            report_year: t('monitoring.field_report_year'),
          }}
        />
        <form method="post" action={`${base}/runden`} class="stack">
          <Csrf token={csrf} />
          <Field
            name="instrument_id"
            label={t('monitoring.field_instrument')}
            t={t}
            values={forms.round?.values}
            errors={forms.round?.errors}
            options={instrumentOptions}
          />
          <Field
            name="label_de"
            label={t('monitoring.field_label_de')}
            t={t}
            values={forms.round?.values}
            errors={forms.round?.errors}
            required
            maxlength={200}
          />
          <Field
            name="label_en"
            label={t('monitoring.field_label_en')}
            t={t}
            values={forms.round?.values}
            errors={forms.round?.errors}
            required
            maxlength={200}
          />
          <Field
            name="report_year"
            label={t('monitoring.field_report_year')}
            t={t}
            values={forms.round?.values}
            errors={forms.round?.errors}
            required
            inputmode="numeric"
            maxlength={4}
          />
          <button type="submit" class="button">
            {t('monitoring.add')}
          </button>
        </form>
      </section>

      <h2>{t('monitoring.submissions')}</h2>
      <ul class="link-list">
        {props.submissions.map((s) => (
          <li>
            <a href={localePath(locale, `/monitoring/berichte/${s.id}`)} download>
              {s.title}
            </a>{' '}
            ({formatDate(locale, s.submitted_on)}){' '}
            <form method="post" action={`${base}/berichte/${s.id}/loeschen`} class="inline-form">
              <Csrf token={csrf} />
              <button type="submit" class="link-button">
                {t('monitoring.delete_submission')}
                <span class="visually-hidden">: {s.title}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>

      <section aria-labelledby="neuer-bericht">
        <h2 id="neuer-bericht">{t('monitoring.new_submission')}</h2>
        <ErrorSummary
          errors={forms.submission?.errors}
          t={t}
          labels={{
            instrument_id: t('monitoring.field_instrument'),
            round_id: t('monitoring.field_round_optional'),
            title: t('monitoring.field_title'),
            submitted_on: t('monitoring.field_submitted_on'),
            locale: t('monitoring.field_locale'),
            file: t('monitoring.field_file'),
          }}
        />
        <form method="post" action={`${base}/berichte`} enctype="multipart/form-data" class="stack">
          <Csrf token={csrf} />
          <Field
            name="instrument_id"
            label={t('monitoring.field_instrument')}
            t={t}
            values={forms.submission?.values}
            errors={forms.submission?.errors}
            options={instrumentOptions}
          />
          <Field
            name="round_id"
            label={t('monitoring.field_round_optional')}
            t={t}
            values={forms.submission?.values}
            errors={forms.submission?.errors}
            options={[{ value: '', label: t('monitoring.none') }, ...roundOptions]}
          />
          <Field
            name="title"
            label={t('monitoring.field_title')}
            t={t}
            values={forms.submission?.values}
            errors={forms.submission?.errors}
            required
            maxlength={300}
          />
          <Field
            name="submitted_on"
            type="date"
            label={t('monitoring.field_submitted_on')}
            t={t}
            values={forms.submission?.values}
            errors={forms.submission?.errors}
            required
          />
          <Field
            name="locale"
            label={t('monitoring.field_locale')}
            t={t}
            values={forms.submission?.values}
            errors={forms.submission?.errors}
            options={[
              { value: 'de', label: t('monitoring.language.de') },
              { value: 'en', label: t('monitoring.language.en') },
            ]}
          />
          <Field
            name="file"
            type="file"
            label={t('monitoring.field_file')}
            hint={t('monitoring.field_file_hint')}
            t={t}
            errors={forms.submission?.errors}
            required
          />
          <button type="submit" class="button">
            {t('monitoring.add')}
          </button>
        </form>
      </section>

      <section aria-labelledby="neues-uebereinkommen">
        <h2 id="neues-uebereinkommen">{t('monitoring.new_instrument')}</h2>
        <ErrorSummary
          errors={forms.instrument?.errors}
          t={t}
          labels={{
            slug: t('monitoring.field_slug'),
            name_de: t('monitoring.field_name_de'),
            name_en: t('monitoring.field_name_en'),
            monitoring_body: t('monitoring.field_body'),
          }}
        />
        <form method="post" action={`${base}/instrumente`} class="stack">
          <Csrf token={csrf} />
          <Field
            name="name_de"
            label={t('monitoring.field_name_de')}
            t={t}
            values={forms.instrument?.values}
            errors={forms.instrument?.errors}
            required
            maxlength={300}
          />
          <Field
            name="name_en"
            label={t('monitoring.field_name_en')}
            t={t}
            values={forms.instrument?.values}
            errors={forms.instrument?.errors}
            required
            maxlength={300}
          />
          <Field
            name="slug"
            label={t('monitoring.field_slug')}
            hint={t('monitoring.field_slug_hint')}
            t={t}
            values={forms.instrument?.values}
            errors={forms.instrument?.errors}
            required
            maxlength={60}
          />
          <Field
            name="monitoring_body"
            label={t('monitoring.field_body')}
            t={t}
            values={forms.instrument?.values}
            errors={forms.instrument?.errors}
            maxlength={200}
          />
          <button type="submit" class="button">
            {t('monitoring.add')}
          </button>
        </form>
      </section>
    </>
  );
}

export function RecommendationEditor(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  id: string | null;
  heading: string;
  rounds: RoundRow[];
  values: Record<string, string>;
  topics: string[];
  errors?: FieldErrors;
  history: Assessment[];
  assessment?: { values: Record<string, string>; errors?: FieldErrors };
  saved?: boolean;
}) {
  const { t, locale, values, errors } = props;
  const de = locale === 'de';
  const base = localePath(locale, '/verwaltung/monitoring');
  const labels: Record<string, string> = {
    round_id: t('monitoring.field_round'),
    paragraph: t('monitoring.field_paragraph'),
    text_de: t('monitoring.field_text_de'),
    text_en: t('monitoring.field_text_en'),
    addressee: t('monitoring.field_addressee'),
    topics: t('monitoring.field_topics'),
  };
  const av = props.assessment?.values ?? { assessed_on: new Date().toISOString().slice(0, 10) };
  const ae = props.assessment?.errors;
  return (
    <>
      <p>
        <a href={base}>{t('monitoring.admin_title')}</a>
      </p>
      <h1>{props.heading}</h1>
      {props.saved ? <Notice kind="success">{t('monitoring.saved')}</Notice> : null}
      <ErrorSummary errors={errors} t={t} labels={labels} />
      <form method="post" action={`${base}/empfehlungen/${props.id ?? 'neu'}`} class="stack">
        <Csrf token={props.csrf} />
        <Field
          name="round_id"
          label={labels.round_id!}
          t={t}
          values={values}
          errors={errors}
          options={props.rounds.map((r) => ({
            value: r.id,
            label: `${de ? r.instrument_de : r.instrument_en}: ${de ? r.label_de : r.label_en}`,
          }))}
        />
        <Field
          name="paragraph"
          label={labels.paragraph!}
          t={t}
          values={values}
          errors={errors}
          maxlength={40}
        />
        <Field
          name="text_de"
          label={labels.text_de!}
          t={t}
          values={values}
          errors={errors}
          required
          multiline={5}
          maxlength={5000}
        />
        <Field
          name="text_en"
          label={labels.text_en!}
          t={t}
          values={values}
          errors={errors}
          multiline={5}
          maxlength={5000}
        />
        <Field
          name="addressee"
          label={labels.addressee!}
          hint={t('monitoring.field_addressee_hint')}
          t={t}
          values={values}
          errors={errors}
          maxlength={300}
        />
        <fieldset id="f-topics" class={errors?.topics ? 'field has-error' : 'field'}>
          <legend>{labels.topics}</legend>
          {errors?.topics ? <p class="field-error">{t(errors.topics.key, errors.topics.params)}</p> : null}
          {monitoringTopics.map((topic) => (
            <label class="checkbox">
              <input type="checkbox" name="topics" value={topic} checked={props.topics.includes(topic)} />{' '}
              {t(k(`monitoring.topic.${topic}`))}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="button">
          {t('monitoring.save')}
        </button>
      </form>
      {props.id ? (
        <>
          <section aria-labelledby="neue-bewertung">
            <h2 id="neue-bewertung">{t('monitoring.new_assessment')}</h2>
            <ErrorSummary
              errors={ae}
              t={t}
              labels={{
                status: t('monitoring.field_status'),
                assessed_on: t('monitoring.field_assessed_on'),
                reasoning: t('monitoring.field_reasoning'),
                sources: t('monitoring.field_sources'),
              }}
            />
            <form method="post" action={`${base}/empfehlungen/${props.id}/bewertungen`} class="stack">
              <Csrf token={props.csrf} />
              <Field
                name="status"
                label={t('monitoring.field_status')}
                t={t}
                values={av}
                errors={ae}
                options={assessmentStatuses.map((s) => ({ value: s, label: t(k(`monitoring.status.${s}`)) }))}
              />
              <Field
                name="assessed_on"
                type="date"
                label={t('monitoring.field_assessed_on')}
                t={t}
                values={av}
                errors={ae}
                required
              />
              <Field
                name="reasoning"
                label={t('monitoring.field_reasoning')}
                t={t}
                values={av}
                errors={ae}
                required
                multiline={5}
                maxlength={10000}
              />
              <Field
                name="sources"
                label={t('monitoring.field_sources')}
                t={t}
                values={av}
                errors={ae}
                multiline={3}
                maxlength={5000}
              />
              <button type="submit" class="button">
                {t('monitoring.add')}
              </button>
            </form>
          </section>
          <h2>{t('monitoring.history')}</h2>
          <History history={props.history} t={t} locale={locale} />
        </>
      ) : null}
    </>
  );
}

/** Editing an instrument or a round: the same fields as when it was created. */
export function SimpleEditor(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  heading: string;
  action: string;
  fields: Array<{
    name: string;
    label: string;
    hint?: string;
    required?: boolean;
    options?: Array<{ value: string; label: string }>;
  }>;
  values: Record<string, string>;
  errors?: FieldErrors;
  saved?: boolean;
}) {
  const { t, values, errors } = props;
  return (
    <>
      <p>
        <a href={localePath(props.locale, '/verwaltung/monitoring')}>{t('monitoring.admin_title')}</a>
      </p>
      <h1>{props.heading}</h1>
      {props.saved ? <Notice kind="success">{t('monitoring.saved')}</Notice> : null}
      <ErrorSummary
        errors={errors}
        t={t}
        labels={Object.fromEntries(props.fields.map((f) => [f.name, f.label]))}
      />
      <form method="post" action={props.action} class="stack">
        <Csrf token={props.csrf} />
        {props.fields.map((f) => (
          <Field
            name={f.name}
            label={f.label}
            hint={f.hint}
            required={f.required}
            options={f.options}
            t={t}
            values={values}
            errors={errors}
          />
        ))}
        <button type="submit" class="button">
          {t('monitoring.save')}
        </button>
      </form>
    </>
  );
}
