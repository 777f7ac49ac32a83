import PDFDocument from 'pdfkit';

export type PdfDoc = PDFKit.PDFDocument;

/**
 * Renders a PDF with pdfkit into a buffer. The standard Helvetica fonts cover German text (WinAnsi);
 * `info` becomes the document's metadata.
 */
export function renderPdf(
  info: { title: string; author?: string; language?: string },
  draw: (doc: PdfDoc) => void,
  options: { size?: string; layout?: 'portrait' | 'landscape'; margin?: number } = {},
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: options.size ?? 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin ?? 56,
    lang: info.language ?? 'de-DE',
    info: { Title: info.title, Author: info.author ?? 'KOK e.V.', Creator: 'KOK-Plattform' },
    bufferPages: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}
