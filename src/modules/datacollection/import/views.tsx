import { type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';
import { Csrf, Notice } from '../../../platform/ui/components.tsx';
import type { YearRow } from '../repo.ts';
import { MAX_IMPORT_ROWS } from './parse.ts';
import type { ImportResult } from './store.ts';
import type { ImportCheck } from './validate.ts';

/** At most this many problems are listed on the page (the count says how many there are). */
const SHOWN_PROBLEMS = 500;

export function ImportPage(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  year: YearRow | null;
  check?: ImportCheck;
  /** A problem with the file as a whole (already translated). */
  fileError?: string;
  done?: ImportResult;
  release?: boolean;
  validOnly?: boolean;
}) {
  const { t, locale, year, check } = props;
  const base = localePath(locale, '/datenerhebung');
  const hasProblems = Boolean(props.fileError || (check && check.problems.length > 0));
  return (
    <>
      <h1>{t('data.import.title')}</h1>
      <p>
        <a href={base}>{t('data.import.back')}</a>
      </p>
      {props.done ? (
        <Notice kind="success">
          {t('data.import.done', {
            count: props.done.imported,
            released: props.done.released,
            first: props.done.first ?? '',
            last: props.done.last ?? '',
          })}
          {props.done.skipped > 0 ? ` ${t('data.import.done_skipped', { count: props.done.skipped })}` : null}
        </Notice>
      ) : null}
      {!year ? (
        <Notice>{t('data.entry.no_open_year')}</Notice>
      ) : (
        <>
          <p>{t('data.import.intro', { year: year.year, max: MAX_IMPORT_ROWS })}</p>
          <ul>
            <li>
              <a href={`${base}/vorlage.xlsx`} download>
                {t('data.import.template_xlsx')}
              </a>
            </li>
            <li>
              <a href={`${base}/vorlage.csv`} download>
                {t('data.import.template_csv')}
              </a>
            </li>
          </ul>
          <p class="hint">{t('data.import.format_hint')}</p>
          {hasProblems ? (
            <div class="error-summary" role="alert" tabindex={-1} id="import-errors">
              <h2>{t('data.import.problems_title')}</h2>
              {props.fileError ? <p>{props.fileError}</p> : null}
              {check && check.problems.length > 0 ? (
                <p>
                  {check.headerOk
                    ? t('data.import.problems_summary', {
                        invalid: check.invalidRows,
                        rows: check.rows,
                        valid: check.valid.length,
                      })
                    : t('data.import.header_invalid')}
                </p>
              ) : null}
            </div>
          ) : null}
          {check && check.problems.length > 0 ? <ProblemTable t={t} check={check} /> : null}
          <form method="post" action={`${base}/import`} enctype="multipart/form-data" class="stack">
            <Csrf token={props.csrf} />
            <div class="field">
              <label for="f-file">{t('data.import.file')}</label>
              <p class="hint" id="f-file-hint">
                {t('data.import.file_hint')}
              </p>
              <input
                id="f-file"
                name="file"
                type="file"
                required
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby="f-file-hint"
              />
            </div>
            <div class="field">
              <input
                id="f-release"
                name="release"
                type="checkbox"
                value="1"
                checked={props.release === true}
              />{' '}
              <label for="f-release">{t('data.import.release')}</label>
            </div>
            <fieldset>
              <legend>{t('data.import.mode')}</legend>
              <div>
                <input
                  id="f-mode-all"
                  type="radio"
                  name="mode"
                  value="all"
                  checked={props.validOnly !== true}
                />{' '}
                <label for="f-mode-all">{t('data.import.mode_all')}</label>
              </div>
              <div>
                <input
                  id="f-mode-valid"
                  type="radio"
                  name="mode"
                  value="valid_only"
                  checked={props.validOnly === true}
                />{' '}
                <label for="f-mode-valid">{t('data.import.mode_valid')}</label>
              </div>
            </fieldset>
            {hasProblems ? <p class="hint">{t('data.import.choose_again')}</p> : null}
            <button type="submit">{t('data.import.submit')}</button>
          </form>
        </>
      )}
    </>
  );
}

function ProblemTable(props: { t: Translate; check: ImportCheck }) {
  const { t, check } = props;
  const shown = check.problems.slice(0, SHOWN_PROBLEMS);
  return (
    <>
      <table class="data-table" id="import-problems">
        <caption>{t('data.import.table_caption', { count: check.problems.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('data.import.col_line')}</th>
            <th scope="col">{t('data.import.col_column')}</th>
            <th scope="col">{t('data.import.col_value')}</th>
            <th scope="col">{t('data.import.col_reason')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((p) => (
            <tr>
              <td class="num">{p.line}</td>
              <td>
                <code>{p.column ?? '–'}</code>
              </td>
              <td>{p.value === '' ? <span class="hint">{t('data.import.empty_value')}</span> : p.value}</td>
              <td>{t(p.message.key, p.message.params)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {check.problems.length > shown.length ? (
        <p class="hint">{t('data.import.more_problems', { count: check.problems.length - shown.length })}</p>
      ) : null}
    </>
  );
}
