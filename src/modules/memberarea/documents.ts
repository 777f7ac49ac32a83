import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, DocumentAccess } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { extractPdfText } from '../../platform/files/pdf-text.ts';
import { saveFile } from '../../platform/files/store.ts';
import type { CheckedUpload } from '../../platform/files/uploads.ts';
import { accessLevels, groupVisible, levelsFor, mayOpen, seesAllGroups, type Viewer } from './access.ts';
import type { Actor } from './circulars.ts';

/** The search vector holds at most this much PDF text per document (PostgreSQL caps a tsvector at 1 MB). */
const MAX_INDEXED_TEXT = 200_000;

const optionalUuid = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || z.uuid().safeParse(v).success, 'validation.choice')
  .transform((v) => (v ? v.toLowerCase() : null));

export const documentSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    description: z.string().trim().max(2000).default(''),
    access: z.enum(accessLevels),
    folder_id: optionalUuid,
    group_id: optionalUuid,
    assembly_id: optionalUuid,
    assembly_role: z
      .enum(['', 'invitation', 'minutes', 'other'])
      .default('')
      .transform((v) => (v === '' ? null : v)),
  })
  .refine((v) => !(v.group_id && v.access === 'public'), {
    path: ['access'],
    message: 'memberarea.group_not_public',
  });
export type DocumentInput = z.infer<typeof documentSchema>;

export const versionSchema = z.object({ note: z.string().trim().max(500).default('') });
export const folderSchema = z.object({ name: z.string().trim().min(1).max(200) });
export const searchSchema = z.object({
  q: z.string().trim().max(200).optional().default(''),
  ordner: z
    .string()
    .optional()
    .refine((v) => !v || z.uuid().safeParse(v).success, 'validation.invalid'),
});

/** The text of a PDF for the search; other types (and unreadable PDFs) are found by title and description. */
async function searchableText(file: CheckedUpload): Promise<string | null> {
  if (file.mediaType !== 'application/pdf') return null;
  try {
    const text = (await extractPdfText(file.bytes)).pages.join('\n');
    // NUL cannot be stored in a text column
    return text.replaceAll('\u0000', '').slice(0, MAX_INDEXED_TEXT);
  } catch {
    return null;
  }
}

export async function createDocument(
  db: Db,
  input: DocumentInput,
  file: CheckedUpload,
  actor: Actor,
): Promise<string> {
  const text = await searchableText(file);
  return db.transaction().execute(async (trx) => {
    const doc = await trx
      .insertInto('memberarea_documents')
      .values({
        title: input.title,
        description: input.description,
        access: input.access,
        folder_id: input.folder_id,
        group_id: input.group_id,
        assembly_id: input.assembly_id,
        assembly_role: input.assembly_id ? (input.assembly_role ?? 'other') : null,
        body_text: text ?? '',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const fileId = await saveFile(trx, file, { createdBy: actor.user.id, textContent: text });
    await trx
      .insertInto('memberarea_document_versions')
      .values({ document_id: doc.id, version: 1, file_id: fileId, created_by: actor.user.id })
      .execute();
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'document.upload',
      targetType: 'document',
      targetId: doc.id,
      ip: actor.ip,
      meta: { access: input.access, version: 1, type: file.mediaType, size: file.size },
    });
    return doc.id;
  });
}

/**
 * A new version of a document: the older versions stay (and stay downloadable); the search now covers the
 * new file's text. The version number is taken under a row lock on the document, so two uploads at once
 * cannot both become version n.
 */
export async function addVersion(
  db: Db,
  documentId: string,
  note: string,
  file: CheckedUpload,
  actor: Actor,
): Promise<number> {
  const text = await searchableText(file);
  return db.transaction().execute(async (trx) => {
    await trx
      .selectFrom('memberarea_documents')
      .select('id')
      .where('id', '=', documentId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const last = await trx
      .selectFrom('memberarea_document_versions')
      .select(sql<number>`coalesce(max(version), 0)::int`.as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    const version = last.n + 1;
    const fileId = await saveFile(trx, file, { createdBy: actor.user.id, textContent: text });
    await trx
      .insertInto('memberarea_document_versions')
      .values({ document_id: documentId, version, file_id: fileId, note, created_by: actor.user.id })
      .execute();
    await trx
      .updateTable('memberarea_documents')
      .set({ body_text: text ?? '', updated_at: new Date() })
      .where('id', '=', documentId)
      .execute();
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'document.version',
      targetType: 'document',
      targetId: documentId,
      ip: actor.ip,
      meta: { version, type: file.mediaType, size: file.size },
    });
    return version;
  });
}

export interface DocumentRow {
  id: string;
  title: string;
  description: string;
  access: DocumentAccess;
  folder_id: string | null;
  folder_name: string | null;
  group_id: string | null;
  group_name: string | null;
  updated_at: Date;
  version: number;
  media_type: string;
  size: number;
  file_name: string;
  snippet?: string | null;
}

