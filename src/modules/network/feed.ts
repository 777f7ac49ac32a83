/** Atom 1.0 (RFC 4287) for the news. Content is HTML, escaped as text inside the XML. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  published: Date;
  updated: Date;
  summary: string;
  html: string;
  category: string;
}

export interface Feed {
  id: string;
  title: string;
  selfUrl: string;
  alternateUrl: string;
  language: string;
  updated: Date;
  entries: FeedEntry[];
}

export function atomFeed(feed: Feed): string {
  const e = escapeXml;
  const entries = feed.entries
    .map(
      (entry) => `  <entry>
    <id>urn:uuid:${e(entry.id)}</id>
    <title type="text">${e(entry.title)}</title>
    <link rel="alternate" type="text/html" href="${e(entry.url)}"/>
    <published>${entry.published.toISOString()}</published>
    <updated>${entry.updated.toISOString()}</updated>
    <category term="${e(entry.category)}"/>
    <summary type="text">${e(entry.summary)}</summary>
    <content type="html">${e(entry.html)}</content>
  </entry>
`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${e(feed.language)}">
  <id>${e(feed.id)}</id>
  <title type="text">${e(feed.title)}</title>
  <updated>${feed.updated.toISOString()}</updated>
  <author><name>KOK e.V.</name></author>
  <link rel="self" type="application/atom+xml" href="${e(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${e(feed.alternateUrl)}"/>
${entries}</feed>
`;
}
