import type { Transaction } from 'kysely';
import type { DB, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { invalidatePageCache } from '../../platform/http/page-cache.ts';
import { pick } from './diff.ts';
import { type EntryContent, entryFields, type OfficeInput } from './edit-schema.ts';
import { berlinParts } from './opening-hours.ts';
import { findCentreById, invalidateDirectoryCache } from './repo.ts';
import type { CentreRecord } from './types.ts';

/** What the editing use cases share: the actor, audit entries, row locks, and the office-only columns. */
export interface Actor {
  user: User;
  ip: string | null;
}

/** Today in Berlin, as the date the entry counts as verified. */
export function today(now = new Date()): string {
  return berlinParts(now).isoDate;
}

export function afterPublicChange(): void {
  invalidateDirectoryCache();
  invalidatePageCache();
}

/** Audit entries name the centre and the fields that changed, never their content. */
export function record(trx: Transaction<DB>, actor: Actor, action: string, centreId: string, meta: object) {
  return audit(trx, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: `directory.${action}`,
    targetType: 'directory_centre',
    targetId: centreId,
    ip: actor.ip,
    meta: { ...meta },
  });
}

export async function lockCentre(trx: Transaction<DB>, id: string): Promise<CentreRecord> {
  const row = await trx
    .selectFrom('directory_centres')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  const centre = row ? await findCentreById(trx, id) : null;
  if (!centre) throw notFound();
  return centre;
}

export function slugify(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/, '');
  return slug.length >= 2 ? slug : `fbs-${slug || 'eintrag'}`;
}

export type OfficeColumns = {
  slug: string;
  organisation_id: string | null;
  is_member: boolean;
  published: boolean;
  verified_at: string | null;
};

/** Checks what only the office sets; a blank slug is derived from the name and made unique. */
export async function officeColumns(trx: Transaction<DB>, input: OfficeInput, self: CentreRecord | null) {
  const taken = async (slug: string) =>
    Boolean(
      await trx
        .selectFrom('directory_centres')
        .select('id')
        .where('slug', '=', slug)
        .$if(self !== null, (q) => q.where('id', '!=', self!.id))
        .executeTakeFirst(),
    );
  let slug = input.slug || self?.slug || '';
  if (!slug) {
    const base = slugify(input.name);
    slug = base;
    for (let n = 2; await taken(slug); n++) slug = `${base}-${n}`;
  } else if (await taken(slug)) throw fieldError('slug', 'directory.edit.slug_taken');
  if (input.organisation_id) {
    const org = await trx
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', input.organisation_id)
      .executeTakeFirst();
    if (!org) throw fieldError('organisation_id', 'directory.edit.organisation_unknown');
  }
  if (input.verified_at && input.verified_at > today())
    throw fieldError('verified_at', 'directory.edit.date_future');
  const columns: OfficeColumns = {
    slug,
    organisation_id: input.organisation_id || null,
    is_member: input.is_member,
    published: input.published,
    verified_at: input.verified_at || null,
  };
  return columns;
}

export function contentPart(input: OfficeInput): EntryContent {
  return pick(input, entryFields) as EntryContent;
}
