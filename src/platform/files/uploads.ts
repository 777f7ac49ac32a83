import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { MessageKey } from '../i18n/index.ts';

/**
 * What an upload may be. The type is decided by the file's content (magic bytes), never by its name or the
 * browser's Content-Type: an HTML page renamed to `.pdf` is refused.
 */
export interface UploadPolicy {
  /** Media types accepted, as detected from the content. */
  types: readonly string[];
  maxBytes: number;
}

const OFFICE_TYPES = [
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
] as const;

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

export const uploadPolicies = {
  pdf: { types: ['application/pdf'], maxBytes: 20 * 1024 * 1024 },
  document: { types: ['application/pdf', ...OFFICE_TYPES, ...IMAGE_TYPES], maxBytes: 25 * 1024 * 1024 },
  image: { types: IMAGE_TYPES, maxBytes: 5 * 1024 * 1024 },
} satisfies Record<string, UploadPolicy>;

export interface CheckedUpload {
  name: string;
  mediaType: string;
  extension: string;
  bytes: Uint8Array;
  size: number;
  sha256: string;
}

export type UploadCheck = { ok: true; file: CheckedUpload } | { ok: false; error: MessageKey };

/** Checks a form upload against a policy: present, not empty, not too large, and a permitted type by content. */
export async function checkUpload(value: unknown, policy: UploadPolicy): Promise<UploadCheck> {
  if (!(value instanceof File) || value.size === 0) return { ok: false, error: 'upload.missing' };
  if (value.size > policy.maxBytes) return { ok: false, error: 'upload.too_large' };
  const bytes = new Uint8Array(await value.arrayBuffer());
  return checkBytes(bytes, value.name, policy);
}

export async function checkBytes(
  bytes: Uint8Array,
  name: string,
  policy: UploadPolicy,
): Promise<UploadCheck> {
  if (bytes.length === 0) return { ok: false, error: 'upload.missing' };
  if (bytes.length > policy.maxBytes) return { ok: false, error: 'upload.too_large' };
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !policy.types.includes(detected.mime)) return { ok: false, error: 'upload.wrong_type' };
  return {
    ok: true,
    file: {
      name: safeFileName(name, detected.ext),
      mediaType: detected.mime,
      extension: detected.ext,
      bytes,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}

/** A name that is safe in a Content-Disposition header and on any file system; the extension matches the content. */
export function safeFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\.[^.]{1,10}$/, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
    .replace(/^[._ ]+/, '')
    .trim()
    .slice(0, 120);
  return `${base || 'datei'}.${extension}`;
}
