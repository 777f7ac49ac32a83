/**
 * Links glossary terms where they appear in rendered (already sanitised) HTML: the first occurrence of each
 * term per page, whole words only (Unicode letters, so umlauts count as letters), never inside a link, a
 * heading, code or an abbreviation, and never inside a tag or an attribute. The HTML comes from our own
 * Markdown renderer, so tags are well-formed and text is entity-escaped; we only ever split it at tags.
 */

export interface LinkableTerm {
  /** The term as it appears in texts, in the page's language. */
  term: string;
  href: string;
}

/** Elements whose text must not get a link: links themselves, headings, code and abbreviations. */
const NO_LINK_INSIDE = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'abbr', 'button']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr']);

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Matcher {
  pattern: RegExp;
  term: LinkableTerm;
}

function matchers(terms: LinkableTerm[]): Matcher[] {
  return (
    terms
      .filter((t) => t.term.trim().length > 1)
      // longer terms first: "Menschenhandel zur Arbeitsausbeutung" wins over "Menschenhandel" at the same place
      .sort((a, b) => b.term.length - a.term.length)
      .map((term) => ({
        // the text in the HTML is escaped, so the term is too; a space in a term matches any run of white space
        pattern: new RegExp(
          `(?<![\\p{L}\\p{N}_])${escapeRegExp(escapeHtml(term.term.trim())).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}_])`,
          'iu',
        ),
        term,
      }))
  );
}

/** Links the first occurrence of each term in one run of text; `done` collects the terms already linked. */
function linkText(text: string, all: Matcher[], done: Set<LinkableTerm>): string {
  let out = '';
  let rest = text;
  for (;;) {
    let best: { index: number; length: number; m: Matcher } | null = null;
    for (const m of all) {
      if (done.has(m.term)) continue;
      const found = m.pattern.exec(rest);
      if (!found) continue;
      if (!best || found.index < best.index || (found.index === best.index && found[0].length > best.length))
        best = { index: found.index, length: found[0].length, m };
    }
    if (!best) return out + rest;
    done.add(best.m.term);
    const word = rest.slice(best.index, best.index + best.length);
    out += `${rest.slice(0, best.index)}<a class="glossary-link" href="${escapeHtml(best.m.term.href)}">${word}</a>`;
    rest = rest.slice(best.index + best.length);
  }
}

export function linkGlossaryTerms(html: string, terms: LinkableTerm[]): string {
  const all = matchers(terms);
  if (all.length === 0) return html;
  const done = new Set<LinkableTerm>();
  // open elements that forbid links, innermost last
  const blocked: string[] = [];
  let out = '';
  const tag = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;
  let last = 0;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    const text = html.slice(last, m.index);
    out += blocked.length === 0 && done.size < all.length ? linkText(text, all, done) : text;
    out += m[0];
    last = m.index + m[0].length;
    const name = m[1]?.toLowerCase();
    if (!name || !NO_LINK_INSIDE.has(name) || VOID.has(name)) continue;
    if (m[0].startsWith('</')) {
      const at = blocked.lastIndexOf(name);
      if (at >= 0) blocked.splice(at, 1);
    } else if (!m[0].endsWith('/>')) {
      blocked.push(name);
    }
  }
  const tail = html.slice(last);
  out += blocked.length === 0 && done.size < all.length ? linkText(tail, all, done) : tail;
  return out;
}
