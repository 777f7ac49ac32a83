import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, DecisionResult } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import type { Actor } from './circulars.ts';

export const decisionResults = ['adopted', 'rejected', 'deferred'] as const satisfies DecisionResult[];

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.format')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'validation.format');

export const assemblySchema = z.object({
  title: z.string().trim().min(2).max(200),
  held_on: isoDate,
  place: z.string().trim().max(300).default(''),
  invitation_md: z.string().max(50_000).default(''),
  /** One agenda item per line. */
  agenda: z
    .string()
    .max(20_000)
    .default('')
    .transform((v) =>
      v
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((items) => items.every((i) => i.length <= 300), 'memberarea.agenda_item_too_long'),
});
export type AssemblyInput = z.infer<typeof assemblySchema>;

/** Field names differ from the assembly form's, as both forms share a page. */
export const decisionSchema = z.object({
  decision_title: z.string().trim().min(1).max(300),
  decision_text: z.string().trim().max(5000).default(''),
  result: z.enum(decisionResults),
  votes: z.string().trim().max(200).default(''),
});

export const attendanceSchema = z.object({
  organisation_id: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .refine((ids) => ids.every((id) => z.uuid().safeParse(id).success), 'validation.choice'),
});

export function listAssemblies(db: Db) {
  return db
    .selectFrom('memberarea_assemblies as a')
    .select([
      'a.id',
      'a.title',
      sql<string>`a.held_on::text`.as('held_on'),
      'a.place',
      sql<number>`(SELECT count(*)::int FROM memberarea_assembly_attendance x WHERE x.assembly_id = a.id)`.as(
        'attending',
      ),
    ])
    .orderBy('a.held_on', 'desc')
    .execute();
}

export async function findAssembly(db: Db, id: string) {
  const assembly = await db
    .selectFrom('memberarea_assemblies')
    .select(['id', 'title', sql<string>`held_on::text`.as('held_on'), 'place', 'invitation_md', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!assembly) return undefined;
  const [agenda, decisions, attendance] = await Promise.all([
    db
      .selectFrom('memberarea_assembly_agenda')
      .select(['position', 'title'])
      .where('assembly_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('memberarea_assembly_decisions')
      .select(['id', 'title', 'text', 'result', 'votes'])
      .where('assembly_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('memberarea_assembly_attendance as x')
      .innerJoin('organisations as o', 'o.id', 'x.organisation_id')
      .select(['o.id', 'o.name'])
      .where('x.assembly_id', '=', id)
      .orderBy('o.name')
      .execute(),
  ]);
  return { assembly, agenda, decisions, attendance };
}

/** Organisations that can attend: the admitted members of the register. */
export function memberOrganisations(db: Db) {
  return db
    .selectFrom('network_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name'])
    .where('m.status', '=', 'admitted')
    .orderBy('o.name')
    .execute();
}

/** Creates or updates a general assembly; the agenda is replaced as a whole. */
export async function saveAssembly(
  db: Db,
  id: string | null,
  input: AssemblyInput,
  actor: Actor,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const fields = {
      title: input.title,
      held_on: input.held_on,
      place: input.place,
      invitation_md: input.invitation_md,
    };
    const saved = id
      ? await trx
          .updateTable('memberarea_assemblies')
          .set({ ...fields, updated_at: new Date() })
          .where('id', '=', id)
          .returning('id')
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('memberarea_assemblies')
          .values(fields)
          .returning('id')
          .executeTakeFirstOrThrow();
    await trx.deleteFrom('memberarea_assembly_agenda').where('assembly_id', '=', saved.id).execute();
    if (input.agenda.length > 0) {
      await trx
        .insertInto('memberarea_assembly_agenda')
        .values(input.agenda.map((title, i) => ({ assembly_id: saved.id, position: i + 1, title })))
        .execute();
    }
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: id ? 'assembly.update' : 'assembly.create',
      targetType: 'assembly',
      targetId: saved.id,
      ip: actor.ip,
    });
    return saved.id;
  });
}

export async function setAttendance(db: Db, assemblyId: string, organisationIds: string[], actor: Actor) {
  await db.transaction().execute(async (trx) => {
    const valid = organisationIds.length
      ? await trx.selectFrom('organisations').select('id').where('id', 'in', organisationIds).execute()
      : [];
    await trx.deleteFrom('memberarea_assembly_attendance').where('assembly_id', '=', assemblyId).execute();
    if (valid.length > 0) {
      await trx
        .insertInto('memberarea_assembly_attendance')
        .values(valid.map((o) => ({ assembly_id: assemblyId, organisation_id: o.id })))
        .execute();
    }
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'assembly.attendance',
      targetType: 'assembly',
      targetId: assemblyId,
      ip: actor.ip,
      meta: { organisations: valid.length },
    });
  });
}

export async function addDecision(
  db: Db,
  assemblyId: string,
  input: z.infer<typeof decisionSchema>,
  actor: Actor,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('memberarea_assembly_decisions')
      .values({
        assembly_id: assemblyId,
        title: input.decision_title,
        text: input.decision_text,
        result: input.result,
        votes: input.votes,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'assembly.decision',
      targetType: 'assembly',
      targetId: assemblyId,
      ip: actor.ip,
      meta: { decision: row.id, result: input.result },
    });
  });
}
