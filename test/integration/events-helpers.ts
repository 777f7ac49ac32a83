import type { Kysely } from 'kysely';
import type { DB, EventFormat, EventKind } from '../../src/db/types.ts';
import { formStamp } from '../../src/modules/events/repo.ts';

export async function insertEvent(
  db: Kysely<DB>,
  over: Partial<{
    kind: EventKind;
    title: string;
    format: EventFormat;
    capacity: number;
    starts: Date;
    published: boolean;
    online_url: string;
    address: string;
    description: string;
  }> = {},
): Promise<string> {
  const starts = over.starts ?? new Date(Date.now() + 30 * 86_400_000);
  const row = await db
    .insertInto('events')
    .values({
      kind: over.kind ?? 'training',
      title: over.title ?? 'Schulung: Menschenhandel erkennen',
      description: over.description ?? 'Grundlagen; Indikatoren, Praxis',
      format: over.format ?? 'hybrid',
      address: over.address ?? 'Kurfürstenstraße 33, 10785 Berlin',
      online_url: over.online_url ?? 'https://meet.example.org/kok-geheim',
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 3 * 3600_000),
      capacity: over.capacity ?? 10,
      languages: ['de'],
      topics: ['Arbeitsausbeutung'],
      audiences: ['Fachberatung'],
      published: over.published ?? true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A form stamp old enough to pass the minimum fill time. */
export const oldStamp = (db: Kysely<DB>) => formStamp(db, Date.now() - 10_000);

export function linkIn(text: string, kind: 'bestaetigen' | 'abmelden'): string {
  const m = new RegExp(`/veranstaltungen/${kind}/([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no ${kind} link in mail`);
  return `/veranstaltungen/${kind}/${m[1]}`;
}
