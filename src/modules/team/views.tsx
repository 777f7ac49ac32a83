import type { FieldErrors } from '../../platform/errors.ts';
import { type Locale, localePath, type Translate } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';

const fields = ['name', 'role_de', 'role_en', 'areas_de', 'areas_en', 'email', 'position'] as const;

function TeamForm(props: {
  t: Translate;
  action: string;
  csrf?: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  submit: string;
}) {
  const { t } = props;
  return (
    <form method="post" action={props.action} class="stack narrow">
      <Csrf token={props.csrf} />
      {fields.map((f) => (
        <Field
          name={f}
          label={t(`team.${f}`)}
          t={t}
          values={props.values}
          errors={props.errors}
          required={f === 'name' || f === 'role_de'}
          type={f === 'email' ? 'email' : f === 'position' ? 'number' : 'text'}
          maxlength={f.startsWith('areas') ? 500 : 254}
        />
      ))}
      <button type="submit">{props.submit}</button>
    </form>
  );
}

export function TeamAdmin(props: {
  t: Translate;
  locale: Locale;
  csrf?: string;
  team: Array<{ id: string; name: string; role_de: string; position: number }>;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { t, locale } = props;
  const labels = Object.fromEntries(fields.map((f) => [f, t(`team.${f}`)]));
  return (
    <>
      <h1>{t('team.admin_title')}</h1>
      <p>{t('team.admin_intro')}</p>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      {props.team.length === 0 ? <p>{t('team.empty')}</p> : null}
      <ul>
        {props.team.map((p) => (
          <li>
            {p.position}. {p.name}, {p.role_de} –{' '}
            <a href={localePath(locale, `/verwaltung/team/${p.id}`)}>
              {t('team.edit')}
              <span class="visually-hidden">: {p.name}</span>
            </a>
          </li>
        ))}
      </ul>
      <h2>{t('team.add')}</h2>
      <ErrorSummary t={t} errors={props.errors} labels={labels} />
      <TeamForm
        t={t}
        action={localePath(locale, '/verwaltung/team')}
        csrf={props.csrf}
        values={props.values}
        errors={props.errors}
        submit={t('team.add')}
      />
    </>
  );
}

export function TeamMemberEdit(props: {
  t: Translate;
  locale: Locale;
  csrf?: string;
  id: string;
  name: string;
  values: Record<string, string>;
  errors?: FieldErrors;
}) {
  const { t, locale } = props;
  const labels = Object.fromEntries(fields.map((f) => [f, t(`team.${f}`)]));
  return (
    <>
      <h1>{t('team.edit_title', { name: props.name })}</h1>
      <ErrorSummary t={t} errors={props.errors} labels={labels} />
      <TeamForm
        t={t}
        action={localePath(locale, `/verwaltung/team/${props.id}`)}
        csrf={props.csrf}
        values={props.values}
        errors={props.errors}
        submit={t('team.save')}
      />
      <form method="post" action={localePath(locale, `/verwaltung/team/${props.id}/entfernen`)}>
        <Csrf token={props.csrf} />
        <button type="submit" class="secondary">
          {t('team.delete')}
        </button>
      </form>
    </>
  );
}
