/**
 * A norm as people search for it: the key links carry ("StGB §232a Abs1 Nr2") or German text ("§ 232a StGB"), and
 * the SQL pieces that tell plain citations from ranges and "ff." and give a citation's section-level key. Shared by
 * the SQL search, the in-memory search index and the related-decisions score.
 */
import { sql } from 'kysely';
import { type Citation, parseNorms } from './norms.ts';

const V = String.raw`(?:[0-9]+(?:[a-z](?!f?\.))?|[a-z](?!f?\.))`;
const KEY = new RegExp(
  String.raw`^(?:(.+?) )?(§|Art)(${V})(?:-(${V})|(ff?\.))?((?: (?:Abs|S|Nr|lit)${V}(?:-${V}|ff?\.)?)*)$`,
);
const LEVEL = new RegExp(String.raw`^(Abs|S|Nr|lit)(${V})(?:-(${V})|(ff?\.))?$`);

/** A citation from a norm key ("StGB §232a Abs1 Nr2", as links carry it) or from German text ("§ 232a StGB"). */
export function parseNormQuery(value: string): Citation | null {
  const m = KEY.exec(value.trim());
  if (m) {
    const c: Citation = {
      book: m[1] ?? null,
      section: m[3]!,
      paragraph: null,
      sentence: null,
      number: null,
      letter: null,
      kind: m[2] === 'Art' ? 'article' : 'paragraph_sign',
      raw: value,
      start: 0,
      end: value.length,
    };
    if (m[4]) c.range_end = m[4];
    if (m[5]) c.following = m[5] === 'f.' ? 'f' : 'ff';
    const levels = { Abs: 'paragraph', S: 'sentence', Nr: 'number', lit: 'letter' } as const;
    for (const part of (m[6] ?? '').trim().split(' ').filter(Boolean)) {
      const lm = LEVEL.exec(part);
      if (!lm) return null;
      c[levels[lm[1] as keyof typeof levels]] = lm[2]!;
      if (lm[3]) c.range_end = lm[3];
      if (lm[4]) c.following = lm[4] === 'f.' ? 'f' : 'ff';
    }
    return c;
  }
  return parseNorms(value)[0] ?? null;
}

/**
 * A cited norm whose key holds a range or "f."/"ff.": matched in code (normMatches), they are few (a partial
 * index holds exactly these rows, migration 0015).
 */
export const COMPLEX = sql`(n.norm_key LIKE '%-%' OR n.norm_key LIKE '%f.%')`;
export const SIMPLE = sql`NOT (n.norm_key LIKE '%-%' OR n.norm_key LIKE '%f.%')`;

export function keyPrefix(c: Citation): string {
  const sign = c.kind === 'article' ? 'Art' : '§';
  return `${c.book ? `${c.book} ` : ''}${sign}`;
}

/** The section-level key of a cited norm ("StGB §232a"), as the norm facet lists it. */
export const SECTION_KEY = sql`coalesce(n.book || ' ', '') || split_part(
  CASE WHEN n.book IS NULL THEN n.norm_key ELSE substr(n.norm_key, length(n.book) + 2) END, ' ', 1)`;
