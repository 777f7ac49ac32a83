import type { FieldErrors } from '../../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';
import type { SiteSettings } from '../../../platform/site.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../../platform/ui/components.tsx';

interface Base {
  t: Translate;
  locale: Locale;
  csrf?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
}

export function OrganisationsPage(
  props: Base & {
    organisations: Array<{ id: string; slug: string; name: string; accounts: number; is_demo: boolean }>;
  },
) {
  const { t, locale } = props;
  const labels = { slug: t('admin.org_slug'), name: t('admin.org_name') };
  return (
    <>
      <h1>{t('admin.orgs_title')}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={props.errors} t={t} labels={labels} />
      <form method="post" action={localePath(locale, '/verwaltung/organisationen')} class="stack narrow">
        <Csrf token={props.csrf} />
        <Field
          name="name"
          label={labels.name}
          required
          t={t}
          values={props.values}
          errors={props.errors}
          maxlength={200}
        />
        <Field
          name="slug"
          label={labels.slug}
          hint={t('admin.org_slug_hint')}
          required
          t={t}
          values={props.values}
          errors={props.errors}
          maxlength={63}
        />
        <button type="submit">{t('admin.org_create')}</button>
      </form>
      <table class="data-table">
        <caption>{t('admin.orgs_count', { count: props.organisations.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{labels.name}</th>
            <th scope="col">{labels.slug}</th>
            <th scope="col">{t('admin.accounts')}</th>
          </tr>
        </thead>
        <tbody>
          {props.organisations.map((o) => (
            <tr>
              <td>
                {o.name}
                {o.is_demo ? <span class="badge">{t('admin.demo')}</span> : null}
              </td>
              <td>
                <code>{o.slug}</code>
              </td>
              <td>{Number(o.accounts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export interface AuditRow {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
}

export function AuditPage(
  props: Base & {
    entries: AuditRow[];
    query: Record<string, string>;
    nextBefore?: number;
    chain: { ok: boolean; entries: number; seq?: number };
  },
) {
  const { t, locale, query } = props;
  const nextQuery = props.nextBefore
    ? new URLSearchParams({ ...query, before: String(props.nextBefore) }).toString()
    : null;
  return (
    <>
      <h1>{t('admin.audit_title')}</h1>
      {props.chain.ok ? (
        <Notice kind="success">{t('admin.audit_chain_ok', { count: props.chain.entries })}</Notice>
      ) : (
        <Notice kind="warning">{t('admin.audit_chain_broken', { seq: props.chain.seq ?? 0 })}</Notice>
      )}
      <ErrorSummary
        errors={props.errors}
        t={t}
        labels={{
          action: t('admin.audit_action'),
          actor: t('admin.audit_actor'),
          from: t('admin.audit_from'),
          to: t('admin.audit_to'),
        }}
      />
      <form method="get" action={localePath(locale, '/verwaltung/protokoll')} class="filters">
        <Field
          name="action"
          label={t('admin.audit_action')}
          hint={t('admin.audit_action_hint')}
          t={t}
          values={query}
          errors={props.errors}
          maxlength={80}
        />
        <Field
          name="actor"
          label={t('admin.audit_actor')}
          hint={t('admin.audit_actor_hint')}
          t={t}
          values={query}
          errors={props.errors}
          maxlength={36}
        />
        <Field
          name="target"
          label={t('admin.audit_target')}
          t={t}
          values={query}
          errors={props.errors}
          maxlength={80}
        />
        <Field
          name="from"
          label={t('admin.audit_from')}
          type="date"
          t={t}
          values={query}
          errors={props.errors}
        />
        <Field name="to" label={t('admin.audit_to')} type="date" t={t} values={query} errors={props.errors} />
        <button type="submit">{t('admin.filter')}</button>
      </form>
      <table class="data-table">
        <caption class="visually-hidden">{t('admin.audit_title')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('admin.audit_when')}</th>
            <th scope="col">{t('admin.audit_actor')}</th>
            <th scope="col">{t('admin.audit_action')}</th>
            <th scope="col">{t('admin.audit_target')}</th>
            <th scope="col">{t('admin.audit_ip')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{Number(e.seq)}</td>
              <td>{formatDateTime(locale, e.at)}</td>
              <td>
                {e.actor_label}
                {e.actor_id ? <code class="id"> {e.actor_id.slice(0, 8)}</code> : null}
              </td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>{e.target_type ? `${e.target_type} ${e.target_id?.slice(0, 8) ?? ''}` : '–'}</td>
              <td>{e.ip ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.entries.length === 0 ? <p>{t('admin.audit_empty')}</p> : null}
      {nextQuery ? (
        <p>
          <a href={`${localePath(locale, '/verwaltung/protokoll')}?${nextQuery}`}>
            {t('admin.older_entries')}
          </a>
        </p>
      ) : null}
    </>
  );
}

export function OutboxPage(
  props: Base & {
    transport: 'smtp' | 'outbox';
    mails: Array<{
      id: string;
      to_address: string;
      subject: string;
      status: string;
      attempts: number;
      created_at: Date;
      sent_at: Date | null;
      last_error: string | null;
    }>;
  },
) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('admin.outbox_title')}</h1>
      <p>{props.transport === 'smtp' ? t('admin.outbox_smtp') : t('admin.outbox_files')}</p>
      <table class="data-table">
        <caption class="visually-hidden">{t('admin.outbox_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.mail_created')}</th>
            <th scope="col">{t('admin.mail_to')}</th>
            <th scope="col">{t('admin.mail_subject')}</th>
            <th scope="col">{t('admin.status')}</th>
          </tr>
        </thead>
        <tbody>
          {props.mails.map((m) => (
            <tr>
              <td>{formatDateTime(locale, m.created_at)}</td>
              <td>{m.to_address}</td>
              <td>
                <a href={localePath(locale, `/verwaltung/postausgang/${m.id}`)}>{m.subject}</a>
              </td>
              <td>
                {t(`admin.mail_status_${m.status as 'queued' | 'sent' | 'failed'}`)}
                {m.last_error ? <span class="hint"> ({m.last_error})</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.mails.length === 0 ? <p>{t('admin.outbox_empty')}</p> : null}
    </>
  );
}

export function MailView(
  props: Base & {
    mail: { to_address: string; subject: string; body_text: string; created_at: Date; status: string };
  },
) {
  const { t, locale, mail } = props;
  return (
    <>
      <p>
        <a href={localePath(locale, '/verwaltung/postausgang')}>{t('admin.back_to_outbox')}</a>
      </p>
      <h1>{mail.subject}</h1>
      <dl class="facts">
        <dt>{t('admin.mail_to')}</dt>
        <dd>{mail.to_address}</dd>
        <dt>{t('admin.mail_created')}</dt>
        <dd>{formatDateTime(locale, mail.created_at)}</dd>
      </dl>
      <pre class="mail-body">{mail.body_text}</pre>
    </>
  );
}

export const siteFields: Array<keyof SiteSettings> = [
  'name',
  'shortName',
  'street',
  'addressExtra',
  'postalCode',
  'city',
  'phone',
  'email',
  'blueskyUrl',
  'funderNote',
  'quickExitUrl',
  'securityContact',
  'donationAccountHolder',
  'donationIban',
  'donationBic',
  'donationBank',
];

export function SettingsPage(props: Base) {
  const { t, locale } = props;
  const labels = Object.fromEntries(siteFields.map((f) => [f, t(`settings.${f}`)]));
  return (
    <>
      <h1>{t('admin.settings_title')}</h1>
      <p>{t('admin.settings_intro')}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={props.errors} t={t} labels={labels} />
      <form method="post" action={localePath(locale, '/verwaltung/einstellungen')} class="stack narrow">
        <Csrf token={props.csrf} />
        {siteFields.map((f) => (
          <Field
            name={f}
            label={labels[f]!}
            t={t}
            values={props.values}
            errors={props.errors}
            maxlength={300}
          />
        ))}
        <button type="submit">{t('admin.save')}</button>
      </form>
    </>
  );
}
