import { z } from 'zod';
import type { Db } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { seesAllGroups, type Viewer } from './access.ts';
import { type Actor, areaRoles } from './circulars.ts';

export const groupSchema = z.object({
  name: z.string().trim().min(2).max(200),
  description: z.string().trim().max(2000).default(''),
});
export const groupMemberSchema = z.object({ email: z.email().trim().toLowerCase() });

/** Working groups the viewer belongs to (the office sees all), with their size. */
export function listGroups(db: Db, viewer: Viewer) {
  let query = db
    .selectFrom('memberarea_groups as g')
    .select((eb) => [
      'g.id',
      'g.name',
      'g.description',
      eb
        .selectFrom('memberarea_group_members as m')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('m.group_id', '=', 'g.id')
        .as('members'),
    ])
    .orderBy('g.name');
  if (!seesAllGroups(viewer)) {
    query = query.where('g.id', 'in', (eb) =>
      eb.selectFrom('memberarea_group_members').select('group_id').where('user_id', '=', viewer.id),
    );
  }
  return query.execute();
}

/** A working group and whether the viewer may see into it (its members and the office). */
export async function findGroup(db: Db, viewer: Viewer, id: string) {
  const group = await db.selectFrom('memberarea_groups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!group) return undefined;
  const member = await db
    .selectFrom('memberarea_group_members')
    .select('user_id')
    .where('group_id', '=', id)
    .where('user_id', '=', viewer.id)
    .executeTakeFirst();
  return { group, allowed: seesAllGroups(viewer) || !!member };
}

export function groupMembers(db: Db, groupId: string) {
  return db
    .selectFrom('memberarea_group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select(['u.id', 'u.name', 'u.email', 'u.role', 'o.name as organisation'])
    .where('m.group_id', '=', groupId)
    .orderBy('o.name')
    .orderBy('u.name')
    .execute();
}

export async function createGroup(
  db: Db,
  input: z.infer<typeof groupSchema>,
  actor: Actor,
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('memberarea_groups')
      .values(input)
      .onConflict((oc) => oc.column('name').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) return null;
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'working_group.create',
      targetType: 'working_group',
      targetId: row.id,
      ip: actor.ip,
    });
    return row.id;
  });
}

/** Adds an account of the member area to a group; false when there is no such active account. */
export async function addGroupMember(db: Db, groupId: string, email: string, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .where('active', '=', true)
      .where('role', 'in', areaRoles)
      .executeTakeFirst();
    if (!user) return false;
    await trx
      .insertInto('memberarea_group_members')
      .values({ group_id: groupId, user_id: user.id })
      .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
      .execute();
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'working_group.add_member',
      targetType: 'working_group',
      targetId: groupId,
      ip: actor.ip,
      meta: { user: user.id },
    });
    return true;
  });
}

export async function removeGroupMember(
  db: Db,
  groupId: string,
  userId: string,
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('memberarea_group_members')
      .where('group_id', '=', groupId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0) return;
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'working_group.remove_member',
      targetType: 'working_group',
      targetId: groupId,
      ip: actor.ip,
      meta: { user: userId },
    });
  });
}
