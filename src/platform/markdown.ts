import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const marked = new Marked({ gfm: true, breaks: false });

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'a',
    'blockquote',
    'code',
    'pre',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'abbr',
    'del',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'hreflang'],
    abbr: ['title'],
    th: ['scope'],
    ol: ['start'],
  },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // h1 belongs to the page title; demote it rather than drop the text
  transformTags: {
    h1: 'h2',
    a: (tagName, attribs) => {
      const external = /^https?:/i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noreferrer' } : attribs };
    },
  },
};

/**
 * Markdown written by the office, rendered to HTML that is safe to embed: everything outside a small allowlist
 * (scripts, styles, event handlers, images from other hosts, iframes) is removed on output.
 */
export function renderMarkdown(markdown: string, vars: Record<string, string> = {}): string {
  const withVars = markdown.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole);
  const html = marked.parse(withVars, { async: false });
  return sanitizeHtml(html, allowed);
}

const richText: sanitizeHtml.IOptions = {
  ...allowed,
  allowedTags: [
    ...(allowed.allowedTags as string[]),
    'dl',
    'dt',
    'dd',
    'div',
    'span',
    'sub',
    'sup',
    'u',
    'b',
    'i',
  ],
  allowedAttributes: { ...allowed.allowedAttributes, a: ['href', 'title', 'rel', 'hreflang', 'name'] },
  allowedClasses: { dl: ['RspDL'] },
};

/**
 * Imported XHTML (court decisions): the same allowlist as Markdown output, plus definition lists, so margin
 * numbers survive as `<dl class="RspDL"><dt><a name="rd_N">N</a></dt><dd>…`.
 */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, richText).trim();
}
