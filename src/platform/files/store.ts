import type { Db } from '../../db/types.ts';
import type { CheckedUpload } from './uploads.ts';

export interface StoredFileMeta {
  id: string;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
  created_at: Date;
}

/** Stores a checked upload (in the caller's transaction) and returns its id. */
export async function saveFile(
  db: Db,
  file: CheckedUpload,
  options: { createdBy?: string | null; textContent?: string | null } = {},
): Promise<string> {
  const row = await db
    .insertInto('stored_files')
    .values({
      name: file.name,
      media_type: file.mediaType,
      size: file.size,
      sha256: file.sha256,
      content: file.bytes,
      text_content: options.textContent ?? null,
      created_by: options.createdBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function fileMeta(db: Db, id: string): Promise<StoredFileMeta | undefined> {
  return db
    .selectFrom('stored_files')
    .select(['id', 'name', 'media_type', 'size', 'sha256', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function fileWithContent(db: Db, id: string) {
  return db
    .selectFrom('stored_files')
    .select(['id', 'name', 'media_type', 'size', 'sha256', 'created_at', 'content'])
    .where('id', '=', id)
    .executeTakeFirst();
}
