import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../platform/markdown.ts';
import { linkGlossaryTerms } from './linker.ts';

const terms = [
  { term: 'Menschenhandel', href: '/glossar#menschenhandel' },
  { term: 'Ausbeutung', href: '/glossar#ausbeutung' },
  { term: 'Fachberatungsstelle', href: '/glossar#fachberatungsstelle' },
  { term: 'Menschenhandel zur Arbeitsausbeutung', href: '/glossar#arbeitsausbeutung' },
  { term: 'Zwangsprostitution', href: '/glossar#zwangsprostitution' },
  { term: 'Überlebende', href: '/glossar#ueberlebende' },
];
const link = (html: string) => linkGlossaryTerms(html, terms);

describe('glossary linking', () => {
  it('links the first occurrence of a term only', () => {
    const out = link('<p>Menschenhandel ist ein Verbrechen. Menschenhandel verletzt Rechte.</p>');
    expect(out).toBe(
      '<p><a class="glossary-link" href="/glossar#menschenhandel">Menschenhandel</a> ist ein Verbrechen. Menschenhandel verletzt Rechte.</p>',
    );
  });

  it('counts the first occurrence across paragraphs of the page', () => {
    const out = link('<p>Über Ausbeutung.</p><p>Wieder Ausbeutung.</p>');
    expect(out.match(/glossary-link/g)).toHaveLength(1);
    expect(out).toContain('<p>Über <a class="glossary-link" href="/glossar#ausbeutung">Ausbeutung</a>.</p>');
  });

  it('respects word boundaries, umlauts included', () => {
    // "Arbeitsausbeutung" contains "ausbeutung" but is another word
    expect(link('<p>Arbeitsausbeutung und Ausbeutungsformen</p>')).not.toContain('glossary-link');
    // an umlaut is a letter: "Fachberatungsstelleä" is not the term
    expect(link('<p>Fachberatungsstelleä</p>')).not.toContain('glossary-link');
    // a term that starts with an umlaut is found at the start of the text and after punctuation
    expect(link('<p>(Überlebende)</p>')).toContain(
      '(<a class="glossary-link" href="/glossar#ueberlebende">Überlebende</a>)',
    );
    expect(link('<p>Die Überlebenden</p>')).not.toContain('glossary-link');
  });

  it('matches regardless of case but keeps the text as written', () => {
    expect(link('<p>MENSCHENHANDEL</p>')).toContain('>MENSCHENHANDEL</a>');
  });

  it('prefers the longest term at a position', () => {
    const out = link('<p>Menschenhandel zur Arbeitsausbeutung ist häufig.</p>');
    expect(out).toContain('href="/glossar#arbeitsausbeutung">Menschenhandel zur Arbeitsausbeutung</a>');
    expect(out).not.toContain('href="/glossar#menschenhandel"');
  });

  it('never links inside links, headings, code or abbreviations, and links the next plain occurrence instead', () => {
    const html =
      '<h2>Menschenhandel</h2><p><a href="/x">Menschenhandel <strong>Ausbeutung</strong></a> <code>Ausbeutung</code> und Menschenhandel, Ausbeutung.</p>';
    const out = link(html);
    expect(out).toContain('<h2>Menschenhandel</h2>');
    expect(out).toContain('<a href="/x">Menschenhandel <strong>Ausbeutung</strong></a>');
    expect(out).toContain('<code>Ausbeutung</code>');
    expect(out).toContain(
      'und <a class="glossary-link" href="/glossar#menschenhandel">Menschenhandel</a>, <a class="glossary-link" href="/glossar#ausbeutung">Ausbeutung</a>.',
    );
  });

  it('never touches tags or attribute values', () => {
    const html =
      '<p><a href="/menschenhandel" title="Menschenhandel">mehr</a> zu <abbr title="Ausbeutung">A.</abbr></p>';
    expect(link(html)).toBe(html);
  });

  it('works on the escaped text of rendered Markdown, headings included', () => {
    const html = renderMarkdown(
      '# Zwangsprostitution\n\nText über Zwangsprostitution & [Ausbeutung](https://example.org), dann Ausbeutung.',
    );
    const out = link(html);
    expect(out).toContain('<h2>Zwangsprostitution</h2>');
    expect(out).toContain(
      'über <a class="glossary-link" href="/glossar#zwangsprostitution">Zwangsprostitution</a> &amp;',
    );
    expect(out).toContain('dann <a class="glossary-link" href="/glossar#ausbeutung">Ausbeutung</a>.');
  });

  it('escapes the link target and leaves HTML without terms unchanged', () => {
    expect(linkGlossaryTerms('<p>Ausbeutung</p>', [{ term: 'Ausbeutung', href: '/g?a=1&b="2"' }])).toBe(
      '<p><a class="glossary-link" href="/g?a=1&amp;b=&quot;2&quot;">Ausbeutung</a></p>',
    );
    expect(link('<p>Nichts hier.</p>')).toBe('<p>Nichts hier.</p>');
    expect(linkGlossaryTerms('<p>Ausbeutung</p>', [])).toBe('<p>Ausbeutung</p>');
  });
});

describe('glossary linking, for any page', () => {
  const pieces = [
    'Menschenhandel',
    'menschenhandel',
    'Ausbeutung',
    'Arbeitsausbeutung',
    'Überlebende',
    'Überlebenden',
    'Menschenhandel zur Arbeitsausbeutung',
    ' ',
    ', ',
    '. ',
    '&amp;',
    'ä',
    'Text',
    '<br />',
  ];
  const blocks = ['p', 'h2', 'h3', 'li', 'td'];
  // well-formed, as the sanitiser's output always is
  const wrappers = ['a href="/x"', 'code', 'abbr title="Ausbeutung"', 'em', 'strong'];
  const inline = fc.oneof(
    fc.constantFrom(...pieces),
    fc
      .tuple(
        fc.constantFrom(...wrappers),
        fc.array(fc.constantFrom(...pieces.filter((p) => !p.startsWith('<'))), { maxLength: 4 }),
      )
      .map(([w, inner]) => `<${w}>${inner.join('')}</${w.split(' ')[0]}>`),
  );
  const page = fc
    .array(fc.tuple(fc.constantFrom(...blocks), fc.array(inline, { maxLength: 8 })), { maxLength: 6 })
    .map((bs) => bs.map(([b, parts]) => `<${b}>${parts.join('')}</${b}>`).join(''));

  it('only ever adds links around text, each term at most once, never inside links, headings or code', () => {
    fc.assert(
      fc.property(page, (html) => {
        const out = link(html);
        const added = out.match(/<a class="glossary-link" href="[^"]*">/g) ?? [];
        // removing the added links gives back the page exactly
        let stripped = out;
        for (const open of added) {
          const at = stripped.indexOf(open);
          const close = stripped.indexOf('</a>', at);
          stripped =
            stripped.slice(0, at) + stripped.slice(at + open.length, close) + stripped.slice(close + 4);
        }
        expect(stripped).toBe(html);
        // each term's link appears at most once
        expect(new Set(added).size).toBe(added.length);
        // no glossary link inside a heading, a link, code or an abbreviation
        const stack: string[] = [];
        for (const m of out.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>/g)) {
          const [, closing, name, attrs] = m;
          if (closing) stack.pop();
          else if (!attrs!.endsWith('/')) {
            if (attrs!.includes('glossary-link'))
              expect(stack.filter((s) => /^(a|h\d|code|abbr)$/.test(s))).toEqual([]);
            if (name !== 'br') stack.push(name!);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
