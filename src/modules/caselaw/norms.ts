/**
 * Norm parser for German citations ("§ 232a Abs. 1 Nr. 2 StGB", "§§ 10 bis 12 ArbSchG", "Art. 4 EMRK") in running
 * text and RII `norm` fields. A small tokenizer (one token per keyword, number, book, separator) feeds a parser
 * that reads one group per `§`/`§§`/`Art.`, expands lists into one citation per provision and attaches the book
 * that follows a group to every provision of it.
 *
 * Offsets: `start`/`end` are UTF-16 offsets; `raw === text.slice(start, end)`. Each entry covers its own text: the
 * first provision of a group starts at the sign, later ones at their own number or level keyword ("§§ 232, 233
 * StGB" → "§§ 232" and "233 StGB"); the last one also covers the book and `a.F.`. Entries never overlap and are
 * returned in text order, so every entry can be linked on its own.
 *
 * Ranges are not expanded: "§§ 10 bis 12" is one entry with `section: '10', range_end: '12'`; a range always
 * belongs to the deepest level given ("§ 232 Abs. 1 bis 3" → paragraph 1, range_end 3). `f.`/`ff.` are kept in
 * `following` (part of `normKey`); `Alt.`/`Var.`/`Halbs.`/`UAbs.` in `extra` (display only, not in the key).
 * A group without a book takes the book of the next group of the same kind it is chained to by `i.V.m.`, `und`,
 * `,` … ("Art. 2 Abs. 1 i.V.m. Art. 1 Abs. 1 GG" → both GG); otherwise `book` is null.
 */
import { type Level, type NormKind, type Tok, tokenize } from './norms-books.ts';

export type { NormKind };
export interface Citation {
  book: string | null;
  section: string;
  paragraph: string | null;
  sentence: string | null;
  number: string | null;
  letter: string | null;
  kind: NormKind;
  range_end?: string;
  /** `f.` (this and the next) or `ff.` (this and the following), at the deepest level given. */
  following?: 'f' | 'ff';
  /** "Alt. 2", "Var. 1", "Halbs. 2", "UAbs. 1": kept for display, ignored by `normKey`/`normMatches`. */
  extra?: string;
  raw: string;
  start: number;
  end: number;
}

const LEVELS: Level[] = ['paragraph', 'sentence', 'number', 'letter'];

interface Item {
  section: string;
  levels: Array<[Level, string]>;
  range?: { level: Level | 'section'; end: string };
  following?: 'f' | 'ff';
  extra: string[];
  s: number;
  e: number;
}

/** The value token for a level: letters for `lit.`, numbers (with letter: "4a") for everything else. */
function valueFor(level: Level | 'section', tok: Tok | undefined): string | null {
  if (!tok) return null;
  if (level === 'letter') return tok.t === 'letter' ? tok.v : null;
  return tok.t === 'num' ? tok.v : null;
}

const lastLevel = (item: Item): Level | 'section' => item.levels.at(-1)?.[0] ?? 'section';

/** A sibling of `item` that shares every level given before `level` in the text. */
function sibling(item: Item, level: Level | 'section', value: string, s: number, e: number): Item {
  if (level === 'section') return { section: value, levels: [], extra: [], s, e };
  const k = item.levels.findIndex(([l]) => l === level);
  const kept = k < 0 ? item.levels : item.levels.slice(0, k);
  return { section: item.section, levels: [...kept, [level, value]], extra: [], s, e };
}

