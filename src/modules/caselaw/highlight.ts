/**
 * Result snippets with the matched words marked, computed in the application from a decision's lead text (decision
 * 0026). ts_headline did the same in the database, but it stems every word of every result, which cost a search
 * more than finding and counting its matches. Here a word is stemmed only when its folded form begins with one of
 * the query's lexemes (a Snowball stem is always such a beginning), with the same Snowball German stemmer
 * PostgreSQL uses, so the marked words are the ones the search matched.
 */
import { stemmer } from '@orama/stemmers/german';

const WORD = /[\p{L}\p{N}]+/gu;
const WORDS_BEFORE = 6;
const FRAGMENT_WORDS = 24;
const MAX_FRAGMENTS = 2;
const LEAD_WORDS = 35;

const FOLDED_INITIAL: Record<string, string> = { ä: 'a', ö: 'o', ü: 'u', ß: 's' };

/** Lower case without umlauts and ß, as the Snowball German stemmer leaves its stems. */
function fold(word: string): string {
  return word.toLowerCase().replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/ü/g, 'u').replace(/ß/g, 'ss');
}

interface Token {
  start: number;
  end: number;
  marked: boolean;
}

/** Angle brackets only: the lead text is markup-free, and entities stay for the sanitiser to read. */
const escapeText = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Up to two fragments of `text` around the words whose stem is one of `lexemes`, each marked `<mark>…</mark>`,
 * joined by " … "; the beginning of the text when no word matches.
 */
export function highlight(text: string, lexemes: ReadonlySet<string>): string {
  const folded = [...lexemes].map((l) => ({ lexeme: l, folded: fold(l) }));
  const stems = new Map<string, string>();
  const stem = (word: string) => {
    let s = stems.get(word);
    if (s === undefined) {
      s = stemmer(word.toLowerCase());
      stems.set(word, s);
    }
    return s;
  };
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    // cheap test first: most words share not even their first letter with a lexeme
    const lower = word[0]!.toLowerCase();
    const initial = FOLDED_INITIAL[lower] ?? lower;
    let marked = false;
    for (const l of folded) {
      if (l.folded[0] !== initial || word.length < l.folded.length - 1) continue;
      if (fold(word).startsWith(l.folded) && stem(word) === l.lexeme) {
        marked = true;
        break;
      }
    }
    tokens.push({ start: m.index, end: m.index + word.length, marked });
  }
  if (tokens.length === 0) return '';
  const fragments: Array<[number, number]> = [];
  for (let i = 0; i < tokens.length && fragments.length < MAX_FRAGMENTS; i++) {
    if (!tokens[i]!.marked) continue;
    const first = Math.max(i - WORDS_BEFORE, fragments.length ? fragments[fragments.length - 1]![1] + 1 : 0);
    const last = Math.min(tokens.length - 1, first + FRAGMENT_WORDS - 1);
    fragments.push([first, last]);
    i = last;
  }
  if (fragments.length === 0) fragments.push([0, Math.min(tokens.length, LEAD_WORDS) - 1]);
  return fragments.map(([first, last]) => render(text, tokens, first, last)).join(' … ');
}

function render(text: string, tokens: Token[], first: number, last: number): string {
  let out = '';
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    const word = escapeText(text.slice(t.start, t.end));
    out += t.marked ? `<mark>${word}</mark>` : word;
    // what follows the word up to the next one (punctuation, spaces) belongs to the fragment
    if (i < last) out += escapeText(text.slice(t.end, tokens[i + 1]!.start));
  }
  return out;
}
