import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve('pdfjs-dist/package.json'));
// pdf.js looks for the 14 standard fonts itself; without them it warns on every file that uses one.
const standardFontDataUrl = `${pathToFileURL(path.join(pdfjsRoot, 'standard_fonts')).href}/`;

export interface PdfText {
  /** The text of each page, lines joined with newlines. */
  pages: string[];
}

/**
 * The text of a PDF, page by page (pdfjs-dist, legacy build for Node). Throws on a file that is not a readable
 * PDF; callers turn that into a validation message.
 */
export async function extractPdfText(bytes: Uint8Array, maxPages = 500): Promise<PdfText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    verbosity: 0,
    standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
  });
  const pdf = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= Math.min(pdf.numPages, maxPages); n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str;
        if (item.hasEOL) text += '\n';
        else if (item.str && !item.str.endsWith(' ')) text += ' ';
      }
      pages.push(text.replace(/[ \t]+\n/g, '\n').trim());
      page.cleanup();
    }
    return { pages };
  } finally {
    await task.destroy();
  }
}