/** Reads levels, ranges, `ff.`, extras and `a.F.` after a number; returns the index after them. */
function readTail(toks: Tok[], j: number, item: Item): number {
  for (;;) {
    const t = toks[j];
    if (!t) return j;
    if (t.t === 'level' && !item.range) {
      const v = valueFor(t.v, toks[j + 1]);
      if (v === null) return j;
      const k = item.levels.findIndex(([l]) => l === t.v);
      if (k >= 0) item.levels.splice(k);
      item.levels.push([t.v, v]);
      item.e = toks[j + 1]!.e;
      j += 2;
    } else if (t.t === 'roman' && item.levels.length === 0 && t.s - item.e <= 1) {
      item.levels.push(['paragraph', t.v]); // "§ 263 I 1 StGB": Absatz in Roman, then Satz
      item.e = t.e;
      j += 1;
      const next = toks[j];
      if (next?.t === 'num' && next.s - t.e <= 1 && toks[j + 1]?.t !== 'sep') {
        item.levels.push(['sentence', next.v]);
        item.e = next.e;
        j += 1;
      }
    } else if (t.t === 'range' && !item.range) {
      const level = lastLevel(item);
      const k = level === 'section' && toks[j + 1]?.t === 'sign' ? j + 2 : j + 1;
      const v = valueFor(level, toks[k]);
      if (v === null) return j;
      item.range = { level, end: v };
      item.e = toks[k]!.e;
      j = k + 1;
    } else if (t.t === 'ff' || t.t === 'fassung') {
      if (t.t === 'ff') item.following = t.v;
      item.e = t.e;
      j += 1;
    } else if (t.t === 'extra') {
      const n = toks[j + 1];
      if (!n || (n.t !== 'num' && n.t !== 'roman' && n.t !== 'letter')) return j;
      item.extra.push(`${t.v} ${n.v}`);
      item.e = n.e;
      j += 2;
    } else return j;
  }
}

/** Tokens after which a number in a list still reads as part of a citation. */
const CONTINUES = new Set<Tok['t']>(['book', 'level', 'sep', 'range', 'ff', 'fassung', 'ivm', 'extra']);

interface Group {
  items: Item[];
  kind: NormKind;
  book: string | null;
  /** Offset of the sign of the next group of the same kind when chained by `i.V.m.`, `und`, `,` …. */
  linkedTo: number | null;
}

function readGroup(toks: Tok[], i: number, field: boolean): { group: Group; next: number } | null {
  const sign = toks[i]!;
  const first = toks[i + 1];
  if (sign.t !== 'sign' || first?.t !== 'num') return null;
  const items: Item[] = [];
  let cur: Item = { section: first.v, levels: [], extra: [], s: sign.s, e: first.e };
  let j = i + 2;
  for (;;) {
    const letter = toks[j];
    const bare = cur.levels.length === 0 && /\d$/.test(cur.section);
    if (bare && letter?.t === 'letter' && letter.v.length === 1 && letter.s - cur.e <= 1) {
      cur.section += letter.v; // "§ 180 a StGB"
      cur.e = letter.e;
      j += 1;
    }
    j = readTail(toks, j, cur);
    items.push(cur);
    const sep = toks[j];
    const n = toks[j + 1];
    if (sep?.t !== 'sep' || !n || cur.range) break;
    if (n.t === 'level') {
      const v = valueFor(n.v, toks[j + 2]); // "Abs. 1 und Abs. 2"
      if (v === null) break;
      cur = sibling(cur, n.v, v, n.s, toks[j + 2]!.e);
      j += 3;
      continue;
    }
    const after = toks[j + 2];
    if (n.t === 'num' && /^(?:19|20)\d\d$/.test(n.v) && !(after && CONTINUES.has(after.t))) break; // ", 2021 wurde"
    // "§§ 232 Abs. 1, 233" → § 233; "§§ 232 Abs. 1 und 2" → Abs. 2; "§ 25 Abs. 4a, 5" → Abs. 5
    const newSection =
      sign.plural && (cur.levels.length === 0 || (n.t === 'num' && compareValue(n.v, cur.section) > 0));
    let level: Level | 'section' = newSection ? 'section' : lastLevel(cur);
    if (after?.t === 'level') {
      const k = cur.levels.findIndex(([l]) => l === after.v); // "Art. 2 Abs. 1, 1 Abs. 1 GG"
      if (k === 0) level = 'section';
      else if (k > 0) level = cur.levels[k - 1]![0];
    }
    const v = valueFor(level, n);
    if (v === null) break;
    cur = sibling(cur, level, v, n.s, n.e);
    j += 2;
  }
  const last = items.at(-1)!;
  if (toks[j]?.t === 'close' && toks[j - 1]?.t === 'letter' && toks[j + 1]?.t === 'book') j += 1; // "lit. b) BeschV"
  let book: string | null = null;
  const b = toks[j];
  if (b?.t === 'book') {
    book = b.v;
    last.e = b.e;
    j += 1;
    if (toks[j]?.t === 'fassung') last.e = toks[j++]!.e;
    const year = toks[j];
    if (field && year?.t === 'num' && /^(?:19|20)\d\d$/.test(year.v)) last.e = toks[j++]!.e; // RII "AsylVfG 1992"
  }
  const link = toks[j];
  const nextSign = toks[j + 1];
  const chained =
    (link?.t === 'ivm' || link?.t === 'sep') && nextSign?.t === 'sign' && nextSign.kind === sign.kind;
  return { group: { items, kind: sign.kind, book, linkedTo: chained ? nextSign.s : null }, next: j };
}

