import { describe, expect, it } from 'vitest';
import { parseTsquery, positiveLexemes } from './tsquery.ts';

describe('tsquery text', () => {
  it('reads lexemes, AND, OR, NOT and parentheses with PostgreSQL precedence', () => {
    expect(parseTsquery("'zwangslag'")).toEqual({ op: 'term', lexeme: 'zwangslag' });
    expect(parseTsquery("'a' & 'b' | 'c'")).toEqual({
      op: 'or',
      left: { op: 'and', left: { op: 'term', lexeme: 'a' }, right: { op: 'term', lexeme: 'b' } },
      right: { op: 'term', lexeme: 'c' },
    });
    expect(parseTsquery("'a' & !'b'")).toEqual({
      op: 'and',
      left: { op: 'term', lexeme: 'a' },
      right: { op: 'not', arg: { op: 'term', lexeme: 'b' } },
    });
    expect(parseTsquery("( 'a' | 'b' ) & 'c'")).toEqual({
      op: 'and',
      left: { op: 'or', left: { op: 'term', lexeme: 'a' }, right: { op: 'term', lexeme: 'b' } },
      right: { op: 'term', lexeme: 'c' },
    });
  });

  it('unescapes quotes and backslashes in lexemes', () => {
    expect(parseTsquery("'o''brien'")).toEqual({ op: 'term', lexeme: "o'brien" });
    expect(parseTsquery("'a\\\\b'")).toEqual({ op: 'term', lexeme: 'a\\b' });
  });

  it('gives the empty query (only stop words) its own answer', () => {
    expect(parseTsquery('')).toEqual({ empty: true });
    expect(parseTsquery('  ')).toEqual({ empty: true });
  });

  it('leaves phrases, prefixes, weights and broken text to SQL', () => {
    expect(parseTsquery("'a' <-> 'b'")).toBeNull();
    expect(parseTsquery("'a' <2> 'b'")).toBeNull();
    expect(parseTsquery("'a':*")).toBeNull();
    expect(parseTsquery("'a':AB")).toBeNull();
    expect(parseTsquery("'a' &")).toBeNull();
    expect(parseTsquery("( 'a'")).toBeNull();
    expect(parseTsquery("'a")).toBeNull();
    expect(parseTsquery("'a' 'b'")).toBeNull();
  });

  it('knows which lexemes rank a decision (not those under a NOT)', () => {
    const tree = parseTsquery("'a' & !( 'b' | !'c' ) | 'd'");
    expect(tree && 'op' in tree ? [...positiveLexemes(tree)].sort() : null).toEqual(['a', 'c', 'd']);
  });
});
