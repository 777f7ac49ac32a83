import type { FieldErrors } from '../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, type Translate } from '../../platform/i18n/index.ts';
import type { SiteSettings } from '../../platform/site.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { BotGuard } from '../events/form-guard.tsx';

interface FormProps {
  t: Translate;
  locale: Locale;
  csrf?: string;
  stamp: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: string;
}

export function NewsletterPage(props: FormProps) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('outreach.newsletter_title')}</h1>
      <p>{t('outreach.newsletter_intro')}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary
        t={t}
        errors={props.errors}
        labels={{ email: t('outreach.email'), locale: t('outreach.newsletter_language') }}
      />
      <form method="post" action={localePath(locale, '/newsletter')} class="stack narrow">
        <Csrf token={props.csrf} />
        <BotGuard t={t} stamp={props.stamp} />
        <Field
          name="email"
          type="email"
          label={t('outreach.email')}
          t={t}
          errors={props.errors}
          values={props.values}
          required
          autocomplete="email"
          maxlength={254}
        />
        <Field
          name="locale"
          label={t('outreach.newsletter_language')}
          t={t}
          errors={props.errors}
          values={props.values}
          value={locale}
          options={[
            { value: 'de', label: 'Deutsch' },
            { value: 'en', label: 'English' },
          ]}
        />
        <button type="submit">{t('outreach.subscribe')}</button>
      </form>
    </>
  );
}

export function MessagePage(props: { title: string; text: string; kind: 'success' | 'warning' }) {
  return (
    <>
      <h1>{props.title}</h1>
      <Notice kind={props.kind}>{props.text}</Notice>
    </>
  );
}

export function UnsubscribePage(props: { t: Translate; locale: Locale; token: string; email: string }) {
  const { t } = props;
  return (
    <>
      <h1>{t('outreach.unsubscribe_title')}</h1>
      <p>{t('outreach.unsubscribe_question', { email: props.email })}</p>
      <form method="post" action={localePath(props.locale, `/newsletter/abmelden/${props.token}`)}>
        <button type="submit">{t('outreach.unsubscribe')}</button>
      </form>
    </>
  );
}

export function ContactPage(props: FormProps) {
  const { t, locale } = props;
  const labels = {
    name: t('outreach.name'),
    email: t('outreach.email'),
    subject: t('outreach.subject'),
    message: t('outreach.message'),
  };
  return (
    <>
      <h1>{t('outreach.contact_title')}</h1>
      <p>{t('outreach.contact_intro')}</p>
      <p>
        <a href={localePath(locale, '/fachberatungsstellen')}>{t('outreach.contact_finder_link')}</a>
      </p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary t={t} errors={props.errors} labels={labels} />
      <form method="post" action={localePath(locale, '/kontakt/nachricht')} class="stack narrow">
        <Csrf token={props.csrf} />
        <BotGuard t={t} stamp={props.stamp} />
        <Field
          name="name"
          label={labels.name}
          t={t}
          errors={props.errors}
          values={props.values}
          required
          autocomplete="name"
          maxlength={200}
        />
        <Field
          name="email"
          type="email"
          label={labels.email}
          t={t}
          errors={props.errors}
          values={props.values}
          required
          autocomplete="email"
          maxlength={254}
        />
        <Field
          name="subject"
          label={labels.subject}
          t={t}
          errors={props.errors}
          values={props.values}
          required
          maxlength={200}
        />
        <Field
          name="message"
          label={labels.message}
          t={t}
          errors={props.errors}
          values={props.values}
          required
          multiline={8}
          maxlength={10000}
        />
        <p class="hint">{t('outreach.contact_privacy')}</p>
        <button type="submit">{t('outreach.send')}</button>
      </form>
    </>
  );
}

