import { type RawBuilder, sql } from 'kysely';
import type { DocumentAccess, Role } from '../../db/types.ts';
import { can } from '../../platform/permissions.ts';

export const accessLevels = ['public', 'members', 'board', 'office'] as const satisfies DocumentAccess[];

/** Who is looking: null for someone not logged in. */
export interface Viewer {
  id: string;
  role: Role;
  organisation_id: string | null;
}

/**
 * The access levels a role may open. `members` means the member area (members, their heads, the board and the
 * office); `board` adds nothing for members; `office` is the office's own. The administrator keeps the system
 * running and is not part of the member area: public documents only.
 */
export function levelsFor(viewer: Viewer | null): DocumentAccess[] {
  if (!viewer || !can(viewer.role, 'memberarea:use')) return ['public'];
  if (viewer.role === 'office') return ['public', 'members', 'board', 'office'];
  if (viewer.role === 'board') return ['public', 'members', 'board'];
  return ['public', 'members'];
}

export function mayOpen(viewer: Viewer | null, access: DocumentAccess): boolean {
  return levelsFor(viewer).includes(access);
}

/** The office sees every working group's content; everyone else only the groups they belong to. */
export function seesAllGroups(viewer: Viewer | null): boolean {
  return !!viewer && can(viewer.role, 'memberarea:manage');
}

/**
 * A filter for rows that carry a `group_id`: no group, or a group the viewer belongs to (or the office). Used for
 * circulars and documents alike, so the rule is written once.
 */
export function groupVisible(
  viewer: Viewer | null,
  table: 'memberarea_circulars' | 'memberarea_documents',
): RawBuilder<boolean> {
  const column = sql.ref(`${table}.group_id`);
  if (seesAllGroups(viewer)) return sql<boolean>`true`;
  if (!viewer) return sql<boolean>`${column} IS NULL`;
  return sql<boolean>`(${column} IS NULL OR ${column} IN (SELECT group_id FROM memberarea_group_members WHERE user_id = ${viewer.id}))`;
}
