import { raw } from 'hono/html';
import type { FieldErrors } from '../../platform/errors.ts';
import { type Locale, localePath, type Translate } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { decisionResults } from './assemblies.ts';
import type { CircularRow } from './circulars.ts';
import type { ContactOrganisation } from './contacts.ts';
import type { DocumentRow } from './documents.ts';
import { AreaNav, formatDate, k } from './view-parts.tsx';
import { CircularTable } from './views-circulars.tsx';
import { DocumentTable } from './views-documents.tsx';

interface Common {
  t: Translate;
  locale: Locale;
  csrf?: string;
}

interface GroupRow {
  id: string;
  name: string;
  description: string;
  members: number | null;
}

function GroupCards({ t, locale, groups }: Common & { groups: GroupRow[] }) {
  return (
    <ul class="cards">
      {groups.map((g) => (
        <li class="card">
          <h3>
            <a href={localePath(locale, `/mitgliederbereich/arbeitsgruppen/${g.id}`)}>{g.name}</a>
          </h3>
          {g.description ? <p>{g.description}</p> : null}
          <p>{t('memberarea.group_members_count', { count: Number(g.members ?? 0) })}</p>
        </li>
      ))}
    </ul>
  );
}

export function Overview(
  props: Common & { circulars: CircularRow[]; documents: DocumentRow[]; groups: GroupRow[] },
) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('memberarea.title')}</h1>
      <p class="lead">{t('memberarea.intro')}</p>
      <AreaNav t={t} locale={locale} current="/mitgliederbereich" />
      <section aria-labelledby="latest-circulars">
        <h2 id="latest-circulars">{t('memberarea.latest_circulars')}</h2>
        <CircularTable t={t} locale={locale} circulars={props.circulars} showReaders={false} />
        <p>
          <a href={localePath(locale, '/mitgliederbereich/rundschreiben')}>
            {t('memberarea.all')}: {t('memberarea.circulars')}
          </a>
        </p>
      </section>
      <section aria-labelledby="latest-documents">
        <h2 id="latest-documents">{t('memberarea.latest_documents')}</h2>
        <DocumentTable t={t} locale={locale} documents={props.documents} linkDetail />
        <p>
          <a href={localePath(locale, '/mitgliederbereich/dokumente')}>
            {t('memberarea.all')}: {t('memberarea.documents')}
          </a>
        </p>
      </section>
      <section aria-labelledby="my-groups">
        <h2 id="my-groups">{t('memberarea.my_groups')}</h2>
        {props.groups.length === 0 ? (
          <p>{t('memberarea.no_groups')}</p>
        ) : (
          <GroupCards t={t} locale={locale} groups={props.groups} />
        )}
      </section>
    </>
  );
}

