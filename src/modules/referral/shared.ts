import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB, Db, User } from '../../db/types.ts';
import { type Locale, localePath } from '../../platform/i18n/index.ts';
import type { Limit } from '../../platform/rate-limit.ts';

export interface Actor {
  user: User;
  ip: string | null;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(24).toString('base64url');

/** A plausible token in a path: anything else is not looked up. */
export const tokenShape = /^[A-Za-z0-9_-]{20,100}$/;

export interface MailLinks {
  /** Absolute base URL without a language prefix. */
  publicUrl: string;
}

export function absoluteLink(links: MailLinks, locale: Locale, path: string): string {
  return `${links.publicUrl}${localePath(locale, path)}`;
}

/** Per address and per e-mail: a public request form is not a way to flood the office or someone's inbox. */
export const requestLimits = (form: string, ip: string | null, email: string): Limit[] => [
  ...(ip ? [{ key: `referral:${form}:ip:${ip}`, max: 5, windowSeconds: 3600 }] : []),
  { key: `referral:${form}:email:${hashToken(email)}`, max: 3, windowSeconds: 3600 },
];

export async function addHistory(
  trx: Transaction<DB> | Db,
  entry: {
    training_request_id?: string;
    speaker_request_id?: string;
    actor_id?: string | null;
    actor_kind: 'office' | 'requester' | 'speaker' | 'system';
    action: string;
    status?: string | null;
    speaker_id?: string | null;
    note?: string;
  },
): Promise<void> {
  await trx
    .insertInto('referral_history')
    .values({
      training_request_id: entry.training_request_id ?? null,
      speaker_request_id: entry.speaker_request_id ?? null,
      actor_id: entry.actor_id ?? null,
      actor_kind: entry.actor_kind,
      action: entry.action,
      status: entry.status ?? null,
      speaker_id: entry.speaker_id ?? null,
      note: entry.note ?? '',
    })
    .execute();
}
