import type { FieldErrors } from '../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, type Translate } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import type { FeeRow } from './service.ts';

const euro = (locale: Locale, cents: number) =>
  new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
const shortDate = (locale: Locale, iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString(locale === 'de' ? 'de-DE' : 'en-GB', { timeZone: 'UTC' });

function status(t: Translate, locale: Locale, fee: FeeRow, today: string) {
  if (fee.paid_on) return t('fees.status_paid', { date: shortDate(locale, fee.paid_on) });
  if (fee.due_on < today) return t('fees.status_overdue', { date: shortDate(locale, fee.due_on) });
  return t('fees.status_open', { date: shortDate(locale, fee.due_on) });
}

export function FeesPage(props: {
  t: Translate;
  locale: Locale;
  csrf?: string;
  year: number;
  fees: FeeRow[];
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { t, locale, year } = props;
  const today = new Date().toISOString().slice(0, 10);
  const total = props.fees.reduce((s, f) => s + f.amount_cents, 0);
  const paid = props.fees.filter((f) => f.paid_on).reduce((s, f) => s + f.amount_cents, 0);
  const base = `/verwaltung/beitraege`;
  const labels = {
    year: t('fees.year_nav'),
    ordinary_eur: t('fees.ordinary_eur'),
    extraordinary_eur: t('fees.extraordinary_eur'),
    due_on: t('fees.due_on'),
    paid_on: t('fees.paid_on'),
  };
  return (
    <>
      <h1>{t('fees.title', { year })}</h1>
      <p>{t('fees.intro')}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <form method="get" action={localePath(locale, base)} class="inline-form">
        <Field name="jahr" label={t('fees.year_nav')} t={t} type="number" value={String(year)} />
        <button type="submit">{t('fees.show')}</button>
      </form>
      {props.fees.length === 0 ? (
        <p>{t('fees.empty')}</p>
      ) : (
        <>
          <p>
            {t('fees.totals', {
              total: euro(locale, total),
              paid: euro(locale, paid),
              open: euro(locale, total - paid),
            })}
          </p>
          <table class="data-table">
            <caption class="visually-hidden">{t('fees.title', { year })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('fees.col_member')}</th>
                <th scope="col">{t('fees.col_invoice')}</th>
                <th scope="col">{t('fees.col_amount')}</th>
                <th scope="col">{t('fees.col_status')}</th>
                <th scope="col">{t('fees.col_actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.fees.map((f) => (
                <tr>
                  <th scope="row">{f.member_name}</th>
                  <td>
                    <a href={localePath(locale, `${base}/${f.id}/rechnung.pdf`)}>
                      {f.invoice_number}
                      <span class="visually-hidden"> – {t('fees.pdf')}</span>
                    </a>
                  </td>
                  <td>{euro(locale, f.amount_cents)}</td>
                  <td>
                    {status(t, locale, f, today)}
                    {f.reminded_at ? (
                      <>
                        <br />
                        {t('fees.reminded', { date: formatDateTime(locale, f.reminded_at) })}
                      </>
                    ) : null}
                  </td>
                  <td>
                    {f.paid_on ? null : (
                      <>
                        <form
                          method="post"
                          action={localePath(locale, `${base}/${f.id}/bezahlt`)}
                          class="inline-form"
                        >
                          <Csrf token={props.csrf} />
                          <label for={`paid-${f.id}`}>
                            {t('fees.paid_on')}
                            <span class="visually-hidden"> ({f.member_name})</span>
                          </label>
                          <input id={`paid-${f.id}`} type="date" name="paid_on" value={today} required />
                          <button type="submit">{t('fees.mark_paid')}</button>
                        </form>
                        <form method="post" action={localePath(locale, `${base}/${f.id}/erinnern`)}>
                          <Csrf token={props.csrf} />
                          <button type="submit" class="secondary">
                            {t('fees.remind')}
                            <span class="visually-hidden"> ({f.member_name})</span>
                          </button>
                        </form>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>{t('fees.generate_title')}</h2>
      <p>{t('fees.generate_hint')}</p>
      <ErrorSummary t={t} errors={props.errors} labels={labels} />
      <form method="post" action={localePath(locale, base)} class="stack narrow">
        <Csrf token={props.csrf} />
        <Field
          name="year"
          label={labels.year}
          t={t}
          type="number"
          values={props.values}
          value={String(year)}
          errors={props.errors}
          required
        />
        <Field
          name="ordinary_eur"
          label={labels.ordinary_eur}
          t={t}
          values={props.values}
          errors={props.errors}
          inputmode="decimal"
          required
        />
        <Field
          name="extraordinary_eur"
          label={labels.extraordinary_eur}
          t={t}
          values={props.values}
          errors={props.errors}
          inputmode="decimal"
          required
        />
        <Field
          name="due_on"
          label={labels.due_on}
          t={t}
          type="date"
          values={props.values}
          errors={props.errors}
          value={`${year}-03-31`}
          required
        />
        <button type="submit">{t('fees.generate')}</button>
      </form>
    </>
  );
}
