import type { Db } from '../../db/types.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { checkFormStamp } from '../events/repo.ts';

/**
 * The public forms' defence against bots without a third-party captcha: a hidden honeypot field that people
 * leave empty, and a signed time stamp (shared with event registration) that must be old enough to have been
 * filled in by a person and young enough not to be a replayed form.
 */
export async function botCheck(db: Db, values: Record<string, string>): Promise<MessageKey | null> {
  if (values.website) return 'outreach.bot_refused';
  const stamp = await checkFormStamp(db, values.started ?? '');
  if (stamp === 'too_fast') return 'outreach.too_fast';
  if (stamp !== 'ok') return stamp === 'expired' ? 'outreach.form_expired' : 'outreach.bot_refused';
  return null;
}
