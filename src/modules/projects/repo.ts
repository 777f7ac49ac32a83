import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { fieldError, notFound } from '../../platform/errors.ts';

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.format')
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'validation.format');
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.uuid('validation.choice')).max(200));

export const projectSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,99}$/, 'validation.format'),
    title_de: z.string().trim().min(2).max(200),
    title_en: z.string().trim().max(200).default(''),
    summary_de: z.string().trim().max(600).default(''),
    summary_en: z.string().trim().max(600).default(''),
    description_de: z.string().max(50_000).default(''),
    description_en: z.string().max(50_000).default(''),
    starts_on: isoDate,
    ends_on: z
      .string()
      .trim()
      .optional()
      .refine((v) => !v || isoDate.safeParse(v).success, 'validation.format')
      .transform((v) => (v ? v : null)),
    funders: z.string().trim().max(600).default(''),
    team: z.string().trim().max(2000).default(''),
    published: z
      .string()
      .optional()
      .transform((v) => v === 'on'),
    publications: idList,
    events: idList,
    news: idList,
  })
  .refine((v) => !v.ends_on || v.ends_on >= v.starts_on, {
    path: ['ends_on'],
    message: 'projects.ends_before_start',
  });
export type ProjectEdit = z.infer<typeof projectSchema>;

interface Actor {
  user: User;
  ip: string | null;
}

const dateCols = [
  sql<string>`starts_on::text`.as('starts_on'),
  sql<string | null>`ends_on::text`.as('ends_on'),
] as const;

export function publicProjects(db: Db) {
  return db
    .selectFrom('projects')
    .select(['id', 'slug', 'title_de', 'title_en', 'summary_de', 'summary_en', ...dateCols])
    .where('published', '=', true)
    .orderBy('starts_on', 'desc')
    .execute();
}

export function listAllProjects(db: Db) {
  return db
    .selectFrom('projects')
    .select(['id', 'slug', 'title_de', 'published', ...dateCols])
    .orderBy('starts_on', 'desc')
    .execute();
}

export function getProject(db: Db, id: string) {
  return db.selectFrom('projects').selectAll().select(dateCols).where('id', '=', id).executeTakeFirst();
}

export function findPublicProject(db: Db, slug: string) {
  return db
    .selectFrom('projects')
    .selectAll()
    .select(dateCols)
    .where('slug', '=', slug)
    .where('published', '=', true)
    .executeTakeFirst();
}

export async function linkedIds(db: Db, projectId: string) {
  const rows = await db.selectFrom('project_links').selectAll().where('project_id', '=', projectId).execute();
  const of = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.target_id);
  return { publications: of('publication'), events: of('event'), news: of('news') };
}

/** The linked records that the public may see: published publications, events and news. */
export async function publicLinks(db: Db, projectId: string) {
  const ids = await linkedIds(db, projectId);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const [publications, events, news] = await Promise.all([
    db
      .selectFrom('publications')
      .select(['id', 'title', 'year', 'file_id'])
      .where('id', 'in', ids.publications.length ? ids.publications : none)
      .where('published', '=', true)
      .orderBy('year', 'desc')
      .execute(),
    db
      .selectFrom('events')
      .select(['id', 'title', 'starts_at'])
      .where('id', 'in', ids.events.length ? ids.events : none)
      .where('published', '=', true)
      .orderBy('starts_at', 'desc')
      .execute(),
    db
      .selectFrom('network_news')
      .select(['slug', 'locale', 'title', 'published_at'])
      .where('id', 'in', ids.news.length ? ids.news : none)
      .where('status', '=', 'published')
      .where('published_at', '<=', new Date())
      .orderBy('published_at', 'desc')
      .execute(),
  ]);
  return { publications, events, news };
}

/** Everything that can be linked, for the office's checkboxes. */
export async function linkChoices(db: Db) {
  const [publications, events, news] = await Promise.all([
    db.selectFrom('publications').select(['id', 'title', 'year']).orderBy('year', 'desc').execute(),
    db
      .selectFrom('events')
      .select(['id', 'title', 'starts_at'])
      .orderBy('starts_at', 'desc')
      .limit(300)
      .execute(),
    db
      .selectFrom('network_news')
      .select(['id', 'title', 'locale'])
      .orderBy('updated_at', 'desc')
      .limit(300)
      .execute(),
  ]);
  return { publications, events, news };
}
export type LinkChoices = Awaited<ReturnType<typeof linkChoices>>;

/** Only ids of records that exist may be linked: anything else is a validation error on that list. */
async function checkLinks(db: Db, edit: ProjectEdit): Promise<void> {
  const checks = [
    ['publications', 'publications', edit.publications],
    ['events', 'events', edit.events],
    ['news', 'network_news', edit.news],
  ] as const;
  for (const [field, table, ids] of checks) {
    if (ids.length === 0) continue;
    const found = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
    if (found.length !== new Set(ids).size) throw fieldError(field, 'validation.choice');
  }
}

export async function saveProject(
  db: Db,
  id: string | null,
  edit: ProjectEdit,
  actor: Actor,
): Promise<string> {
  const clash = await db
    .selectFrom('projects')
    .select('id')
    .where('slug', '=', edit.slug)
    .$if(id !== null, (q) => q.where('id', '<>', id!))
    .executeTakeFirst();
  if (clash) throw fieldError('slug', 'projects.slug_taken');
  await checkLinks(db, edit);
  const { publications, events, news, ...fields } = edit;
  let projectId = id;
  if (id) {
    const res = await db
      .updateTable('projects')
      .set({ ...fields, updated_at: new Date() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound();
    await db.deleteFrom('project_links').where('project_id', '=', id).execute();
  } else {
    projectId = (await db.insertInto('projects').values(fields).returning('id').executeTakeFirstOrThrow()).id;
  }
  const links = [
    ...[...new Set(publications)].map((t) => ({ kind: 'publication' as const, target_id: t })),
    ...[...new Set(events)].map((t) => ({ kind: 'event' as const, target_id: t })),
    ...[...new Set(news)].map((t) => ({ kind: 'news' as const, target_id: t })),
  ].map((l) => ({ ...l, project_id: projectId! }));
  if (links.length > 0) await db.insertInto('project_links').values(links).execute();
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: id ? 'project.update' : 'project.create',
    targetType: 'project',
    targetId: projectId,
    ip: actor.ip,
    meta: { slug: edit.slug, links: links.length, published: edit.published },
  });
  return projectId!;
}
