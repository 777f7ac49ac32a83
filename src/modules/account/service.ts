import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB, Db, Locale, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { hashPassword, verifyPassword } from '../../platform/auth/passwords.ts';
import { hashToken, randomToken } from '../../platform/auth/secrets.ts';
import {
  createSession,
  endAllSessions,
  endSession,
  type SessionPolicy,
} from '../../platform/auth/sessions.ts';
import { matchTotp, newTotpSecret } from '../../platform/auth/totp.ts';
import { AppError, fieldError } from '../../platform/errors.ts';
import { localePath, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { checkLimits, clearLimit, hitLimits, type Limit } from '../../platform/rate-limit.ts';

export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
}

const WINDOW = 15 * 60;
const loginLimits = (email: string, ip: string | null): Limit[] => [
  { key: `login:account:${email}`, max: 10, windowSeconds: WINDOW },
  ...(ip ? [{ key: `login:ip:${ip}`, max: 50, windowSeconds: WINDOW }] : []),
];

async function refuseWhenLimited(db: Db, limits: Limit[]): Promise<void> {
  const retryAfter = await checkLimits(db, limits);
  if (retryAfter !== null) {
    throw new AppError('rate_limited', 'error.rate_limited', {
      minutes: Math.max(1, Math.ceil(retryAfter / 60)),
    });
  }
}

export interface LoginResult {
  user: User;
  sessionToken: string;
}

/** Checks e-mail and password. A session is created either way; 2FA (if any) is still pending in it. */
export async function login(
  db: Kysely<DB>,
  input: { email: string; password: string },
  meta: RequestMeta,
  policy: SessionPolicy,
): Promise<LoginResult> {
  const limits = loginLimits(input.email, meta.ip);
  await refuseWhenLimited(db, limits);
  const user = await db.selectFrom('users').selectAll().where('email', '=', input.email).executeTakeFirst();
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || !user.active) {
    await hitLimits(db, limits);
    await audit(db, {
      actorId: user?.id ?? null,
      actorLabel: user?.role ?? 'anonymous',
      action: 'auth.login_failed',
      ip: meta.ip,
      meta: { reason: !user ? 'unknown_account' : !ok ? 'wrong_password' : 'inactive' },
    });
    throw fieldError('password', 'auth.invalid_credentials');
  }
  await clearLimit(db, `login:account:${input.email}`);
  const sessionToken = await createSession(db, user, { mfaPassed: false, ...meta, policy });
  await db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', user.id).execute();
  await audit(db, { actorId: user.id, actorLabel: user.role, action: 'auth.login', ip: meta.ip });
  return { user, sessionToken };
}

/**
 * Second step: a TOTP code or one recovery code. On success the session is replaced by a new one marked as
 * fully authenticated (a new id after every privilege change).
 */
export async function verifySecondFactor(
  db: Kysely<DB>,
  user: User,
  oldSessionHash: string,
  code: string,
  meta: RequestMeta,
  policy: SessionPolicy,
): Promise<string> {
  const limits: Limit[] = [{ key: `mfa:account:${user.id}`, max: 8, windowSeconds: WINDOW }];
  await refuseWhenLimited(db, limits);
  const token = await db.transaction().execute(async (trx) => {
    const fresh = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    let method: 'totp' | 'recovery_code' | null = null;
    if (fresh.totp_secret && fresh.totp_enabled_at) {
      const step = matchTotp(fresh.totp_secret, code, fresh.totp_last_step);
      if (step !== null) {
        await trx.updateTable('users').set({ totp_last_step: step }).where('id', '=', user.id).execute();
        method = 'totp';
      }
    }
    if (!method) {
      const used = await trx
        .updateTable('recovery_codes')
        .set({ used_at: new Date() })
        .where('user_id', '=', user.id)
        .where('code_hash', '=', hashToken(normaliseRecoveryCode(code)))
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (Number(used.numUpdatedRows) > 0) method = 'recovery_code';
    }
    if (!method) return null;
    await endSession(trx, oldSessionHash);
    const newToken = await createSession(trx, fresh, { mfaPassed: true, ...meta, policy });
    await audit(trx, {
      actorId: user.id,
      actorLabel: user.role,
      action: 'auth.mfa_passed',
      ip: meta.ip,
      meta: { method },
    });
    return newToken;
  });
  if (token) return token;
  // recorded outside the transaction above, which had nothing to commit
  await hitLimits(db, limits);
  await audit(db, { actorId: user.id, actorLabel: user.role, action: 'auth.mfa_failed', ip: meta.ip });
  throw fieldError('code', 'auth.invalid_code');
}

function normaliseRecoveryCode(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}

