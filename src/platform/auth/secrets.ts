import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token for URLs and cookies (256 bits, base64url). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Tokens (sessions, API tokens, reset links, recovery codes) carry ≥ 128 bits of entropy, so a plain SHA-256 is
 * enough to store them: a database leak does not reveal a usable token, and lookups stay a simple index hit.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
