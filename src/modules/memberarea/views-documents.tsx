import type { DocumentAccess } from '../../db/types.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import { type Locale, localePath, type Translate } from '../../platform/i18n/index.ts';
import { Csrf, ErrorSummary, Field, Notice } from '../../platform/ui/components.tsx';
import { accessLevels } from './access.ts';
import type { DocumentRow } from './documents.ts';
import { AreaNav, formatDate, formatSize, k, typeLabel } from './view-parts.tsx';

interface Common {
  t: Translate;
  locale: Locale;
  csrf?: string;
}

const downloadPath = (id: string) => `/dokumente/${id}/datei`;

export function DocumentTable({
  t,
  locale,
  documents,
  linkDetail,
}: Common & { documents: DocumentRow[]; linkDetail: boolean }) {
  if (documents.length === 0) return <p>{t('memberarea.documents_empty')}</p>;
  return (
    <table class="data-table">
      <caption class="visually-hidden">{t('memberarea.documents')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('memberarea.col_title')}</th>
          <th scope="col">{t('memberarea.col_folder')}</th>
          {linkDetail ? <th scope="col">{t('memberarea.col_access')}</th> : null}
          <th scope="col">{t('memberarea.col_date')}</th>
          <th scope="col">{t('memberarea.col_file')}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((d) => (
          <tr>
            <td>
              {linkDetail ? (
                <a href={localePath(locale, `/mitgliederbereich/dokumente/${d.id}`)}>{d.title}</a>
              ) : (
                d.title
              )}
              {d.group_name ? (
                <>
                  <br />
                  <small>{t('memberarea.in_group', { name: d.group_name })}</small>
                </>
              ) : null}
              {d.snippet ? (
                <>
                  <br />
                  <small class="snippet">{d.snippet}</small>
                </>
              ) : d.description ? (
                <>
                  <br />
                  <small>{d.description}</small>
                </>
              ) : null}
            </td>
            <td>{d.folder_name ?? t('memberarea.no_folder')}</td>
            {linkDetail ? <td>{t(k(`memberarea.access.${d.access}`))}</td> : null}
            <td>{formatDate(locale, d.updated_at)}</td>
            <td>
              <a href={localePath(locale, downloadPath(d.id))} download>
                {t('memberarea.download_named', {
                  title: d.title,
                  type: typeLabel(d.media_type),
                  size: formatSize(d.size, locale),
                })}
              </a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SearchForm({ t, locale, action, q }: Common & { action: string; q: string }) {
  return (
    <form method="get" action={localePath(locale, action)} class="inline-form">
      <label for="f-q">{t('memberarea.search')}</label>{' '}
      <input id="f-q" name="q" type="search" value={q} maxlength={200} />{' '}
      <button type="submit">{t('memberarea.search_submit')}</button>
    </form>
  );
}

export function Library(
  props: Common & {
    documents: DocumentRow[];
    folders: Array<{ id: string; name: string }>;
    folderId: string | null;
    q: string;
    manage: boolean;
    folderValues?: Record<string, string>;
    folderErrors?: FieldErrors;
  },
) {
  const { t, locale } = props;
  const base = '/mitgliederbereich/dokumente';
  return (
    <>
      <h1>{t('memberarea.documents')}</h1>
      <AreaNav t={t} locale={locale} current={base} />
      <p>{t('memberarea.documents_intro')}</p>
      {props.manage ? (
        <p>
          <a class="button" href={localePath(locale, `${base}/neu`)}>
            {t('memberarea.document_new')}
          </a>
        </p>
      ) : null}
      <SearchForm t={t} locale={locale} action={base} q={props.q} />
      <nav aria-label={t('memberarea.folders')}>
        <h2>{t('memberarea.folders')}</h2>
        <ul class="link-list">
          <li>
            <a href={localePath(locale, base)} aria-current={props.folderId ? undefined : 'page'}>
              {t('memberarea.all_folders')}
            </a>
          </li>
          {props.folders.map((f) => (
            <li>
              <a
                href={`${localePath(locale, base)}?ordner=${f.id}`}
                aria-current={props.folderId === f.id ? 'page' : undefined}
              >
                {f.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>
        {props.q
          ? t('memberarea.search_results', { count: props.documents.length, q: props.q })
          : t('memberarea.documents')}
      </h2>
      <DocumentTable t={t} locale={locale} documents={props.documents} linkDetail />
      {props.manage ? (
        <section aria-labelledby="folder-new">
          <h2 id="folder-new">{t('memberarea.folder_new')}</h2>
          <ErrorSummary errors={props.folderErrors} t={t} labels={{ name: t('memberarea.folder_name') }} />
          <form method="post" action={localePath(locale, '/mitgliederbereich/ordner')} class="stack">
            <Csrf token={props.csrf} />
            <Field
              name="name"
              label={t('memberarea.folder_name')}
              t={t}
              values={props.folderValues}
              errors={props.folderErrors}
              required
              maxlength={200}
            />
            <button type="submit">{t('memberarea.folder_create')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}

export function PublicLibrary(props: Common & { documents: DocumentRow[]; q: string }) {
  const { t, locale } = props;
  return (
    <>
      <h1>{t('memberarea.public_documents')}</h1>
      <p>{t('memberarea.public_documents_intro')}</p>
      <SearchForm t={t} locale={locale} action="/dokumente" q={props.q} />
      {props.q ? (
        <h2>{t('memberarea.search_results', { count: props.documents.length, q: props.q })}</h2>
      ) : null}
      <DocumentTable t={t} locale={locale} documents={props.documents} linkDetail={false} />
    </>
  );
}

interface VersionRow {
  id: string;
  version: number;
  note: string;
  created_at: Date;
  name: string;
  media_type: string;
  size: number;
  author: string | null;
}

export function DocumentPage(
  props: Common & {
    doc: {
      id: string;
      title: string;
      description: string;
      access: DocumentAccess;
      group_name: string | null;
      folder_name: string | null;
      assembly_id: string | null;
      assembly_title: string | null;
      updated_at: Date;
    };
    versions: VersionRow[];
    manage: boolean;
    notice: 'uploaded' | 'version' | null;
    values: Record<string, string>;
    errors?: FieldErrors;
  },
) {
  const { t, locale, doc } = props;
  const labels = { note: t('memberarea.field_note'), file: t('memberarea.field_file') };
  return (
    <>
      <p>
        <a href={localePath(locale, '/mitgliederbereich/dokumente')}>{t('memberarea.documents')}</a>
      </p>
      <h1>{doc.title}</h1>
      {props.notice === 'uploaded' ? (
        <Notice kind="success">{t('memberarea.document_uploaded')}</Notice>
      ) : null}
      {props.notice === 'version' ? <Notice kind="success">{t('memberarea.version_uploaded')}</Notice> : null}
      {doc.description ? <p>{doc.description}</p> : null}
      <dl class="facts">
        <dt>{t('memberarea.col_access')}</dt>
        <dd>{t(k(`memberarea.access.${doc.access}`))}</dd>
        {doc.folder_name ? (
          <>
            <dt>{t('memberarea.col_folder')}</dt>
            <dd>{doc.folder_name}</dd>
          </>
        ) : null}
        {doc.group_name ? (
          <>
            <dt>{t('memberarea.field_group')}</dt>
            <dd>{doc.group_name}</dd>
          </>
        ) : null}
        {doc.assembly_id && doc.assembly_title ? (
          <>
            <dt>{t('memberarea.field_assembly')}</dt>
            <dd>
              <a href={localePath(locale, `/mitgliederbereich/versammlungen/${doc.assembly_id}`)}>
                {doc.assembly_title}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t('memberarea.col_date')}</dt>
        <dd>{formatDate(locale, doc.updated_at)}</dd>
      </dl>
      <h2>{t('memberarea.versions')}</h2>
      <table class="data-table">
        <caption class="visually-hidden">{t('memberarea.versions')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('memberarea.col_version')}</th>
            <th scope="col">{t('memberarea.col_date')}</th>
            <th scope="col">{t('memberarea.col_note')}</th>
            <th scope="col">{t('memberarea.col_by')}</th>
            <th scope="col">{t('memberarea.col_file')}</th>
          </tr>
        </thead>
        <tbody>
          {props.versions.map((v) => (
            <tr>
              <td>{v.version}</td>
              <td>{formatDate(locale, v.created_at)}</td>
              <td>{v.note}</td>
              <td>{v.author ?? '–'}</td>
              <td>
                <a href={localePath(locale, `/dokumente/${doc.id}/versionen/${v.id}`)} download>
                  {t('memberarea.download_version', { version: v.version })}
                </a>{' '}
                ({v.name}, {typeLabel(v.media_type)}, {formatSize(v.size, locale)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.manage ? (
        <section aria-labelledby="version-new">
          <h2 id="version-new">{t('memberarea.version_new')}</h2>
          <ErrorSummary errors={props.errors} t={t} labels={labels} />
          <form
            method="post"
            action={localePath(locale, `/mitgliederbereich/dokumente/${doc.id}/fassungen`)}
            enctype="multipart/form-data"
            class="stack"
          >
            <Csrf token={props.csrf} />
            <Field
              name="note"
              label={labels.note}
              t={t}
              values={props.values}
              errors={props.errors}
              maxlength={500}
            />
            <FileField t={t} errors={props.errors} />
            <button type="submit">{t('memberarea.version_new')}</button>
          </form>
        </section>
      ) : null}
    </>
  );
}

function FileField({ t, errors }: { t: Translate; errors?: FieldErrors }) {
  const error = errors?.file;
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for="f-file">
        {t('memberarea.field_file')}
        <span class="required"> ({t('form.required')})</span>
      </label>
      <p class="hint" id="f-file-hint">
        {t('memberarea.field_file_hint')}
      </p>
      {error ? (
        <p class="field-error" id="f-file-error">
          {t(error.key, error.params)}
        </p>
      ) : null}
      <input
        type="file"
        id="f-file"
        name="file"
        required
        accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp,.png,.jpg,.jpeg,.webp"
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? 'f-file-hint f-file-error' : 'f-file-hint'}
      />
    </div>
  );
}

export function DocumentUpload(
  props: Common & {
    folders: Array<{ id: string; name: string }>;
    groups: Array<{ id: string; name: string }>;
    assemblies: Array<{ id: string; title: string }>;
    values: Record<string, string>;
    errors?: FieldErrors;
  },
) {
  const { t, locale, values, errors } = props;
  const labels = {
    title: t('memberarea.field_title'),
    description: t('memberarea.field_description'),
    access: t('memberarea.field_access'),
    folder_id: t('memberarea.field_folder'),
    group_id: t('memberarea.field_group'),
    assembly_id: t('memberarea.field_assembly'),
    assembly_role: t('memberarea.field_assembly_role'),
    file: t('memberarea.field_file'),
  };
  return (
    <>
      <h1>{t('memberarea.document_new')}</h1>
      <ErrorSummary errors={errors} t={t} labels={labels} />
      <form
        method="post"
        action={localePath(locale, '/mitgliederbereich/dokumente/neu')}
        enctype="multipart/form-data"
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
          maxlength={300}
        />
        <Field
          name="description"
          label={labels.description}
          t={t}
          values={values}
          errors={errors}
          multiline={3}
        />
        <Field
          name="access"
          label={labels.access}
          t={t}
          values={values}
          errors={errors}
          options={accessLevels.map((a) => ({ value: a, label: t(k(`memberarea.access.${a}`)) }))}
        />
        <Field
          name="folder_id"
          label={labels.folder_id}
          t={t}
          values={values}
          errors={errors}
          options={[
            { value: '', label: t('memberarea.no_folder') },
            ...props.folders.map((f) => ({ value: f.id, label: f.name })),
          ]}
        />
        <Field
          name="group_id"
          label={labels.group_id}
          t={t}
          values={values}
          errors={errors}
          options={[
            { value: '', label: t('memberarea.field_group_none') },
            ...props.groups.map((g) => ({ value: g.id, label: g.name })),
          ]}
        />
        <Field
          name="assembly_id"
          label={labels.assembly_id}
          t={t}
          values={values}
          errors={errors}
          options={[
            { value: '', label: t('memberarea.field_assembly_none') },
            ...props.assemblies.map((a) => ({ value: a.id, label: a.title })),
          ]}
        />
        <Field
          name="assembly_role"
          label={labels.assembly_role}
          t={t}
          values={values}
          errors={errors}
          options={[
            { value: '', label: '–' },
            ...(['invitation', 'minutes', 'other'] as const).map((r) => ({
              value: r,
              label: t(k(`memberarea.assembly_role.${r}`)),
            })),
          ]}
        />
        <FileField t={t} errors={errors} />
        <button type="submit">{t('memberarea.document_new')}</button>
      </form>
    </>
  );
}
