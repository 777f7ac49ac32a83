import type { Db, User } from '../../db/types.ts';
import { hashToken, randomToken } from './secrets.ts';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface SessionState {
  idHash: string;
  csrfToken: string;
  mfaPassed: boolean;
  createdAt: Date;
}

/** Starts a new session (a new id on every login and privilege change: no fixation). Returns the cookie value. */
export async function createSession(
  db: Db,
  user: Pick<User, 'id'>,
  opts: { mfaPassed: boolean; ip: string | null; userAgent: string | null; policy: SessionPolicy },
): Promise<string> {
  const token = randomToken();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashToken(token),
      user_id: user.id,
      csrf_token: randomToken(24),
      mfa_passed: opts.mfaPassed,
      expires_at: new Date(Date.now() + opts.policy.maxHours * 3600_000),
      ip: opts.ip,
      user_agent: opts.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

export async function loadSession(
  db: Db,
  token: string,
  policy: SessionPolicy,
): Promise<{ user: User; session: SessionState } | null> {
  const idHash = hashToken(token);
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id_hash',
      'sessions.csrf_token',
      'sessions.mfa_passed',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'sessions.created_at as session_created_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleLimit = row.last_seen_at.getTime() + policy.idleMinutes * 60_000;
  if (!row.active || row.expires_at.getTime() < now || idleLimit < now) {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  // touch at most once a minute: a page view should not always cost a write
  if (now - row.last_seen_at.getTime() > 60_000) {
    await db
      .updateTable('sessions')
      .set({ last_seen_at: new Date(now) })
      .where('id_hash', '=', idHash)
      .execute();
  }
  const { id_hash, csrf_token, mfa_passed, last_seen_at, expires_at, session_created_at, ...user } = row;
  void last_seen_at;
  void expires_at;
  return {
    user,
    session: { idHash: id_hash, csrfToken: csrf_token, mfaPassed: mfa_passed, createdAt: session_created_at },
  };
}

export async function endSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends every session of a user: after a role change, deactivation or password reset. */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function listSessions(db: Db, userId: string) {
  return db
    .selectFrom('sessions')
    .select(['id_hash', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export async function purgeExpiredSessions(db: Db, policy: SessionPolicy): Promise<void> {
  const idleCutoff = new Date(Date.now() - policy.idleMinutes * 60_000);
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', new Date()), eb('last_seen_at', '<', idleCutoff)]))
    .execute();
}
