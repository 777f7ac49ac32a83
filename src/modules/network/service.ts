import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, Locale, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { fieldError, notFound } from '../../platform/errors.ts';

export const newsCategories = ['network', 'policy', 'event', 'publication', 'press'] as const;
export const memberTypes = [
  'specialised_counselling',
  'migrant_women_org',
  'shelter',
  'sex_work_counselling',
  'womens_human_rights_org',
  'welfare_association',
] as const;
export const memberStatuses = ['applied', 'admitted', 'left'] as const;
export const memberships = ['ordinary', 'extraordinary'] as const;

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.format')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'validation.format');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

export const newsEditSchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,99}$/, 'validation.format'),
  locale: z.enum(['de', 'en']),
  category: z.enum(newsCategories),
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(400).default(''),
  body_md: z
    .string()
    .max(100_000)
    .refine((v) => v.trim().length > 0, 'validation.required'),
  status: z.enum(['draft', 'published']),
  /** `YYYY-MM-DDTHH:MM` (datetime-local, read as UTC) or empty: publishing without a date means now. */
  published_at: z
    .string()
    .trim()
    .optional()
    .refine(
      (v) => !v || (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(v) && !Number.isNaN(Date.parse(`${v}Z`))),
      'validation.format',
    )
    .transform((v) => (v ? new Date(`${v}Z`) : null)),
});
export type NewsEdit = z.infer<typeof newsEditSchema>;

export const memberEditSchema = z.object({
  organisation_id: z.uuid().optional(),
  type: z.enum(memberTypes),
  membership: z.enum(memberships),
  country: z.string().trim().min(2).max(60),
  city: z.string().trim().max(120).default(''),
  land: optionalText(60),
  website: z
    .string()
    .trim()
    .max(300)
    .optional()
    .refine((v) => !v || /^https?:\/\/[^\s<>"]+$/.test(v), 'validation.url')
    .transform((v) => (v ? v : null)),
  joined_on: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || isoDate.safeParse(v).success, 'validation.format')
    .transform((v) => (v ? v : null)),
});
export type MemberEdit = z.infer<typeof memberEditSchema>;

export const statusChangeSchema = z.object({
  status: z.enum(memberStatuses),
  changed_on: isoDate,
  note: z.string().trim().max(1000).default(''),
});

export const boardTermSchema = z
  .object({
    person_name: z.string().trim().min(2).max(200),
    role: z.string().trim().max(120).default(''),
    term_start: isoDate,
    term_end: isoDate,
    elected_at: z.string().trim().max(200).default(''),
    /** The general assembly (member area) that elected the term, if recorded. */
    elected_assembly_id: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || z.uuid().safeParse(v).success, 'validation.choice')
      .transform((v) => (v ? v.toLowerCase() : null)),
  })
  .refine((v) => v.term_end >= v.term_start, { path: ['term_end'], message: 'validation.invalid' });

export interface Actor {
  user: User;
  ip: string | null;
}

// ---------------------------------------------------------------- news

export function publicNews(db: Db, locale: Locale, now = new Date()) {
  return db
    .selectFrom('network_news')
    .selectAll()
    .where('locale', '=', locale)
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .orderBy('published_at', 'desc')
    .limit(100)
    .execute();
}

export function findPublicNews(db: Db, slug: string, locale: Locale, now = new Date()) {
  return db
    .selectFrom('network_news')
    .selectAll()
    .where('slug', '=', slug)
    .where('locale', '=', locale)
    .where('status', '=', 'published')
    .where('published_at', '<=', now)
    .executeTakeFirst();
}

export function listAllNews(db: Db) {
  return db
    .selectFrom('network_news')
    .select(['id', 'slug', 'locale', 'title', 'summary', 'category', 'status', 'published_at', 'updated_at'])
    .orderBy('updated_at', 'desc')
    .execute();
}

export function getNews(db: Db, id: string) {
  return db.selectFrom('network_news').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function saveNews(db: Db, id: string | null, edit: NewsEdit, actor: Actor): Promise<string> {
  const publishedAt = edit.status === 'published' ? (edit.published_at ?? new Date()) : edit.published_at;
  const clash = await db
    .selectFrom('network_news')
    .select('id')
    .where('slug', '=', edit.slug)
    .where('locale', '=', edit.locale)
    .$if(id !== null, (q) => q.where('id', '<>', id!))
    .executeTakeFirst();
  if (clash) throw fieldError('slug', 'network.slug_taken');
  const values = {
    slug: edit.slug,
    locale: edit.locale,
    category: edit.category,
    title: edit.title,
    summary: edit.summary,
    body_md: edit.body_md,
    status: edit.status,
    published_at: publishedAt,
    updated_at: new Date(),
    updated_by: actor.user.id,
  };
  let newsId = id;
  if (id) {
    const res = await db.updateTable('network_news').set(values).where('id', '=', id).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound();
  } else {
    const row = await db.insertInto('network_news').values(values).returning('id').executeTakeFirstOrThrow();
    newsId = row.id;
  }
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: id ? 'news.update' : 'news.create',
    targetType: 'news',
    targetId: newsId,
    ip: actor.ip,
    meta: { slug: edit.slug, locale: edit.locale, status: edit.status },
  });
  return newsId!;
}

// ---------------------------------------------------------------- members

export function listMembers(db: Db) {
  return db
    .selectFrom('network_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select([
      'm.id',
      'm.type',
      'm.membership',
      'm.country',
      'm.city',
      'm.land',
      'm.status',
      sql<string | null>`m.joined_on::text`.as('joined_on'),
      'o.name',
      'o.slug',
    ])
    .orderBy('o.name')
    .execute();
}

