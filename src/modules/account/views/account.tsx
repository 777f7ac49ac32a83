import { raw } from 'hono/html';
import type { User } from '../../../db/types.ts';
import type { FieldErrors } from '../../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../../platform/ui/components.tsx';

interface Base {
  t: Translate;
  locale: Locale;
  csrf?: string;
}

export function AccountOverview(
  props: Base & {
    user: User;
    organisationName: string | null;
    recoveryCodesLeft: number;
    notice?: string;
    errors?: FieldErrors;
  },
) {
  const { t, locale, user } = props;
  const labels = {
    current_password: t('account.current_password'),
    password: t('auth.new_password'),
    password_repeat: t('auth.password_repeat'),
  };
  return (
    <>
      <h1>{t('account.title')}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <dl class="facts">
        <dt>{t('account.name')}</dt>
        <dd>{user.name || '–'}</dd>
        <dt>{t('auth.email')}</dt>
        <dd>{user.email}</dd>
        <dt>{t('account.role')}</dt>
        <dd>{t(`role.${user.role}`)}</dd>
        {props.organisationName ? (
          <>
            <dt>{t('account.organisation')}</dt>
            <dd>{props.organisationName}</dd>
          </>
        ) : null}
        <dt>{t('account.two_factor')}</dt>
        <dd>
          {user.totp_enabled_at
            ? t('account.two_factor_on', { codes: props.recoveryCodesLeft })
            : t('account.two_factor_off')}{' '}
          <a href={localePath(locale, '/konto/zwei-faktor')}>{t('account.two_factor_manage')}</a>
        </dd>
      </dl>
      <ul class="link-list">
        <li>
          <a href={localePath(locale, '/konto/sitzungen')}>{t('account.sessions_link')}</a>
        </li>
        <li>
          <a href={localePath(locale, '/konto/tokens')}>{t('account.tokens_link')}</a>
        </li>
      </ul>
      <section aria-labelledby="pw-title">
        <h2 id="pw-title">{t('account.change_password')}</h2>
        <ErrorSummary errors={props.errors} t={t} labels={labels} />
        <form method="post" action={localePath(locale, '/konto/passwort')} class="stack narrow">
          <Csrf token={props.csrf} />
          <Field
            name="current_password"
            label={labels.current_password}
            type="password"
            autocomplete="current-password"
            required
            t={t}
            errors={props.errors}
          />
          <Field
            name="password"
            label={labels.password}
            hint={t('auth.password_rules')}
            type="password"
            autocomplete="new-password"
            required
            t={t}
            errors={props.errors}
          />
          <Field
            name="password_repeat"
            label={labels.password_repeat}
            type="password"
            autocomplete="new-password"
            required
            t={t}
            errors={props.errors}
          />
          <button type="submit">{t('auth.save_password')}</button>
        </form>
      </section>
    </>
  );
}

