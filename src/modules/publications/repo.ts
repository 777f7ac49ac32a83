import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, PublicationType, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { notFound } from '../../platform/errors.ts';
import { saveFile } from '../../platform/files/store.ts';
import type { CheckedUpload } from '../../platform/files/uploads.ts';

export const publicationTypes = [
  'report',
  'statement',
  'factsheet',
  'info_service',
  'data_report',
  'annual_review',
] as const satisfies readonly PublicationType[];
export const publicationLocales = ['de', 'en', 'multi'] as const;

const year = z.coerce.number().int().min(1980).max(2100);

export const publicationSchema = z.object({
  title: z.string().trim().min(2).max(300),
  year,
  type: z.enum(publicationTypes),
  locale: z.enum(publicationLocales),
  summary: z.string().trim().max(2000).default(''),
  published: z
    .string()
    .optional()
    .transform((v) => v === 'on'),
});
export type PublicationEdit = z.infer<typeof publicationSchema>;

/** The public filters; anything else in the query string is a 400. */
export const publicationQuerySchema = z.object({
  q: z.string().trim().max(200).optional().default(''),
  typ: z
    .union([z.literal(''), z.enum(publicationTypes)])
    .optional()
    .default(''),
  jahr: z
    .union([z.literal(''), year])
    .optional()
    .default(''),
  sprache: z
    .union([z.literal(''), z.enum(publicationLocales)])
    .optional()
    .default(''),
});
export type PublicationQuery = z.infer<typeof publicationQuerySchema>;

interface Actor {
  user: User;
  ip: string | null;
}

/** One entry of the public list: an uploaded publication or a published data report. */
export interface PublicationItem {
  id: string | null;
  title: string;
  year: number;
  type: PublicationType;
  locale: 'de' | 'en' | 'multi';
  summary: string;
  file: { name: string; size: number } | null;
  /** For data reports: the year of the report page, `/datenbericht/{year}`. */
  reportYear: number | null;
}

/** Title, summary (weighted higher) and the PDF's text, as one German search vector. */
export async function refreshSearch(db: Db, id: string): Promise<void> {
  await sql`UPDATE publications p SET search =
      setweight(to_tsvector('german'::regconfig, p.title), 'A') ||
      setweight(to_tsvector('german'::regconfig, p.summary), 'B') ||
      setweight(to_tsvector('german'::regconfig,
        coalesce((SELECT f.text_content FROM stored_files f WHERE f.id = p.file_id), '')), 'C')
    WHERE p.id = ${id}`.execute(db);
}

/** Published publications and data reports, filtered; searches rank by relevance, otherwise newest first. */
export async function searchPublications(
  db: Db,
  query: PublicationQuery,
  dataReportTitle: (year: number) => string,
): Promise<PublicationItem[]> {
  const q = query.q;
  const tsQuery = sql`websearch_to_tsquery('german'::regconfig, ${q})`;
  const rows = await db
    .selectFrom('publications as p')
    .leftJoin('stored_files as f', 'f.id', 'p.file_id')
    .select([
      'p.id',
      'p.title',
      'p.year',
      'p.type',
      'p.locale',
      'p.summary',
      'f.name as file_name',
      'f.size as file_size',
      sql<number>`${q ? sql`ts_rank(p.search, ${tsQuery})` : sql`0`}`.as('rank'),
    ])
    .where('p.published', '=', true)
    .$if(q !== '', (w) => w.where(sql<boolean>`p.search @@ ${tsQuery}`))
    .$if(query.typ !== '', (w) => w.where('p.type', '=', query.typ as PublicationType))
    .$if(query.jahr !== '', (w) => w.where('p.year', '=', Number(query.jahr)))
    .$if(query.sprache !== '', (w) => w.where('p.locale', '=', query.sprache as 'de'))
    .orderBy('rank', 'desc')
    .orderBy('p.year', 'desc')
    .orderBy('p.title')
    .limit(500)
    .execute();
  const items: Array<PublicationItem & { rank: number }> = rows.map((r) => ({
    id: r.id,
    title: r.title,
    year: r.year,
    type: r.type,
    locale: r.locale,
    summary: r.summary,
    file: r.file_name ? { name: r.file_name, size: r.file_size ?? 0 } : null,
    reportYear: null,
    rank: Number(r.rank),
  }));
  // the data reports come from the data collection: a year counts once its report is published
  if ((query.typ === '' || query.typ === 'data_report') && (query.sprache === '' || query.sprache === 'de')) {
    const reports = await db
      .selectFrom('data_years')
      .select(['year'])
      .where('published_at', 'is not', null)
      .$if(query.jahr !== '', (w) => w.where('year', '=', Number(query.jahr)))
      .execute();
    for (const r of reports) {
      const title = dataReportTitle(r.year);
      if (q && !(await matchesText(db, `${title} Datenbericht Fallzahlen ${r.year}`, q))) continue;
      items.push({
        id: null,
        title,
        year: r.year,
        type: 'data_report',
        locale: 'de',
        summary: '',
        file: null,
        reportYear: r.year,
        rank: 0.5,
      });
    }
  }
  return items.sort((a, b) => b.rank - a.rank || b.year - a.year || a.title.localeCompare(b.title));
}

