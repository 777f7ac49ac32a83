import type { Kysely } from 'kysely';
import type { DB, Db, MaterialVisibility } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { saveFile } from '../../platform/files/store.ts';
import type { CheckedUpload } from '../../platform/files/uploads.ts';
import type { Actor } from './repo.ts';

export const materialVisibilities: readonly MaterialVisibility[] = ['participants', 'public'];

/** The materials of an event; `public` only, or everything (office, participants). */
export function listMaterials(db: Db, eventId: string, which: 'public' | 'all') {
  let q = db
    .selectFrom('event_materials as m')
    .innerJoin('stored_files as f', 'f.id', 'm.file_id')
    .select(['m.id', 'm.title', 'm.visibility', 'm.created_at', 'f.name', 'f.size', 'f.media_type'])
    .where('m.event_id', '=', eventId);
  if (which === 'public') q = q.where('m.visibility', '=', 'public');
  return q.orderBy('m.created_at').execute();
}

/** One material with its bytes, if it belongs to the event and is visible to the asker. */
export function materialFile(db: Db, eventId: string, materialId: string, which: 'public' | 'all') {
  let q = db
    .selectFrom('event_materials as m')
    .innerJoin('stored_files as f', 'f.id', 'm.file_id')
    .select(['f.name', 'f.media_type', 'f.content'])
    .where('m.event_id', '=', eventId)
    .where('m.id', '=', materialId);
  if (which === 'public') q = q.where('m.visibility', '=', 'public');
  return q.executeTakeFirst();
}

export async function addMaterial(
  db: Kysely<DB>,
  eventId: string,
  input: { title: string; visibility: MaterialVisibility; file: CheckedUpload },
  actor: Actor,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const fileId = await saveFile(trx, input.file, { createdBy: actor.user.id });
    const row = await trx
      .insertInto('event_materials')
      .values({
        event_id: eventId,
        file_id: fileId,
        title: input.title,
        visibility: input.visibility,
        created_by: actor.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'event.material_add',
      targetType: 'event',
      targetId: eventId,
      ip: actor.ip,
      meta: { material: row.id, visibility: input.visibility, size: input.file.size },
    });
    return row.id;
  });
}

export async function deleteMaterial(
  db: Kysely<DB>,
  eventId: string,
  materialId: string,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom('event_materials')
      .where('event_id', '=', eventId)
      .where('id', '=', materialId)
      .returning('file_id')
      .executeTakeFirst();
    if (!gone) return false;
    await trx.deleteFrom('stored_files').where('id', '=', gone.file_id).execute();
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'event.material_delete',
      targetType: 'event',
      targetId: eventId,
      ip: actor.ip,
      meta: { material: materialId },
    });
    return true;
  });
}
