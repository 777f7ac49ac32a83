import { describe, expect, it } from 'vitest';
import { highlight } from './highlight.ts';

describe('snippet highlighting', () => {
  it('marks every inflected form whose stem is a query lexeme, umlauts and ß included', () => {
    const text =
      'Die Zwangslage der Geschädigten wurde ausgenutzt; zwei Geschädigte sagten aus. Häuser und Straßen.';
    expect(highlight(text, new Set(['geschadigt']))).toBe(
      'Die Zwangslage der <mark>Geschädigten</mark> wurde ausgenutzt; zwei <mark>Geschädigte</mark> sagten aus. Häuser und Straßen',
    );
    expect(highlight(text, new Set(['haus', 'strass']))).toContain(
      '<mark>Häuser</mark> und <mark>Straßen</mark>',
    );
  });

  it('does not mark a longer word that merely begins like the lexeme', () => {
    // "Lohnforderung" stems to "lohnforder", not "lohn"
    expect(highlight('Lohn und Lohnforderung', new Set(['lohn']))).toBe(
      '<mark>Lohn</mark> und Lohnforderung',
    );
  });

  it('cuts at most two fragments around the matches, joined by an ellipsis', () => {
    const words = Array.from({ length: 120 }, (_, i) => `wort${i}`);
    words[10] = 'Ausbeutung';
    words[90] = 'Ausbeutung';
    const out = highlight(words.join(' '), new Set(['ausbeut']));
    expect(out.split(' … ')).toHaveLength(2);
    expect(out.match(/<mark>Ausbeutung<\/mark>/g)).toHaveLength(2);
    expect(out).not.toContain('wort50');
    expect(out.startsWith('wort4 ')).toBe(true);
  });

  it('shows the beginning when nothing matches, and never lets markup through', () => {
    const out = highlight('Ein Text mit <script> darin und sonst nichts', new Set(['menschenhandel']));
    expect(out).toBe('Ein Text mit &lt;script&gt; darin und sonst nichts');
    expect(highlight('', new Set(['a']))).toBe('');
  });
});