function toCitation(text: string, item: Item, kind: NormKind, book: string | null): Citation {
  const get = (level: Level) => item.levels.find(([l]) => l === level)?.[1] ?? null;
  const c: Citation = {
    book,
    section: item.section,
    paragraph: get('paragraph'),
    sentence: get('sentence'),
    number: get('number'),
    letter: get('letter'),
    kind,
    raw: text.slice(item.s, item.e),
    start: item.s,
    end: item.e,
  };
  if (item.range && deepest(c) === item.range.level) c.range_end = item.range.end;
  if (item.following && !c.range_end) c.following = item.following;
  if (item.extra.length > 0) c.extra = item.extra.join(' ');
  return c;
}

const SIGN_START = /§|(?<![\p{L}\p{N}])(?:Art|Paragra)/gu;

function parse(text: string, field: boolean): Citation[] {
  const groups: Group[] = [];
  SIGN_START.lastIndex = 0;
  // Only the stretches that start with a sign are tokenized: prose in between costs one regex scan.
  for (let m = SIGN_START.exec(text); m; m = SIGN_START.exec(text)) {
    const toks = tokenize(text, m.index);
    for (let i = 0; i < toks.length; ) {
      const read = toks[i]!.t === 'sign' ? readGroup(toks, i, field) : null;
      if (read) groups.push(read.group);
      i = read ? read.next : i + 1;
    }
    SIGN_START.lastIndex = Math.max(toks.at(-1)!.e, m.index + 1);
  }
  for (let g = groups.length - 2; g >= 0; g--) {
    const group = groups[g]!;
    const next = groups[g + 1]!;
    // "Art. 2 Abs. 1 i.V.m. Art. 1 Abs. 1 GG": the chained group names the book for both
    if (group.book === null && group.linkedTo === next.items[0]!.s) group.book = next.book;
  }
  return groups.flatMap((g) => g.items.map((item) => toCitation(text, item, g.kind, g.book)));
}

/** Every citation in running text, in text order. Never throws. */
export function parseNorms(text: string): Citation[] {
  return parse(text, false);
}

/** An RII `norm` field ("§ 4 InsO, § 13 Abs 1 ZPO", "§ 2 AsylVfG 1992"): like running text, plus version years. */
export function parseNormField(field: string): Citation[] {
  return parse(field, true);
}

/** The deepest level a citation gives, in the fixed order section < Abs. < Satz < Nr. < lit. */
export function deepest(c: Pick<Citation, Level>): Level | 'section' {
  return [...LEVELS].reverse().find((l) => c[l] !== null) ?? 'section';
}

