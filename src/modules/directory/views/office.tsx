import { formatDateTime, type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';
import { Field, Notice } from '../../../platform/ui/components.tsx';
import type { OfficeFilters, OfficeListRow } from '../edit-repo.ts';
import { needsVerification } from '../reminders.ts';
import { CentreForm, type CentreFormProps } from './centre-form.tsx';

const BASE = '/verwaltung/fachberatungsstellen';

export function CentreList(props: {
  t: Translate;
  locale: Locale;
  rows: OfficeListRow[];
  filters: OfficeFilters;
  pendingTotal: number;
}) {
  const { t, locale, filters } = props;
  const base = localePath(locale, BASE);
  return (
    <>
      <h1>{t('directory.office.title')}</h1>
      <p>{t('directory.office.intro')}</p>
      <p class="actions">
        <a class="button-link" href={`${base}/neu`}>
          {t('directory.office.new')}
        </a>
        <a class="button-link" href={`${base}/pruefung`}>
          {t('directory.office.review_link', { count: props.pendingTotal })}
        </a>
      </p>
      <form method="get" action={base} class="filters" aria-label={t('directory.office.filter')}>
        <Field
          name="mitglied"
          label={t('directory.office.filter_membership')}
          t={t}
          value={filters.member ?? ''}
          options={[
            { value: '', label: t('directory.office.all') },
            { value: 'ja', label: t('directory.office.members') },
            { value: 'nein', label: t('directory.office.non_members') },
          ]}
        />
        <Field
          name="q"
          label={t('directory.office.filter_q')}
          t={t}
          value={filters.q ?? ''}
          maxlength={100}
        />
        <div class="field checkbox">
          <input type="checkbox" id="f-faellig" name="faellig" value="1" checked={filters.due} />
          <label for="f-faellig">{t('directory.office.filter_due')}</label>
        </div>
        <div class="field checkbox">
          <input type="checkbox" id="f-offen" name="offen" value="1" checked={filters.pending} />
          <label for="f-offen">{t('directory.office.filter_pending')}</label>
        </div>
        <button type="submit">{t('directory.office.filter')}</button>
      </form>
      <p>{t('directory.office.count', { count: props.rows.length })}</p>
      {props.rows.length === 0 ? (
        <p>{t('directory.office.none')}</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{t('directory.office.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('directory.office.col_name')}</th>
              <th scope="col">{t('directory.office.col_member')}</th>
              <th scope="col">{t('directory.office.col_status')}</th>
              <th scope="col">{t('directory.office.col_verified')}</th>
              <th scope="col">{t('directory.office.col_pending')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr data-centre={r.slug}>
                <td>
                  <a href={`${base}/${r.id}`}>{r.name}</a>
                </td>
                <td>{t(r.is_member ? 'directory.yes' : 'directory.no')}</td>
                <td>{t(r.published ? 'directory.office.published' : 'directory.office.hidden')}</td>
                <td>
                  {r.verified_at ?? t('directory.office.never')}
                  {needsVerification(r.verified_at) ? (
                    <span class="badge verify-due">{t('directory.office.due')}</span>
                  ) : null}
                  {r.verify_reminder_sent_at ? (
                    <p class="hint">
                      {t('directory.office.reminded', {
                        date: formatDateTime(locale, r.verify_reminder_sent_at),
                      })}
                    </p>
                  ) : null}
                </td>
                <td>{r.pending > 0 ? <strong>{r.pending}</strong> : '0'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function EditCentrePage(
  props: CentreFormProps & {
    title: string;
    notice?: string;
    publicHref?: string;
    pendingRequestId?: string;
  },
) {
  const { t, locale } = props;
  return (
    <>
      <p>
        <a href={localePath(locale, BASE)}>{t('directory.office.back')}</a>
        {props.publicHref ? (
          <>
            {' · '}
            <a href={props.publicHref}>{t('directory.office.view_public')}</a>
          </>
        ) : null}
      </p>
      <h1>{props.title}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.pendingRequestId ? (
        <Notice kind="warning">
          {t('directory.office.pending_notice')}{' '}
          <a href={localePath(locale, `${BASE}/pruefung/${props.pendingRequestId}`)}>
            {t('directory.office.open_review')}
          </a>
        </Notice>
      ) : null}
      <CentreForm {...props} />
    </>
  );
}
