import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';

/**
 * Answers with a file as a download. Uploaded files are never rendered by the browser as a page of ours:
 * always `attachment`, the content type the server detected, nosniff, and a CSP sandbox in case a browser
 * opens it anyway.
 */
export function fileResponse(
  _c: Context<AppEnv>,
  file: { name: string; media_type: string; content: Uint8Array },
  options: { inline?: boolean; cacheSeconds?: number } = {},
): Response {
  // Only PDFs and images may open in the browser's own viewer; nothing that can run script.
  const inline =
    options.inline === true && /^(application\/pdf|image\/(png|jpeg|webp))$/.test(file.media_type);
  const disposition = `${inline ? 'inline' : 'attachment'}; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`;
  return new Response(file.content as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': file.media_type,
      'Content-Length': String(file.content.byteLength),
      'Content-Disposition': disposition,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'Cache-Control': options.cacheSeconds
        ? `private, max-age=${options.cacheSeconds}`
        : 'private, no-store',
    },
  });
}

function asciiName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
}
