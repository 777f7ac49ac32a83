import { Hono } from 'hono';
import type { FieldErrors } from '../../platform/errors.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { fileResponse } from '../../platform/files/download.ts';
import { checkUpload, uploadPolicies } from '../../platform/files/uploads.ts';
import { pendingStep, requirePermission } from '../../platform/http/auth.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { readForm, readQuery } from '../../platform/http/forms.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { localePath } from '../../platform/i18n/index.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { can } from '../../platform/permissions.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import type { Viewer } from './access.ts';
import {
  addDecision,
  assemblySchema,
  attendanceSchema,
  decisionSchema,
  findAssembly,
  listAssemblies,
  memberOrganisations,
  saveAssembly,
  setAttendance,
} from './assemblies.ts';
import {
  addComment,
  circularSchema,
  commentSchema,
  findCircular,
  listCirculars,
  listComments,
  markRead,
  notificationMode,
  prefsSchema,
  publishCircular,
  readCount,
  setNotificationMode,
} from './circulars.ts';
import { contactList } from './contacts.ts';
import {
  addVersion,
  createDocument,
  createFolder,
  documentSchema,
  findDocument,
  folderSchema,
  listFolders,
  listVersions,
  searchDocuments,
  searchSchema,
  versionFile,
  versionSchema,
} from './documents.ts';
import {
  addGroupMember,
  createGroup,
  findGroup,
  groupMemberSchema,
  groupMembers,
  groupSchema,
  listGroups,
  removeGroupMember,
} from './groups.ts';
import {
  AssemblyList,
  AssemblyNew,
  AssemblyPage,
  ContactsPage,
  GroupList,
  GroupPage,
  Overview,
} from './views-area.tsx';
import { CircularEditor, CircularList, CircularPage, PrefsPage } from './views-circulars.tsx';
import { DocumentPage, DocumentUpload, Library, PublicLibrary } from './views-documents.tsx';

const actorOf = (c: Ctx) => ({ user: c.get('auth')!.user, ip: c.get('ip') });
const csrfOf = (c: Ctx) => c.get('auth')?.session?.csrfToken;
const go = (c: Ctx, path: string) => c.redirect(localePath(c.get('locale'), path), 303);
const manages = (c: Ctx) => can(c.get('auth')!.user.role, 'memberarea:manage');

/** Who is asking, for access checks; an account that has not finished its 2FA step counts as nobody. */
function viewerOf(c: Ctx): Viewer | null {
  const auth = c.get('auth');
  if (!auth || pendingStep(auth)) return null;
  return { id: auth.user.id, role: auth.user.role, organisation_id: auth.user.organisation_id };
}

function areaViewer(c: Ctx): Viewer {
  const viewer = viewerOf(c);
  if (!viewer) throw forbidden();
  return viewer;
}

// ---------------------------------------------------------------- public: documents with the access level `public`

/**
 * Downloads and the public list. Every download checks the document's access level (and working group) for
 * whoever asks; someone not logged in is sent to the login for anything that is not public.
 */
export function documentRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/dokumente', async (c) => {
    const query = readQuery(c, searchSchema);
    const q = query.ok ? query.data.q : '';
    const documents = await searchDocuments(c.get('deps').database.db, null, { q });
    return renderPage(
      c,
      { title: c.get('t')('memberarea.public_documents'), status: query.ok ? 200 : 400 },
      <PublicLibrary t={c.get('t')} locale={c.get('locale')} documents={documents} q={q} />,
    );
  });

  async function download(c: Ctx, versionId?: string) {
    const db = c.get('deps').database.db;
    const id = uuidParam(c, 'id');
    const viewer = viewerOf(c);
    const found = await findDocument(db, viewer, id);
    if (!found) throw notFound();
    if (!found.allowed) {
      if (!viewer) {
        const next = c.req.path;
        return c.redirect(
          `${localePath(c.get('locale'), '/anmelden')}?next=${encodeURIComponent(next)}`,
          303,
        );
      }
      throw forbidden();
    }
    const file = await versionFile(db, id, versionId);
    if (!file) throw notFound();
    return fileResponse(c, { name: file.name, media_type: file.media_type, content: file.content });
  }

  app.get('/dokumente/:id/datei', (c) => download(c));
  app.get('/dokumente/:id/versionen/:rev', (c) => download(c, uuidParam(c, 'rev')));
  return app;
}

// ---------------------------------------------------------------- the member area

