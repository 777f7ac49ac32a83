import type { FieldErrors } from '../../../platform/errors.ts';
import { type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../../platform/ui/components.tsx';

interface FormProps {
  t: Translate;
  locale: Locale;
  values?: Record<string, string>;
  errors?: FieldErrors;
  csrf?: string;
}

export function LoginForm(props: FormProps & { next?: string; notice?: string }) {
  const { t, locale } = props;
  const labels = { email: t('auth.email'), password: t('auth.password') };
  return (
    <div class="narrow">
      <h1>{t('auth.login_title')}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <ErrorSummary errors={props.errors} t={t} labels={labels} />
      <form method="post" action={localePath(locale, '/anmelden')} class="stack">
        {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
        <Field
          name="email"
          label={labels.email}
          type="email"
          autocomplete="username"
          required
          t={t}
          values={props.values}
          errors={props.errors}
        />
        <Field
          name="password"
          label={labels.password}
          type="password"
          autocomplete="current-password"
          required
          t={t}
          errors={props.errors}
        />
        <button type="submit">{t('auth.login_submit')}</button>
      </form>
      <p>
        <a href={localePath(locale, '/passwort-vergessen')}>{t('auth.forgot_link')}</a>
      </p>
      <p class="hint">{t('auth.login_cookie_note')}</p>
    </div>
  );
}

export function CodeForm(props: FormProps) {
  const { t, locale } = props;
  return (
    <div class="narrow">
      <h1>{t('auth.code_title')}</h1>
      <p>{t('auth.code_intro')}</p>
      <ErrorSummary errors={props.errors} t={t} labels={{ code: t('auth.code') }} />
      <form method="post" action={localePath(locale, '/anmelden/code')} class="stack">
        <Csrf token={props.csrf} />
        <Field
          name="code"
          label={t('auth.code')}
          hint={t('auth.code_hint')}
          autocomplete="one-time-code"
          inputmode="text"
          required
          t={t}
          errors={props.errors}
          maxlength={40}
        />
        <button type="submit">{t('auth.code_submit')}</button>
      </form>
    </div>
  );
}

export function ForgotForm(props: FormProps & { sent?: boolean }) {
  const { t, locale } = props;
  return (
    <div class="narrow">
      <h1>{t('auth.forgot_title')}</h1>
      {props.sent ? (
        <Notice kind="success">{t('auth.forgot_sent')}</Notice>
      ) : (
        <>
          <p>{t('auth.forgot_intro')}</p>
          <ErrorSummary errors={props.errors} t={t} labels={{ email: t('auth.email') }} />
          <form method="post" action={localePath(locale, '/passwort-vergessen')} class="stack">
            <Field
              name="email"
              label={t('auth.email')}
              type="email"
              autocomplete="username"
              required
              t={t}
              values={props.values}
              errors={props.errors}
            />
            <button type="submit">{t('auth.forgot_submit')}</button>
          </form>
        </>
      )}
    </div>
  );
}

export function NewPasswordForm(
  props: FormProps & { action: string; title: string; intro?: string; withName?: boolean },
) {
  const { t } = props;
  const labels = {
    name: t('auth.name'),
    password: t('auth.new_password'),
    password_repeat: t('auth.password_repeat'),
  };
  return (
    <div class="narrow">
      <h1>{props.title}</h1>
      {props.intro ? <p>{props.intro}</p> : null}
      <ErrorSummary errors={props.errors} t={t} labels={labels} />
      <form method="post" action={props.action} class="stack">
        {props.withName ? (
          <Field
            name="name"
            label={labels.name}
            autocomplete="name"
            required
            t={t}
            values={props.values}
            errors={props.errors}
            maxlength={120}
          />
        ) : null}
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
    </div>
  );
}

export function MessagePage({
  title,
  text,
  link,
}: {
  title: string;
  text: string;
  link?: { href: string; label: string };
}) {
  return (
    <div class="narrow">
      <h1>{title}</h1>
      <p>{text}</p>
      {link ? (
        <p>
          <a href={link.href}>{link.label}</a>
        </p>
      ) : null}
    </div>
  );
}