export function GroupList(
  props: Common & {
    groups: GroupRow[];
    manage: boolean;
    values?: Record<string, string>;
    errors?: FieldErrors;
  },
) {
  const { t, locale } = props;
  const labels = { name: t('memberarea.group_name'), description: t('memberarea.group_description') };
  return (
    <>
      <h1>{t('memberarea.groups')}</h1>
      <AreaNav t={t} locale={locale} current="/mitgliederbereich/arbeitsgruppen" />
      <p>{t('memberarea.groups_intro')}</p>
      {props.groups.length === 0 ? (
        <p>{t('memberarea.groups_empty')}</p>
      ) : (
        <GroupCards t={t} locale={locale} groups={props.groups} />
      )}
      {props.manage ? (
        <section aria-labelledby="group-new">
          <h2 id="group-new">{t('memberarea.group_new')}</h2>
          <ErrorSummary errors={props.errors} t={t} labels={labels} />
          <form method="post" action={localePath(locale, '/mitgliederbereich/arbeitsgruppen')} class="stack">
            <Csrf token={props.csrf} />
            <Field
              name="name"
              label={labels.name}
              t={t}
              values={props.values}
              errors={props.errors}
              required
            />
            <Field
              name="description"
              label={labels.description}
              t={t}
              values={props.values}
              errors={props.errors}
              multiline={3}
            />
            <button type="submit">{t('memberarea.group_create')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}

export function GroupPage(
  props: Common & {
    group: { id: string; name: string; description: string };
    members: Array<{ id: string; name: string; email: string; organisation: string | null }>;
    circulars: CircularRow[];
    documents: DocumentRow[];
    manage: boolean;
    values?: Record<string, string>;
    errors?: FieldErrors;
  },
) {
  const { t, locale, group } = props;
  return (
    <>
      <p>
        <a href={localePath(locale, '/mitgliederbereich/arbeitsgruppen')}>{t('memberarea.groups')}</a>
      </p>
      <h1>{group.name}</h1>
      {group.description ? <p>{group.description}</p> : null}
      <h2>{t('memberarea.group_members')}</h2>
      <table class="data-table">
        <caption class="visually-hidden">{t('memberarea.group_members')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('memberarea.col_name')}</th>
            <th scope="col">{t('memberarea.col_organisation')}</th>
            <th scope="col">{t('memberarea.col_email')}</th>
            {props.manage ? (
              <th scope="col">
                <span class="visually-hidden">{t('memberarea.group_remove')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {props.members.map((m) => (
            <tr>
              <td>{m.name}</td>
              <td>{m.organisation ?? '–'}</td>
              <td>
                <a href={`mailto:${m.email}`}>{m.email}</a>
              </td>
              {props.manage ? (
                <td>
                  <form
                    method="post"
                    action={localePath(
                      locale,
                      `/mitgliederbereich/arbeitsgruppen/${group.id}/mitglieder/${m.id}/entfernen`,
                    )}
                  >
                    <Csrf token={props.csrf} />
                    <button
                      type="submit"
                      class="secondary"
                      aria-label={t('memberarea.group_remove_named', { name: m.name || m.email })}
                    >
                      {t('memberarea.group_remove')}
                    </button>
                  </form>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {props.manage ? (
        <>
          <ErrorSummary errors={props.errors} t={t} labels={{ email: t('memberarea.group_member_email') }} />
          <form
            method="post"
            action={localePath(locale, `/mitgliederbereich/arbeitsgruppen/${group.id}/mitglieder`)}
            class="stack"
          >
            <Csrf token={props.csrf} />
            <Field
              name="email"
              type="email"
              label={t('memberarea.group_member_email')}
              t={t}
              values={props.values}
              errors={props.errors}
              required
            />
            <button type="submit">{t('memberarea.group_add_member')}</button>
          </form>
        </>
      ) : null}
      <h2>{t('memberarea.group_circulars')}</h2>
      <CircularTable t={t} locale={locale} circulars={props.circulars} showReaders={props.manage} />
      <h2>{t('memberarea.group_documents')}</h2>
      <DocumentTable t={t} locale={locale} documents={props.documents} linkDetail />
    </>
  );
}

export function ContactsPage(props: Common & { organisations: ContactOrganisation[] }) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('memberarea.contacts')}</h1>
      <AreaNav t={t} locale={locale} current="/mitgliederbereich/kontakte" />
      <p>{t('memberarea.contacts_intro')}</p>
      {props.organisations.length === 0 ? (
        <p>{t('memberarea.contacts_empty')}</p>
      ) : (
        <>
          <p>{t('memberarea.contacts_count', { count: props.organisations.length })}</p>
          <ul class="cards">
            {props.organisations.map((o) => (
              <li class="card">
                <h2 class="h3">{o.name}</h2>
                <p>
                  {[o.city, o.country === 'DE' ? '' : o.country].filter(Boolean).join(', ')}
                  {o.website ? (
                    <>
                      <br />
                      <a href={o.website} rel="noreferrer">
                        {t('memberarea.website')}
                      </a>
                    </>
                  ) : null}
                </p>
                {o.people.length === 0 ? (
                  <p>{t('memberarea.contacts_no_people')}</p>
                ) : (
                  <ul>
                    {o.people.map((p) => (
                      <li>
                        {p.name || p.email} ({t(k(`memberarea.role.${p.role}`))}):{' '}
                        <a href={`mailto:${p.email}`}>{p.email}</a>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

interface AssemblyRow {
  id: string;
  title: string;
  held_on: string;
  place: string;
  attending: number;
}

export function AssemblyList(props: Common & { assemblies: AssemblyRow[]; manage: boolean }) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('memberarea.assemblies')}</h1>
      <AreaNav t={t} locale={locale} current="/mitgliederbereich/versammlungen" />
      <p>{t('memberarea.assemblies_intro')}</p>
      {props.manage ? (
        <p>
          <a class="button" href={localePath(locale, '/mitgliederbereich/versammlungen/neu')}>
            {t('memberarea.assembly_new')}
          </a>
        </p>
      ) : null}
      {props.assemblies.length === 0 ? (
        <p>{t('memberarea.assemblies_empty')}</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{t('memberarea.assemblies')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('memberarea.col_title')}</th>
              <th scope="col">{t('memberarea.col_date')}</th>
              <th scope="col">{t('memberarea.col_place')}</th>
              <th scope="col">{t('memberarea.col_attending')}</th>
            </tr>
          </thead>
          <tbody>
            {props.assemblies.map((a) => (
              <tr>
                <td>
                  <a href={localePath(locale, `/mitgliederbereich/versammlungen/${a.id}`)}>{a.title}</a>
                </td>
                <td>{formatDate(locale, a.held_on)}</td>
                <td>{a.place}</td>
                <td>{a.attending}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function AssemblyForm(
  props: Common & { id: string | null; values: Record<string, string>; errors?: FieldErrors },
) {
  const { t, locale, values, errors } = props;
  const labels = {
    title: t('memberarea.field_title'),
    held_on: t('memberarea.field_held_on'),
    place: t('memberarea.field_place'),
    invitation_md: t('memberarea.field_invitation'),
    agenda: t('memberarea.field_agenda'),
  };
  return (
    <>
      <ErrorSummary errors={errors} t={t} labels={labels} />
      <form
        method="post"
        action={localePath(locale, `/mitgliederbereich/versammlungen/${props.id ?? 'neu'}`)}
        class="stack"
      >
        <Csrf token={props.csrf} />
        <Field
          name="title"
          label={labels.title}
          t={t}
          values={values}
          errors={errors}
          required
          maxlength={200}
        />
        <Field
          name="held_on"
          label={labels.held_on}
          hint={t('memberarea.field_held_on_hint')}
          t={t}
          values={values}
          errors={errors}
          required
        />
        <Field name="place" label={labels.place} t={t} values={values} errors={errors} maxlength={300} />
        <Field
          name="agenda"
          label={labels.agenda}
          hint={t('memberarea.field_agenda_hint')}
          t={t}
          values={values}
          errors={errors}
          multiline={8}
        />
        <Field
          name="invitation_md"
          label={labels.invitation_md}
          hint={t('memberarea.field_body_hint')}
          t={t}
          values={values}
          errors={errors}
          multiline={8}
        />
        <button type="submit">{t('memberarea.save')}</button>
      </form>
    </>
  );
}

export function AssemblyNew(props: Common & { values: Record<string, string>; errors?: FieldErrors }) {
  return (
    <>
      <h1>{props.t('memberarea.assembly_new')}</h1>
      <AssemblyForm {...props} id={null} />
    </>
  );
}

export function AssemblyPage(
  props: Common & {
    assembly: { id: string; title: string; held_on: string; place: string };
    invitationHtml: string;
    agenda: Array<{ position: number; title: string }>;
    decisions: Array<{ id: string; title: string; text: string; result: string; votes: string }>;
    attendance: Array<{ id: string; name: string }>;
    documents: DocumentRow[];
    manage: boolean;
    organisations: Array<{ id: string; name: string }>;
    saved: boolean;
    editValues: Record<string, string>;
    editErrors?: FieldErrors;
    decisionValues: Record<string, string>;
    decisionErrors?: FieldErrors;
  },
) {
  const { t, locale, assembly } = props;
  const attending = new Set(props.attendance.map((a) => a.id));
  const decisionLabels = {
    decision_title: t('memberarea.field_decision_title'),
    decision_text: t('memberarea.field_decision_text'),
    result: t('memberarea.field_result'),
    votes: t('memberarea.field_votes'),
  };
  return (
    <>
      <p>
        <a href={localePath(locale, '/mitgliederbereich/versammlungen')}>{t('memberarea.assemblies')}</a>
      </p>
      <h1>{assembly.title}</h1>
      {props.saved ? <Notice kind="success">{t('memberarea.saved')}</Notice> : null}
      <p class="meta">
        {t('memberarea.assembly_when_where', {
          date: formatDate(locale, assembly.held_on),
          place: assembly.place || '–',
        })}
      </p>
      {props.invitationHtml ? (
        <section aria-labelledby="invitation">
          <h2 id="invitation">{t('memberarea.invitation')}</h2>
          <div class="prose">{raw(props.invitationHtml)}</div>
        </section>
      ) : null}
      <h2>{t('memberarea.agenda')}</h2>
      {props.agenda.length === 0 ? (
        <p>{t('memberarea.agenda_empty')}</p>
      ) : (
        <ol>
          {props.agenda.map((item) => (
            <li>{item.title}</li>
          ))}
        </ol>
      )}
      <h2>{t('memberarea.assembly_documents')}</h2>
      <DocumentTable t={t} locale={locale} documents={props.documents} linkDetail />
      <h2>{t('memberarea.decisions')}</h2>
      {props.decisions.length === 0 ? (
        <p>{t('memberarea.decisions_empty')}</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{t('memberarea.decisions')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('memberarea.field_decision_title')}</th>
              <th scope="col">{t('memberarea.col_result')}</th>
              <th scope="col">{t('memberarea.col_votes')}</th>
            </tr>
          </thead>
          <tbody>
            {props.decisions.map((d) => (
              <tr>
                <td>
                  <strong>{d.title}</strong>
                  {d.text ? (
                    <>
                      <br />
                      {d.text}
                    </>
                  ) : null}
                </td>
                <td>{t(k(`memberarea.result.${d.result}`))}</td>
                <td>{d.votes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t('memberarea.attendance')}</h2>
      {props.attendance.length === 0 ? (
        <p>{t('memberarea.attendance_empty')}</p>
      ) : (
        <>
          <p>{t('memberarea.attendance_count', { count: props.attendance.length })}</p>
          <ul class="link-list">
            {props.attendance.map((o) => (
              <li>{o.name}</li>
            ))}
          </ul>
        </>
      )}
      {props.manage ? (
        <>
          <section aria-labelledby="attendance-edit">
            <h2 id="attendance-edit">{t('memberarea.attendance_save')}</h2>
            <form
              method="post"
              action={localePath(locale, `/mitgliederbereich/versammlungen/${assembly.id}/anwesenheit`)}
            >
              <Csrf token={props.csrf} />
              <fieldset>
                <legend>{t('memberarea.attendance')}</legend>
                {props.organisations.map((o) => (
                  <div class="field checkbox">
                    <input
                      type="checkbox"
                      id={`org-${o.id}`}
                      name="organisation_id"
                      value={o.id}
                      checked={attending.has(o.id)}
                    />
                    <label for={`org-${o.id}`}>{o.name}</label>
                  </div>
                ))}
              </fieldset>
              <button type="submit">{t('memberarea.attendance_save')}</button>
            </form>
          </section>
          <section aria-labelledby="decision-add">
            <h2 id="decision-add">{t('memberarea.decision_add')}</h2>
            <ErrorSummary errors={props.decisionErrors} t={t} labels={decisionLabels} />
            <form
              method="post"
              action={localePath(locale, `/mitgliederbereich/versammlungen/${assembly.id}/beschluesse`)}
              class="stack"
            >
              <Csrf token={props.csrf} />
              <Field
                name="decision_title"
                label={decisionLabels.decision_title}
                t={t}
                values={props.decisionValues}
                errors={props.decisionErrors}
                required
              />
              <Field
                name="decision_text"
                label={decisionLabels.decision_text}
                t={t}
                values={props.decisionValues}
                errors={props.decisionErrors}
                multiline={3}
              />
              <Field
                name="result"
                label={decisionLabels.result}
                t={t}
                values={props.decisionValues}
                errors={props.decisionErrors}
                options={decisionResults.map((r) => ({ value: r, label: t(k(`memberarea.result.${r}`)) }))}
              />
              <Field
                name="votes"
                label={decisionLabels.votes}
                t={t}
                values={props.decisionValues}
                errors={props.decisionErrors}
              />
              <button type="submit">{t('memberarea.decision_add')}</button>
            </form>
          </section>
          <section aria-labelledby="assembly-edit">
            <h2 id="assembly-edit">{t('memberarea.assembly_edit')}</h2>
            <AssemblyForm
              t={t}
              locale={locale}
              csrf={props.csrf}
              id={assembly.id}
              values={props.editValues}
              errors={props.editErrors}
            />
          </section>
        </>
      ) : null}
    </>
  );
}
