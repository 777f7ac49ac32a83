import type { Role } from '../../../db/types.ts';
import type { FieldErrors } from '../../../platform/errors.ts';
import { formatDateTime, type Locale, localePath, type Translate } from '../../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../../platform/ui/components.tsx';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  totp_enabled_at: Date | null;
  last_login_at: Date | null;
  organisation_name: string | null;
}

export function UsersPage(props: {
  t: Translate;
  locale: Locale;
  csrf?: string;
  users: UserRow[];
  invitations: Array<{ id: string; email: string; role: Role; expires_at: Date }>;
  roleOptions: Role[];
  organisations: Array<{ id: string; name: string }>;
  canPickOrganisation: boolean;
  canChangeRoles: boolean;
  currentUserId: string;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
}) {
  const { t, locale } = props;
  const labels = {
    email: t('auth.email'),
    role: t('account.role'),
    organisation_id: t('account.organisation'),
  };
  const orgOptions = [
    { value: '', label: t('admin.no_organisation') },
    ...props.organisations.map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <>
      <h1>{t('admin.users_title')}</h1>
      {props.notice ? <Notice kind="success">{props.notice}</Notice> : null}
      <section aria-labelledby="invite-title">
        <h2 id="invite-title">{t('admin.invite_title')}</h2>
        <p>{t('admin.invite_intro')}</p>
        <ErrorSummary errors={props.errors} t={t} labels={labels} />
        <form method="post" action={localePath(locale, '/verwaltung/konten/einladen')} class="stack narrow">
          <Csrf token={props.csrf} />
          <Field
            name="email"
            label={labels.email}
            type="email"
            required
            t={t}
            values={props.values}
            errors={props.errors}
          />
          <Field
            name="role"
            label={labels.role}
            t={t}
            values={props.values}
            errors={props.errors}
            options={props.roleOptions.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          />
          {props.canPickOrganisation ? (
            <Field
              name="organisation_id"
              label={labels.organisation_id}
              hint={t('admin.organisation_hint')}
              t={t}
              values={props.values}
              errors={props.errors}
              options={orgOptions}
            />
          ) : null}
          <Field
            name="locale"
            label={t('admin.invite_language')}
            t={t}
            values={props.values}
            options={[
              { value: 'de', label: 'Deutsch' },
              { value: 'en', label: 'English' },
            ]}
          />
          <button type="submit">{t('admin.invite_submit')}</button>
        </form>
      </section>
      {props.invitations.length > 0 ? (
        <section aria-labelledby="pending-title">
          <h2 id="pending-title">{t('admin.pending_invitations')}</h2>
          <ul>
            {props.invitations.map((i) => (
              <li>
                {i.email} – {t(`role.${i.role}`)} –{' '}
                {t('admin.expires', { date: formatDateTime(locale, i.expires_at) })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="users-title">
        <h2 id="users-title">{t('admin.accounts')}</h2>
        <table class="data-table">
          <caption class="visually-hidden">{t('admin.accounts')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('auth.email')}</th>
              <th scope="col">{t('account.name')}</th>
              <th scope="col">{t('account.role')}</th>
              <th scope="col">{t('account.organisation')}</th>
              <th scope="col">{t('account.two_factor')}</th>
              <th scope="col">{t('admin.status')}</th>
              <th scope="col">{t('account.session_action')}</th>
            </tr>
          </thead>
          <tbody>
            {props.users.map((u) => (
              <tr>
                <td>{u.email}</td>
                <td>{u.name || '–'}</td>
                <td>
                  {props.canChangeRoles && u.id !== props.currentUserId ? (
                    <form
                      method="post"
                      action={localePath(locale, `/verwaltung/konten/${u.id}/rolle`)}
                      class="inline-form"
                    >
                      <Csrf token={props.csrf} />
                      <label class="visually-hidden" for={`role-${u.id}`}>
                        {t('admin.change_role_for', { email: u.email })}
                      </label>
                      <select id={`role-${u.id}`} name="role">
                        {props.roleOptions.map((r) => (
                          <option value={r} selected={r === u.role}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" class="secondary">
                        {t('admin.change_role')}
                      </button>
                    </form>
                  ) : (
                    t(`role.${u.role}`)
                  )}
                </td>
                <td>{u.organisation_name ?? '–'}</td>
                <td>{u.totp_enabled_at ? t('admin.yes') : t('admin.no')}</td>
                <td>{u.active ? t('admin.active') : t('admin.inactive')}</td>
                <td>
                  {u.id === props.currentUserId ? (
                    '–'
                  ) : (
                    <form
                      method="post"
                      action={localePath(
                        locale,
                        `/verwaltung/konten/${u.id}/${u.active ? 'deaktivieren' : 'aktivieren'}`,
                      )}
                    >
                      <Csrf token={props.csrf} />
                      <button type="submit" class="secondary">
                        {u.active ? t('admin.deactivate') : t('admin.reactivate')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
