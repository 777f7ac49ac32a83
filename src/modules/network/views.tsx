import { raw } from 'hono/html';
import type { FieldErrors } from '../../platform/errors.ts';
import {
  formatDateTime,
  type Locale,
  localePath,
  type MessageKey,
  type Translate,
} from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { GEO_ATTRIBUTION } from '../directory/geo/geocode.ts';
import type { BoardTerm, BoardWarning } from './board.ts';
import { memberStatuses, memberships, memberTypes, newsCategories } from './service.ts';

const k = (key: string) => key as MessageKey;

export function formatDate(locale: Locale, iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(`${iso.slice(0, 10)}T12:00:00Z`) : iso;
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'Europe/Berlin',
  }).format(d);
}

// ---------------------------------------------------------------- news, public

interface NewsRow {
  slug: string;
  title: string;
  summary: string;
  category: string;
  published_at: Date | null;
}

export function NewsList({ posts, t, locale }: { posts: NewsRow[]; t: Translate; locale: Locale }) {
  return (
    <>
      <h1>{t('network.news_title')}</h1>
      <p>
        {t('network.news_intro')} <a href={localePath(locale, '/news/feed.xml')}>{t('network.feed')}</a>
      </p>
      {posts.length === 0 ? (
        <p>{t('network.news_empty')}</p>
      ) : (
        <ul class="cards">
          {posts.map((p) => (
            <li class="card">
              <h2>
                <a href={localePath(locale, `/aktuelles/${p.slug}`)}>{p.title}</a>
              </h2>
              <p class="meta">
                {t(k(`network.category.${p.category}`))} ·{' '}
                {p.published_at ? formatDate(locale, p.published_at) : ''}
              </p>
              <p>{p.summary}</p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function NewsPost({
  post,
  html,
  t,
  locale,
}: {
  post: NewsRow;
  html: string;
  t: Translate;
  locale: Locale;
}) {
  return (
    <article class="prose">
      <p>
        <a href={localePath(locale, '/aktuelles')}>{t('network.back_to_news')}</a>
      </p>
      <h1>{post.title}</h1>
      <p class="meta">
        {t(k(`network.category.${post.category}`))} ·{' '}
        {t('network.published_on', { date: post.published_at ? formatDate(locale, post.published_at) : '' })}
      </p>
      {raw(html)}
    </article>
  );
}

// ---------------------------------------------------------------- news, office

export function NewsAdminList(props: {
  posts: Array<NewsRow & { id: string; locale: string; status: string }>;
  t: Translate;
  locale: Locale;
}) {
  const { t, locale } = props;
  const now = Date.now();
  return (
    <>
      <h1>{t('network.news_admin_title')}</h1>
      <p>
        <a href={localePath(locale, '/verwaltung/aktuelles/neu')}>{t('network.news_new')}</a> ·{' '}
        <a href={localePath(locale, '/verwaltung/newsletter')}>{t('outreach.office_newsletter_title')}</a>
      </p>
      <table class="data-table">
        <caption class="visually-hidden">{t('network.news_admin_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('network.col_title')}</th>
            <th scope="col">{t('network.col_language')}</th>
            <th scope="col">{t('network.col_status')}</th>
            <th scope="col">{t('network.col_date')}</th>
          </tr>
        </thead>
        <tbody>
          {props.posts.map((p) => (
            <tr>
              <td>
                <a href={localePath(locale, `/verwaltung/aktuelles/${p.id}`)}>{p.title}</a>
              </td>
              <td>{p.locale.toUpperCase()}</td>
              <td>
                {t(k(`network.status.${p.status}`))}
                {p.status === 'published' && p.published_at && p.published_at.getTime() > now
                  ? ` (${t('network.scheduled')})`
                  : ''}
              </td>
              <td>{p.published_at ? formatDateTime(locale, p.published_at) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function NewsEditor(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  action: string;
  heading: string;
  values: Record<string, string>;
  errors?: FieldErrors;
  previewHtml?: string;
  saved?: boolean;
}) {
  const { t, values, errors } = props;
  const labels: Record<string, string> = {
    slug: t('network.field_slug'),
    locale: t('network.field_locale'),
    category: t('network.field_category'),
    title: t('network.field_title'),
    summary: t('network.field_summary'),
    body_md: t('network.field_body'),
    status: t('network.field_status'),
    published_at: t('network.field_published_at'),
  };
  return (
    <>
      <p>
        <a href={localePath(props.locale, '/verwaltung/aktuelles')}>{t('network.news_admin_title')}</a>
      </p>
      <h1>{props.heading}</h1>
      {props.saved ? <Notice kind="success">{t('network.saved')}</Notice> : null}
      <ErrorSummary errors={errors} t={t} labels={labels} />
      <form method="post" action={props.action} class="stack">
        <Csrf token={props.csrf} />
        <Field
          name="title"
          label={labels.title!}
          t={t}
          values={values}
          errors={errors}
          required
          maxlength={200}
        />
        <Field
          name="slug"
          label={labels.slug!}
          hint={t('network.field_slug_hint')}
          t={t}
          values={values}
          errors={errors}
          required
          maxlength={100}
        />
        <Field
          name="locale"
          label={labels.locale!}
          t={t}
          values={values}
          errors={errors}
          options={[
            { value: 'de', label: 'Deutsch' },
            { value: 'en', label: 'English' },
          ]}
        />
        <Field
          name="category"
          label={labels.category!}
          t={t}
          values={values}
          errors={errors}
          options={newsCategories.map((c) => ({ value: c, label: t(k(`network.category.${c}`)) }))}
        />
        <Field
          name="summary"
          label={labels.summary!}
          t={t}
          values={values}
          errors={errors}
          multiline={2}
          maxlength={400}
        />
        <Field
          name="body_md"
          label={labels.body_md!}
          t={t}
          values={values}
          errors={errors}
          multiline={16}
          required
        />
        <Field
          name="status"
          label={labels.status!}
          t={t}
          values={values}
          errors={errors}
          options={(['draft', 'published'] as const).map((s) => ({
            value: s,
            label: t(`network.status.${s}`),
          }))}
        />
        <Field
          name="published_at"
          label={labels.published_at!}
          hint={t('network.field_published_at_hint')}
          type="datetime-local"
          t={t}
          values={values}
          errors={errors}
        />
        <div class="actions">
          <button type="submit" name="intent" value="preview" class="secondary">
            {t('network.preview')}
          </button>
          <button type="submit" name="intent" value="save">
            {t('network.save')}
          </button>
        </div>
      </form>
      {props.previewHtml !== undefined ? (
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('network.preview_title')}</h2>
          <div class="prose">{raw(props.previewHtml)}</div>
        </section>
      ) : null}
    </>
  );
}

// ---------------------------------------------------------------- members

interface PublicMember {
  name: string;
  slug: string;
  type: string;
  membership: string;
  city: string;
  country: string;
  land: string | null;
  website: string | null;
  joined_on: string | null;
  centre_slug: string | null;
}

export function MemberList(props: {
  members: PublicMember[];
  counts: { total: number; extraordinary: number };
  t: Translate;
  locale: Locale;
  mapSvg: string;
}) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('network.members_title')}</h1>
      <p class="member-counts">
        {t('network.members_counts', { n: props.counts.total, m: props.counts.extraordinary })}
      </p>
      {props.members.length === 0 ? (
        <p>{t('network.members_empty')}</p>
      ) : (
        <ul class="member-list">
          {props.members.map((m) => (
            <li>
              <a href={localePath(locale, `/mitglieder/${m.slug}`)}>{m.name}</a> – {m.city} (
              {t(k(`network.type.${m.type}`))})
            </li>
          ))}
        </ul>
      )}
      <section class="finder-map" aria-labelledby="members-map-heading">
        <h2 id="members-map-heading">{t('network.members_map_title')}</h2>
        <p class="hint">{t('network.members_map_hint')}</p>
        {raw(props.mapSvg)}
        <p class="attribution">{GEO_ATTRIBUTION.join(' · ')}</p>
      </section>
    </>
  );
}

export function MemberDetail({
  member: m,
  t,
  locale,
}: {
  member: PublicMember;
  t: Translate;
  locale: Locale;
}) {
  return (
    <article>
      <p>
        <a href={localePath(locale, '/mitglieder')}>{t('network.back_to_members')}</a>
      </p>
      <h1>{m.name}</h1>
      <dl>
        <dt>{t('network.field_type')}</dt>
        <dd>{t(k(`network.type.${m.type}`))}</dd>
        <dt>{t('network.field_membership')}</dt>
        <dd>{t(k(`network.membership.${m.membership}`))}</dd>
        <dt>{t('network.field_city')}</dt>
        <dd>
          {m.city}
          {m.land ? `, ${m.land}` : ''} ({m.country})
        </dd>
        {m.joined_on ? (
          <>
            <dt>{t('network.field_joined_on')}</dt>
            <dd>{t('network.member_since', { date: formatDate(locale, m.joined_on) })}</dd>
          </>
        ) : null}
        {m.website ? (
          <>
            <dt>{t('network.field_website')}</dt>
            <dd>
              <a href={m.website} rel="noopener">
                {m.website}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {m.centre_slug ? (
        <p>
          <a href={localePath(locale, `/fachberatungsstellen/${m.centre_slug}`)}>
            {t('network.member_finder_link')}
          </a>
        </p>
      ) : null}
    </article>
  );
}

const memberFields = (t: Translate) => ({
  organisation_id: t('network.field_organisation'),
  type: t('network.field_type'),
  membership: t('network.field_membership'),
  country: t('network.field_country'),
  city: t('network.field_city'),
  land: t('network.field_land'),
  website: t('network.field_website'),
  joined_on: t('network.field_joined_on'),
  status: t('network.field_status'),
  changed_on: t('network.field_changed_on'),
  note: t('network.field_note'),
});

function MemberFieldset({
  t,
  values,
  errors,
}: {
  t: Translate;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const labels = memberFields(t);
  return (
    <>
      <Field
        name="type"
        label={labels.type}
        t={t}
        values={values}
        errors={errors}
        options={memberTypes.map((v) => ({ value: v, label: t(k(`network.type.${v}`)) }))}
      />
      <Field
        name="membership"
        label={labels.membership}
        t={t}
        values={values}
        errors={errors}
        options={memberships.map((v) => ({ value: v, label: t(k(`network.membership.${v}`)) }))}
      />
      <Field
        name="country"
        label={labels.country}
        t={t}
        values={values}
        errors={errors}
        required
        maxlength={60}
      />
      <Field name="city" label={labels.city} t={t} values={values} errors={errors} maxlength={120} />
      <Field name="land" label={labels.land} t={t} values={values} errors={errors} maxlength={60} />
      <Field
        name="website"
        label={labels.website}
        type="url"
        t={t}
        values={values}
        errors={errors}
        maxlength={300}
      />
      <Field name="joined_on" label={labels.joined_on} t={t} values={values} errors={errors} />
    </>
  );
}

export function MembersAdmin(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  members: Array<{
    id: string;
    name: string;
    type: string;
    membership: string;
    city: string;
    status: string;
  }>;
  organisations: Array<{ id: string; name: string }>;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('network.members_admin_title')}</h1>
      <p>
        <a href={localePath(locale, '/verwaltung/beitraege')}>
          {t('fees.title', { year: new Date().getUTCFullYear() })}
        </a>
      </p>
      <table class="data-table">
        <caption class="visually-hidden">{t('network.members_admin_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('network.col_name')}</th>
            <th scope="col">{t('network.col_type')}</th>
            <th scope="col">{t('network.col_city')}</th>
            <th scope="col">{t('network.col_status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.members.map((m) => (
            <tr>
              <td>
                <a href={localePath(locale, `/verwaltung/mitglieder/${m.id}`)}>{m.name}</a>
              </td>
              <td>
                {t(k(`network.type.${m.type}`))} · {t(k(`network.membership.${m.membership}`))}
              </td>
              <td>{m.city}</td>
              <td>{t(k(`network.member_status.${m.status}`))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <section aria-labelledby="new-member">
        <h2 id="new-member">{t('network.member_new')}</h2>
        <ErrorSummary errors={props.errors} t={t} labels={memberFields(t)} />
        <form method="post" action={localePath(locale, '/verwaltung/mitglieder')} class="stack">
          <Csrf token={props.csrf} />
          <Field
            name="organisation_id"
            label={memberFields(t).organisation_id}
            t={t}
            values={props.values}
            errors={props.errors}
            options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <MemberFieldset t={t} values={props.values} errors={props.errors} />
          <button type="submit">{t('network.save')}</button>
        </form>
      </section>
    </>
  );
}

export function MemberEdit(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  member: { id: string; name: string; status: string };
  values: Record<string, string>;
  errors?: FieldErrors;
  statusValues: Record<string, string>;
  statusErrors?: FieldErrors;
  history: Array<{ status: string; changed_on: string; note: string }>;
  saved?: boolean;
}) {
  const { t, locale, member } = props;
  const base = `/verwaltung/mitglieder/${member.id}`;
  return (
    <>
      <p>
        <a href={localePath(locale, '/verwaltung/mitglieder')}>{t('network.members_admin_title')}</a>
      </p>
      <h1>{t('network.member_edit_title', { name: member.name })}</h1>
      {props.saved ? <Notice kind="success">{t('network.saved')}</Notice> : null}
      <ErrorSummary errors={props.errors} t={t} labels={memberFields(t)} />
      <form method="post" action={localePath(locale, base)} class="stack">
        <Csrf token={props.csrf} />
        <MemberFieldset t={t} values={props.values} errors={props.errors} />
        <button type="submit">{t('network.save')}</button>
      </form>
      <section aria-labelledby="status-title">
        <h2 id="status-title">{t('network.status_change')}</h2>
        <p>
          {t('network.field_status')}: {t(k(`network.member_status.${member.status}`))}
        </p>
        <ErrorSummary errors={props.statusErrors} t={t} labels={memberFields(t)} />
        <form method="post" action={localePath(locale, `${base}/status`)} class="stack">
          <Csrf token={props.csrf} />
          <Field
            name="status"
            label={memberFields(t).status}
            t={t}
            values={props.statusValues}
            errors={props.statusErrors}
            options={memberStatuses.map((s) => ({ value: s, label: t(`network.member_status.${s}`) }))}
          />
          <Field
            name="changed_on"
            label={memberFields(t).changed_on}
            t={t}
            values={props.statusValues}
            errors={props.statusErrors}
            required
          />
          <Field
            name="note"
            label={memberFields(t).note}
            t={t}
            values={props.statusValues}
            errors={props.statusErrors}
            maxlength={1000}
          />
          <button type="submit">{t('network.status_change')}</button>
        </form>
        <h2>{t('network.status_history')}</h2>
        <ol class="status-history">
          {props.history.map((h) => (
            <li>
              {formatDate(locale, h.changed_on)}: {t(k(`network.member_status.${h.status}`))}
              {h.note ? ` – ${h.note}` : ''}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

// ---------------------------------------------------------------- board

type StoredTerm = BoardTerm & { id: string; elected_at: string; elected_assembly_id?: string | null };

export function BoardPublic({ terms, t, locale }: { terms: StoredTerm[]; t: Translate; locale: Locale }) {
  return (
    <>
      <h1>{t('network.board_title')}</h1>
      {terms.length === 0 ? (
        <p>{t('network.board_empty')}</p>
      ) : (
        <ul class="board">
          {terms.map((m) => (
            <li>
              <strong>{m.person_name}</strong>
              {m.role ? ` – ${m.role}` : ''} (
              {t('network.term', {
                start: formatDate(locale, m.term_start),
                end: formatDate(locale, m.term_end),
              })}
              )
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function BoardAdmin(props: {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  terms: StoredTerm[];
  current: StoredTerm[];
  warnings: BoardWarning[];
  /** General assemblies of the member area, to say which one elected a term. */
  assemblies?: Array<{ id: string; title: string }>;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t, locale, values, errors } = props;
  const labels = {
    person_name: t('network.field_person_name'),
    role: t('network.field_role'),
    term_start: t('network.field_term_start'),
    term_end: t('network.field_term_end'),
    elected_at: t('network.field_elected_at'),
    elected_assembly_id: t('memberarea.field_elected_assembly'),
  };
  return (
    <>
      <h1>{t('network.board_admin_title')}</h1>
      {props.warnings.length === 0 ? (
        <Notice kind="success">{t('network.board_ok')}</Notice>
      ) : (
        <Notice kind="warning">
          <ul class="board-warnings">
            {props.warnings.map((w) => (
              <li>
                {w.kind === 'lapsed'
                  ? t('network.warning.lapsed', {
                      name: w.person_name,
                      role: w.role || '–',
                      date: formatDate(locale, w.term_end),
                    })
                  : t(`network.warning.${w.kind}`, { count: w.count })}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      <h2>{t('network.board_current')}</h2>
      <BoardPublicList terms={props.current} t={t} locale={locale} />
      <h2>{t('network.board_all_terms')}</h2>
      <table class="data-table">
        <caption class="visually-hidden">{t('network.board_all_terms')}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.person_name}</th>
            <th scope="col">{labels.role}</th>
            <th scope="col">{t('network.col_date')}</th>
            <th scope="col">{labels.elected_at}</th>
            <th scope="col">
              <span class="visually-hidden">{t('network.board_delete')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.terms.map((m) => (
            <tr>
              <td>{m.person_name}</td>
              <td>{m.role}</td>
              <td>{t('network.term', { start: m.term_start, end: m.term_end })}</td>
              <td>
                {m.elected_assembly_id ? (
                  <a href={localePath(locale, `/mitgliederbereich/versammlungen/${m.elected_assembly_id}`)}>
                    {m.elected_at || t('memberarea.assemblies')}
                  </a>
                ) : (
                  m.elected_at
                )}
              </td>
              <td>
                <form method="post" action={localePath(locale, `/verwaltung/vorstand/${m.id}/loeschen`)}>
                  <Csrf token={props.csrf} />
                  <button type="submit" class="secondary">
                    {t('network.board_delete')}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('network.board_add')}</h2>
      <ErrorSummary errors={errors} t={t} labels={labels} />
      <form method="post" action={localePath(locale, '/verwaltung/vorstand')} class="stack">
        <Csrf token={props.csrf} />
        <Field name="person_name" label={labels.person_name} t={t} values={values} errors={errors} required />
        <Field name="role" label={labels.role} t={t} values={values} errors={errors} />
        <Field name="term_start" label={labels.term_start} t={t} values={values} errors={errors} required />
        <Field name="term_end" label={labels.term_end} t={t} values={values} errors={errors} required />
        <Field name="elected_at" label={labels.elected_at} t={t} values={values} errors={errors} />
        {props.assemblies && props.assemblies.length > 0 ? (
          <Field
            name="elected_assembly_id"
            label={labels.elected_assembly_id}
            t={t}
            values={values}
            errors={errors}
            options={[
              { value: '', label: '–' },
              ...props.assemblies.map((a) => ({ value: a.id, label: a.title })),
            ]}
          />
        ) : null}
        <button type="submit">{t('network.save')}</button>
      </form>
    </>
  );
}

function BoardPublicList({ terms, t, locale }: { terms: StoredTerm[]; t: Translate; locale: Locale }) {
  if (terms.length === 0) return <p>{t('network.board_empty')}</p>;
  return (
    <ul>
      {terms.map((m) => (
        <li>
          {m.person_name}
          {m.role ? ` – ${m.role}` : ''} (
          {t('network.term', {
            start: formatDate(locale, m.term_start),
            end: formatDate(locale, m.term_end),
          })}
          )
        </li>
      ))}
    </ul>
  );
}
