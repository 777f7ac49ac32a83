import type { FieldErrors } from '../../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Notice } from '../../../platform/ui/components.tsx';
import { fieldLabel } from '../diff.ts';
import type { FormState } from '../edit-schema.ts';
import { effectiveShelterStatus } from '../present.ts';
import { needsVerification } from '../reminders.ts';
import type { CentreRecord } from '../types.ts';
import { CentreForm } from './centre-form.tsx';

export interface OwnRequest {
  id: string;
  status: 'pending' | 'approved' | 'returned';
  comment: string;
  created_at: Date;
  fields: string[];
}

export interface OwnEntryProps {
  t: Translate;
  locale: Locale;
  csrf: string | undefined;
  centre: CentreRecord | null;
  requests: OwnRequest[];
  state: FormState;
  errors?: FieldErrors;
  /** Errors of the shelter buttons, shown beside them. */
  shelterErrors?: FieldErrors;
  notice?: string;
}

export function OwnEntryPage(props: OwnEntryProps) {
  const { t, locale, centre } = props;
  if (!centre) {
    return (
      <>
        <h1>{t('directory.own.title')}</h1>
        <Notice>{t('directory.own.no_entry')}</Notice>
      </>
    );
  }
  const base = localePath(locale, '/mein-eintrag');
  const pending = props.requests.some((r) => r.status === 'pending');
  return (
    <>
      <h1>{t('directory.own.title')}</h1>
      <p class="lead">{centre.name}</p>
      <p>{t('directory.own.intro')}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <p>
        {centre.published ? (
          <a href={localePath(locale, `/fachberatungsstellen/${centre.slug}`)}>
            {t('directory.own.view_public')}
          </a>
        ) : (
          t('directory.own.not_published')
        )}
      </p>
      <ShelterSection {...props} centre={centre} base={base} />
      <section aria-labelledby="verify-title">
        <h2 id="verify-title">{t('directory.own.verify_title')}</h2>
        <p>
          {centre.verifiedAt
            ? t('directory.own.verified_at', { date: centre.verifiedAt })
            : t('directory.own.never_verified')}
        </p>
        {needsVerification(centre.verifiedAt) ? (
          <Notice kind="warning">{t('directory.own.verify_due')}</Notice>
        ) : null}
        <form method="post" action={`${base}/bestaetigen`}>
          <Csrf token={props.csrf} />
          <button type="submit">{t('directory.own.verify_button')}</button>
        </form>
      </section>
      <section aria-labelledby="requests-title">
        <h2 id="requests-title">{t('directory.own.requests_title')}</h2>
        {props.requests.length === 0 ? (
          <p>{t('directory.own.no_requests')}</p>
        ) : (
          <table class="data-table">
            <caption class="visually-hidden">{t('directory.own.requests_title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('directory.own.col_date')}</th>
                <th scope="col">{t('directory.review.col_fields')}</th>
                <th scope="col">{t('directory.own.col_status')}</th>
                <th scope="col">{t('directory.own.col_comment')}</th>
              </tr>
            </thead>
            <tbody>
              {props.requests.map((r) => (
                <tr data-status={r.status}>
                  <td>{formatDateTime(locale, r.created_at)}</td>
                  <td>{r.fields.map((f) => fieldLabel(t, f)).join(', ')}</td>
                  <td>{t(`directory.status.${r.status}`)}</td>
                  <td>{r.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="edit-title">
        <h2 id="edit-title">{t('directory.own.edit_title')}</h2>
        {pending ? <Notice kind="warning">{t('directory.own.pending_notice')}</Notice> : null}
        <CentreForm
          t={t}
          locale={locale}
          csrf={props.csrf}
          action={base}
          state={props.state}
          errors={props.errors}
          submitLabel={t('directory.own.submit')}
        />
      </section>
    </>
  );
}

function ShelterSection(props: OwnEntryProps & { centre: CentreRecord; base: string }) {
  const { t, locale, centre } = props;
  const shown = effectiveShelterStatus(centre);
  return (
    <section aria-labelledby="shelter-title">
      <h2 id="shelter-title">{t('directory.own.shelter_title')}</h2>
      <p>
        {t('directory.own.shelter_current', { status: t(`directory.shelter.${shown}`) })}
        {shown !== 'unknown' && centre.shelterUpdatedAt
          ? ` (${t('directory.as_of', { date: formatDateTime(locale, centre.shelterUpdatedAt) })})`
          : ''}
      </p>
      <p class="hint">{t('directory.own.shelter_hint')}</p>
      {centre.services.includes('accommodation') ? null : (
        <p class="hint">{t('directory.own.shelter_no_accommodation')}</p>
      )}
      <ErrorSummary errors={props.shelterErrors} t={t} labels={{}} />
      <form method="post" action={`${props.base}/schutzplaetze`} class="actions">
        <Csrf token={props.csrf} />
        {(['available', 'limited', 'none'] as const).map((status) => (
          <button
            type="submit"
            name="status"
            value={status}
            class={status === shown ? undefined : 'secondary'}
          >
            {t(`directory.own.shelter_set.${status}`)}
          </button>
        ))}
      </form>
    </section>
  );
}
