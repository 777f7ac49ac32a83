import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BoardTerm, boardWarnings, isCurrent } from './board.ts';
import { atomFeed, escapeXml } from './feed.ts';

const term = (person_name: string, role: string, term_start: string, term_end: string): BoardTerm => ({
  person_name,
  role,
  term_start,
  term_end,
});

describe('boardWarnings', () => {
  const today = '2026-06-01';
  it('is quiet for a board of three to five with running terms', () => {
    const terms = ['A', 'B', 'C', 'D'].map((n) => term(n, `R${n}`, '2025-01-01', '2027-12-31'));
    expect(boardWarnings(terms, today)).toEqual([]);
  });
  it('warns about too few and too many members', () => {
    const two = ['A', 'B'].map((n) => term(n, n, '2025-01-01', '2027-12-31'));
    expect(boardWarnings(two, today)).toEqual([{ kind: 'too_few', count: 2 }]);
    const six = ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => term(n, n, '2025-01-01', '2027-12-31'));
    expect(boardWarnings(six, today)).toEqual([{ kind: 'too_many', count: 6 }]);
  });
  it('warns about a lapsed term unless the person or the role continues', () => {
    const base = ['A', 'B', 'C'].map((n) => term(n, n, '2025-01-01', '2027-12-31'));
    const lapsed = term('D', 'Schatzmeisterin', '2022-01-01', '2026-05-31');
    expect(boardWarnings([...base, lapsed], today)).toEqual([
      { kind: 'lapsed', person_name: 'D', role: 'Schatzmeisterin', term_end: '2026-05-31' },
    ]);
    const successor = term('E', 'Schatzmeisterin', '2026-06-01', '2029-05-31');
    expect(boardWarnings([...base, lapsed, successor], today)).toEqual([]);
    const reelected = term('D', '', '2026-06-01', '2029-05-31');
    expect(boardWarnings([...base, lapsed, reelected], today)).toEqual([]);
  });
  it('counts a term as current on its first and last day', () => {
    expect(isCurrent(term('A', '', today, today), today)).toBe(true);
  });

  const date = fc
    .date({
      min: new Date('2000-01-01T00:00:00Z'),
      max: new Date('2040-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));
  const anyTerm = fc
    .tuple(
      fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G'),
      fc.constantFrom('', 'R1', 'R2', 'R3'),
      date,
      date,
    )
    .map(([n, r, a, b]) => {
      const [start, end] = [a, b].sort();
      return term(n, r, start!, end!);
    });

  it('warns about the size exactly when the current board is outside three to five (property)', () => {
    fc.assert(
      fc.property(fc.array(anyTerm, { maxLength: 12 }), date, (terms, day) => {
        const warnings = boardWarnings(terms, day);
        const current = terms.filter((t) => isCurrent(t, day)).length;
        expect(warnings.some((w) => w.kind === 'too_few')).toBe(current < 3);
        expect(warnings.some((w) => w.kind === 'too_many')).toBe(current > 5);
        for (const w of warnings) if (w.kind === 'lapsed') expect(w.term_end < day).toBe(true);
        // a term that has not ended never lapses
        const lapsedCount = warnings.filter((w) => w.kind === 'lapsed').length;
        expect(lapsedCount).toBeLessThanOrEqual(terms.filter((t) => t.term_end < day).length);
      }),
    );
  });
});

describe('atom feed', () => {
  it('escapes every text it writes (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeXml(s)).not.toMatch(/[<>"']|&(?!(amp|lt|gt|quot|apos);)/);
      }),
    );
  });
  it('writes the required elements', () => {
    const xml = atomFeed({
      id: 'https://example.org/news/feed.xml',
      title: 'T & <b>',
      selfUrl: 'https://example.org/news/feed.xml',
      alternateUrl: 'https://example.org/aktuelles',
      language: 'de',
      updated: new Date(0),
      entries: [],
    });
    expect(xml).toContain('<title type="text">T &amp; &lt;b&gt;</title>');
    expect(xml).toContain('rel="self"');
  });
});