export function TotpSetup(
  props: Base & { secret: string; qrSvg: string; required: boolean; errors?: FieldErrors },
) {
  const { t, locale } = props;
  return (
    <div class="narrow">
      <h1>{t('account.totp_setup_title')}</h1>
      {props.required ? <Notice kind="warning">{t('account.totp_required')}</Notice> : null}
      <ol>
        <li>{t('account.totp_step_app')}</li>
        <li>{t('account.totp_step_scan')}</li>
      </ol>
      <figure class="qr">
        {raw(props.qrSvg)}
        <figcaption>
          {t('account.totp_manual')}{' '}
          <code class="secret">{props.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
        </figcaption>
      </figure>
      <ErrorSummary errors={props.errors} t={t} labels={{ code: t('auth.code') }} />
      <form method="post" action={localePath(locale, '/konto/zwei-faktor')} class="stack">
        <Csrf token={props.csrf} />
        <Field
          name="code"
          label={t('account.totp_confirm_code')}
          autocomplete="one-time-code"
          inputmode="numeric"
          required
          t={t}
          errors={props.errors}
          maxlength={10}
        />
        <button type="submit">{t('account.totp_activate')}</button>
      </form>
    </div>
  );
}

export function TotpEnabled(
  props: Base & { recoveryCodes?: string[]; codesLeft: number; errors?: FieldErrors },
) {
  const { t, locale } = props;
  return (
    <div class="narrow">
      <h1>{t('account.two_factor')}</h1>
      {props.recoveryCodes ? (
        <section class="recovery" aria-labelledby="codes-title">
          <Notice kind="success">{t('account.totp_enabled_now')}</Notice>
          <h2 id="codes-title">{t('account.recovery_codes')}</h2>
          <p>{t('account.recovery_codes_intro')}</p>
          <ul class="codes">
            {props.recoveryCodes.map((code) => (
              <li>
                <code>{code}</code>
              </li>
            ))}
          </ul>
          <p>
            <a href={localePath(locale, '/konto')}>{t('account.continue')}</a>
          </p>
        </section>
      ) : (
        <>
          <p>{t('account.two_factor_on', { codes: props.codesLeft })}</p>
          <h2>{t('account.recovery_codes_new')}</h2>
          <p>{t('account.recovery_codes_new_intro')}</p>
          <ErrorSummary errors={props.errors} t={t} labels={{ code: t('auth.code') }} />
          <form
            method="post"
            action={localePath(locale, '/konto/zwei-faktor/wiederherstellungscodes')}
            class="stack"
          >
            <Csrf token={props.csrf} />
            <Field
              name="code"
              label={t('auth.code')}
              autocomplete="one-time-code"
              inputmode="numeric"
              required
              t={t}
              errors={props.errors}
              maxlength={10}
            />
            <button type="submit">{t('account.recovery_codes_generate')}</button>
          </form>
        </>
      )}
    </div>
  );
}

export function SessionList(
  props: Base & {
    currentHash?: string;
    sessions: Array<{
      id_hash: string;
      created_at: Date;
      last_seen_at: Date;
      ip: string | null;
      user_agent: string | null;
    }>;
  },
) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('account.sessions_title')}</h1>
      <p>{t('account.sessions_intro')}</p>
      <table class="data-table">
        <caption class="visually-hidden">{t('account.sessions_title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.session_device')}</th>
            <th scope="col">{t('account.session_started')}</th>
            <th scope="col">{t('account.session_last_seen')}</th>
            <th scope="col">{t('account.session_action')}</th>
          </tr>
        </thead>
        <tbody>
          {props.sessions.map((s) => (
            <tr>
              <td>
                {s.user_agent ?? '–'}
                {s.ip ? <span class="hint"> ({s.ip})</span> : null}
              </td>
              <td>{formatDateTime(locale, s.created_at)}</td>
              <td>{formatDateTime(locale, s.last_seen_at)}</td>
              <td>
                {s.id_hash === props.currentHash ? (
                  <strong>{t('account.session_current')}</strong>
                ) : (
                  <form method="post" action={localePath(locale, `/konto/sitzungen/${s.id_hash}/beenden`)}>
                    <Csrf token={props.csrf} />
                    <button type="submit" class="secondary">
                      {t('account.session_end')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function TokenList(
  props: Base & {
    tokens: Array<{
      id: string;
      name: string;
      prefix: string;
      created_at: Date;
      last_used_at: Date | null;
      revoked_at: Date | null;
    }>;
    newToken?: string;
    values?: Record<string, string>;
    errors?: FieldErrors;
  },
) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('account.tokens_title')}</h1>
      <p>{t('account.tokens_intro')}</p>
      {props.newToken ? (
        <div class="notice notice-success" role="status">
          <p>{t('account.token_created')}</p>
          <p>
            <code class="secret">{props.newToken}</code>
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={props.errors} t={t} labels={{ name: t('account.token_name') }} />
      <form method="post" action={localePath(locale, '/konto/tokens')} class="stack narrow">
        <Csrf token={props.csrf} />
        <Field
          name="name"
          label={t('account.token_name')}
          hint={t('account.token_name_hint')}
          required
          t={t}
          values={props.values}
          errors={props.errors}
          maxlength={80}
        />
        <button type="submit">{t('account.token_create')}</button>
      </form>
      {props.tokens.length > 0 ? (
        <table class="data-table">
          <caption class="visually-hidden">{t('account.tokens_title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.token_name')}</th>
              <th scope="col">{t('account.token_prefix')}</th>
              <th scope="col">{t('account.token_created_at')}</th>
              <th scope="col">{t('account.token_last_used')}</th>
              <th scope="col">{t('account.session_action')}</th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((tok) => (
              <tr>
                <td>{tok.name}</td>
                <td>
                  <code>{tok.prefix}…</code>
                </td>
                <td>{formatDateTime(locale, tok.created_at)}</td>
                <td>{tok.last_used_at ? formatDateTime(locale, tok.last_used_at) : '–'}</td>
                <td>
                  {tok.revoked_at ? (
                    t('account.token_revoked')
                  ) : (
                    <form method="post" action={localePath(locale, `/konto/tokens/${tok.id}/widerrufen`)}>
                      <Csrf token={props.csrf} />
                      <button type="submit" class="secondary">
                        {t('account.token_revoke')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
