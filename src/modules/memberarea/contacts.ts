import type { Db } from '../../db/types.ts';

export interface ContactOrganisation {
  id: string;
  name: string;
  city: string;
  country: string;
  website: string | null;
  people: Array<{ name: string; email: string; role: string }>;
}

/**
 * The internal contact list: admitted member organisations from the register, with the active accounts of
 * each (names and work e-mail addresses). Only for the member area; never on a public page.
 */
export async function contactList(db: Db): Promise<ContactOrganisation[]> {
  const orgs = await db
    .selectFrom('network_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'm.city', 'm.country', 'm.website'])
    .where('m.status', '=', 'admitted')
    .orderBy('o.name')
    .execute();
  if (orgs.length === 0) return [];
  const people = await db
    .selectFrom('users')
    .select(['organisation_id', 'name', 'email', 'role'])
    .where('active', '=', true)
    .where(
      'organisation_id',
      'in',
      orgs.map((o) => o.id),
    )
    .where('role', 'in', ['member', 'member_admin'])
    .orderBy('name')
    .execute();
  return orgs.map((o) => ({
    ...o,
    people: people
      .filter((p) => p.organisation_id === o.id)
      .map((p) => ({ name: p.name, email: p.email, role: p.role })),
  }));
}
