import type { Db } from '../../db/types.ts';
import { type Citation, normKey } from './norms.ts';

/** Court types of the database, with their jurisdiction and level (1 = first instance … 4 = apex courts). */
export const COURT_TYPES = {
  AG: { jurisdiction: 'ordinary', level: 1 },
  LG: { jurisdiction: 'ordinary', level: 2 },
  OLG: { jurisdiction: 'ordinary', level: 3 },
  BGH: { jurisdiction: 'ordinary', level: 4 },
  VG: { jurisdiction: 'administrative', level: 1 },
  OVG: { jurisdiction: 'administrative', level: 2 },
  BVerwG: { jurisdiction: 'administrative', level: 3 },
  ArbG: { jurisdiction: 'labour', level: 1 },
  LAG: { jurisdiction: 'labour', level: 2 },
  BAG: { jurisdiction: 'labour', level: 3 },
  SG: { jurisdiction: 'social', level: 1 },
  LSG: { jurisdiction: 'social', level: 2 },
  BSG: { jurisdiction: 'social', level: 3 },
  BVerfG: { jurisdiction: 'constitutional', level: 4 },
  EGMR: { jurisdiction: 'international', level: 4 },
  EuGH: { jurisdiction: 'european', level: 4 },
  foreign: { jurisdiction: 'international', level: 1 },
  other: { jurisdiction: 'ordinary', level: 1 },
} as const;
export type CourtType = keyof typeof COURT_TYPES;
export const courtTypes = Object.keys(COURT_TYPES) as CourtType[];

/** Legal areas of the database (facet values); derived from the cited books on import. */
export const LEGAL_AREAS = [
  'criminal',
  'residence',
  'victim_compensation',
  'labour',
  'social',
  'human_rights',
  'civil',
] as const;
const AREA_OF_BOOK: Record<string, (typeof LEGAL_AREAS)[number]> = {
  StGB: 'criminal',
  StPO: 'criminal',
  JGG: 'criminal',
  AufenthG: 'residence',
  AsylG: 'residence',
  AsylVfG: 'residence',
  FreizügG: 'residence',
  OEG: 'victim_compensation',
  'SGB XIV': 'victim_compensation',
  MiLoG: 'labour',
  ArbGG: 'labour',
  AEntG: 'labour',
  SchwarzArbG: 'labour',
  ArbSchG: 'labour',
  'SGB II': 'social',
  'SGB XII': 'social',
  AsylbLG: 'social',
  EMRK: 'human_rights',
  GRCh: 'human_rights',
  BGB: 'civil',
  ZPO: 'civil',
  InsO: 'civil',
};

export function legalAreasOf(norms: Citation[]): string[] {
  const areas = new Set<string>();
  for (const n of norms) {
    const area = n.book ? AREA_OF_BOOK[n.book] : undefined;
    if (area) areas.add(area);
  }
  return [...areas];
}

/** The court's display name: "BGH", "LG Aachen". */
export function courtName(type: string, place: string): string {
  return place ? `${type} ${place}` : type;
}

function courtIdentity(rawType: string, place: string) {
  const type: CourtType = (courtTypes as string[]).includes(rawType) ? (rawType as CourtType) : 'other';
  const name = type === 'other' ? courtName(rawType, place) : courtName(type, place);
  return { type, name, place: type === 'other' ? name : place };
}

/** The id of an existing court (type, place), or undefined. */
export async function findCourt(db: Db, rawType: string, rawPlace: string): Promise<string | undefined> {
  const { type, place } = courtIdentity(rawType, rawPlace);
  const existing = await db
    .selectFrom('caselaw_courts')
    .select('id')
    .where('type', '=', type)
    .where('place', '=', place)
    .executeTakeFirst();
  return existing?.id;
}

