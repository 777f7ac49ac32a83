import { raw } from 'hono/html';
import type { FieldErrors } from '../../platform/errors.ts';
import {
  isMessageKey,
  type Locale,
  localePath,
  type MessageKey,
  type Translate,
} from '../../platform/i18n/index.ts';
import { ErrorSummary, Field } from '../../platform/ui/components.tsx';
import { landName } from '../directory/geo/geocode.ts';
import type { CaseDetails } from './case-details.ts';
import { CaseDetailsSection } from './case-details-view.tsx';
import { formatNorm } from './norms.ts';
import type { InstanceLink, RelatedDecision } from './related.ts';
import {
  citationLine,
  citationWithEcli,
  type DecisionView,
  type FacetName,
  type FacetValue,
  parseNormQuery,
  type SearchOutcome,
} from './search.ts';

const FACETS: ReadonlyArray<readonly [FacetName, MessageKey]> = [
  ['court_type', 'caselaw.facet_court_type'],
  ['land', 'caselaw.facet_land'],
  ['jurisdiction', 'caselaw.facet_jurisdiction'],
  ['year', 'caselaw.facet_year'],
  ['area', 'caselaw.facet_area'],
  ['exploitation', 'caselaw.facet_exploitation'],
  ['norm', 'caselaw.facet_norm'],
  ['type', 'caselaw.facet_type'],
  ['outcome', 'caselaw.facet_outcome'],
];

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/** A facet value as people read it: Land names, vocabulary labels, norms in German citation form. */
export function facetLabel(t: Translate, facet: string, value: string): string {
  if (facet === 'land') return landName(value) ?? value;
  if (facet === 'norm') {
    const c = parseNormQuery(value);
    return c ? formatNorm(c) : value;
  }
  if (facet === 'area' || facet === 'exploitation' || facet === 'jurisdiction') {
    const key = `caselaw.${facet}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  }
  return value;
}

export function SearchPage(props: {
  t: Translate;
  locale: Locale;
  values: Record<string, string>;
  errors?: FieldErrors;
  outcome: SearchOutcome | null;
  page: number;
  perPage: number;
}) {
  const { t, locale, values, outcome } = props;
  const base = localePath(locale, '/rechtsprechung');
  const href = (overrides: Record<string, string | null>) => {
    const q = new URLSearchParams(values);
    q.delete('page');
    for (const [k, v] of Object.entries(overrides)) v === null ? q.delete(k) : q.set(k, v);
    const s = q.toString();
    return s ? `${base}?${s}` : base;
  };
  const pages = outcome ? Math.max(1, Math.ceil(outcome.total / props.perPage)) : 1;
  const own = new URLSearchParams(values);
  own.delete('page');
  const ownQuery = own.toString() ? `?${own}` : '';
  const feedHref = `${base}/feed.xml${ownQuery}`;
  const alertHref = `${base}/benachrichtigungen${ownQuery}`;
  return (
    <>
      <h1>{t('caselaw.title')}</h1>
      <p class="lead">{t('caselaw.intro')}</p>
      <ErrorSummary errors={props.errors} t={t} labels={{ q: t('caselaw.query'), norm: t('caselaw.norm') }} />
      <form method="get" action={base} class="finder-form caselaw-form">
        <Field
          name="q"
          type="search"
          label={t('caselaw.query')}
          hint={t('caselaw.query_hint')}
          t={t}
          values={values}
          errors={props.errors}
          maxlength={200}
        />
        <Field
          name="norm"
          label={t('caselaw.norm')}
          hint={t('caselaw.norm_hint')}
          t={t}
          values={values}
          errors={props.errors}
          maxlength={120}
        />
        <div class="field-row">
          <Field
            name="from"
            type="date"
            label={t('caselaw.from')}
            t={t}
            values={values}
            errors={props.errors}
          />
          <Field name="to" type="date" label={t('caselaw.to')} t={t} values={values} errors={props.errors} />
          <Field
            name="sort"
            label={t('caselaw.sort')}
            t={t}
            values={values}
            errors={props.errors}
            options={[
              { value: '', label: t('caselaw.sort_default') },
              { value: 'relevance', label: t('caselaw.sort_relevance') },
              { value: 'newest', label: t('caselaw.sort_newest') },
              { value: 'oldest', label: t('caselaw.sort_oldest') },
            ]}
          />
        </div>
        {FACETS.map(([k]) =>
          k !== 'norm' && values[k] ? <input type="hidden" name={k} value={values[k]} /> : null,
        )}
        <button type="submit">{t('caselaw.search')}</button>
      </form>
      {outcome ? (
        <p class="caselaw-tools no-print">
          <a href={feedHref} type="application/atom+xml">
            {t('caselaw.feed')}
          </a>{' '}
          ·{' '}
          <a href={alertHref} rel="nofollow">
            {t('caselaw.alert_save')}
          </a>
        </p>
      ) : null}
      {outcome ? (
        <div class="caselaw-layout">
          <aside class="caselaw-facets" aria-label={t('caselaw.facets')}>
            {FACETS.map(([name, label]) => (
              <FacetList
                name={name}
                label={t(label)}
                values={outcome.facets[name] ?? []}
                active={values[name]}
                href={href}
                t={t}
              />
            ))}
            {Object.keys(values).some((k) => k !== 'page') ? (
              <p>
                <a href={base}>{t('caselaw.reset')}</a>
              </p>
            ) : null}
          </aside>
          <section class="caselaw-results" aria-live="polite">
            <p class="result-count">{t('caselaw.results', { count: outcome.total })}</p>
            {outcome.results.length === 0 ? <p>{t('caselaw.no_results')}</p> : null}
            <ol class="result-list">
              {outcome.results.map((r) => (
                <li class="result">
                  <h2>
                    <a href={`${base}/${r.id}`}>
                      {citationLine({
                        court_name: r.court_name,
                        decision_type: r.decision_type,
                        decision_date: r.decision_date,
                        file_numbers: r.file_numbers,
                      })}
                    </a>
                  </h2>
                  {r.title ? <p class="result-title">{r.title}</p> : null}
                  {r.is_demo ? <p class="badge">{t('caselaw.demo_badge')}</p> : null}
                  {r.ecli ? (
                    <p class="meta">
                      {t('caselaw.ecli')}: <code>{r.ecli}</code>
                    </p>
                  ) : null}
                  <p class="snippet">{raw(r.snippet)}</p>
                </li>
              ))}
            </ol>
            {pages > 1 ? (
              <nav class="pagination" aria-label={t('caselaw.page_of', { page: props.page, pages })}>
                {props.page > 1 ? (
                  <a rel="prev" href={href({ page: String(props.page - 1) })}>
                    {t('caselaw.previous')}
                  </a>
                ) : null}
                <span>{t('caselaw.page_of', { page: props.page, pages })}</span>
                {props.page < pages ? (
                  <a rel="next" href={href({ page: String(props.page + 1) })}>
                    {t('caselaw.next')}
                  </a>
                ) : null}
              </nav>
            ) : null}
          </section>
        </div>
      ) : null}
    </>
  );
}

function FacetList(props: {
  name: string;
  label: string;
  values: FacetValue[];
  active?: string;
  href: (o: Record<string, string | null>) => string;
  t: Translate;
}) {
  const { name, t } = props;
  if (props.values.length === 0 && !props.active) return null;
  return (
    <div class="facet" data-facet={name}>
      <h2>{props.label}</h2>
      <ul>
        {props.values.map((v) => {
          const label = facetLabel(t, name, v.value);
          const isActive = props.active === v.value;
          return (
            <li>
              {isActive ? (
                <a
                  href={props.href({ [name]: null })}
                  aria-current="true"
                  aria-label={t('caselaw.remove_filter', { label })}
                >
                  <strong>{label}</strong> ✕
                </a>
              ) : (
                <a href={props.href({ [name]: v.value })}>{label}</a>
              )}{' '}
              <span class="count" data-value={v.value}>
                ({v.count})
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

type Linkable = {
  id: string;
  court_name: string;
  decision_type: string;
  decision_date: string;
  file_numbers: string[];
};

export function DecisionPage(props: {
  t: Translate;
  locale: Locale;
  d: DecisionView;
  print: boolean;
  /** The original PDF, when the office has marked it as anonymised. */
  originalHref?: string;
  related: RelatedDecision[];
  instances: { lower: InstanceLink[]; higher: Linkable[] };
  caseDetails?: CaseDetails;
}) {
  const { t, locale, d } = props;
  const base = localePath(locale, '/rechtsprechung');
  const section = (key: MessageKey, html: string) =>
    html.trim() ? (
      <section class="decision-section">
        <h2>{t(key)}</h2>
        <div class="decision-text">{raw(html)}</div>
      </section>
    ) : null;
  const summary = locale === 'en' && d.summary_en ? d.summary_en : d.summary_de;
  const link = (x: Linkable) => <a href={`${base}/${x.id}`}>{citationLine(x)}</a>;
  const hasChain = props.instances.lower.length > 0 || props.instances.higher.length > 0;
  return (
    <article class={props.print ? 'decision print-view' : 'decision'}>
      {props.print ? <p class="print-hint no-print">{t('caselaw.print_hint')}</p> : null}
      <h1>{citationLine(d)}</h1>
      {d.title ? <p class="lead">{d.title}</p> : null}
      {d.is_demo ? <p class="badge">{t('caselaw.demo_badge')}</p> : null}
      <dl class="decision-meta">
        <dt>{t('caselaw.court')}</dt>
        <dd>{d.court_name}</dd>
        {d.chamber ? (
          <>
            <dt>{t('caselaw.chamber')}</dt>
            <dd>{d.chamber}</dd>
          </>
        ) : null}
        <dt>{t('caselaw.date')}</dt>
        <dd>
          <time datetime={d.decision_date}>{formatDate(d.decision_date)}</time>
        </dd>
        <dt>{t('caselaw.decision_type')}</dt>
        <dd>{d.decision_type}</dd>
        <dt>{t('caselaw.file_numbers')}</dt>
        <dd>{d.file_numbers.join(', ')}</dd>
        {d.ecli ? (
          <>
            <dt>{t('caselaw.ecli')}</dt>
            <dd>
              <code>{d.ecli}</code>
            </dd>
          </>
        ) : null}
        {d.legal_areas.length > 0 ? (
          <>
            <dt>{t('caselaw.facet_area')}</dt>
            <dd>{d.legal_areas.map((a) => facetLabel(t, 'area', a)).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      <div class="citation">
        <p>
          {t('caselaw.citation')}: <span id="decision-citation">{citationWithEcli(d)}</span>
        </p>
        <button type="button" class="no-print" data-copy="decision-citation" hidden>
          {t('caselaw.copy_citation')}
        </button>
      </div>
      {hasChain ? (
        <section class="instance-chain">
          <h2>{t('caselaw.instances')}</h2>
          <ol>
            {props.instances.lower.map((i) => (
              <li>
                {t('caselaw.instance_lower')}:{' '}
                {i.decision ? (
                  link(i.decision)
                ) : (
                  <>
                    {i.text} <span class="muted">({t('caselaw.instance_unknown')})</span>
                  </>
                )}
              </li>
            ))}
            <li aria-current="page">
              <strong>{citationLine(d)}</strong>
            </li>
            {props.instances.higher.map((h) => (
              <li>
                {t('caselaw.instance_higher')}: {link(h)}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {d.norms.length > 0 ? (
        <section>
          <h2>{t('caselaw.norms')}</h2>
          <ul class="norm-list">
            {d.norms.map((n) => (
              <li>
                <a href={`${base}?${new URLSearchParams({ norm: n.norm_key })}`}>{n.raw || n.norm_key}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {summary ? (
        <section class="decision-section">
          <h2>{t('caselaw.summary')}</h2>
          <p>{summary}</p>
        </section>
      ) : null}
      {section('caselaw.headnotes', d.headnotes)}
      {section('caselaw.tenor', d.tenor)}
      {section('caselaw.facts', d.facts)}
      {section('caselaw.reasons', d.reasons)}
      {section('caselaw.dissent', d.dissent)}
      <CaseDetailsSection t={t} locale={locale} details={props.caseDetails} />
      {d.source === 'rii' ? <p class="source">{t('caselaw.source_rii')}</p> : null}
      {props.related.length > 0 && !props.print ? (
        <section class="related-decisions no-print">
          <h2>{t('caselaw.related')}</h2>
          <ul>
            {props.related.map((r) => {
              const reasons = [
                r.shared_norms > 0 ? t('caselaw.related_norms', { count: r.shared_norms }) : null,
                r.shared_areas > 0 ? t('caselaw.related_areas') : null,
                r.term_rank > 0 ? t('caselaw.related_terms') : null,
              ].filter(Boolean);
              return (
                <li>
                  {link(r)}
                  {r.title ? <span class="result-title"> – {r.title}</span> : null}
                  <br />
                  <span class="muted">{t('caselaw.related_why', { reasons: reasons.join(', ') })}</span>
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}
      {props.print ? null : (
        <p class="no-print">
          <a href={`${base}/${d.id}?ansicht=druck`}>{t('caselaw.print')}</a> ·{' '}
          {props.originalHref ? (
            <>
              <a href={props.originalHref}>{t('caselaw.original_pdf')}</a> ·{' '}
            </>
          ) : null}
          <a href={base}>{t('caselaw.back')}</a>
        </p>
      )}
    </article>
  );
}