function documentQuery(db: Db, viewer: Viewer | null) {
  return db
    .selectFrom('memberarea_documents')
    .leftJoin('memberarea_folders as f', 'f.id', 'memberarea_documents.folder_id')
    .leftJoin('memberarea_groups as g', 'g.id', 'memberarea_documents.group_id')
    .innerJoin('memberarea_document_versions as v', (join) =>
      join
        .onRef('v.document_id', '=', 'memberarea_documents.id')
        .on(
          'v.version',
          '=',
          sql<number>`(SELECT max(version) FROM memberarea_document_versions x WHERE x.document_id = memberarea_documents.id)`,
        ),
    )
    .innerJoin('stored_files as s', 's.id', 'v.file_id')
    .select([
      'memberarea_documents.id',
      'memberarea_documents.title',
      'memberarea_documents.description',
      'memberarea_documents.access',
      'memberarea_documents.folder_id',
      'f.name as folder_name',
      'memberarea_documents.group_id',
      'g.name as group_name',
      'memberarea_documents.updated_at',
      'v.version',
      's.media_type',
      's.size',
      's.name as file_name',
    ])
    .where('memberarea_documents.access', 'in', levelsFor(viewer))
    .where(groupVisible(viewer, 'memberarea_documents'));
}

/**
 * The documents a viewer may open: filtered by access level and working group in SQL, so nothing else is ever
 * loaded. With a query: German full text over title, description and PDF text, best matches first, with a
 * highlighted snippet.
 */
export async function searchDocuments(
  db: Db,
  viewer: Viewer | null,
  options: { q?: string; folderId?: string | null; groupId?: string; assemblyId?: string; limit?: number },
): Promise<DocumentRow[]> {
  let query = documentQuery(db, viewer);
  if (options.folderId) query = query.where('memberarea_documents.folder_id', '=', options.folderId);
  if (options.groupId) query = query.where('memberarea_documents.group_id', '=', options.groupId);
  if (options.assemblyId) query = query.where('memberarea_documents.assembly_id', '=', options.assemblyId);
  if (options.q) {
    const tsq = sql`websearch_to_tsquery('german', ${options.q})`;
    return query
      .select(
        sql<string>`ts_headline('german', memberarea_documents.title || ' – ' || left(memberarea_documents.body_text, 20000), ${tsq}, 'MaxWords=25, MinWords=8, StartSel=«, StopSel=»')`.as(
          'snippet',
        ),
      )
      .where(sql<boolean>`memberarea_documents.search @@ ${tsq}`)
      .orderBy(sql`ts_rank(memberarea_documents.search, ${tsq})`, 'desc')
      .orderBy('memberarea_documents.title')
      .limit(options.limit ?? 100)
      .execute();
  }
  return query
    .orderBy('memberarea_documents.updated_at', 'desc')
    .limit(options.limit ?? 500)
    .execute();
}

/** A document and whether the viewer may open it; undefined when there is none. */
export async function findDocument(db: Db, viewer: Viewer | null, id: string) {
  const doc = await db
    .selectFrom('memberarea_documents')
    .leftJoin('memberarea_folders as f', 'f.id', 'memberarea_documents.folder_id')
    .leftJoin('memberarea_groups as g', 'g.id', 'memberarea_documents.group_id')
    .leftJoin('memberarea_assemblies as a', 'a.id', 'memberarea_documents.assembly_id')
    .select([
      'memberarea_documents.id',
      'memberarea_documents.title',
      'memberarea_documents.description',
      'memberarea_documents.access',
      'memberarea_documents.group_id',
      'g.name as group_name',
      'f.name as folder_name',
      'memberarea_documents.assembly_id',
      'a.title as assembly_title',
      'memberarea_documents.updated_at',
    ])
    .where('memberarea_documents.id', '=', id)
    .executeTakeFirst();
  if (!doc) return undefined;
  let allowed = mayOpen(viewer, doc.access);
  if (allowed && doc.group_id && !seesAllGroups(viewer)) {
    allowed =
      !!viewer &&
      !!(await db
        .selectFrom('memberarea_group_members')
        .select('user_id')
        .where('group_id', '=', doc.group_id)
        .where('user_id', '=', viewer.id)
        .executeTakeFirst());
  }
  return { doc, allowed };
}

export function listVersions(db: Db, documentId: string) {
  return db
    .selectFrom('memberarea_document_versions as v')
    .innerJoin('stored_files as s', 's.id', 'v.file_id')
    .leftJoin('users as u', 'u.id', 'v.created_by')
    .select([
      'v.id',
      'v.version',
      'v.note',
      'v.created_at',
      's.name',
      's.media_type',
      's.size',
      'u.name as author',
    ])
    .where('v.document_id', '=', documentId)
    .orderBy('v.version', 'desc')
    .execute();
}

/** The file of one version (the newest when no version id is given). */
export function versionFile(db: Db, documentId: string, versionId?: string) {
  let query = db
    .selectFrom('memberarea_document_versions as v')
    .innerJoin('stored_files as s', 's.id', 'v.file_id')
    .select(['v.version', 's.name', 's.media_type', 's.content'])
    .where('v.document_id', '=', documentId);
  query = versionId ? query.where('v.id', '=', versionId) : query.orderBy('v.version', 'desc').limit(1);
  return query.executeTakeFirst();
}

export function listFolders(db: Db) {
  return db.selectFrom('memberarea_folders').selectAll().orderBy('position').orderBy('name').execute();
}

export async function createFolder(db: Db, name: string, actor: Actor): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('memberarea_folders')
      .values({ name })
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return null;
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'document_folder.create',
      targetType: 'document_folder',
      targetId: row.id,
      ip: actor.ip,
    });
    return row.id;
  });
}
