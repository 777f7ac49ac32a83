import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { DB, Db, Locale, Role, User } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { hashToken, randomToken } from '../../platform/auth/secrets.ts';
import { endAllSessions } from '../../platform/auth/sessions.ts';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.ts';
import { localePath, translator } from '../../platform/i18n/index.ts';
import { enqueueMail } from '../../platform/mail.ts';
import { can, invitableRoles, memberRoles, roles } from '../../platform/permissions.ts';

export const inviteSchema = z.object({
  email: z.string().trim().toLowerCase().max(254).email('validation.email'),
  role: z.enum(roles as [Role, ...Role[]], { message: 'validation.choice' }),
  organisation_id: z.union([z.literal(''), z.string().uuid()]).optional(),
  locale: z.enum(['de', 'en']).default('de'),
});
export type InviteInput = z.infer<typeof inviteSchema>;

interface Actor {
  user: User;
  ip: string | null;
  /** Overrides the role in the audit log, e.g. `cli`. */
  label?: string;
}

/** Who an actor may see and manage: an administrator everyone, a member_admin only their organisation. */
export function scopeOf(actor: User): { organisationId: string | null } {
  return can(actor.role, 'users:manage_all')
    ? { organisationId: null }
    : { organisationId: actor.organisation_id };
}

export async function listUsers(db: Db, actor: User) {
  let q = db
    .selectFrom('users')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id',
      'users.email',
      'users.name',
      'users.role',
      'users.active',
      'users.totp_enabled_at',
      'users.last_login_at',
      'organisations.name as organisation_name',
    ])
    .orderBy('users.email');
  const scope = scopeOf(actor);
  if (scope.organisationId) q = q.where('users.organisation_id', '=', scope.organisationId);
  return q.execute();
}

export function listPendingInvitations(db: Db, actor: User) {
  let q = db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'created_at', 'expires_at'])
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', new Date())
    .orderBy('created_at', 'desc');
  const scope = scopeOf(actor);
  if (scope.organisationId) q = q.where('organisation_id', '=', scope.organisationId);
  return q.execute();
}

