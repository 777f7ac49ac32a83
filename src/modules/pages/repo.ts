import type { Db, Locale } from '../../db/types.ts';

export function findPublishedPage(db: Db, slug: string, locale: Locale) {
  return db
    .selectFrom('pages')
    .selectAll()
    .where('slug', '=', slug)
    .where('locale', '=', locale)
    .where('published', '=', true)
    .executeTakeFirst();
}

export function navPages(db: Db, locale: Locale) {
  return db
    .selectFrom('pages')
    .select(['slug', 'title', 'nav_group', 'position'])
    .where('locale', '=', locale)
    .where('published', '=', true)
    .where('nav_group', 'in', ['about', 'footer'])
    .orderBy('nav_group')
    .orderBy('position')
    .execute();
}

export function listPages(db: Db) {
  return db
    .selectFrom('pages')
    .select(['id', 'slug', 'locale', 'title', 'nav_group', 'position', 'published', 'updated_at'])
    .orderBy('position')
    .orderBy('slug')
    .orderBy('locale')
    .execute();
}

export function getPage(db: Db, id: string) {
  return db.selectFrom('pages').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listRevisions(db: Db, pageId: string) {
  return db
    .selectFrom('page_revisions')
    .select(['id', 'title', 'created_at', 'created_by'])
    .where('page_id', '=', pageId)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

export function getRevision(db: Db, pageId: string, revisionId: string) {
  return db
    .selectFrom('page_revisions')
    .selectAll()
    .where('page_id', '=', pageId)
    .where('id', '=', revisionId)
    .executeTakeFirst();
}

export async function countOrganisations(db: Db): Promise<number> {
  const row = await db
    .selectFrom('organisations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