export function organisationsWithoutMembership(db: Db) {
  return db
    .selectFrom('organisations as o')
    .leftJoin('network_members as m', 'm.organisation_id', 'o.id')
    .where('m.id', 'is', null)
    .select(['o.id', 'o.name'])
    .orderBy('o.name')
    .execute();
}

export function publicMembers(db: Db) {
  return db
    .selectFrom('network_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .where('m.status', '=', 'admitted')
    .select((eb) => [
      'm.id',
      'm.type',
      'm.membership',
      'm.country',
      'm.city',
      'm.land',
      'm.website',
      sql<string | null>`m.joined_on::text`.as('joined_on'),
      'o.name',
      'o.slug',
      eb
        .selectFrom('directory_centres as d')
        .select('d.slug')
        .whereRef('d.organisation_id', '=', 'm.organisation_id')
        .orderBy('d.slug')
        .limit(1)
        .as('centre_slug'),
    ])
    .orderBy('o.name')
    .execute();
}

export function memberCounts(rows: ReadonlyArray<{ membership: string }>): {
  total: number;
  extraordinary: number;
} {
  return {
    total: rows.length,
    extraordinary: rows.filter((r) => r.membership === 'extraordinary').length,
  };
}

export function getMember(db: Db, id: string) {
  return db
    .selectFrom('network_members as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .selectAll('m')
    .select(['o.name', 'o.slug', sql<string | null>`m.joined_on::text`.as('joined_on')])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export function memberHistory(db: Db, memberId: string) {
  return db
    .selectFrom('network_member_status_history')
    .select(['id', 'status', 'note', 'created_at'])
    .select(sql<string>`changed_on::text`.as('changed_on'))
    .where('member_id', '=', memberId)
    .orderBy('changed_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function createMember(db: Db, edit: MemberEdit, actor: Actor): Promise<string> {
  if (!edit.organisation_id) {
    throw fieldError('organisation_id', 'validation.required');
  }
  const orgId = edit.organisation_id;
  const org = await db.selectFrom('organisations').select('id').where('id', '=', orgId).executeTakeFirst();
  const taken = await db
    .selectFrom('network_members')
    .select('id')
    .where('organisation_id', '=', orgId)
    .executeTakeFirst();
  if (!org || taken) {
    throw fieldError('organisation_id', 'validation.invalid');
  }
  const { organisation_id: _, ...fields } = edit;
  const today = new Date().toISOString().slice(0, 10);
  const row = await db
    .insertInto('network_members')
    .values({ ...fields, organisation_id: orgId, status: 'applied' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('network_member_status_history')
    .values({ member_id: row.id, status: 'applied', changed_on: today, created_by: actor.user.id })
    .execute();
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: 'member.create',
    targetType: 'network_member',
    targetId: row.id,
    ip: actor.ip,
  });
  return row.id;
}

export async function updateMember(db: Db, id: string, edit: MemberEdit, actor: Actor): Promise<void> {
  const { organisation_id: _, ...fields } = edit;
  const res = await db
    .updateTable('network_members')
    .set({ ...fields, updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound();
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: 'member.update',
    targetType: 'network_member',
    targetId: id,
    ip: actor.ip,
    meta: { fields: Object.keys(fields) },
  });
}

export async function changeMemberStatus(
  db: Db,
  id: string,
  change: z.infer<typeof statusChangeSchema>,
  actor: Actor,
): Promise<void> {
  const res = await db
    .updateTable('network_members')
    .set({ status: change.status, updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound();
  await db
    .insertInto('network_member_status_history')
    .values({ member_id: id, ...change, created_by: actor.user.id })
    .execute();
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: 'member.status',
    targetType: 'network_member',
    targetId: id,
    ip: actor.ip,
    meta: { status: change.status },
  });
}

/** Active members for {{member_count}}: the admitted members once the register is kept, else organisations. */
export async function activeMemberCount(db: Db): Promise<number | null> {
  const row = await db
    .selectFrom('network_members')
    .select([
      sql<string>`count(*)`.as('all'),
      sql<string>`count(*) FILTER (WHERE status = 'admitted')`.as('admitted'),
    ])
    .executeTakeFirstOrThrow();
  return Number(row.all) > 0 ? Number(row.admitted) : null;
}

// ---------------------------------------------------------------- board

export function listBoardTerms(db: Db) {
  return db
    .selectFrom('network_board_terms')
    .select(['id', 'person_name', 'role', 'elected_at', 'elected_assembly_id', 'created_at'])
    .select([sql<string>`term_start::text`.as('term_start'), sql<string>`term_end::text`.as('term_end')])
    .orderBy('term_end', 'desc')
    .orderBy('person_name')
    .execute();
}

export async function addBoardTerm(
  db: Db,
  term: z.infer<typeof boardTermSchema>,
  actor: Actor,
): Promise<void> {
  let electedAt = term.elected_at;
  if (term.elected_assembly_id) {
    const assembly = await db
      .selectFrom('memberarea_assemblies')
      .select('title')
      .where('id', '=', term.elected_assembly_id)
      .executeTakeFirst();
    if (!assembly) throw fieldError('elected_assembly_id', 'validation.choice');
    electedAt ||= assembly.title;
  }
  const row = await db
    .insertInto('network_board_terms')
    .values({ ...term, elected_at: electedAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: 'board.term_add',
    targetType: 'board_term',
    targetId: row.id,
    ip: actor.ip,
  });
}

export async function deleteBoardTerm(db: Db, id: string, actor: Actor): Promise<void> {
  const res = await db.deleteFrom('network_board_terms').where('id', '=', id).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound();
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: 'board.term_delete',
    targetType: 'board_term',
    targetId: id,
    ip: actor.ip,
  });
}
