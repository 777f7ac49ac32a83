import type { Db, User } from '../../db/types.ts';
import { hashToken, randomToken } from './secrets.ts';

const PREFIX = 'kok_';

/** Creates a personal API token. The plain token is returned once and never stored. */
export async function createApiToken(
  db: Db,
  userId: string,
  name: string,
): Promise<{ id: string; token: string }> {
  const token = PREFIX + randomToken();
  const row = await db
    .insertInto('api_tokens')
    .values({ user_id: userId, name, token_hash: hashToken(token), prefix: token.slice(0, 10) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function userForApiToken(db: Db, token: string): Promise<User | null> {
  if (!token.startsWith(PREFIX)) return null;
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at as token_last_used_at'])
    .where('api_tokens.token_hash', '=', hashToken(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where('users.active', '=', true)
    .executeTakeFirst();
  if (!row) return null;
  const { token_id, token_last_used_at, ...user } = row;
  if (!token_last_used_at || Date.now() - token_last_used_at.getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', token_id).execute();
  }
  return user;
}

export function listApiTokens(db: Db, userId: string) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Returns whether a token of this user was revoked (false: no such active token). */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
