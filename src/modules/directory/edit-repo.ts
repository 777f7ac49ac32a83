import { sql, type Transaction } from 'kysely';
import type { DB, Db } from '../../db/types.ts';
import type { EntryContent, LocationContent } from './edit-schema.ts';
import { findCentreById } from './repo.ts';
import type { CentreRecord, LocationRecord } from './types.ts';

/** The entry an organisation maintains (the oldest, should there ever be several). */
export async function ownCentre(db: Db, organisationId: string | null): Promise<CentreRecord | null> {
  if (!organisationId) return null;
  const row = await db
    .selectFrom('directory_centres')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row ? findCentreById(db, row.id) : null;
}

/**
 * The exact position is stored only for a public address. Without street-level geocoding it is the postal code's
 * position, unless the same address was stored before with a more precise one.
 */
function exactPoint(
  l: LocationContent,
  previous: LocationRecord[],
): { lat: number | null; lon: number | null } {
  if (l.address_privacy !== 'public') return { lat: null, lon: null };
  const same = previous.find(
    (p) => p.street === l.street && p.postalCode === l.postal_code && p.latitude !== null,
  );
  if (same) return { lat: same.latitude, lon: same.longitude };
  return { lat: l.city_latitude, lon: l.city_longitude };
}

/** Writes the given fields of an entry; locations and phones are replaced as a whole when given. */
export async function writeContent(
  trx: Transaction<DB>,
  centreId: string,
  changes: Partial<EntryContent>,
  previous: LocationRecord[],
  extra: Partial<{
    slug: string;
    organisation_id: string | null;
    is_member: boolean;
    published: boolean;
    verified_at: string | null;
  }> = {},
): Promise<void> {
  const { locations, phones, ...columns } = changes;
  await trx
    .updateTable('directory_centres')
    .set({ ...columns, ...extra, updated_at: new Date() })
    .where('id', '=', centreId)
    .execute();
  if (locations) {
    await trx.deleteFrom('directory_locations').where('centre_id', '=', centreId).execute();
    if (locations.length > 0)
      await trx
        .insertInto('directory_locations')
        .values(
          locations.map((l, i) => {
            const point = exactPoint(l, previous);
            return {
              centre_id: centreId,
              name: l.name,
              street: l.street,
              postal_code: l.postal_code,
              city: l.city,
              land: l.land,
              latitude: point.lat,
              longitude: point.lon,
              city_latitude: l.city_latitude,
              city_longitude: l.city_longitude,
              address_privacy: l.address_privacy,
              accessibility: l.accessibility,
              opening_hours: JSON.stringify(l.opening_hours),
              position: i,
            };
          }),
        )
        .execute();
  }
  if (phones) {
    await trx.deleteFrom('directory_phones').where('centre_id', '=', centreId).execute();
    if (phones.length > 0)
      await trx
        .insertInto('directory_phones')
        .values(phones.map((p, i) => ({ centre_id: centreId, ...p, position: i })))
        .execute();
  }
}

export interface OfficeFilters {
  member?: 'ja' | 'nein';
  due?: boolean;
  pending?: boolean;
  q?: string;
}

export interface OfficeListRow {
  id: string;
  slug: string;
  name: string;
  is_member: boolean;
  published: boolean;
  verified_at: string | null;
  verify_reminder_sent_at: Date | null;
  pending: number;
}

/** The office's list; `dueBefore` is the date before which an entry counts as unverified. */
export async function listOfficeCentres(
  db: Db,
  filters: OfficeFilters,
  dueBefore: string,
): Promise<OfficeListRow[]> {
  const pending = sql<number>`(SELECT count(*)::int FROM directory_change_requests r
    WHERE r.centre_id = c.id AND r.status = 'pending')`;
  let q = db
    .selectFrom('directory_centres as c')
    .select([
      'c.id',
      'c.slug',
      'c.name',
      'c.is_member',
      'c.published',
      sql<string | null>`c.verified_at::text`.as('verified_at'),
      'c.verify_reminder_sent_at',
      pending.as('pending'),
    ])
    .orderBy('c.name')
    .orderBy('c.id');
  if (filters.member) q = q.where('c.is_member', '=', filters.member === 'ja');
  if (filters.due)
    q = q.where((eb) => eb.or([eb('c.verified_at', 'is', null), eb('c.verified_at', '<', dueBefore)]));
  if (filters.pending) q = q.where(pending, '>', 0);
  if (filters.q) q = q.where('c.name', 'ilike', `%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  return q.execute();
}

export async function countPending(db: Db): Promise<number> {
  const row = await db
    .selectFrom('directory_change_requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function pendingRequests(db: Db) {
  return db
    .selectFrom('directory_change_requests as r')
    .innerJoin('directory_centres as c', 'c.id', 'r.centre_id')
    .select(['r.id', 'r.created_at', 'r.changes', 'c.id as centre_id', 'c.name'])
    .where('r.status', '=', 'pending')
    .orderBy('r.created_at')
    .execute();
}

export function getRequest(db: Db, id: string) {
  return db.selectFrom('directory_change_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export function requestsOfCentre(db: Db, centreId: string) {
  return db
    .selectFrom('directory_change_requests')
    .select(['id', 'status', 'comment', 'changes', 'created_at', 'decided_at'])
    .where('centre_id', '=', centreId)
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
}
