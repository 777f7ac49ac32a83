import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, fold, indexText, matchesText, stem, tokens } from './text-match.ts';

describe('fold', () => {
  it('writes umlauts out, ß as ss, drops other accents, lower case', () => {
    expect(fold('Mädchen Öl Übung Straße')).toBe('maedchen oel uebung strasse');
    expect(fold('ÄÖÜ')).toBe('aeoeue');
    expect(fold('Café Señora Łódź')).toBe('cafe senora łodz');
  });
});

describe('tokens', () => {
  it('splits on everything but letters and digits and drops one-letter words', () => {
    expect(tokens('Beratung, Hilfe & Schutz – 24/7 (a)')).toEqual(['beratung', 'hilfe', 'schutz', '24']);
    expect(tokens('')).toEqual([]);
    expect(tokens('!!! ??')).toEqual([]);
  });
});

describe('stem', () => {
  it.each([
    ['beratungsstellen', 'beratungsstell'],
    ['beratungsstelle', 'beratungsstell'],
    ['beraterinnen', 'berater'],
    ['frauen', 'frau'],
    ['maedchen', 'maedch'],
    ['kindern', 'kind'],
    ['menschenhandels', 'menschenhandel'],
    ['ausbeutungen', 'ausbeutung'],
    ['beratungen', 'beratung'],
  ])('%s → %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('keeps at least four letters', () => {
    expect(stem('frau')).toBe('frau');
    expect(stem('haus')).toBe('haus');
    expect(stem('hilfe')).toBe('hilf');
    expect(stem('rate')).toBe('rate');
  });

  it('is idempotent enough: singular and plural meet', () => {
    for (const [a, b] of [
      ['stelle', 'stellen'],
      ['frau', 'frauen'],
      ['beratung', 'beratungen'],
      ['betroffene', 'betroffenen'],
    ]) {
      expect(stem(a!), `${a} / ${b}`).toBe(stem(b!));
    }
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(editDistance('frau', 'frau', 2)).toBe(0);
    expect(editDistance('frau', 'fru', 2)).toBe(1);
    expect(editDistance('frau', 'fraue', 2)).toBe(1);
    expect(editDistance('frau', 'frou', 2)).toBe(1);
    expect(editDistance('frau', 'fxax', 2)).toBe(2);
    expect(editDistance('arbeit', 'arbiet', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });

  it('stops early, returning max + 1, once the distance exceeds max', () => {
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('beratung', 'zzzzzzzz', 2)).toBe(3);
  });

  it('measures against an empty word as its length', () => {
    expect(editDistance('', 'ab', 5)).toBe(2);
    expect(editDistance('ab', '', 5)).toBe(2);
    expect(editDistance('abcd', '', 2)).toBe(3);
  });

  it('is symmetric, zero only for equal words, and never above the longer length', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'e'), maxLength: 8 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        const max = 20;
        const d = editDistance(a, b, max);
        expect(d).toBe(editDistance(b, a, max));
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
      { numRuns: 300 },
    );
  });
});

describe('matchesText', () => {
  const index = indexText(
    'Fachberatungsstelle für Mädchen und Frauen',
    'Beratung gegen Menschenhandel in München',
    'Zwangsarbeit und Ausbeutung',
  );

  it.each([
    'Mädchen',
    'MÄDCHEN',
    'Maedchen',
    'Madchen',
    'fachberatungsstellen',
    'Menschenhandels',
    'Menschnhandel',
    'Menschenhadnel',
    'München',
    'Muenchen',
    'Munchen',
    'Zwangsarbiet',
    'Frau',
    'frauen',
    'Fach',
    'Beratung Frauen',
    '  Beratung,   Frauen!  ',
  ])('matches "%s"', (q) => {
    expect(matchesText(q, index)).toBe(true);
  });

  it.each([
    'Kinder',
    'Beratung Kinder',
    'xyz',
    'Hamburg',
    // two typos in a short word are too many
    'Frsu',
    // nothing searchable
    '',
    '!!',
    'a',
  ])('does not match "%s"', (q) => {
    expect(matchesText(q, index)).toBe(false);
  });

  it('allows two typos only in long words', () => {
    expect(matchesText('Zwxngsarbxit', index)).toBe(true); // 12 letters, 2 typos
    expect(matchesText('Bxratung', index)).toBe(true); // 8 letters, 1 typo
    expect(matchesText('Bxratxng', index)).toBe(false); // 8 letters, 2 typos
  });

  it('never throws and always answers a boolean, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (q) => {
        expect(typeof matchesText(q, index)).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('singular finds plural and plural finds singular', () => {
    for (const [doc, q] of [
      ['Beratungen für Frauen', 'Beratung'],
      ['Beratung für Frauen', 'Beratungen'],
      ['Unterkünfte', 'Unterkunft'],
      ['Beraterinnen', 'Beraterin'],
      ['Fachberatungsstelle', 'Fachberatungsstellen'],
    ] as const) {
      expect(matchesText(q, indexText(doc)), `${q} in ${doc}`).toBe(true);
    }
  });

  it('every word of a document finds the document', () => {
    const words = fc.stringMatching(/^[a-zA-ZäöüÄÖÜß]{2,12}$/);
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 6 }), (list) => {
        const doc = indexText(list.join(' '));
        for (const w of list) expect(matchesText(w, doc), w).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