const KEY_LABEL: Record<Level, string> = { paragraph: 'Abs', sentence: 'S', number: 'Nr', letter: 'lit' };
/** The range end or `f.`/`ff.` of the deepest level, written for the key or for display. */
function suffix(c: Citation, level: Level | 'section', display: boolean): string {
  if (deepest(c) !== level) return '';
  if (c.range_end) return display ? ` bis ${c.range_end}` : `-${c.range_end}`;
  if (c.following) return display ? ` ${c.following}.` : `${c.following}.`; // "§403ff." ≠ section "§403f"
  return '';
}

/** Canonical key: "StGB §232a Abs1 Nr2", "GG Art3 Abs1", "ArbSchG §10-12", "StPO §403ff."; no book → no prefix. */
export function normKey(c: Citation): string {
  const sign = c.kind === 'article' ? 'Art' : '§';
  const parts = [`${sign}${c.section.toLowerCase()}${suffix(c, 'section', false)}`];
  for (const l of LEVELS) {
    const v = c[l];
    if (v !== null) parts.push(`${KEY_LABEL[l]}${v.toLowerCase()}${suffix(c, l, false)}`);
  }
  return (c.book ? [c.book, ...parts] : parts).join(' ');
}

const DISPLAY: Record<Level, string> = { paragraph: 'Abs.', sentence: 'S.', number: 'Nr.', letter: 'lit.' };

/** German display form: "§ 232a Abs. 1 Nr. 2 StGB", "§§ 10 bis 12 ArbSchG", "Art. 4 Abs. 2 EMRK". */
export function formatNorm(c: Citation): string {
  const plural = deepest(c) === 'section' && (c.range_end !== undefined || c.following !== undefined);
  const sign = c.kind === 'article' ? 'Art.' : plural ? '§§' : '§';
  const parts = [`${sign} ${c.section}${suffix(c, 'section', true)}`];
  for (const l of LEVELS) {
    const v = c[l];
    if (v !== null) parts.push(`${DISPLAY[l]} ${v}${suffix(c, l, true)}`);
  }
  return [...parts, c.extra, c.book].filter(Boolean).join(' ');
}

/** "232a" → [232, "a"], compared number first, then letter ("232" < "232a" < "233"). */
function compareValue(a: string, b: string): number {
  const [, na = '', la = ''] = /^(\d*)(.*)$/.exec(a.toLowerCase())!;
  const [, nb = '', lb = ''] = /^(\d*)(.*)$/.exec(b.toLowerCase())!;
  return Number(na) - Number(nb) || (la < lb ? -1 : la > lb ? 1 : 0);
}

/**
 * Does a search for `query` find a decision citing `cited`? Same kind, book and section; every level the query
 * gives must be given equally by `cited`, levels the query leaves open match anything ("§ 232a StGB" finds
 * "§ 232a Abs. 1 Nr. 2 StGB", not the other way round). A range on either side matches if the ranges overlap
 * ("§ 11 ArbSchG" finds "§§ 10 bis 12 ArbSchG").
 */
export function normMatches(query: Citation, cited: Citation): boolean {
  if (query.kind !== cited.kind || query.book !== cited.book) return false;
  for (const level of ['section', ...LEVELS] as const) {
    const q = query[level];
    const c = cited[level];
    if (q === null) continue;
    if (c === null) return false;
    const qEnd = deepest(query) === level && query.range_end ? query.range_end : q;
    const cEnd = deepest(cited) === level && cited.range_end ? cited.range_end : c;
    const [qLo, qHi] = compareValue(q, qEnd) <= 0 ? [q, qEnd] : [qEnd, q];
    const [cLo, cHi] = compareValue(c, cEnd) <= 0 ? [c, cEnd] : [cEnd, c];
    if (compareValue(qLo, cHi) > 0 || compareValue(cLo, qHi) > 0) return false;
  }
  return true;
}
