/**
 * Free-text matching for the finder, written for German: umlauts folded (ä → ae, so "Mädchen", "Maedchen" and,
 * with one typo allowed, "Madchen" meet), a light suffix stemmer (Beratungsstellen → beratungsstell), prefixes for
 * words being typed, and one or two typos depending on word length.
 */

export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

// no 'ungen': Beratungen must stem like Beratung (→ beratung), not to 'berat'
const SUFFIXES = ['innen', 'ern', 'en', 'er', 'es', 'in', 'e', 'n', 's'];

export function stem(word: string): string {
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 4) return word.slice(0, -suffix.length);
  }
  return word;
}

export function tokens(text: string): string[] {
  return fold(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length >= 2);
}

/** Damerau–Levenshtein distance with an early exit once `max` is exceeded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0]![j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = d[i]![0]!; // column 0 counts too: against an empty word the distance is i
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows - 1]![cols - 1]!;
}

/** The stems of a document, computed once per centre. */
export function indexText(...parts: string[]): Set<string> {
  return new Set(parts.flatMap(tokens).map(stem));
}

function allowedTypos(word: string): number {
  if (word.length >= 9) return 2;
  if (word.length >= 5) return 1;
  return 0;
}

function termMatches(term: string, index: Set<string>): boolean {
  if (index.has(term)) return true;
  const typos = allowedTypos(term);
  for (const word of index) {
    if (term.length >= 3 && word.startsWith(term)) return true;
    if (typos > 0 && editDistance(term, word, typos) <= typos) return true;
  }
  return false;
}

/** True when every word of the query is found (exactly, as a prefix, or with a small typo). */
export function matchesText(query: string, index: Set<string>): boolean {
  const terms = tokens(query).map(stem);
  return terms.length > 0 && terms.every((term) => termMatches(term, index));
}
