import { z } from 'zod';
import type { Db, Locale, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { putSetting } from '../../platform/site.ts';
import { seedOfficeTeam } from '../pages/seed-content.ts';

const text = (max: number) => z.string().trim().max(max).default('');

export const teamMemberSchema = z.object({
  name: z.string().trim().min(2).max(200),
  role_de: z.string().trim().min(1).max(200),
  role_en: text(200),
  areas_de: text(500),
  areas_en: text(500),
  email: z.union([z.literal(''), z.string().trim().max(254).pipe(z.email())]).default(''),
  position: z.coerce.number().int().min(0).max(999).default(0),
});
export type TeamMemberInput = z.infer<typeof teamMemberSchema>;

interface Actor {
  user: User;
  ip: string | null;
}

export function listTeam(db: Db) {
  return db.selectFrom('office_team').selectAll().orderBy('position').orderBy('name').execute();
}

export function getTeamMember(db: Db, id: string) {
  return db.selectFrom('office_team').selectAll().where('id', '=', id).executeTakeFirst();
}

const row = (input: TeamMemberInput) => ({ ...input, email: input.email || null });

export async function addTeamMember(db: Db, input: TeamMemberInput, actor: Actor): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('office_team')
      .values(row(input))
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'team.add',
      targetType: 'office_team',
      targetId: id,
      ip: actor.ip,
    });
    return id;
  });
}

export async function updateTeamMember(
  db: Db,
  id: string,
  input: TeamMemberInput,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('office_team')
      .set({ ...row(input), updated_at: new Date() })
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (updated)
      await audit(trx, {
        actorId: actor.user.id,
        actorLabel: actor.user.role,
        action: 'team.update',
        targetType: 'office_team',
        targetId: id,
        ip: actor.ip,
      });
    return Boolean(updated);
  });
}

export async function removeTeamMember(db: Db, id: string, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('office_team')
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
    if (removed)
      await audit(trx, {
        actorId: actor.user.id,
        actorLabel: actor.user.role,
        action: 'team.remove',
        targetType: 'office_team',
        targetId: id,
        ip: actor.ip,
      });
    return Boolean(removed);
  });
}

/** Markdown has a few characters that would turn a name into formatting; they are shown as typed. */
const escapeMarkdown = (s: string) => s.replace(/([\\`*_{}[\]()#+!<>|~-])/g, '\\$1');

/** The team as a Markdown list for the page variable {{office_team}}: "Name, Funktion (Arbeitsbereiche)". */
export async function teamMarkdown(db: Db, locale: Locale): Promise<string> {
  const team = await listTeam(db);
  return team
    .map((p) => {
      const role = (locale === 'en' && p.role_en) || p.role_de;
      const areas = (locale === 'en' && p.areas_en) || p.areas_de;
      let line = `- ${escapeMarkdown(p.name)}, ${escapeMarkdown(role)}`;
      if (areas) line += ` (${escapeMarkdown(areas)})`;
      if (p.email) line += ` – <${p.email}>`;
      return line;
    })
    .join('\n');
}

/** On the very first start the team comes from the seed; afterwards the office's list is never refilled. */
export async function ensureOfficeTeam(db: Db): Promise<void> {
  const seeded = await db
    .selectFrom('settings')
    .select('key')
    .where('key', '=', 'office_team_seeded')
    .executeTakeFirst();
  if (seeded) return;
  const any = await db.selectFrom('office_team').select('id').limit(1).executeTakeFirst();
  if (!any)
    await db
      .insertInto('office_team')
      .values(seedOfficeTeam.map((p, i) => ({ ...p, position: i + 1 })))
      .execute();
  await putSetting(db, 'office_team_seeded', true);
}
