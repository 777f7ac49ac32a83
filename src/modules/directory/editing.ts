import type { Kysely, Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB, Locale } from '../../db/types.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { localePath, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { changedFields, contentOf, pick, storedChanges } from './diff.ts';
import { writeContent } from './edit-repo.ts';
import type { EntryContent, OfficeInput } from './edit-schema.ts';
import {
  type Actor,
  afterPublicChange,
  contentPart,
  lockCentre,
  type OfficeColumns,
  officeColumns,
  record,
  today,
} from './edit-support.ts';

export { type Actor, slugify, today } from './edit-support.ts';

/** The office edits an entry directly: public at once. */
export async function saveCentre(db: Kysely<DB>, id: string, input: OfficeInput, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    const before = await lockCentre(trx, id);
    if (input.base_updated_at && before.updatedAt.toISOString() !== input.base_updated_at)
      throw new AppError('conflict', 'directory.edit.conflict');
    const columns = await officeColumns(trx, input, before);
    const content = contentPart(input);
    const contentChanged = changedFields(contentOf(before), content);
    const fields: string[] = [...contentChanged];
    const old: OfficeColumns = {
      slug: before.slug,
      organisation_id: before.organisationId,
      is_member: before.isMember,
      published: before.published,
      verified_at: before.verifiedAt,
    };
    for (const key of Object.keys(columns) as Array<keyof OfficeColumns>)
      if (columns[key] !== old[key]) fields.push(key);
    await writeContent(trx, id, pick(content, contentChanged), before.locations, columns);
    await record(trx, actor, 'update', id, { fields });
  });
  afterPublicChange();
}

export async function createCentre(db: Kysely<DB>, input: OfficeInput, actor: Actor): Promise<string> {
  const id = await db.transaction().execute(async (trx) => {
    const columns = await officeColumns(trx, input, null);
    const { locations, phones, ...scalars } = contentPart(input);
    const created = await trx
      .insertInto('directory_centres')
      .values({ ...scalars, ...columns })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeContent(trx, created.id, { locations, phones }, []);
    await record(trx, actor, 'create', created.id, { fields: Object.keys({ ...scalars, ...columns }) });
    return created.id;
  });
  afterPublicChange();
  return id;
}

/**
 * A centre proposes changes to its own entry. Only the fields that differ from the public entry are stored; a
 * centre has one open request at most, which a new proposal replaces. The public entry does not change.
 */
export async function proposeChange(db: Kysely<DB>, centreId: string, content: EntryContent, actor: Actor) {
  return db.transaction().execute(async (trx) => {
    const before = await lockCentre(trx, centreId);
    const fields = changedFields(contentOf(before), content);
    if (fields.length === 0) return { requestId: null, fields };
    const changes = JSON.stringify(pick(content, fields));
    const open = await trx
      .selectFrom('directory_change_requests')
      .select('id')
      .where('centre_id', '=', centreId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    const requestId = open
      ? (
          await trx
            .updateTable('directory_change_requests')
            .set({ changes, submitted_by: actor.user.id, created_at: new Date() })
            .where('id', '=', open.id)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      : (
          await trx
            .insertInto('directory_change_requests')
            .values({ centre_id: centreId, submitted_by: actor.user.id, changes })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    await record(trx, actor, 'change_requested', centreId, { request_id: requestId, fields });
    return { requestId, fields };
  });
}

async function lockPending(trx: Transaction<DB>, requestId: string) {
  const request = await trx
    .selectFrom('directory_change_requests')
    .selectAll()
    .where('id', '=', requestId)
    .forUpdate()
    .executeTakeFirst();
  if (!request) throw notFound();
  if (request.status !== 'pending') throw new AppError('conflict', 'directory.review.not_pending');
  return request;
}

/** The office approves a request: its fields become public, and the entry counts as verified today. */
export async function approveChange(db: Kysely<DB>, requestId: string, actor: Actor): Promise<string> {
  const centreId = await db.transaction().execute(async (trx) => {
    const request = await lockPending(trx, requestId);
    const before = await lockCentre(trx, request.centre_id);
    const changes = storedChanges(request.changes);
    await writeContent(trx, before.id, changes, before.locations, { verified_at: today() });
    await trx
      .updateTable('directory_change_requests')
      .set({ status: 'approved', decided_by: actor.user.id, decided_at: new Date() })
      .where('id', '=', requestId)
      .execute();
    await record(trx, actor, 'change_approved', before.id, {
      request_id: requestId,
      fields: Object.keys(changes),
    });
    return before.id;
  });
  afterPublicChange();
  return centreId;
}

/** The office returns a request with a comment, which is mailed to the person who sent it. */
export async function returnChange(
  db: Kysely<DB>,
  requestId: string,
  comment: string,
  actor: Actor,
  config: Config,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const request = await lockPending(trx, requestId);
    await trx
      .updateTable('directory_change_requests')
      .set({ status: 'returned', comment, decided_by: actor.user.id, decided_at: new Date() })
      .where('id', '=', requestId)
      .execute();
    const centre = await trx
      .selectFrom('directory_centres')
      .select('name')
      .where('id', '=', request.centre_id)
      .executeTakeFirstOrThrow();
    const submitter = request.submitted_by
      ? await trx
          .selectFrom('users')
          .select(['email', 'locale'])
          .where('id', '=', request.submitted_by)
          .where('active', '=', true)
          .executeTakeFirst()
      : undefined;
    if (submitter) {
      const t = translator(submitter.locale as Locale);
      await enqueueMail(trx, {
        to: submitter.email,
        subject: t('directory.mail.returned_subject'),
        text: t('directory.mail.returned_body', {
          centre: centre.name,
          comment,
          link: `${config.publicUrl}${localePath(submitter.locale as Locale, '/mein-eintrag')}`,
        }),
      });
    }
    await record(trx, actor, 'change_returned', request.centre_id, {
      request_id: requestId,
      fields: Object.keys(storedChanges(request.changes)),
      notified: Boolean(submitter),
    });
  });
}

/** The live shelter signal: no review, public at once. */
export async function setShelter(
  db: Kysely<DB>,
  centreId: string,
  status: 'available' | 'limited' | 'none',
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('directory_centres')
      .set({ shelter_status: status, shelter_updated_at: new Date() })
      .where('id', '=', centreId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound();
    await record(trx, actor, 'shelter_set', centreId, { fields: ['shelter_status'] });
  });
  afterPublicChange();
}

/** The centre confirms its entry is up to date: counts as a verification without review. */
export async function confirmVerified(db: Kysely<DB>, centreId: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('directory_centres')
      .set({ verified_at: today(), updated_at: new Date() })
      .where('id', '=', centreId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw notFound();
    await record(trx, actor, 'verified', centreId, { fields: ['verified_at'] });
  });
  afterPublicChange();
}