/** Finds or creates the court (type, place). Unknown types become `other`. */
export async function resolveCourt(db: Db, rawType: string, place: string, land: string | null = null) {
  const existing = await findCourt(db, rawType, place);
  if (existing) return existing;
  const { type, name } = courtIdentity(rawType, place);
  const info = COURT_TYPES[type];
  const created = await db
    .insertInto('caselaw_courts')
    .values({
      name,
      type,
      place: type === 'other' ? name : place,
      land,
      jurisdiction: info.jurisdiction,
      level: info.level,
    })
    .onConflict((oc) => oc.columns(['type', 'place']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (created) return created.id;
  const again = await db
    .selectFrom('caselaw_courts')
    .select('id')
    .where('type', '=', type)
    .where('place', '=', type === 'other' ? name : place)
    .executeTakeFirstOrThrow();
  return again.id;
}

export interface DecisionInput {
  doknr: string | null;
  ecli: string | null;
  courtId: string;
  chamber: string;
  decisionDate: string;
  fileNumbers: string[];
  decisionType: string;
  title: string;
  headnotes: string;
  tenor: string;
  facts: string;
  reasons: string;
  dissent: string;
  summaryDe: string;
  summaryEn: string;
  legalAreas: string[];
  exploitation: string[];
  outcome: string;
  source: string;
  lowerInstances: string[];
  status: 'draft' | 'review' | 'published';
  isDemo: boolean;
  norms: Citation[];
}

/**
 * Inserts a decision or updates the one with the same doknr or ECLI (never a duplicate), replaces its norms and
 * writes a history entry. Call inside a transaction.
 */
export async function upsertDecision(
  db: Db,
  input: DecisionInput,
  actorId: string | null = null,
): Promise<{ id: string; created: boolean }> {
  // most imported documents are new: try the insert first (one statement instead of a lookup and an insert);
  // a document already there (same doknr or ECLI) makes it do nothing and is updated below
  const row = decisionRow(input);
  if (input.doknr || input.ecli) {
    const inserted = await db
      .insertInto('caselaw_decisions')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      await writeNormsAndHistory(db, inserted.id, input, actorId, 'create', []);
      return { id: inserted.id, created: true };
    }
  }
  let query = db.selectFrom('caselaw_decisions').selectAll();
  if (input.doknr && input.ecli)
    query = query.where((eb) =>
      eb.or([eb('doknr', '=', input.doknr as string), eb('ecli', '=', input.ecli as string)]),
    );
  else if (input.doknr) query = query.where('doknr', '=', input.doknr);
  else if (input.ecli) query = query.where('ecli', '=', input.ecli);
  else query = query.where((eb) => eb.val(false));
  const existing = await query.executeTakeFirst();
  let id: string;
  let changed: string[];
  if (existing) {
    id = existing.id;
    changed = Object.keys(row).filter((k) => {
      const before = (existing as Record<string, unknown>)[k];
      const after = (row as Record<string, unknown>)[k];
      const norm = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : JSON.stringify(v));
      return norm(before) !== norm(after);
    });
    await db
      .updateTable('caselaw_decisions')
      .set({ ...row, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await db.deleteFrom('caselaw_decision_norms').where('decision_id', '=', id).execute();
  } else {
    const created = await db
      .insertInto('caselaw_decisions')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow();
    id = created.id;
    changed = [];
  }
  await writeNormsAndHistory(db, id, input, actorId, existing ? 'update' : 'create', changed);
  return { id, created: !existing };
}

function decisionRow(input: DecisionInput) {
  return {
    doknr: input.doknr,
    ecli: input.ecli,
    court_id: input.courtId,
    chamber: input.chamber,
    decision_date: input.decisionDate,
    file_numbers: input.fileNumbers,
    decision_type: input.decisionType,
    title: input.title,
    headnotes: input.headnotes,
    tenor: input.tenor,
    facts: input.facts,
    reasons: input.reasons,
    dissent: input.dissent,
    summary_de: input.summaryDe,
    summary_en: input.summaryEn,
    legal_areas: input.legalAreas,
    exploitation: input.exploitation,
    outcome: input.outcome,
    source: input.source,
    lower_instances: input.lowerInstances,
    status: input.status,
    is_demo: input.isDemo,
  };
}

async function writeNormsAndHistory(
  db: Db,
  id: string,
  input: DecisionInput,
  actorId: string | null,
  action: 'create' | 'update',
  changed: string[],
) {
  if (input.norms.length > 0) {
    await db
      .insertInto('caselaw_decision_norms')
      .values(
        input.norms.map((n, i) => ({
          decision_id: id,
          book: n.book,
          section: n.section,
          paragraph: n.paragraph,
          sentence: n.sentence,
          number: n.number,
          letter: n.letter,
          norm_key: normKey(n),
          raw: n.raw,
          position: i,
        })),
      )
      .execute();
  }
  await db
    .insertInto('caselaw_history')
    .values({
      decision_id: id,
      actor_id: actorId,
      action,
      changed_fields: changed,
    })
    .execute();
}
