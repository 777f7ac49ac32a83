import type { FieldErrors } from '../../platform/errors.ts';
import { extractPdfText } from '../../platform/files/pdf-text.ts';
import { type CheckedUpload, checkUpload, uploadPolicies } from '../../platform/files/uploads.ts';
import type { Ctx } from '../../platform/http/env.ts';

export type PdfUpload =
  | { ok: true; pdf: { file: CheckedUpload; text: string } | null }
  | { ok: false; errors: FieldErrors };

/**
 * The PDF of a form's `field`: checked by its content (an HTML page named .pdf is refused), then its text read for
 * the search. Optional uploads may be left empty. Call after readForm: Hono keeps the parsed body.
 */
export async function readPdfUpload(c: Ctx, field: string, required: boolean): Promise<PdfUpload> {
  const body = await c.req.parseBody({ all: true });
  const value = body[field];
  if (!required && (!(value instanceof File) || value.size === 0)) return { ok: true, pdf: null };
  const checked = await checkUpload(value, uploadPolicies.pdf);
  if (!checked.ok) return { ok: false, errors: { [field]: { key: checked.error } } };
  try {
    const text = await extractPdfText(checked.file.bytes);
    return {
      ok: true,
      pdf: { file: checked.file, text: text.pages.join('\n\n').replaceAll(String.fromCharCode(0), '') },
    };
  } catch {
    return { ok: false, errors: { [field]: { key: 'publications.pdf_unreadable' } } };
  }
}

export function formatSize(locale: string, bytes: number): string {
  const fmt = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt.format(bytes / 1024)} KB`;
  return `${fmt.format(bytes / 1024 / 1024)} MB`;
}