export function memberAreaRoutes() {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('memberarea:use'));
  const office = requirePermission('memberarea:manage');

  app.get('/', async (c) => {
    const db = c.get('deps').database.db;
    const viewer = areaViewer(c);
    const [circulars, documents, groups] = await Promise.all([
      listCirculars(db, viewer, { limit: 5 }),
      searchDocuments(db, viewer, { limit: 5 }),
      listGroups(db, { ...viewer, role: 'member' }),
    ]);
    return renderPage(
      c,
      { title: c.get('t')('memberarea.title') },
      <Overview
        t={c.get('t')}
        locale={c.get('locale')}
        circulars={circulars}
        documents={documents}
        groups={groups}
      />,
    );
  });

  // ------------------------------------------------------------ circulars

  app.get('/rundschreiben', async (c) => {
    const viewer = areaViewer(c);
    return renderPage(
      c,
      { title: c.get('t')('memberarea.circulars') },
      <CircularList
        t={c.get('t')}
        locale={c.get('locale')}
        circulars={await listCirculars(c.get('deps').database.db, viewer)}
        manage={manages(c)}
        published={c.req.query('veroeffentlicht') === '1'}
      />,
    );
  });

  async function circularEditor(c: Ctx, values: Record<string, string> = {}, errors?: FieldErrors) {
    const groups = await listGroups(c.get('deps').database.db, areaViewer(c));
    return renderPage(
      c,
      { title: c.get('t')('memberarea.circular_new'), status: errors ? 422 : 200 },
      <CircularEditor
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrfOf(c)}
        groups={groups}
        values={values}
        errors={errors}
      />,
    );
  }

  app.get('/rundschreiben/neu', office, (c) => circularEditor(c));
  app.post('/rundschreiben/neu', office, async (c) => {
    const form = await readForm(c, circularSchema);
    if (!form.ok) return circularEditor(c, form.values, form.errors);
    const db = c.get('deps').database.db;
    if (form.data.group_id && !(await findGroup(db, areaViewer(c), form.data.group_id))) {
      return circularEditor(c, form.values, { group_id: { key: 'validation.choice' } });
    }
    await publishCircular(db, form.data, actorOf(c), c.get('deps').config.publicUrl);
    c.get('deps').kickMail();
    return go(c, '/mitgliederbereich/rundschreiben?veroeffentlicht=1');
  });

  async function circularPage(
    c: Ctx,
    extra: { values?: Record<string, string>; errors?: FieldErrors } = {},
  ): Promise<Response> {
    const db = c.get('deps').database.db;
    const viewer = areaViewer(c);
    const found = await findCircular(db, viewer, uuidParam(c, 'id'));
    if (!found) throw notFound();
    if (found.hidden) throw forbidden();
    const { circular } = found;
    if (c.req.method === 'GET') await markRead(db, circular.id, viewer.id);
    return renderPage(
      c,
      { title: circular.title, status: extra.errors ? 422 : 200 },
      <CircularPage
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrfOf(c)}
        circular={circular}
        html={renderMarkdown(circular.body_md)}
        comments={await listComments(db, circular.id)}
        reads={manages(c) ? await readCount(db, circular.id, circular.group_id) : null}
        values={extra.values ?? {}}
        errors={extra.errors}
        commented={c.req.query('kommentiert') === '1'}
      />,
    );
  }

  app.get('/rundschreiben/:id', (c) => circularPage(c));
  app.post('/rundschreiben/:id/kommentare', async (c) => {
    const db = c.get('deps').database.db;
    const id = uuidParam(c, 'id');
    const found = await findCircular(db, areaViewer(c), id);
    if (!found) throw notFound();
    if (found.hidden) throw forbidden();
    const form = await readForm(c, commentSchema);
    if (!form.ok) return circularPage(c, { values: form.values, errors: form.errors });
    await addComment(db, id, form.data.body, actorOf(c));
    return go(c, `/mitgliederbereich/rundschreiben/${id}?kommentiert=1#comments-heading`);
  });

  // ------------------------------------------------------------ notification preferences

  app.get('/benachrichtigungen', async (c) => {
    const viewer = areaViewer(c);
    return renderPage(
      c,
      { title: c.get('t')('memberarea.prefs') },
      <PrefsPage
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrfOf(c)}
        mode={await notificationMode(c.get('deps').database.db, viewer.id)}
        saved={c.req.query('gespeichert') === '1'}
      />,
    );
  });
  app.post('/benachrichtigungen', async (c) => {
    const viewer = areaViewer(c);
    const db = c.get('deps').database.db;
    const form = await readForm(c, prefsSchema);
    if (!form.ok) {
      return renderPage(
        c,
        { title: c.get('t')('memberarea.prefs'), status: 422 },
        <PrefsPage
          t={c.get('t')}
          locale={c.get('locale')}
          csrf={csrfOf(c)}
          mode={await notificationMode(db, viewer.id)}
          saved={false}
          errors={form.errors}
        />,
      );
    }
    await setNotificationMode(db, viewer.id, form.data.mode);
    return go(c, '/mitgliederbereich/benachrichtigungen?gespeichert=1');
  });

  // ------------------------------------------------------------ documents

  async function library(c: Ctx, folderValues?: Record<string, string>, folderErrors?: FieldErrors) {
    const db = c.get('deps').database.db;
    const query = readQuery(c, searchSchema);
    const q = query.ok ? query.data.q : '';
    const folderId = query.ok ? (query.data.ordner ?? null) : null;
    const [documents, folders] = await Promise.all([
      searchDocuments(db, areaViewer(c), { q, folderId }),
      listFolders(db),
    ]);
    return renderPage(
      c,
      { title: c.get('t')('memberarea.documents'), status: folderErrors ? 422 : query.ok ? 200 : 400 },
      <Library
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrfOf(c)}
        documents={documents}
        folders={folders}
        folderId={folderId}
        q={q}
        manage={manages(c)}
        folderValues={folderValues}
        folderErrors={folderErrors}
      />,
    );
  }

  app.get('/dokumente', (c) => library(c));
  app.post('/ordner', office, async (c) => {
    const form = await readForm(c, folderSchema);
    if (!form.ok) return library(c, form.values, form.errors);
    const id = await createFolder(c.get('deps').database.db, form.data.name, actorOf(c));
    if (!id) return library(c, form.values, { name: { key: 'memberarea.folder_exists' } });
    return go(c, `/mitgliederbereich/dokumente?ordner=${id}`);
  });

  async function uploadForm(
    c: Ctx,
    values: Record<string, string> = { access: 'members' },
    errors?: FieldErrors,
  ) {
    const db = c.get('deps').database.db;
    const [folders, groups, assemblies] = await Promise.all([
      listFolders(db),
      listGroups(db, areaViewer(c)),
      listAssemblies(db),
    ]);
    return renderPage(
      c,
      { title: c.get('t')('memberarea.document_new'), status: errors ? 422 : 200 },
      <DocumentUpload
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrfOf(c)}
        folders={folders}
        groups={groups}
        assemblies={assemblies}
        values={values}
        errors={errors}
      />,
    );
  }

  app.get('/dokumente/neu', office, (c) => uploadForm(c));
  app.post('/dokumente/neu', office, async (c) => {
    const form = await readForm(c, documentSchema);
    const upload = await checkUpload((await c.req.parseBody()).file, uploadPolicies.document);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (!upload.ok) errors.file = { key: upload.error };
    if (!form.ok || !upload.ok) return uploadForm(c, form.values, errors);
    const db = c.get('deps').database.db;
    const refs = await Promise.all([
      form.data.folder_id
        ? db
            .selectFrom('memberarea_folders')
            .select('id')
            .where('id', '=', form.data.folder_id)
            .executeTakeFirst()
        : true,
      form.data.group_id
        ? db
            .selectFrom('memberarea_groups')
            .select('id')
            .where('id', '=', form.data.group_id)
            .executeTakeFirst()
        : true,
      form.data.assembly_id
        ? db
            .selectFrom('memberarea_assemblies')
            .select('id')
            .where('id', '=', form.data.assembly_id)
            .executeTakeFirst()
        : true,
    ]);
    const missing = (['folder_id', 'group_id', 'assembly_id'] as const).filter((_, i) => !refs[i]);
    if (missing.length > 0) {
      return uploadForm(
        c,
        form.values,
        Object.fromEntries(missing.map((f) => [f, { key: 'validation.choice' as const }])),
      );
    }
    const id = await createDocument(db, form.data, upload.file, actorOf(c));
    return go(c, `/mitgliederbereich/dokumente/${id}?hochgeladen=1`);
  });

  async function documentPage(c: Ctx, values: Record<string, string> = {}, errors?: FieldErrors) {
    const db = c.get('deps').database.db;
    const id = uuidParam(c, 'id');
    const found = await findDocument(db, areaViewer(c), id);
    if (!found) throw notFound();
    if (!found.allowed) throw forbidden();
    const notice =
      c.req.query('hochgeladen') === '1'
        ? 'uploaded'
        : c.req.query('neue-fassung') === '1'
          ? 'version'
          : null;
    return renderPage(
      c,
      { title: found.doc.title, status: errors ? 422 : 200 },
      <DocumentPage
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrfOf(c)}
        doc={found.doc}
        versions={await listVersions(db, id)}
        manage={manages(c)}
        notice={notice}
        values={values}
        errors={errors}
      />,
    );
  }

  app.get('/dokumente/:id', (c) => documentPage(c));
  app.post('/dokumente/:id/fassungen', office, async (c) => {
    const db = c.get('deps').database.db;
    const id = uuidParam(c, 'id');
    const found = await findDocument(db, areaViewer(c), id);
    if (!found) throw notFound();
    const form = await readForm(c, versionSchema);
    const upload = await checkUpload((await c.req.parseBody()).file, uploadPolicies.document);
    const errors: FieldErrors = form.ok ? {} : { ...form.errors };
    if (!upload.ok) errors.file = { key: upload.error };
    if (!form.ok || !upload.ok) return documentPage(c, form.values, errors);
    await addVersion(db, id, form.data.note, upload.file, actorOf(c));
    return go(c, `/mitgliederbereich/dokumente/${id}?neue-fassung=1`);
  });

  // ------------------------------------------------------------ working groups

  async function groupList(c: Ctx, values?: Record<string, string>, errors?: FieldErrors) {
    return renderPage(
      c,
      { title: c.get('t')('memberarea.groups'), status: errors ? 422 : 200 },
      <GroupList
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrfOf(c)}
        groups={await listGroups(c.get('deps').database.db, areaViewer(c))}
        manage={manages(c)}
        values={values}
        errors={errors}
      />,
    );
  }

  app.get('/arbeitsgruppen', (c) => groupList(c));
  app.post('/arbeitsgruppen', office, async (c) => {
    const form = await readForm(c, groupSchema);
    if (!form.ok) return groupList(c, form.values, form.errors);
    const id = await createGroup(c.get('deps').database.db, form.data, actorOf(c));
    if (!id) return groupList(c, form.values, { name: { key: 'memberarea.group_exists' } });
    return go(c, `/mitgliederbereich/arbeitsgruppen/${id}`);
  });

  async function groupPage(c: Ctx, values?: Record<string, string>, errors?: FieldErrors) {
    const db = c.get('deps').database.db;
    const viewer = areaViewer(c);
    const found = await findGroup(db, viewer, uuidParam(c, 'id'));
    if (!found) throw notFound();
    if (!found.allowed) throw forbidden();
    const groupId = found.group.id;
    const [members, circulars, documents] = await Promise.all([
      groupMembers(db, groupId),
      listCirculars(db, viewer, { groupId }),
      searchDocuments(db, viewer, { groupId }),
    ]);
    return renderPage(
      c,
      { title: found.group.name, status: errors ? 422 : 200 },
      <GroupPage
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrfOf(c)}
        group={found.group}
        members={members}
        circulars={circulars}
        documents={documents}
        manage={manages(c)}
        values={values}
        errors={errors}
      />,
    );
  }

  app.get('/arbeitsgruppen/:id', (c) => groupPage(c));
  app.post('/arbeitsgruppen/:id/mitglieder', office, async (c) => {
    const db = c.get('deps').database.db;
    const id = uuidParam(c, 'id');
    if (!(await findGroup(db, areaViewer(c), id))) throw notFound();
    const form = await readForm(c, groupMemberSchema);
    if (!form.ok) return groupPage(c, form.values, form.errors);
    if (!(await addGroupMember(db, id, form.data.email, actorOf(c)))) {
      return groupPage(c, form.values, { email: { key: 'memberarea.group_member_unknown' } });
    }
    return go(c, `/mitgliederbereich/arbeitsgruppen/${id}`);
  });
  app.post('/arbeitsgruppen/:id/mitglieder/:userId/entfernen', office, async (c) => {
    const id = uuidParam(c, 'id');
    await removeGroupMember(c.get('deps').database.db, id, uuidParam(c, 'userId'), actorOf(c));
    return go(c, `/mitgliederbereich/arbeitsgruppen/${id}`);
  });

  // ------------------------------------------------------------ contacts

  app.get('/kontakte', async (c) =>
    renderPage(
      c,
      { title: c.get('t')('memberarea.contacts') },
      <ContactsPage
        t={c.get('t')}
        locale={c.get('locale')}
        organisations={await contactList(c.get('deps').database.db)}
      />,
    ),
  );

  // ------------------------------------------------------------ general assemblies

  app.get('/versammlungen', async (c) =>
    renderPage(
      c,
      { title: c.get('t')('memberarea.assemblies') },
      <AssemblyList
        t={c.get('t')}
        locale={c.get('locale')}
        assemblies={await listAssemblies(c.get('deps').database.db)}
        manage={manages(c)}
      />,
    ),
  );

  const newAssembly = (c: Ctx, values: Record<string, string> = {}, errors?: FieldErrors) =>
    renderPage(
      c,
      { title: c.get('t')('memberarea.assembly_new'), status: errors ? 422 : 200 },
      <AssemblyNew
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrfOf(c)}
        values={values}
        errors={errors}
      />,
    );
  app.get('/versammlungen/neu', office, (c) => newAssembly(c));
  app.post('/versammlungen/neu', office, async (c) => {
    const form = await readForm(c, assemblySchema);
    if (!form.ok) return newAssembly(c, form.values, form.errors);
    const id = await saveAssembly(c.get('deps').database.db, null, form.data, actorOf(c));
    return go(c, `/mitgliederbereich/versammlungen/${id}?gespeichert=1`);
  });

  async function assemblyPage(
    c: Ctx,
    extra: {
      editValues?: Record<string, string>;
      editErrors?: FieldErrors;
      decisionValues?: Record<string, string>;
      decisionErrors?: FieldErrors;
    } = {},
  ) {
    const db = c.get('deps').database.db;
    const viewer = areaViewer(c);
    const found = await findAssembly(db, uuidParam(c, 'id'));
    if (!found) throw notFound();
    const manage = manages(c);
    const { assembly } = found;
    const [documents, organisations] = await Promise.all([
      searchDocuments(db, viewer, { assemblyId: assembly.id }),
      manage ? memberOrganisations(db) : Promise.resolve([]),
    ]);
    return renderPage(
      c,
      { title: assembly.title, status: extra.editErrors || extra.decisionErrors ? 422 : 200 },
      <AssemblyPage
        t={c.get('t')}
        locale={c.get('locale')}
        csrf={csrfOf(c)}
        assembly={assembly}
        invitationHtml={assembly.invitation_md ? renderMarkdown(assembly.invitation_md) : ''}
        agenda={found.agenda}
        decisions={found.decisions}
        attendance={found.attendance}
        documents={documents}
        manage={manage}
        organisations={organisations}
        saved={c.req.query('gespeichert') === '1'}
        editValues={
          extra.editValues ?? {
            title: assembly.title,
            held_on: assembly.held_on,
            place: assembly.place,
            invitation_md: assembly.invitation_md,
            agenda: found.agenda.map((a) => a.title).join('\n'),
          }
        }
        editErrors={extra.editErrors}
        decisionValues={extra.decisionValues ?? { result: 'adopted' }}
        decisionErrors={extra.decisionErrors}
      />,
    );
  }

  async function existingAssembly(c: Ctx): Promise<string> {
    const id = uuidParam(c, 'id');
    const row = await c
      .get('deps')
      .database.db.selectFrom('memberarea_assemblies')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound();
    return id;
  }

  app.get('/versammlungen/:id', (c) => assemblyPage(c));
  app.post('/versammlungen/:id', office, async (c) => {
    const id = await existingAssembly(c);
    const form = await readForm(c, assemblySchema);
    if (!form.ok) return assemblyPage(c, { editValues: form.values, editErrors: form.errors });
    await saveAssembly(c.get('deps').database.db, id, form.data, actorOf(c));
    return go(c, `/mitgliederbereich/versammlungen/${id}?gespeichert=1`);
  });
  app.post('/versammlungen/:id/anwesenheit', office, async (c) => {
    const id = await existingAssembly(c);
    const form = await readForm(c, attendanceSchema);
    if (!form.ok) return assemblyPage(c, { editErrors: form.errors });
    await setAttendance(c.get('deps').database.db, id, form.data.organisation_id, actorOf(c));
    return go(c, `/mitgliederbereich/versammlungen/${id}?gespeichert=1`);
  });
  app.post('/versammlungen/:id/beschluesse', office, async (c) => {
    const id = await existingAssembly(c);
    const form = await readForm(c, decisionSchema);
    if (!form.ok) return assemblyPage(c, { decisionValues: form.values, decisionErrors: form.errors });
    await addDecision(c.get('deps').database.db, id, form.data, actorOf(c));
    return go(c, `/mitgliederbereich/versammlungen/${id}?gespeichert=1`);
  });

  return app;
}