async function matchesText(db: Db, text: string, q: string): Promise<boolean> {
  const row = await sql<{
    m: boolean;
  }>`SELECT to_tsvector('german'::regconfig, ${text}) @@ websearch_to_tsquery('german'::regconfig, ${q}) AS m`.execute(
    db,
  );
  return row.rows[0]?.m === true;
}

/** The years that have publications or published data reports, for the year filter. */
export async function publicationYears(db: Db): Promise<number[]> {
  const rows = await sql<{ year: number }>`
    SELECT year FROM publications WHERE published
    UNION SELECT year FROM data_years WHERE published_at IS NOT NULL
    ORDER BY year DESC`.execute(db);
  return rows.rows.map((r) => Number(r.year));
}

export function listAllPublications(db: Db) {
  return db
    .selectFrom('publications')
    .select(['id', 'title', 'year', 'type', 'locale', 'published', 'updated_at'])
    .orderBy('year', 'desc')
    .orderBy('title')
    .execute();
}

export function getPublication(db: Db, id: string) {
  return db
    .selectFrom('publications as p')
    .leftJoin('stored_files as f', 'f.id', 'p.file_id')
    .select([
      'p.id',
      'p.title',
      'p.year',
      'p.type',
      'p.locale',
      'p.summary',
      'p.published',
      'p.file_id',
      'f.name as file_name',
      'f.size as file_size',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

/** Saves a publication; a new PDF (already checked by content, its text extracted) replaces the old one. */
export async function savePublication(
  db: Db,
  id: string | null,
  edit: PublicationEdit,
  pdf: { file: CheckedUpload; text: string } | null,
  actor: Actor,
): Promise<string> {
  const fileId = pdf
    ? await saveFile(db, pdf.file, { createdBy: actor.user.id, textContent: pdf.text })
    : null;
  const values = {
    title: edit.title,
    year: edit.year,
    type: edit.type,
    locale: edit.locale,
    summary: edit.summary,
    published: edit.published,
    updated_at: new Date(),
    updated_by: actor.user.id,
    ...(fileId ? { file_id: fileId } : {}),
  };
  let pubId = id;
  if (id) {
    const res = await db.updateTable('publications').set(values).where('id', '=', id).executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw notFound();
  } else {
    pubId = (await db.insertInto('publications').values(values).returning('id').executeTakeFirstOrThrow()).id;
  }
  await refreshSearch(db, pubId!);
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: id ? 'publication.update' : 'publication.create',
    targetType: 'publication',
    targetId: pubId,
    ip: actor.ip,
    meta: { type: edit.type, year: edit.year, file: fileId, published: edit.published },
  });
  return pubId!;
}

/** The PDF of a published publication. */
export function publishedPdf(db: Db, id: string) {
  return db
    .selectFrom('publications as p')
    .innerJoin('stored_files as f', 'f.id', 'p.file_id')
    .select(['f.name', 'f.media_type', 'f.content'])
    .where('p.id', '=', id)
    .where('p.published', '=', true)
    .executeTakeFirst();
}

/** Publications to link from a project: id and title. */
export function publicationChoices(db: Db) {
  return db.selectFrom('publications').select(['id', 'title', 'year']).orderBy('year', 'desc').execute();
}