export async function inviteUser(
  db: Kysely<DB>,
  input: InviteInput,
  actor: Actor,
  config: Config,
): Promise<string> {
  const inviter = actor.user;
  if (!invitableRoles(inviter.role).includes(input.role)) throw fieldError('role', 'admin.role_not_allowed');
  let organisationId: string | null = null;
  if (memberRoles.includes(input.role)) {
    organisationId = can(inviter.role, 'users:manage_all')
      ? input.organisation_id || null
      : inviter.organisation_id;
    if (!organisationId) throw fieldError('organisation_id', 'admin.organisation_required');
    const org = await db
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', organisationId)
      .executeTakeFirst();
    if (!org) throw fieldError('organisation_id', 'admin.organisation_required');
  }
  const existing = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', input.email)
    .executeTakeFirst();
  if (existing) throw fieldError('email', 'admin.email_taken');
  const token = randomToken();
  const t = translator(input.locale);
  return db.transaction().execute(async (trx) => {
    const invitation = await trx
      .insertInto('invitations')
      .values({
        token_hash: hashToken(token),
        email: input.email,
        role: input.role,
        organisation_id: organisationId,
        invited_by: inviter.id,
        expires_at: new Date(Date.now() + 7 * 24 * 3600_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await enqueueMail(trx, {
      to: input.email,
      subject: t('mail.invite_subject'),
      text: t('mail.invite_body', {
        role: t(`role.${input.role}`),
        link: `${config.publicUrl}${localePath(input.locale as Locale, `/einladung/${token}`)}`,
      }),
    });
    await audit(trx, {
      actorId: inviter.id,
      actorLabel: actor.label ?? inviter.role,
      action: 'user.invite',
      targetType: 'invitation',
      targetId: invitation.id,
      ip: actor.ip,
      meta: { role: input.role, organisation_id: organisationId },
    });
    return token;
  });
}

export function findOpenInvitation(db: Db, token: string) {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('accepted_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
}

export async function acceptInvitation(
  db: Kysely<DB>,
  token: string,
  input: { name: string; password: string },
  meta: { ip: string | null },
  locale: Locale,
): Promise<User> {
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const invitation = await trx
      .selectFrom('invitations')
      .selectAll()
      .where('token_hash', '=', hashToken(token))
      .where('accepted_at', 'is', null)
      .where('expires_at', '>', new Date())
      .forUpdate()
      .executeTakeFirst();
    if (!invitation) throw new AppError('not_found', 'auth.invitation_invalid');
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('email', '=', invitation.email)
      .executeTakeFirst();
    if (taken) throw new AppError('conflict', 'admin.email_taken');
    const user = await trx
      .insertInto('users')
      .values({
        email: invitation.email,
        name: input.name,
        role: invitation.role,
        organisation_id: invitation.organisation_id,
        password_hash: hash,
        locale,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('invitations')
      .set({ accepted_at: new Date() })
      .where('id', '=', invitation.id)
      .execute();
    await audit(trx, {
      actorId: user.id,
      actorLabel: user.role,
      action: 'user.invitation_accepted',
      targetType: 'user',
      targetId: user.id,
      ip: meta.ip,
      meta: { invitation_id: invitation.id },
    });
    return user;
  });
}

async function loadManageable(db: Db, actor: User, userId: string): Promise<User> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound();
  const scope = scopeOf(actor);
  if (scope.organisationId && user.organisation_id !== scope.organisationId) throw notFound();
  if (!can(actor.role, 'users:manage_all') && !memberRoles.includes(user.role)) throw forbidden();
  return user;
}

export async function setUserActive(
  db: Kysely<DB>,
  userId: string,
  active: boolean,
  actor: Actor,
): Promise<void> {
  const target = await loadManageable(db, actor.user, userId);
  if (target.id === actor.user.id) throw new AppError('conflict', 'admin.cannot_deactivate_self');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ active }).where('id', '=', target.id).execute();
    if (!active) await endAllSessions(trx, target.id);
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: active ? 'user.reactivate' : 'user.deactivate',
      targetType: 'user',
      targetId: target.id,
      ip: actor.ip,
    });
  });
}

export const roleChangeSchema = z.object({
  role: z.enum(roles as [Role, ...Role[]], { message: 'validation.choice' }),
  organisation_id: z.union([z.literal(''), z.string().uuid()]).optional(),
});

/** A role change ends the account's sessions: the next login starts with the new rights (and 2FA duty). */
export async function changeRole(
  db: Kysely<DB>,
  userId: string,
  input: z.infer<typeof roleChangeSchema>,
  actor: Actor,
): Promise<void> {
  if (!can(actor.user.role, 'users:manage_all')) throw forbidden();
  const target = await loadManageable(db, actor.user, userId);
  const organisationId = memberRoles.includes(input.role)
    ? input.organisation_id || target.organisation_id
    : null;
  if (memberRoles.includes(input.role) && !organisationId)
    throw fieldError('organisation_id', 'admin.organisation_required');
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ role: input.role, organisation_id: organisationId })
      .where('id', '=', target.id)
      .execute();
    await endAllSessions(trx, target.id);
    // API tokens carry the old rights and skip the 2FA step: they end with the role
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', target.id)
      .where('revoked_at', 'is', null)
      .execute();
    await audit(trx, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'user.role_change',
      targetType: 'user',
      targetId: target.id,
      ip: actor.ip,
      meta: { from: target.role, to: input.role },
    });
  });
}

/** Used by the CLI and on first start: an account with a known password, no invitation. */
export async function createUserDirectly(
  db: Db,
  input: {
    email: string;
    role: Role;
    organisationId: string | null;
    password: string | null;
    name?: string;
    mfaExempt?: boolean;
    isDemo?: boolean;
  },
): Promise<User> {
  return db
    .insertInto('users')
    .values({
      email: input.email.trim().toLowerCase(),
      name: input.name ?? '',
      role: input.role,
      organisation_id: input.organisationId,
      password_hash: input.password ? await hashPassword(input.password) : null,
      mfa_exempt: input.mfaExempt ?? false,
      is_demo: input.isDemo ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
