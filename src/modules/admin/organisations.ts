import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, Db, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { fieldError } from '../../platform/errors.ts';

export const organisationSchema = z.object({
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'admin.slug_format'),
  name: z.string().trim().min(2).max(200),
});

export function listOrganisations(db: Db) {
  return db
    .selectFrom('organisations')
    .leftJoin('users', 'users.organisation_id', 'organisations.id')
    .select(['organisations.id', 'organisations.slug', 'organisations.name', 'organisations.is_demo'])
    .select((eb) => eb.fn.count<number>('users.id').as('accounts'))
    .groupBy('organisations.id')
    .orderBy('organisations.name')
    .execute();
}

export async function createOrganisation(
  db: Kysely<DB>,
  input: z.infer<typeof organisationSchema>,
  actor: { user: User | null; label: string; ip: string | null },
) {
  const taken = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', input.slug)
    .executeTakeFirst();
  if (taken) throw fieldError('slug', 'admin.slug_taken');
  return db.transaction().execute(async (trx) => {
    const org = await trx.insertInto('organisations').values(input).returningAll().executeTakeFirstOrThrow();
    await audit(trx, {
      actorId: actor.user?.id ?? null,
      actorLabel: actor.label,
      action: 'organisation.create',
      targetType: 'organisation',
      targetId: org.id,
      ip: actor.ip,
      meta: { slug: org.slug },
    });
    return org;
  });
}
