import type { Kysely } from 'kysely';
import type { DB } from '../../db/types.ts';
import type { FieldErrors } from '../../platform/errors.ts';
import type { Translate } from '../../platform/i18n/index.ts';
import { checkFormStamp } from './repo.ts';

/**
 * The bot guard of the module's public forms, without a third-party captcha: a hidden field people leave
 * empty (honeypot) and a signed time stamp that refuses forms sent faster than a person can fill them.
 */
export function BotGuard({ stamp, t }: { stamp: string; t: Translate }) {
  return (
    <>
      <input type="hidden" name="started" value={stamp} />
      <div class="visually-hidden" aria-hidden="true">
        <label for="f-website">{t('events.field_website')}</label>
        <input id="f-website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
      </div>
    </>
  );
}

/** The form error when the guard trips, or null when the form looks sent by a person. */
export async function botGuardErrors(
  db: Kysely<DB>,
  values: Record<string, string>,
): Promise<FieldErrors | null> {
  if (values.website) return { _form: { key: 'events.honeypot' } };
  const stamp = await checkFormStamp(db, values.started ?? '');
  if (stamp === 'ok') return null;
  return { _form: { key: stamp === 'too_fast' ? 'events.too_fast' : 'events.form_expired' } };
}
