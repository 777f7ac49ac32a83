import type { FieldErrors } from '../../platform/errors.ts';
import {
  contentLocale,
  formatDateTime,
  type Locale,
  localePath,
  type Translate,
} from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Notice } from '../../platform/ui/components.tsx';
import { allowedValues, type Codebook, type Lang, type Variable, valueLabel } from './codebook.ts';
import { legend, percentages } from './disclosure.ts';
import { BarChart, barsOf, chartable } from './export/charts.tsx';
import type { Comparison } from './export/compare.ts';
import { type FormValues, hiddenVariables } from './form.ts';
import type { AnonymousParticipation } from './office.ts';
import { anonymousRows, ParticipationTable } from './office-views.tsx';
import type { RecordListItem, RecordRow, YearRow } from './repo.ts';
import { categoryLabel, type DataReport, type ReportTable, suppressedCount, tableTitles } from './report.ts';

const langOf = (locale: Locale): Lang => contentLocale(locale);

// ---------------------------------------------------------------------------------------------------------------
// Member: list and form

export function EntryListPage(props: {
  t: Translate;
  locale: Locale;
  year: YearRow | null;
  records: RecordListItem[];
  notice?: string;
}) {
  const { t, locale, year } = props;
  const base = localePath(locale, '/datenerhebung');
  return (
    <>
      <h1>{t('data.entry.title')}</h1>
      <p>{t('data.entry.intro')}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {!year ? (
        <Notice>{t('data.entry.no_open_year')}</Notice>
      ) : (
        <>
          <h2>{t('data.entry.year', { year: year.year })}</h2>
          {year.deadline ? <p>{t('data.entry.deadline', { date: year.deadline })}</p> : null}
          <p class="actions">
            <a class="button" href={`${base}/neu`}>
              {t('data.entry.new')}
            </a>{' '}
            {props.records.length > 0 ? <a href={`${base}/neu?kopie=1`}>{t('data.entry.copy')}</a> : null}{' '}
            <a href={`${base}/import`}>{t('data.import.link')}</a>
          </p>
          {props.records.length === 0 ? (
            <p>{t('data.entry.none')}</p>
          ) : (
            <table class="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('data.entry.case_number')}</th>
                  <th scope="col">{t('data.entry.status')}</th>
                  <th scope="col">{t('data.entry.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {props.records.map((r) => (
                  <tr>
                    <td>
                      <a href={`${base}/${r.id}`}>{r.case_number}</a>
                    </td>
                    <td>{t(`data.status.${r.status}`)}</td>
                    <td>{formatDateTime(locale, r.updated_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}

function countryOptions(
  codebook: Codebook,
  lang: Lang,
  prefix = '',
): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  return codebook.countries
    .filter((c) => !prefix || c !== 'DE')
    .map((c) => ({ value: `${prefix}${c}`, label: names.of(c) ?? c }))
    .sort((a, b) => a.label.localeCompare(b.label, lang));
}

function optionsOf(
  codebook: Codebook,
  variable: Variable,
  lang: Lang,
): Array<{ value: string; label: string }> {
  const extra =
    'values' in variable ? variable.values.map((v) => ({ value: v.key, label: v.label[lang] })) : [];
  switch (variable.type) {
    case 'country':
      return [...countryOptions(codebook, lang), ...extra];
    case 'land':
      return [...codebook.lands.map((l) => ({ value: l.key, label: l.label[lang] })), ...extra];
    case 'place': {
      const germany =
        variable.germany.granularity === 'land'
          ? codebook.lands.map((l) => ({
              value: `land:${l.key}`,
              label: `${variable.germany.label[lang]}: ${l.label[lang]}`,
            }))
          : [{ value: 'germany', label: variable.germany.label[lang] }];
      const abroad = countryOptions(codebook, lang, 'abroad:').map((o) => ({
        value: o.value,
        label: `${variable.abroad.label[lang]}: ${o.label}`,
      }));
      return [...germany, ...abroad, ...extra];
    }
    default:
      return (allowedValues(codebook, variable) ?? []).map((v) => ({
        value: v,
        label: valueLabel(codebook, variable.key, v, lang),
      }));
  }
}

function VariableField(props: {
  t: Translate;
  codebook: Codebook;
  variable: Variable;
  lang: Lang;
  values: FormValues;
  errors: FieldErrors;
  disabled: boolean;
}) {
  const { t, variable, lang, codebook } = props;
  const id = `f-${variable.key}`;
  const error = props.errors[variable.key];
  const chosen = props.values[variable.key] ?? [];
  const described = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  const condition = variable.condition ? JSON.stringify(variable.condition) : undefined;
  const errorText = error ? (
    <p class="field-error" id={`${id}-error`}>
      {t(error.key, error.params)}
    </p>
  ) : null;
  const hint = (
    <p class="hint" id={`${id}-hint`}>
      {variable.help[lang]}
    </p>
  );
  const invalid = error ? ('true' as const) : undefined;
  const cls = error ? 'field has-error' : 'field';
  if (
    variable.type === 'multiple_choice' ||
    (variable.type === 'single_choice' && variable.values.length <= 4)
  ) {
    const multiple = variable.type === 'multiple_choice';
    return (
      <fieldset class={cls} id={id} data-condition={condition} tabindex={-1} aria-describedby={described}>
        <legend>{variable.label[lang]}</legend>
        {hint}
        {multiple ? <p class="hint">{t('data.entry.multiple_hint')}</p> : null}
        {errorText}
        {variable.values.map((v) => (
          <label class="choice">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={variable.key}
              value={v.key}
              checked={chosen.includes(v.key)}
              disabled={props.disabled}
              aria-invalid={invalid}
            />{' '}
            {v.label[lang]}
          </label>
        ))}
      </fieldset>
    );
  }
  let control: unknown;
  if (variable.type === 'month') {
    control = (
      <input
        type="month"
        id={id}
        name={variable.key}
        value={chosen[0] ?? ''}
        min={variable.min}
        max={variable.max}
        placeholder="JJJJ-MM"
        disabled={props.disabled}
        aria-invalid={invalid}
        aria-describedby={described}
      />
    );
  } else if (variable.type === 'small_integer') {
    control = (
      <input
        type="number"
        id={id}
        name={variable.key}
        value={chosen[0] ?? ''}
        min={variable.min}
        max={variable.max}
        disabled={props.disabled}
        aria-invalid={invalid}
        aria-describedby={described}
      />
    );
  } else {
    const multiple = variable.type === 'place' && variable.multiple;
    control = (
      <select
        id={id}
        name={variable.key}
        multiple={multiple}
        size={multiple ? 8 : undefined}
        disabled={props.disabled}
        aria-invalid={invalid}
        aria-describedby={described}
      >
        {multiple ? null : <option value="">{t('data.entry.choose')}</option>}
        {optionsOf(codebook, variable, lang).map((o) => (
          <option value={o.value} selected={chosen.includes(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  return (
    <div class={cls} data-condition={condition}>
      <label for={id}>{variable.label[lang]}</label>
      {hint}
      {variable.type === 'place' && variable.multiple ? (
        <p class="hint">{t('data.entry.place_hint')}</p>
      ) : null}
      {errorText}
      {control}
    </div>
  );
}

export function RecordFormPage(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  codebook: Codebook;
  year: YearRow;
  record: Pick<RecordRow, 'id' | 'case_number' | 'status'> | null;
  values: FormValues;
  errors?: FieldErrors;
  notice?: string;
  copied?: boolean;
}) {
  const { t, locale, codebook, record } = props;
  const lang = langOf(locale);
  const base = localePath(locale, '/datenerhebung');
  const readOnly = record?.status === 'locked' || props.year.status !== 'open';
  const variables = codebook.variables.filter((v) => !hiddenVariables.has(v.key));
  const labels = Object.fromEntries(variables.map((v) => [v.key, v.label[lang]]));
  const errors = props.errors ?? {};
  return (
    <>
      <p>
        <a href={base}>{t('data.entry.title')}</a>
      </p>
      <h1>
        {record ? t('data.entry.edit_title', { number: record.case_number }) : t('data.entry.new_title')}
      </h1>
      <p class="lead">
        {t('data.entry.year', { year: props.year.year })}
        {record ? ` · ${t(`data.status.${record.status}`)}` : ''}
      </p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.copied ? <Notice>{t('data.entry.copied')}</Notice> : null}
      {readOnly ? <Notice kind="warning">{t('data.entry.locked')}</Notice> : null}
      <ErrorSummary errors={props.errors} t={t} labels={labels} />
      <form
        method="post"
        action={record ? `${base}/${record.id}` : `${base}/neu`}
        class="record-form"
        data-readonly={readOnly ? 'true' : undefined}
        data-autosave={!readOnly && (!record || record.status === 'draft') ? 'true' : undefined}
        novalidate
      >
        <Csrf token={props.csrf} />
        {variables.map((variable) => (
          <VariableField
            t={t}
            codebook={codebook}
            variable={variable}
            lang={lang}
            values={props.values}
            errors={errors}
            disabled={readOnly}
          />
        ))}
        {readOnly ? null : (
          <>
            <p class="hint">{t('data.entry.release_hint')}</p>
            {!record || record.status === 'draft' ? (
              <p
                class="hint"
                data-autosave-status
                data-saved-text={t('data.entry.autosaved', { time: '{time}' })}
                data-failed-text={t('data.entry.autosave_failed')}
                aria-live="polite"
                hidden
              >
                {t('data.entry.autosave_on')}
              </p>
            ) : null}
            <div class="actions">
              <button type="submit" name="_action" value="draft">
                {t('data.entry.save_draft')}
              </button>{' '}
              <button type="submit" name="_action" value="complete">
                {t('data.entry.mark_complete')}
              </button>{' '}
              <button type="submit" name="_action" value="release">
                {t('data.entry.release')}
              </button>
            </div>
          </>
        )}
      </form>
      {record && !readOnly ? (
        <form method="post" action={`${base}/${record.id}/loeschen`} class="actions">
          <Csrf token={props.csrf} />
          <p class="hint">{t('data.entry.delete_hint')}</p>
          <button type="submit" class="danger">
            {t('data.entry.delete')}
          </button>
        </form>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Office

export function OfficePage(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  years: YearRow[];
  selected: YearRow | null;
  participation: AnonymousParticipation[];
  codebooks: string[];
  errors?: FieldErrors;
  notice?: string;
  /** The selected year's reminder section. */
  children?: unknown;
}) {
  const { t, locale } = props;
  const base = localePath(locale, '/verwaltung/datenerhebung');
  const errors = props.errors ?? {};
  const nextYear = (props.years[0]?.year ?? new Date().getFullYear() - 1) + 1;
  return (
    <>
      <h1>{t('data.office.title')}</h1>
      <p>{t('data.office.intro')}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary
        errors={props.errors}
        t={t}
        labels={{
          year: t('data.office.year'),
          codebook: t('data.office.codebook'),
          deadline: t('data.office.deadline'),
        }}
      />
      <h2>{t('data.office.years')}</h2>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('data.office.year')}</th>
            <th scope="col">{t('data.office.codebook')}</th>
            <th scope="col">{t('data.office.deadline')}</th>
            <th scope="col">{t('data.office.status')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {props.years.map((y) => (
            <tr>
              <td>
                <a href={`${base}?jahr=${y.year}`}>{y.year}</a>
              </td>
              <td>{y.codebook}</td>
              <td>{y.deadline ?? '–'}</td>
              <td>
                {y.status === 'open' ? t('data.office.status_open') : t('data.office.status_closed')}
                {' · '}
                {y.published_at
                  ? t('data.office.published', { date: formatDateTime(locale, y.published_at) })
                  : t('data.office.not_published')}
              </td>
              <td>
                <a href={`${base}/${y.year}/bericht`}>{t('data.office.report')}</a>
                {y.status === 'open' ? (
                  <form method="post" action={`${base}/${y.year}/schliessen`} class="inline">
                    <Csrf token={props.csrf} />
                    <button type="submit" title={t('data.office.close_hint')}>
                      {t('data.office.close')}
                    </button>
                  </form>
                ) : null}
                {y.status === 'closed' && !y.published_at ? (
                  <form method="post" action={`${base}/${y.year}/veroeffentlichen`} class="inline">
                    <Csrf token={props.csrf} />
                    <button type="submit" title={t('data.office.republish_hint')}>
                      {t('data.office.publish')}
                    </button>
                  </form>
                ) : null}
                {y.published_at ? (
                  <form method="post" action={`${base}/${y.year}/zurueckziehen`} class="inline">
                    <Csrf token={props.csrf} />
                    <button type="submit">{t('data.office.unpublish')}</button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="hint">{t('data.office.close_hint')}</p>
      {props.selected ? (
        <section aria-labelledby="participation-title">
          <h2 id="participation-title">{t('data.office.participation', { year: props.selected.year })}</h2>
          <p class="hint">{t('data.participation.anonymous_hint')}</p>
          <ParticipationTable
            t={t}
            caption={t('data.office.participation', { year: props.selected.year })}
            rows={anonymousRows(t, props.participation)}
          />
        </section>
      ) : null}
      {props.children}
      <section aria-labelledby="open-title">
        <h2 id="open-title">{t('data.office.open_title')}</h2>
        <form method="post" action={`${base}/jahre`}>
          <Csrf token={props.csrf} />
          <div class={errors.year ? 'field has-error' : 'field'}>
            <label for="f-year">{t('data.office.year')}</label>
            {errors.year ? <p class="field-error">{t(errors.year.key, errors.year.params)}</p> : null}
            <input
              id="f-year"
              name="year"
              type="number"
              inputmode="numeric"
              value={String(nextYear)}
              required
            />
          </div>
          <div class={errors.codebook ? 'field has-error' : 'field'}>
            <label for="f-codebook">{t('data.office.codebook')}</label>
            {errors.codebook ? (
              <p class="field-error">{t(errors.codebook.key, errors.codebook.params)}</p>
            ) : null}
            <select id="f-codebook" name="codebook">
              {props.codebooks.map((c, i) => (
                <option value={c} selected={i === props.codebooks.length - 1}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div class={errors.deadline ? 'field has-error' : 'field'}>
            <label for="f-deadline">{t('data.office.deadline')}</label>
            {errors.deadline ? (
              <p class="field-error">{t(errors.deadline.key, errors.deadline.params)}</p>
            ) : null}
            <input id="f-deadline" name="deadline" type="date" />
          </div>
          <button type="submit">{t('data.office.open')}</button>
        </form>
      </section>
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Report

function figure(cell: { value: number | null; suppressed: boolean }, k: number, locale: Locale) {
  if (cell.suppressed || cell.value === null) return `< ${k}`;
  return cell.value.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE');
}

function ReportTableView(props: {
  t: Translate;
  locale: Locale;
  codebook: Codebook;
  table: ReportTable;
  k: number;
  /** The previous year's figures per row (one-way tables with a version mapping only). */
  previous?: Array<number | null>;
  previousYear?: number;
}) {
  const { t, locale, codebook, table, k, previous, previousYear } = props;
  const lang = langOf(locale);
  const oneWay = table.cols.length === 1 && table.cols[0] === 'n';
  const published = !table.total.suppressed;
  const pct = percentages({ ...table, published }, oneWay ? 'total' : 'col');
  const fmtPct = (v: number | null) =>
    v === null ? '–' : `${v.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE')} %`;
  const title = tableTitles[table.id]?.[lang] ?? table.title;
  const label = (axis: 'rows' | 'cols', key: string) => categoryLabel(codebook, table.id, axis, key, lang);
  return (
    <section class="report-table" aria-labelledby={`t-${table.id}`}>
      <h2 id={`t-${table.id}`}>{title}</h2>
      {!published ? (
        <p>{t('data.report.not_published_table')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('data.report.category')}</th>
              {oneWay ? (
                <>
                  <th scope="col">{label('cols', 'n')}</th>
                  <th scope="col">{t('data.report.percent')}</th>
                  {previous ? (
                    <th scope="col">{t('data.compare.previous', { year: previousYear ?? '' })}</th>
                  ) : null}
                </>
              ) : (
                <>
                  {table.cols.map((c) => (
                    <th scope="col">{label('cols', c)}</th>
                  ))}
                  <th scope="col">{t('data.report.total')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr>
                <th scope="row">{label('rows', r)}</th>
                {table.cells[i]!.map((cell) => (
                  <td class="num">{figure(cell, k, locale)}</td>
                ))}
                {oneWay ? (
                  <>
                    <td class="num">{fmtPct(pct.cells[i]![0] ?? null)}</td>
                    {previous ? (
                      <td class="num">
                        {previous[i] === null || previous[i] === undefined
                          ? t('data.compare.none')
                          : previous[i]!.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE')}
                      </td>
                    ) : null}
                  </>
                ) : (
                  <td class="num">{figure(table.row_totals[i]!, k, locale)}</td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('data.report.total')}</th>
              {oneWay ? null : table.col_totals.map((cell) => <td class="num">{figure(cell, k, locale)}</td>)}
              <td class="num">{figure(table.total, k, locale)}</td>
              {oneWay ? <td /> : null}
              {oneWay && previous ? <td /> : null}
            </tr>
          </tfoot>
        </table>
      )}
      {published ? (
        <p class="hint">
          {table.total.value !== null
            ? t('data.report.base', { base: table.total.value })
            : t('data.report.base_withheld')}{' '}
          {table.multiple ? t('data.report.multiple') : null}
        </p>
      ) : null}
      {published && previous ? (
        <p class="hint">{t('data.compare.note', { year: previousYear ?? '' })}</p>
      ) : null}
      {chartable(table) ? (
        <BarChart
          id={`chart-${table.id}`}
          bars={barsOf(table, (key) => label('rows', key))}
          k={k}
          title={title}
          description={t('data.chart.description', { count: table.rows.length })}
          format={(n) => n.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE')}
        />
      ) : null}
    </section>
  );
}

export function ReportPage(props: {
  t: Translate;
  locale: Locale;
  codebook: Codebook;
  report: DataReport;
  preview?: boolean;
  jsonHref: string;
  /** `…/2025`: the files are `…/2025.pdf`, `.xlsx`, `.csv`. */
  downloadBase?: string;
  comparison?: Comparison | null;
}) {
  const { t, locale, report } = props;
  const lang = langOf(locale);
  const counts = suppressedCount(report);
  const k = report.threshold;
  const show = (n: number | null) =>
    n === null ? `< ${k}` : n.toLocaleString(locale === 'en' ? 'en-GB' : 'de-DE');
  return (
    <>
      <h1>{t('data.report.title', { year: report.year })}</h1>
      {props.preview ? <Notice kind="warning">{t('data.office.preview')}</Notice> : null}
      <p class="lead">
        {t('data.report.intro', {
          year: report.year,
          released: show(report.released),
          documented: show(report.documented),
        })}
      </p>
      <p class="hint">
        {t('data.report.threshold', { k })} {legend(k)[lang]}
      </p>
      {props.preview ? (
        <p class="hint">
          {t('data.report.withheld_count', { count: counts.suppressedCells, cells: counts.cells })}
        </p>
      ) : null}
      {report.tables.map((table) => (
        <ReportTableView
          t={t}
          locale={locale}
          codebook={props.codebook}
          table={table}
          k={k}
          previous={props.comparison?.tables[table.id]?.rows}
          previousYear={props.comparison?.year}
        />
      ))}
      <section aria-labelledby="report-downloads">
        <h2 id="report-downloads">{t('data.export.download')}</h2>
        <ul>
          {props.downloadBase ? (
            <>
              <li>
                <a href={`${props.downloadBase}.pdf`}>{t('data.export.pdf')}</a>
              </li>
              <li>
                <a href={`${props.downloadBase}.xlsx`}>{t('data.export.xlsx')}</a>
              </li>
              <li>
                <a href={`${props.downloadBase}.csv`}>{t('data.export.csv')}</a>
              </li>
            </>
          ) : null}
          <li>
            <a href={props.jsonHref}>{t('data.report.json')}</a>
          </li>
        </ul>
      </section>
    </>
  );
}

export function ReportListPage(props: { t: Translate; locale: Locale; years: YearRow[] }) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('data.report.list_title')}</h1>
      <p>{t('data.report.list_intro')}</p>
      {props.years.length === 0 ? (
        <p>{t('data.report.none')}</p>
      ) : (
        <ul>
          {props.years.map((y) => (
            <li>
              <a href={localePath(locale, `/datenbericht/${y.year}`)}>
                {t('data.report.title', { year: y.year })}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
