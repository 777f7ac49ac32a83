import type { FieldErrors } from '../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, type Translate } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Notice } from '../../platform/ui/components.tsx';
import {
  type AnonymousParticipation,
  MAX_THRESHOLD,
  MIN_THRESHOLD,
  participationTotals,
  REMINDER_STAGES,
} from './office.ts';
import type { Participation, YearRow } from './repo.ts';

type Row = { label: string; documented: number; complete: number; released: number };

/** Participation per centre: named (admin) or numbered (office). Always with the sums. */
export function ParticipationTable(props: { t: Translate; caption: string; rows: Row[] }) {
  const { t } = props;
  const sum = participationTotals(props.rows);
  return (
    <table class="data-table">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('data.participation.centre')}</th>
          <th scope="col">{t('data.office.documented')}</th>
          <th scope="col">{t('data.office.complete')}</th>
          <th scope="col">{t('data.office.released')}</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((r) => (
          <tr>
            <th scope="row">{r.label}</th>
            <td class="num">{r.documented}</td>
            <td class="num">{r.complete}</td>
            <td class="num">{r.released}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('data.participation.total')}</th>
          <td class="num">{sum.documented}</td>
          <td class="num">{sum.complete}</td>
          <td class="num">{sum.released}</td>
        </tr>
      </tfoot>
    </table>
  );
}

export function anonymousRows(t: Translate, rows: AnonymousParticipation[]): Row[] {
  return rows.map((r) => ({ ...r, label: t('data.participation.anonymous', { number: r.number }) }));
}

/** The office's reminder section of a year: what was sent, and the button (open years only). */
export function RemindersSection(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  year: YearRow;
  sent: Array<{ stage: string; centres: number; sent_at: Date }>;
}) {
  const { t, locale, year } = props;
  const base = localePath(locale, '/verwaltung/datenerhebung');
  const stageLabel = (stage: string) =>
    stage.startsWith('manual_')
      ? t('data.reminders.stage_manual', { date: stage.slice('manual_'.length) })
      : t('data.reminders.stage_auto', { days: stage.slice('before_'.length) });
  return (
    <section aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('data.reminders.title')}</h2>
      <p>{t('data.reminders.intro', { stages: REMINDER_STAGES.join(' / ') })}</p>
      {props.sent.length === 0 ? (
        <p>{t('data.reminders.none')}</p>
      ) : (
        <ul>
          {props.sent.map((s) => (
            <li>
              {t('data.reminders.row', { stage: stageLabel(s.stage), count: s.centres })} ·{' '}
              {formatDateTime(locale, s.sent_at)}
            </li>
          ))}
        </ul>
      )}
      {year.status === 'open' ? (
        <form method="post" action={`${base}/${year.year}/erinnern`}>
          <Csrf token={props.csrf} />
          <button type="submit">{t('data.reminders.send')}</button>
        </form>
      ) : null}
    </section>
  );
}

/** `/verwaltung/datenbericht`: read-only overview for board, office and admin. */
export function OverviewPage(props: {
  t: Translate;
  locale: Locale;
  years: Array<YearRow & { totals: { documented: number; complete: number; released: number } }>;
  threshold: number;
  canSetThreshold: boolean;
  canSeeCentres: boolean;
}) {
  const { t, locale } = props;
  const base = localePath(locale, '/verwaltung/datenbericht');
  return (
    <>
      <h1>{t('data.overview.title')}</h1>
      <p>{t('data.overview.intro')}</p>
      <p>
        {t('data.threshold.current', { k: props.threshold })}
        {props.canSetThreshold ? (
          <>
            {' · '}
            <a href={`${base}/schwelle`}>{t('data.overview.threshold_link')}</a>
          </>
        ) : null}
      </p>
      <table class="data-table">
        <caption>{t('data.office.years')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('data.office.year')}</th>
            <th scope="col">{t('data.office.deadline')}</th>
            <th scope="col">{t('data.office.status')}</th>
            <th scope="col">{t('data.office.documented')}</th>
            <th scope="col">{t('data.office.complete')}</th>
            <th scope="col">{t('data.office.released')}</th>
            <th scope="col">{t('data.office.report')}</th>
          </tr>
        </thead>
        <tbody>
          {props.years.map((y) => (
            <tr>
              <th scope="row">{y.year}</th>
              <td>{y.deadline ?? '–'}</td>
              <td>
                {y.status === 'open' ? t('data.office.status_open') : t('data.office.status_closed')}
                {' · '}
                {y.published_at
                  ? t('data.office.published', { date: formatDateTime(locale, y.published_at) })
                  : t('data.office.not_published')}
              </td>
              <td class="num">{y.totals.documented}</td>
              <td class="num">{y.totals.complete}</td>
              <td class="num">{y.totals.released}</td>
              <td>
                <a href={`${base}/${y.year}`}>{t('data.overview.preview')}</a>
                {props.canSeeCentres ? (
                  <>
                    {' · '}
                    <a href={`${base}/${y.year}/einrichtungen`}>{t('data.overview.centres')}</a>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ThresholdPage(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  current: number;
  value: string;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { t, locale } = props;
  const error = props.errors?.k;
  return (
    <>
      <p>
        <a href={localePath(locale, '/verwaltung/datenbericht')}>{t('data.overview.back')}</a>
      </p>
      <h1>{t('data.threshold.title')}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={props.errors} t={t} labels={{ k: t('data.threshold.label') }} />
      <p>{t('data.threshold.intro')}</p>
      <p>{t('data.threshold.current', { k: props.current })}</p>
      <form method="post" action={localePath(locale, '/verwaltung/datenbericht/schwelle')} novalidate>
        <Csrf token={props.csrf} />
        <div class={error ? 'field has-error' : 'field'}>
          <label for="f-k">{t('data.threshold.label')}</label>
          <p class="hint" id="f-k-hint">
            {t('data.threshold.hint', { min: MIN_THRESHOLD, max: MAX_THRESHOLD })}
          </p>
          {error ? (
            <p class="field-error" id="f-k-error">
              {t(error.key, error.params)}
            </p>
          ) : null}
          <input
            id="f-k"
            name="k"
            type="number"
            inputmode="numeric"
            min={MIN_THRESHOLD}
            max={MAX_THRESHOLD}
            value={props.value}
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'f-k-hint f-k-error' : 'f-k-hint'}
          />
        </div>
        <p class="hint">{t('data.threshold.published_note')}</p>
        <button type="submit">{t('data.threshold.save')}</button>
      </form>
    </>
  );
}

export function CentresPage(props: { t: Translate; locale: Locale; year: YearRow; rows: Participation[] }) {
  const { t, locale } = props;
  return (
    <>
      <p>
        <a href={localePath(locale, '/verwaltung/datenbericht')}>{t('data.overview.back')}</a>
      </p>
      <h1>{t('data.centres.title', { year: props.year.year })}</h1>
      <p>{t('data.centres.intro')}</p>
      <ParticipationTable
        t={t}
        caption={t('data.office.participation', { year: props.year.year })}
        rows={props.rows.map((r) => ({ ...r, label: r.name }))}
      />
    </>
  );
}
