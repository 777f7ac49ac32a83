import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB, Db } from '../db/types.ts';

export interface AuditEntry {
  actorId?: string | null;
  /** The actor's role or `system`/`cli`/`anonymous`; never a name or e-mail address. */
  actorLabel: string;
  /** Verb-noun in dotted form: `user.invite`, `page.update`, `auth.login_failed`. */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  /** Identifiers and field names only: no content, no personal data. */
  meta?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

/** Serialises a value with sorted object keys, so a jsonb round trip hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface StoredEntry {
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  meta: unknown;
  prev_hash: string;
}

export function entryHash(e: StoredEntry): string {
  const body = canonical([
    e.seq,
    e.at.toISOString(),
    e.actor_id,
    e.actor_label,
    e.action,
    e.target_type,
    e.target_id,
    e.ip,
    e.meta,
  ]);
  return createHash('sha256').update(`${e.prev_hash}\n${body}`).digest('hex');
}

async function append(trx: Transaction<DB>, entry: AuditEntry): Promise<void> {
  // one writer at a time keeps the chain linear across app processes
  await sql`SELECT pg_advisory_xact_lock(4242)`.execute(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const stored: StoredEntry = {
    seq: (last ? Number(last.seq) : 0) + 1,
    at: new Date(),
    actor_id: entry.actorId ?? null,
    actor_label: entry.actorLabel,
    action: entry.action,
    target_type: entry.targetType ?? null,
    target_id: entry.targetId ?? null,
    ip: entry.ip ?? null,
    meta: entry.meta ?? {},
    prev_hash: last?.hash ?? GENESIS,
  };
  const hash = entryHash(stored);
  await trx
    .insertInto('audit_log')
    .values({ ...stored, meta: JSON.stringify(stored.meta), hash })
    .execute();
  await trx
    .insertInto('settings')
    .values({ key: 'audit_head', value: JSON.stringify({ seq: stored.seq, hash }) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify({ seq: stored.seq, hash }) }))
    .execute();
}

/** Appends to the audit log inside the caller's transaction (or a new one), so the entry and the change commit together. */
export async function audit(db: Db, entry: AuditEntry): Promise<void> {
  if (db.isTransaction) return append(db as Transaction<DB>, entry);
  await (db as Kysely<DB>).transaction().execute((trx) => append(trx, entry));
}

export type VerifyResult =
  | { ok: true; entries: number }
  | { ok: false; entries: number; seq: number; reason: string };

/** Walks the whole chain: every hash, every link, no gap in the sequence, and the recorded head. */
export async function verifyAuditChain(db: Db): Promise<VerifyResult> {
  let prevHash = GENESIS;
  let expectedSeq = 1;
  const batch = 2000;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return { ok: false, entries: expectedSeq - 1, seq: expectedSeq, reason: 'missing' };
      }
      if (row.prev_hash !== prevHash) return { ok: false, entries: seq - 1, seq, reason: 'broken_link' };
      if (entryHash({ ...row, seq }) !== row.hash)
        return { ok: false, entries: seq - 1, seq, reason: 'altered' };
      prevHash = row.hash;
      expectedSeq++;
    }
    if (rows.length < batch) break;
  }
  const count = expectedSeq - 1;
  const head = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'audit_head')
    .executeTakeFirst();
  const headValue = head?.value as { seq: number; hash: string } | undefined;
  if (headValue && (headValue.seq !== count || headValue.hash !== prevHash)) {
    return { ok: false, entries: count, seq: count + 1, reason: 'truncated' };
  }
  if (!headValue && count > 0) return { ok: false, entries: count, seq: count, reason: 'head_missing' };
  return { ok: true, entries: count };
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

export function listAudit(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(f.limit);
  if (f.action) q = q.where('action', 'like', `${f.action.replace(/[%_\\]/g, '\\$&')}%`);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.targetType) q = q.where('target_type', '=', f.targetType);
  if (f.targetId) q = q.where('target_id', '=', f.targetId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.beforeSeq) q = q.where('seq', '<', f.beforeSeq);
  return q.execute();
}
