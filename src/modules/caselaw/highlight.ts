/**
 * Result snippets with the matched words marked, computed in the application from a decision's lead text (decision
 * 0026). ts_headline did the same in the database, but it stems every word of every result, which cost a search
 * more than finding and counting its matches. Here a word is stemmed only when its folded form begins with one of
 * the query's lexemes (a Snowball stem is always such a beginning), with the same Snowball German stemmer
 * PostgreSQL uses, so the marked words are the ones the search matched.
 */
import { stemmer } from '@orama/stemmers/german';

const WORDS_BEFORE = 6;
const FRAGMENT_WORDS = 24;
const MAX_FRAGMENTS = 2;
const LEAD_WORDS = 35;

const FOLDED_INITIAL: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 's' };
const FOLDED: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };
const UMLAUT = /[äöüß]/;
const UMLAUTS = /[äöüß]/g;

/** Lower case without umlauts and ß, as the Snowball German stemmer leaves its stems. */
function fold(word: string): string {
  const lower = word.toLowerCase();
  return UMLAUT.test(lower) ? lower.replace(UMLAUTS, (c) => FOLDED[c]!) : lower;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const wordCharCache = new Map<number, boolean>();

/** Whether a UTF-16 code unit belongs to a word: ASCII by range, the rest by Unicode class (remembered). */
function isWordChar(code: number): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  let known = wordCharCache.get(code);
  if (known === undefined) {
    known = LETTER_OR_DIGIT.test(String.fromCharCode(code));
    wordCharCache.set(code, known);
  }
  return known;
}

/** Angle brackets only: the lead text is markup-free, and entities stay for the sanitiser to read. */
const escapeText = (s: string) =>
  s.includes('<') || s.includes('>') ? s.replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;

/**
 * Up to two fragments of `text` around the words whose stem is one of `lexemes`, each marked `<mark>…</mark>`,
 * joined by " … "; the beginning of the text when no word matches.
 */
export function highlight(text: string, lexemes: ReadonlySet<string>): string {
  const folded = [...lexemes].map((l) => ({ lexeme: l, folded: fold(l) }));
  // the words as start and end offsets; a word is looked at only if its first letter could begin a lexeme
  const initials = new Set(folded.map((l) => l.folded[0]));
  const starts: number[] = [];
  const ends: number[] = [];
  const marked: boolean[] = [];
  // fragments as [first word, last word]: one starts at a marked word that no earlier fragment holds
  const fragments: Array<[number, number]> = [];
  for (let i = 0; i < text.length; ) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
    const lower = text[start]!.toLowerCase();
    let hit = false;
    if (initials.has(FOLDED_INITIAL[lower] ?? lower)) {
      const word = text.slice(start, i);
      for (const l of folded) {
        if (
          word.length >= l.folded.length - 1 &&
          fold(word).startsWith(l.folded) &&
          stem(word) === l.lexeme
        ) {
          hit = true;
          break;
        }
      }
    }
    const at = starts.length;
    starts.push(start);
    ends.push(i);
    marked.push(hit);
    const previous = fragments[fragments.length - 1];
    if (hit && fragments.length < MAX_FRAGMENTS && (!previous || at > previous[1])) {
      const first = Math.max(at - WORDS_BEFORE, previous ? previous[1] + 1 : 0);
      fragments.push([first, first + FRAGMENT_WORDS - 1]);
    }
    // the words after the last fragment are never shown
    if (fragments.length === MAX_FRAGMENTS && at >= fragments[MAX_FRAGMENTS - 1]![1]) break;
  }
  if (starts.length === 0) return '';
  for (const f of fragments) f[1] = Math.min(f[1], starts.length - 1);
  if (fragments.length === 0) fragments.push([0, Math.min(starts.length, LEAD_WORDS) - 1]);
  const tokens = { starts, ends, marked };
  return fragments.map(([first, last]) => render(text, tokens, first, last)).join(' … ');
}

// stems of words seen in snippets, kept across searches (the same words come back in every result)
const STEMS = new Map<string, string>();
const MAX_STEMS = 50_000;

function stem(word: string): string {
  let s = STEMS.get(word);
  if (s === undefined) {
    s = stemmer(word.toLowerCase());
    if (STEMS.size >= MAX_STEMS) STEMS.clear();
    STEMS.set(word, s);
  }
  return s;
}

function render(
  text: string,
  tokens: { starts: number[]; ends: number[]; marked: boolean[] },
  first: number,
  last: number,
): string {
  // the fragment's text as it stands, with a mark around each matched word
  let out = '';
  let at = tokens.starts[first]!;
  for (let i = first; i <= last; i++) {
    if (!tokens.marked[i]) continue;
    out += `${escapeText(text.slice(at, tokens.starts[i]))}<mark>${escapeText(text.slice(tokens.starts[i], tokens.ends[i]))}</mark>`;
    at = tokens.ends[i]!;
  }
  out += escapeText(text.slice(at, tokens.ends[last]));
  return out;
}