function newRecoveryCode(): string {
  // 10 characters from an alphabet without look-alikes (≈ 49 bits), shown as xxxxx-xxxxx
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let out = '';
  while (out.length < 10) out += alphabet[randomInt(alphabet.length)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** Starts (or restarts) 2FA setup: a new secret that becomes active only once a code from it is confirmed. */
export async function beginTotpSetup(db: Db, user: User): Promise<string> {
  if (user.totp_enabled_at) throw new AppError('conflict', 'account.totp_already_enabled');
  const secret = newTotpSecret();
  await db.updateTable('users').set({ totp_secret: secret }).where('id', '=', user.id).execute();
  return secret;
}

export async function confirmTotpSetup(
  db: Kysely<DB>,
  user: User,
  oldSessionHash: string,
  code: string,
  meta: RequestMeta,
  policy: SessionPolicy,
): Promise<{ sessionToken: string; recoveryCodes: string[] }> {
  return db.transaction().execute(async (trx) => {
    const fresh = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (fresh.totp_enabled_at) throw new AppError('conflict', 'account.totp_already_enabled');
    if (!fresh.totp_secret) throw fieldError('code', 'auth.invalid_code');
    const step = matchTotp(fresh.totp_secret, code, null);
    if (step === null) throw fieldError('code', 'auth.invalid_code');
    await trx
      .updateTable('users')
      .set({ totp_enabled_at: new Date(), totp_last_step: step })
      .where('id', '=', user.id)
      .execute();
    const recoveryCodes = await replaceRecoveryCodes(trx, user.id);
    await endSession(trx, oldSessionHash);
    const sessionToken = await createSession(trx, fresh, { mfaPassed: true, ...meta, policy });
    await audit(trx, {
      actorId: user.id,
      actorLabel: user.role,
      action: 'account.totp_enabled',
      ip: meta.ip,
    });
    return { sessionToken, recoveryCodes };
  });
}

export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: 10 }, newRecoveryCode);
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('recovery_codes')
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashToken(normaliseRecoveryCode(code)) })))
    .execute();
  return codes;
}

export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Always answers the same, whether or not the address belongs to an account, so that the form cannot be used
 * to find out who has one. Limited per address and per client.
 */
export async function requestPasswordReset(
  db: Kysely<DB>,
  email: string,
  meta: RequestMeta,
  config: Config,
  locale: Locale,
): Promise<void> {
  const limits: Limit[] = [
    { key: `reset:account:${email}`, max: 3, windowSeconds: 3600 },
    ...(meta.ip ? [{ key: `reset:ip:${meta.ip}`, max: 20, windowSeconds: 3600 }] : []),
  ];
  await refuseWhenLimited(db, limits);
  await hitLimits(db, limits);
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .where('active', '=', true)
    .executeTakeFirst();
  if (!user) return;
  const token = randomToken();
  const t = translator(user.locale ?? locale);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('password_resets')
      .values({ token_hash: hashToken(token), user_id: user.id, expires_at: new Date(Date.now() + 3600_000) })
      .execute();
    await enqueueMail(trx, {
      to: user.email,
      subject: t('mail.reset_subject'),
      text: t('mail.reset_body', {
        link: `${config.publicUrl}${localePath(user.locale, `/passwort-zuruecksetzen/${token}`)}`,
      }),
    });
    await audit(trx, {
      actorId: user.id,
      actorLabel: user.role,
      action: 'auth.password_reset_requested',
      ip: meta.ip,
    });
  });
}

export async function findValidReset(db: Db, token: string) {
  return db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function resetPassword(
  db: Kysely<DB>,
  token: string,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const reset = await trx
      .selectFrom('password_resets')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .forUpdate()
      .executeTakeFirst();
    if (!reset) throw new AppError('not_found', 'auth.reset_link_invalid');
    await trx
      .updateTable('password_resets')
      .set({ used_at: new Date() })
      .where('token_hash', '=', reset.token_hash)
      .execute();
    const user = await trx
      .updateTable('users')
      .set({ password_hash: hash })
      .where('id', '=', reset.user_id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await endAllSessions(trx, user.id);
    await invalidateResetLinks(trx, user.id);
    await audit(trx, { actorId: user.id, actorLabel: user.role, action: 'auth.password_reset', ip: meta.ip });
  });
}

export async function changePassword(
  db: Kysely<DB>,
  user: User,
  current: string,
  password: string,
  keepSessionHash: string | undefined,
  meta: RequestMeta,
): Promise<void> {
  const limits: Limit[] = [{ key: `pwchange:account:${user.id}`, max: 10, windowSeconds: WINDOW }];
  await refuseWhenLimited(db, limits);
  const fresh = await db
    .selectFrom('users')
    .select('password_hash')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(fresh.password_hash, current))) {
    await hitLimits(db, limits);
    throw fieldError('current_password', 'account.wrong_password');
  }
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).execute();
    await invalidateResetLinks(trx, user.id);
    // other devices are logged out; this one stays
    let q = trx.deleteFrom('sessions').where('user_id', '=', user.id);
    if (keepSessionHash) q = q.where('id_hash', '!=', keepSessionHash);
    await q.execute();
    await audit(trx, {
      actorId: user.id,
      actorLabel: user.role,
      action: 'account.password_changed',
      ip: meta.ip,
    });
  });
}

/** A new password makes every other open reset link worthless. */
async function invalidateResetLinks(db: Db, userId: string): Promise<void> {
  await db
    .updateTable('password_resets')
    .set({ used_at: new Date() })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}
