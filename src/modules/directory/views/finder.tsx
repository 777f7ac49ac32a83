import { raw } from 'hono/html';
import type { FieldErrors } from '../../../platform/errors.ts';
import { type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';
import { ErrorSummary } from '../../../platform/ui/components.tsx';
import { GEO_ATTRIBUTION, LANDS } from '../geo/geocode.ts';
import { effectiveShelterStatus, visibleAddress } from '../present.ts';
import type { RankedCentre } from '../ranking.ts';
import {
  accessibilityFeatures,
  centreServices,
  counsellingLanguages,
  exploitationForms,
  languageName,
  targetGroups,
} from '../vocabulary.ts';
import { EmergencyBox } from './emergency.tsx';

export interface FinderViewProps {
  t: Translate;
  locale: Locale;
  values: Record<string, string>;
  errors?: FieldErrors;
  searched: boolean;
  origin: { kind: string; label: string } | null;
  results: RankedCentre[];
  fullMatches: number;
  total: number;
  page: number;
  perPage: number;
  mapSvg: string;
  officePhone: string;
  queryString: (overrides: Record<string, string | null>) => string;
}

function Select(props: {
  name: string;
  label: string;
  value?: string;
  options: Array<{ value: string; label: string }>;
  anyLabel: string;
}) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FinderPage(props: FinderViewProps) {
  const { t, locale, values } = props;
  const base = localePath(locale, '/fachberatungsstellen');
  const any = t('directory.any');
  const languageOptions = counsellingLanguages
    .map((code) => ({ value: code, label: languageName(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const pages = Math.max(1, Math.ceil(props.total / props.perPage));
  return (
    <>
      <h1>{t('directory.title')}</h1>
      <p class="lead">{t('directory.intro')}</p>
      <p>
        <a href={`${base}/leichte-sprache`}>{t('directory.easy_link')}</a>
      </p>
      <EmergencyBox t={t} officePhone={props.officePhone} />
      <ErrorSummary
        errors={props.errors}
        t={t}
        labels={{ ort: t('directory.where'), plz: t('directory.where'), place: t('directory.where') }}
      />
      <form method="get" action={base} class="finder-form" aria-label={t('directory.search')}>
        <div class="finder-main">
          <div class="field">
            <label for="f-ort">{t('directory.where')}</label>
            <p class="hint" id="f-ort-hint">
              {t('directory.where_hint')}
            </p>
            <input
              id="f-ort"
              name="ort"
              type="search"
              value={values.ort ?? ''}
              autocomplete="off"
              list="place-suggestions"
              aria-describedby="f-ort-hint"
              maxlength={80}
            />
            <datalist id="place-suggestions" />
          </div>
          <Select
            name="land"
            label={t('directory.land')}
            value={values.land}
            anyLabel={t('directory.any_land')}
            options={LANDS.map((l) => ({ value: l.key, label: l.name }))}
          />
          <input type="hidden" name="lat" value={values.lat ?? ''} />
          <input type="hidden" name="lon" value={values.lon ?? ''} />
          <div class="finder-buttons">
            <button type="submit">{t('directory.search')}</button>
            <button type="button" class="secondary" data-geolocate hidden>
              {t('directory.my_location')}
            </button>
          </div>
        </div>
        <details
          class="filters-box"
          open={Boolean(
            values.target ||
              values.exploitation ||
              values.language ||
              values.service ||
              values.accessibility ||
              values.online ||
              values.open_now ||
              values.q,
          )}
        >
          <summary>{t('directory.more_filters')}</summary>
          <div class="filters">
            <Select
              name="language"
              label={t('directory.language')}
              value={values.language}
              anyLabel={any}
              options={languageOptions}
            />
            <Select
              name="target"
              label={t('directory.target')}
              value={values.target}
              anyLabel={any}
              options={targetGroups.map((k) => ({ value: k, label: t(`directory.target.${k}`) }))}
            />
            <Select
              name="exploitation"
              label={t('directory.exploitation')}
              value={values.exploitation}
              anyLabel={any}
              options={exploitationForms.map((k) => ({ value: k, label: t(`directory.exploitation.${k}`) }))}
            />
            <Select
              name="service"
              label={t('directory.service')}
              value={values.service}
              anyLabel={any}
              options={centreServices.map((k) => ({ value: k, label: t(`directory.service.${k}`) }))}
            />
            <Select
              name="accessibility"
              label={t('directory.accessibility')}
              value={values.accessibility}
              anyLabel={any}
              options={accessibilityFeatures.map((k) => ({
                value: k,
                label: t(`directory.accessibility.${k}`),
              }))}
            />
            <div class="field">
              <label for="f-q">{t('directory.q')}</label>
              <input id="f-q" name="q" type="search" value={values.q ?? ''} maxlength={100} />
            </div>
            <div class="field checkbox">
              <input type="checkbox" id="f-online" name="online" value="1" checked={values.online === '1'} />
              <label for="f-online">{t('directory.online')}</label>
            </div>
            <div class="field checkbox">
              <input
                type="checkbox"
                id="f-open"
                name="open_now"
                value="1"
                checked={values.open_now === '1'}
              />
              <label for="f-open">{t('directory.open_now')}</label>
            </div>
          </div>
        </details>
      </form>
      {props.searched ? <Results {...props} pages={pages} /> : null}
      <section class="finder-map" aria-labelledby="map-title">
        <h2 id="map-title">{t('directory.map_title')}</h2>
        <p class="hint">{t('directory.map_hint')}</p>
        {raw(props.mapSvg)}
        <p class="attribution">{GEO_ATTRIBUTION.join(' · ')}</p>
      </section>
    </>
  );
}

function Results(props: FinderViewProps & { pages: number }) {
  const { t, locale } = props;
  const detailBase = localePath(locale, '/fachberatungsstellen');
  return (
    <section aria-labelledby="results-title" class="results">
      <h2 id="results-title">
        {props.fullMatches > 0
          ? t('directory.results_count', { count: props.total })
          : props.results.length > 0
            ? t('directory.results_partial_title')
            : t('directory.results_none')}
        {props.origin?.label ? ` – ${t('directory.near', { place: props.origin.label })}` : ''}
      </h2>
      {props.fullMatches === 0 && props.results.length > 0 ? (
        <p class="notice notice-warning">{t('directory.results_partial')}</p>
      ) : null}
      <ol class="result-list">
        {props.results.map((r) => {
          const location = r.nearest ?? r.centre.locations[0] ?? null;
          const shelter = effectiveShelterStatus(r.centre);
          return (
            <li class="result">
              <h3>
                <a href={`${detailBase}/${r.centre.slug}`}>{r.centre.name}</a>
              </h3>
              <p class="result-meta">
                {r.distanceKm !== null ? (
                  <span>{t('directory.distance', { km: Math.round(r.distanceKm) })}</span>
                ) : null}
                {location ? (
                  <span>{visibleAddress(location).at(-1) ?? t('directory.address_on_request')}</span>
                ) : null}
                {r.centre.isMember ? <span class="badge">{t('directory.member')}</span> : null}
                {r.centre.onlineCounselling ? <span class="badge">{t('directory.online_badge')}</span> : null}
                {r.centre.isDemo ? <span class="badge">{t('admin.demo')}</span> : null}
              </p>
              <p>
                {t('directory.languages_short')}:{' '}
                {r.centre.languages.map((c) => languageName(c, locale)).join(', ')}
              </p>
              {r.centre.services.includes('accommodation') ? (
                <p>{t(`directory.shelter.${shelter}`)}</p>
              ) : null}
              {r.missing.length > 0 ? (
                <p class="missing">
                  {t('directory.lacks')}: {r.missing.map((m) => t(`directory.criterion.${m}`)).join(', ')}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {props.pages > 1 ? (
        <nav class="pagination" aria-label={t('directory.pagination')}>
          {props.page > 1 ? (
            <a href={`${detailBase}?${props.queryString({ page: String(props.page - 1) })}`}>
              {t('directory.previous')}
            </a>
          ) : null}
          <span>{t('directory.page_of', { page: props.page, pages: props.pages })}</span>
          {props.page < props.pages ? (
            <a href={`${detailBase}?${props.queryString({ page: String(props.page + 1) })}`}>
              {t('directory.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