export function DonatePage(props: { t: Translate; settings: SiteSettings }) {
  const { t, settings: s } = props;
  return (
    <>
      <h1>{t('outreach.donate_title')}</h1>
      <p>{t('outreach.donate_intro')}</p>
      <h2>{t('outreach.donate_bank')}</h2>
      {s.donationIban ? (
        <>
          <dl class="facts">
            <dt>{t('outreach.account_holder')}</dt>
            <dd>{s.donationAccountHolder || s.name}</dd>
            <dt>{t('outreach.iban')}</dt>
            <dd>
              <code>{s.donationIban.replace(/(.{4})/g, '$1 ').trim()}</code>
            </dd>
            {s.donationBic ? (
              <>
                <dt>{t('outreach.bic')}</dt>
                <dd>
                  <code>{s.donationBic}</code>
                </dd>
              </>
            ) : null}
            {s.donationBank ? (
              <>
                <dt>{t('outreach.bank_name')}</dt>
                <dd>{s.donationBank}</dd>
              </>
            ) : null}
          </dl>
          <p>{t('outreach.donate_reference')}</p>
          <p>{t('outreach.donate_receipt')}</p>
        </>
      ) : (
        <p>{t('outreach.donate_no_account')}</p>
      )}
    </>
  );
}

export function NewsletterOffice(props: {
  t: Translate;
  locale: Locale;
  csrf?: string;
  counts: { de: number; en: number; pending: number };
  posts: Array<{
    id: string;
    title: string;
    locale: string;
    status: string;
    published_at: Date | null;
    sent_at: Date | null;
    recipients: number | null;
  }>;
  notice?: string;
  error?: string;
}) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('outreach.office_newsletter_title')}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.error ? <Notice kind="warning">{props.error}</Notice> : null}
      <p>{t('outreach.office_subscribers', props.counts)}</p>
      <p>{t('outreach.office_send_hint')}</p>
      <table>
        <caption>{t('outreach.sends_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('outreach.col_post')}</th>
            <th scope="col">{t('outreach.col_sent_at')}</th>
            <th scope="col">{t('outreach.col_recipients')}</th>
            <th scope="col">{t('outreach.col_action')}</th>
          </tr>
        </thead>
        <tbody>
          {props.posts.map((p) => (
            <tr>
              <td lang={p.locale}>{p.title}</td>
              <td>{p.sent_at ? formatDateTime(locale, p.sent_at) : t('outreach.not_sent')}</td>
              <td>{p.recipients ?? '–'}</td>
              <td>
                {!p.sent_at && p.status === 'published' && p.published_at && p.published_at <= new Date() ? (
                  <form method="post" action={localePath(locale, `/verwaltung/newsletter/${p.id}/senden`)}>
                    <Csrf token={props.csrf} />
                    <button type="submit">{t('outreach.office_send')}</button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ContactOffice(props: {
  t: Translate;
  locale: Locale;
  csrf?: string;
  messages: Array<{
    id: string;
    name: string;
    email: string;
    subject: string;
    message: string;
    status: 'new' | 'done';
    created_at: Date;
  }>;
}) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('outreach.office_messages_title')}</h1>
      {props.messages.length === 0 ? <p>{t('outreach.messages_empty')}</p> : null}
      {props.messages.map((m) => (
        <article class="card">
          <h2>{m.subject}</h2>
          <p>
            {t('outreach.col_from')}: {m.name} &lt;<a href={`mailto:${m.email}`}>{m.email}</a>&gt; ·{' '}
            {t('outreach.col_received')}: {formatDateTime(locale, m.created_at)} · {t('outreach.col_status')}:{' '}
            {t(m.status === 'new' ? 'outreach.status_new' : 'outreach.status_done')}
          </p>
          <div class="prewrap">{m.message}</div>
          {m.status === 'new' ? (
            <form method="post" action={localePath(locale, `/verwaltung/nachrichten/${m.id}/erledigt`)}>
              <Csrf token={props.csrf} />
              <button type="submit">{t('outreach.mark_done')}</button>
            </form>
          ) : null}
        </article>
      ))}
    </>
  );
}
