import { z } from 'zod';
import type { Db, Locale, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { fieldError, notFound } from '../../platform/errors.ts';
import { localePath } from '../../platform/i18n/index.ts';
import type { LinkableTerm } from './linker.ts';

export const glossarySchema = z.object({
  slug: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,99}$/, 'validation.format'),
  term_de: z.string().trim().min(2).max(120),
  term_en: z.string().trim().min(2).max(120),
  definition_de: z.string().trim().min(2).max(20_000),
  definition_en: z.string().trim().min(2).max(20_000),
});
export type GlossaryEdit = z.infer<typeof glossarySchema>;

interface Actor {
  user: User;
  ip: string | null;
}

export function listTerms(db: Db) {
  return db.selectFrom('glossary_terms').selectAll().orderBy('term_de').execute();
}

export function getTerm(db: Db, id: string) {
  return db.selectFrom('glossary_terms').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The terms of a language with the address of their entry, for linking them in pages and news. */
export async function linkableTerms(db: Db, locale: Locale): Promise<LinkableTerm[]> {
  const rows = await db.selectFrom('glossary_terms').select(['slug', 'term_de', 'term_en']).execute();
  return rows.map((r) => ({
    term: locale === 'de' ? r.term_de : r.term_en,
    href: localePath(locale, `/glossar#${r.slug}`),
  }));
}

/** The letter a term is filed under: Ä under A, digits and signs under #. */
export function letterOf(term: string): string {
  const first = term
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .charAt(0)
    .toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

export async function saveTerm(db: Db, id: string | null, edit: GlossaryEdit, actor: Actor): Promise<string> {
  const clash = await db
    .selectFrom('glossary_terms')
    .select('id')
    .where('slug', '=', edit.slug)
    .$if(id !== null, (q) => q.where('id', '<>', id!))
    .executeTakeFirst();
  if (clash) throw fieldError('slug', 'glossary.slug_taken');
  let termId = id;
  if (id) {
    const res = await db
      .updateTable('glossary_terms')
      .set({ ...edit, updated_at: new Date() })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound();
  } else {
    termId = (await db.insertInto('glossary_terms').values(edit).returning('id').executeTakeFirstOrThrow())
      .id;
  }
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: id ? 'glossary.update' : 'glossary.create',
    targetType: 'glossary_term',
    targetId: termId,
    ip: actor.ip,
    meta: { slug: edit.slug },
  });
  return termId!;
}

export async function deleteTerm(db: Db, id: string, actor: Actor): Promise<void> {
  const row = await db.deleteFrom('glossary_terms').where('id', '=', id).returning('slug').executeTakeFirst();
  if (!row) throw notFound();
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: 'glossary.delete',
    targetType: 'glossary_term',
    targetId: id,
    ip: actor.ip,
    meta: { slug: row.slug },
  });
}
