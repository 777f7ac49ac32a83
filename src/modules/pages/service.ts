import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB, Db, Locale, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { activeMemberCount } from '../network/service.ts';
import { teamMarkdown } from '../team/service.ts';
import { countOrganisations, getPage, getRevision } from './repo.ts';
import { seedPages } from './seed-content.ts';

export const pageEditSchema = z.object({
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(400).default(''),
  body_md: z
    .string()
    .max(100_000)
    .refine((v) => v.trim().length > 0, 'validation.required'),
  published: z
    .enum(['on'])
    .optional()
    .transform((v) => v === 'on'),
  /** The version the editor started from: a save over someone else's newer change is refused. */
  base_updated_at: z.string().min(1),
});
export type PageEdit = z.infer<typeof pageEditSchema>;

/** Values a page body may refer to as {{name}}: figures are computed, never typed into texts. */
export async function pageVariables(db: Db, locale: Locale): Promise<Record<string, string>> {
  // once the office keeps the member register, its admitted members count; before that, the organisations
  const members = (await activeMemberCount(db)) ?? (await countOrganisations(db));
  return {
    member_count: members.toLocaleString(locale === 'de' ? 'de-DE' : 'en-GB'),
    office_team: await teamMarkdown(db, locale),
  };
}

export async function renderPageBody(db: Db, body: string, locale: Locale): Promise<string> {
  return renderMarkdown(body, await pageVariables(db, locale));
}

interface Actor {
  user: User;
  ip: string | null;
}

export async function savePage(db: Kysely<DB>, pageId: string, edit: PageEdit, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const page = await trx
      .selectFrom('pages')
      .selectAll()
      .where('id', '=', pageId)
      .forUpdate()
      .executeTakeFirst();
    if (!page) throw notFound();
    if (page.updated_at.toISOString() !== edit.base_updated_at) {
      throw new AppError('conflict', 'pages.conflict');
    }
    await trx
      .insertInto('page_revisions')
      .values({
        page_id: page.id,
        title: page.title,
        summary: page.summary,
        body_md: page.body_md,
        created_at: page.updated_at,
        created_by: page.updated_by,
      })
      .execute();
    await trx
      .updateTable('pages')
      .set({
        title: edit.title,
        summary: edit.summary,
        body_md: edit.body_md,
        published: edit.published,
        updated_at: new Date(),
        updated_by: actor.user.id,
      })
      .where('id', '=', page.id)
      .execute();
    const changed = (['title', 'summary', 'body_md', 'published'] as const).filter(
      (f) => page[f] !== edit[f],
    );
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'page.update',
      targetType: 'page',
      targetId: page.id,
      ip: actor.ip,
      meta: { slug: page.slug, locale: page.locale, fields: changed },
    });
  });
}

export async function restoreRevision(
  db: Kysely<DB>,
  pageId: string,
  revisionId: string,
  actor: Actor,
): Promise<void> {
  const page = await getPage(db, pageId);
  const revision = await getRevision(db, pageId, revisionId);
  if (!page || !revision) throw notFound();
  await savePage(
    db,
    pageId,
    {
      title: revision.title,
      summary: revision.summary,
      body_md: revision.body_md,
      published: page.published,
      base_updated_at: page.updated_at.toISOString(),
    },
    actor,
  );
}

/** The information pages are the network's own text (not demo content): created once on an empty database. */
export async function ensureBasePages(db: Db): Promise<number> {
  const existing = await db.selectFrom('pages').select('id').limit(1).execute();
  if (existing.length > 0) return 0;
  const rows = seedPages.flatMap((p) =>
    (['de', 'en'] as const).map((locale) => ({
      slug: p.slug,
      locale,
      title: p[locale].title,
      summary: p[locale].summary,
      body_md: p[locale].body,
      nav_group: p.navGroup,
      position: p.position,
    })),
  );
  await db.insertInto('pages').values(rows).execute();
  return rows.length;
}
