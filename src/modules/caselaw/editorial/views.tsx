import type { FieldErrors } from '../../../platform/errors.ts';
import { type Locale, localePath, type MessageKey, type Translate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../../platform/ui/components.tsx';
import { citationLine } from '../search.ts';
import { LEGAL_AREAS } from '../store.ts';
import type { Flag } from './anonymisation.ts';
import { CaseDetailsFields } from './case-details-fields.tsx';
import type { EditableDecision, HistoryEntry, QueueRow, Status } from './service.ts';

const BASE = '/verwaltung/rechtsprechung';

function formatTime(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(at);
}

export const metadataLabels = (t: Translate): Record<string, string> => ({
  court: t('caselaw.court'),
  decision_date: t('caselaw.date'),
  file_numbers: t('caselaw.file_numbers'),
  decision_type: t('caselaw.decision_type'),
  ecli: t('caselaw.ecli'),
  chamber: t('caselaw.chamber'),
  file: t('caselaw.editor.file'),
  note: t('caselaw.submit.note'),
  title: t('caselaw.editor.title_field'),
  headnotes: t('caselaw.headnotes'),
  tenor: t('caselaw.tenor'),
  facts: t('caselaw.facts'),
  reasons: t('caselaw.reasons'),
  dissent: t('caselaw.dissent'),
  summary_de: t('caselaw.editor.summary_de'),
  summary_en: t('caselaw.editor.summary_en'),
  outcome: t('caselaw.editor.outcome'),
  legal_areas: t('caselaw.facet_area'),
  sentence: t('caselaw.case.sentence'),
  compensation_eur: t('caselaw.case.compensation_eur'),
  victims_count: t('caselaw.case.victims_count'),
  victims_nationalities: t('caselaw.case.victims_nationalities'),
  status: t('caselaw.editor.status'),
  match: t('caselaw.anon.title'),
  _form: '',
});

function MetadataFields(props: { t: Translate; values: Record<string, string>; errors?: FieldErrors }) {
  const { t, values, errors } = props;
  return (
    <>
      <Field
        t={t}
        name="court"
        label={t('caselaw.court')}
        hint={t('caselaw.editor.court_hint')}
        values={values}
        errors={errors}
        required
        maxlength={200}
      />
      <Field
        t={t}
        name="decision_date"
        type="date"
        label={t('caselaw.date')}
        values={values}
        errors={errors}
        required
      />
      <Field
        t={t}
        name="file_numbers"
        label={t('caselaw.file_numbers')}
        hint={t('caselaw.editor.file_numbers_hint')}
        values={values}
        errors={errors}
        required
        maxlength={500}
      />
    </>
  );
}

function ExtraMetadataFields(props: { t: Translate; values: Record<string, string>; errors?: FieldErrors }) {
  const { t, values, errors } = props;
  return (
    <>
      <Field
        t={t}
        name="decision_type"
        label={t('caselaw.decision_type')}
        values={values}
        errors={errors}
        maxlength={60}
      />
      <Field
        t={t}
        name="chamber"
        label={t('caselaw.chamber')}
        values={values}
        errors={errors}
        maxlength={200}
      />
      <Field t={t} name="ecli" label={t('caselaw.ecli')} values={values} errors={errors} maxlength={80} />
    </>
  );
}

function RowList(props: { t: Translate; locale: Locale; rows: QueueRow[] }) {
  const { t, locale, rows } = props;
  if (rows.length === 0) return <p>{t('caselaw.editor.queue_empty')}</p>;
  return (
    <ul class="record-list">
      {rows.map((r) => (
        <li>
          <a href={localePath(locale, `${BASE}/${r.id}`)}>
            {citationLine({ ...r, court_name: r.court_name })}
          </a>
          {r.submitter_org ? (
            <span> · {t('caselaw.editor.submitted_by', { org: r.submitter_org })}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function QueuePage(props: { t: Translate; locale: Locale; queue: Record<Status, QueueRow[]> }) {
  const { t, locale, queue } = props;
  return (
    <>
      <h1>{t('caselaw.editor.queue_title')}</h1>
      <p>
        <a class="button" href={localePath(locale, `${BASE}/hochladen`)}>
          {t('caselaw.editor.upload_link')}
        </a>
      </p>
      <h2>{t('caselaw.editor.queue_review')}</h2>
      <RowList t={t} locale={locale} rows={queue.review} />
      <h2>{t('caselaw.editor.queue_draft')}</h2>
      <RowList t={t} locale={locale} rows={queue.draft} />
      <h2>{t('caselaw.editor.queue_published')}</h2>
      <RowList t={t} locale={locale} rows={queue.published} />
    </>
  );
}

export function UploadPage(props: { t: Translate; locale: Locale; csrf?: string; errors?: FieldErrors }) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('caselaw.editor.upload_title')}</h1>
      <p>{t('caselaw.editor.upload_intro')}</p>
      <ErrorSummary t={t} errors={props.errors} labels={metadataLabels(t)} />
      <form method="post" action={localePath(locale, `${BASE}/hochladen`)} enctype="multipart/form-data">
        <Csrf token={props.csrf} />
        <FileField t={t} errors={props.errors} />
        <button type="submit">{t('caselaw.editor.upload_submit')}</button>
      </form>
      <p>
        <a href={localePath(locale, BASE)}>{t('caselaw.editor.back_to_queue')}</a>
      </p>
    </>
  );
}

function FileField(props: { t: Translate; errors?: FieldErrors }) {
  const { t } = props;
  const error = props.errors?.file;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="f-file">
        {t('caselaw.editor.file')}
        <span class="required"> ({t('form.required')})</span>
      </label>
      <p class="hint" id="f-file-hint">
        {t('caselaw.editor.file_hint')}
      </p>
      {error ? (
        <p class="field-error" id="f-file-error">
          {t(error.key, error.params)}
        </p>
      ) : null}
      <input
        type="file"
        id="f-file"
        name="file"
        accept="application/pdf,.pdf"
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'}
      />
    </div>
  );
}

export function ConfirmPage(props: {
  t: Translate;
  locale: Locale;
  csrf?: string;
  fileId: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  norms: string[];
  marginNumbers: number;
}) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('caselaw.editor.confirm_title')}</h1>
      <p>{t('caselaw.editor.confirm_intro')}</p>
      <ErrorSummary t={t} errors={props.errors} labels={metadataLabels(t)} />
      <form method="post" action={localePath(locale, `${BASE}/neu`)}>
        <Csrf token={props.csrf} />
        <input type="hidden" name="file_id" value={props.fileId} />
        <MetadataFields t={t} values={props.values} errors={props.errors} />
        <ExtraMetadataFields t={t} values={props.values} errors={props.errors} />
        <p>{t('caselaw.editor.recognised_margin', { count: props.marginNumbers })}</p>
        {props.norms.length > 0 ? (
          <>
            <h2>{t('caselaw.editor.recognised_norms')}</h2>
            <ul class="norm-list">
              {props.norms.map((n) => (
                <li>{n}</li>
              ))}
            </ul>
          </>
        ) : null}
        <button type="submit">{t('caselaw.editor.create')}</button>
      </form>
    </>
  );
}

function valuesOf(d: EditableDecision): Record<string, string> {
  return {
    court: d.court_name,
    decision_date: d.decision_date,
    file_numbers: d.file_numbers.join('; '),
    decision_type: d.decision_type,
    ecli: d.ecli ?? '',
    chamber: d.chamber,
    title: d.title,
    headnotes: d.headnotes,
    tenor: d.tenor,
    facts: d.facts,
    reasons: d.reasons,
    dissent: d.dissent,
    summary_de: d.summary_de,
    summary_en: d.summary_en,
    outcome: d.outcome,
  };
}

const ACTIONS: Array<{ to: Status; from: Status[]; label: MessageKey }> = [
  { to: 'review', from: ['draft'], label: 'caselaw.editor.to_review' },
  { to: 'published', from: ['review'], label: 'caselaw.editor.publish' },
  { to: 'draft', from: ['review'], label: 'caselaw.editor.to_draft' },
  { to: 'draft', from: ['published'], label: 'caselaw.editor.unpublish' },
];

export function EditorPage(props: {
  t: Translate;
  locale: Locale;
  csrf?: string;
  d: EditableDecision;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
  flags: Flag[];
}) {
  const { t, locale, d } = props;
  const values = props.values ?? valuesOf(d);
  const areas = props.values ? (values.legal_areas ?? '').split(',') : d.legal_areas;
  const path = localePath(locale, `${BASE}/${d.id}`);
  const fieldLabel = metadataLabels(t);
  return (
    <>
      <h1>{t('caselaw.editor.edit_title', { citation: citationLine(d) })}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary t={t} errors={props.errors} labels={fieldLabel} />
      <p>
        {t('caselaw.editor.status')}: <strong>{t(`caselaw.editor.status.${d.status}`)}</strong>
        {d.submitter_org ? <> · {t('caselaw.editor.submitted_by', { org: d.submitter_org })}</> : null}
      </p>
      {d.submission_note ? (
        <section>
          <h2>{t('caselaw.editor.submission_note')}</h2>
          <p>{d.submission_note}</p>
        </section>
      ) : null}
      <div class="actions">
        {ACTIONS.filter((a) => a.from.includes(d.status)).map((a) => (
          <form method="post" action={`${path}/status`} class="inline-form">
            <Csrf token={props.csrf} />
            <input type="hidden" name="to" value={a.to} />
            <button type="submit">{t(a.label)}</button>
          </form>
        ))}
      </div>
      <p>
        <a href={`${path}/verlauf`}>{t('caselaw.editor.history')}</a>
        {d.original_file_id ? (
          <>
            {' · '}
            <a href={`${path}/original`}>{t('caselaw.editor.original_download')}</a>
          </>
        ) : null}
        {d.status === 'published' ? (
          <>
            {' · '}
            <a href={localePath(locale, `/rechtsprechung/${d.id}`)}>{t('caselaw.editor.public_link')}</a>
          </>
        ) : null}
        {' · '}
        <a href={localePath(locale, BASE)}>{t('caselaw.editor.back_to_queue')}</a>
      </p>
      <section id="anonymisierung" aria-labelledby="anon-title">
        <h2 id="anon-title">{t('caselaw.anon.title')}</h2>
        {props.flags.length === 0 ? (
          <p>{t('caselaw.anon.none')}</p>
        ) : (
          <>
            <p>{t('caselaw.anon.intro')}</p>
            <ul class="flag-list">
              {props.flags.map((f) => (
                <li>
                  <strong>{t(`caselaw.anon.kind.${f.kind}`)}</strong>: <mark>{f.match}</mark> (
                  {t('caselaw.anon.in_field', { field: fieldLabel[f.field] ?? f.field })}) –{' '}
                  <q>{f.context}</q>
                  <form method="post" action={`${path}/anonymisierung`} class="inline-form">
                    <Csrf token={props.csrf} />
                    <input type="hidden" name="kind" value={f.kind} />
                    <input type="hidden" name="match" value={f.match} />
                    <button type="submit">{t('caselaw.anon.confirm', { match: f.match })}</button>
                  </form>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <form method="post" action={path}>
        <Csrf token={props.csrf} />
        <input
          type="hidden"
          name="base_updated_at"
          value={props.values?.base_updated_at ?? d.updated_at.toISOString()}
        />
        <MetadataFields t={t} values={values} errors={props.errors} />
        <ExtraMetadataFields t={t} values={values} errors={props.errors} />
        <Field
          t={t}
          name="title"
          label={fieldLabel.title!}
          values={values}
          errors={props.errors}
          multiline={2}
        />
        <Field
          t={t}
          name="summary_de"
          label={fieldLabel.summary_de!}
          values={values}
          errors={props.errors}
          multiline={4}
        />
        <Field
          t={t}
          name="summary_en"
          label={fieldLabel.summary_en!}
          values={values}
          errors={props.errors}
          multiline={4}
        />
        <Field
          t={t}
          name="outcome"
          label={fieldLabel.outcome!}
          values={values}
          errors={props.errors}
          maxlength={200}
        />
        <fieldset>
          <legend>{t('caselaw.facet_area')}</legend>
          {LEGAL_AREAS.map((a) => (
            <label class="checkbox">
              <input type="checkbox" name="legal_areas" value={a} checked={areas.includes(a)} />{' '}
              {t(`caselaw.area.${a}`)}
            </label>
          ))}
        </fieldset>
        <CaseDetailsFields t={t} d={d} values={props.values} errors={props.errors} />
        <label class="checkbox">
          <input
            type="checkbox"
            name="original_public"
            value="on"
            checked={props.values ? props.values.original_public === 'on' : d.original_public}
          />{' '}
          {t('caselaw.editor.original_public')}
        </label>
        <h2>{t('caselaw.editor.texts')}</h2>
        <p class="hint">{t('caselaw.editor.texts_hint')}</p>
        {(['headnotes', 'tenor', 'facts', 'reasons', 'dissent'] as const).map((f) => (
          <Field
            t={t}
            name={f}
            label={fieldLabel[f]!}
            values={values}
            errors={props.errors}
            multiline={f === 'reasons' || f === 'facts' ? 16 : 5}
          />
        ))}
        <button type="submit">{t('caselaw.editor.save')}</button>
      </form>
    </>
  );
}

function actionLabel(t: Translate, action: string): string {
  if (action.startsWith('status:')) {
    const s = action.slice(7);
    const status = ['draft', 'review', 'published'].includes(s)
      ? t(`caselaw.editor.status.${s as Status}`)
      : s;
    return t('caselaw.editor.action.status', { status });
  }
  const known = ['create', 'submit', 'update', 'anonymisation_confirm'];
  return known.includes(action) ? t(`caselaw.editor.action.${action as 'create'}`) : action;
}

export function HistoryPage(props: {
  t: Translate;
  locale: Locale;
  d: EditableDecision;
  entries: HistoryEntry[];
}) {
  const { t, locale, d } = props;
  const labels = metadataLabels(t);
  return (
    <>
      <h1>{t('caselaw.editor.history_title', { citation: citationLine(d) })}</h1>
      <p>
        <a href={localePath(locale, `${BASE}/${d.id}`)}>{t('caselaw.editor.back_to_editor')}</a>
      </p>
      {props.entries.length === 0 ? (
        <p>{t('caselaw.editor.history_empty')}</p>
      ) : (
        <ol class="history">
          {props.entries.map((e) => (
            <li>
              <p>
                <time datetime={e.at.toISOString()}>{formatTime(e.at, locale)}</time> ·{' '}
                {e.actor_name ? `${e.actor_name} (${e.actor_role})` : t('caselaw.editor.history_system')} ·{' '}
                <strong>{actionLabel(t, e.action)}</strong>
              </p>
              {e.changes.length > 0 ? (
                <table>
                  <caption class="visually-hidden">{t('caselaw.editor.history_what')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('caselaw.editor.history_what')}</th>
                      <th scope="col">{t('caselaw.editor.history_before')}</th>
                      <th scope="col">{t('caselaw.editor.history_after')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {e.changes.map((ch) => (
                      <tr>
                        <th scope="row">{labels[ch.field] || ch.field}</th>
                        <td>
                          <del>{ch.before}</del>
                        </td>
                        <td>
                          <ins>{ch.after}</ins>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : e.changed_fields.length > 0 ? (
                <p>{e.changed_fields.map((f) => labels[f] || f).join(', ')}</p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function SubmitPage(props: {
  t: Translate;
  locale: Locale;
  csrf?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  done?: boolean;
  mine: QueueRow[];
}) {
  const { t, locale } = props;
  const values = props.values ?? {};
  return (
    <>
      <h1>{t('caselaw.submit.title')}</h1>
      {props.done ? <Notice kind="success">{t('caselaw.submit.done')}</Notice> : null}
      <p>{t('caselaw.submit.intro')}</p>
      <ErrorSummary t={t} errors={props.errors} labels={metadataLabels(t)} />
      <form
        method="post"
        action={localePath(locale, '/rechtsprechung-einreichen')}
        enctype="multipart/form-data"
      >
        <Csrf token={props.csrf} />
        <FileField t={t} errors={props.errors} />
        <MetadataFields t={t} values={values} errors={props.errors} />
        <Field
          t={t}
          name="note"
          label={t('caselaw.submit.note')}
          hint={t('caselaw.submit.note_hint')}
          values={values}
          errors={props.errors}
          multiline={4}
          maxlength={2000}
        />
        <button type="submit">{t('caselaw.submit.submit')}</button>
      </form>
      <h2>{t('caselaw.submit.mine')}</h2>
      {props.mine.length === 0 ? (
        <p>{t('caselaw.submit.none')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('caselaw.citation')}</th>
              <th scope="col">{t('caselaw.editor.status')}</th>
            </tr>
          </thead>
          <tbody>
            {props.mine.map((r) => (
              <tr>
                <td>
                  {r.status === 'published' ? (
                    <a href={localePath(locale, `/rechtsprechung/${r.id}`)}>{citationLine(r)}</a>
                  ) : (
                    citationLine(r)
                  )}
                </td>
                <td>{t(`caselaw.submit.status.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
