/**
 * The office's editorial workflow for decisions: create from an uploaded PDF (office or member submission),
 * edit with optimistic locking, status draft → review → published (and back), the field-by-field history, the
 * anonymisation check that gates publishing. Every write is one transaction with its audit entry.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db, FieldChange, Locale, User } from '../../../db/types.ts';
import { audit } from '../../../platform/audit.ts';
import { AppError, fieldError } from '../../../platform/errors.ts';
import { localePath, translator } from '../../../platform/i18n/index.ts';
import { enqueueMail } from '../../../platform/mail.ts';
import { sanitizeRichText } from '../../../platform/markdown.ts';
import { caseDetailsShape } from '../case-details.ts';
import { normaliseEcli } from '../ecli.ts';
import { recogniseCourt, recogniseNorms } from '../intake/recognise.ts';
import { structureText } from '../intake/structure.ts';
import { normKey } from '../norms.ts';
import { citationLine } from '../search.ts';
import { LEGAL_AREAS, legalAreasOf, resolveCourt } from '../store.ts';
import { checkDecision, type Flag, type FlagKind, openFlags, plainText } from './anonymisation.ts';

export interface Actor {
  user: User;
  ip: string | null;
}

export type Status = 'draft' | 'review' | 'published';

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'caselaw.editor.date_invalid')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= '1900-01-01';
  }, 'caselaw.editor.date_invalid');

const text = (max: number) => z.string().trim().max(max).default('');

/** The metadata every new decision needs (the upload's confirmation form and a member's submission). */
export const metadataSchema = z.object({
  court: z.string().trim().min(2).max(200),
  decision_date: isoDate,
  file_numbers: z.string().trim().min(1).max(500),
  decision_type: text(60),
  ecli: text(80),
  chamber: text(200),
});

export const editorSchema = metadataSchema.extend({
  title: text(1000),
  headnotes: text(200_000),
  tenor: text(200_000),
  facts: text(1_000_000),
  reasons: text(1_000_000),
  dissent: text(200_000),
  summary_de: text(20_000),
  summary_en: text(20_000),
  outcome: text(200),
  legal_areas: z
    .union([z.enum(LEGAL_AREAS), z.array(z.enum(LEGAL_AREAS))])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  original_public: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
  ...caseDetailsShape,
  base_updated_at: z.string().min(1),
});
export type EditorInput = z.output<typeof editorSchema>;

export function splitFileNumbers(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[;\n]|,(?!\d)/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The court a person typed ("LG Berlin", "Landgericht Berlin", "Kammergericht"): a known one or a new row. */
export async function courtFromText(db: Db, value: string): Promise<string> {
  const existing = await db
    .selectFrom('caselaw_courts')
    .select('id')
    .where(sql<boolean>`lower(name) = lower(${value.trim()})`)
    .executeTakeFirst();
  if (existing) return existing.id;
  const recognised = recogniseCourt(value);
  if (!recognised) throw fieldError('court', 'caselaw.editor.court_unknown');
  return resolveCourt(db, recognised.type, recognised.place);
}

function checkedEcli(value: string): string | null {
  if (!value) return null;
  const result = normaliseEcli(value);
  if (!result.ok) throw fieldError('ecli', 'caselaw.editor.ecli_invalid', { reason: result.error });
  return result.ecli;
}

async function ensureEcliFree(db: Db, ecli: string | null, ownId: string | null) {
  if (!ecli) return;
  let q = db.selectFrom('caselaw_decisions').select('id').where('ecli', '=', ecli);
  if (ownId) q = q.where('id', '<>', ownId);
  if (await q.executeTakeFirst()) throw fieldError('ecli', 'caselaw.editor.ecli_taken');
}

function normsOf(texts: string[]) {
  return recogniseNorms(texts.map(plainText).join('\n'));
}

async function replaceNorms(db: Db, decisionId: string, texts: string[]) {
  const norms = normsOf(texts);
  await db.deleteFrom('caselaw_decision_norms').where('decision_id', '=', decisionId).execute();
  if (norms.length > 0)
    await db
      .insertInto('caselaw_decision_norms')
      .values(
        norms.map((n, i) => ({
          decision_id: decisionId,
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
  return norms;
}

async function writeHistory(
  db: Db,
  decisionId: string,
  actorId: string | null,
  action: string,
  changes: FieldChange[],
) {
  await db
    .insertInto('caselaw_history')
    .values({
      decision_id: decisionId,
      actor_id: actorId,
      action,
      changed_fields: changes.map((c) => c.field),
      changes: JSON.stringify(changes),
    })
    .execute();
}

export interface NewDecision {
  metadata: z.output<typeof metadataSchema>;
  fileId: string;
  /** The text extracted from the PDF. */
  text: string;
  status: 'draft' | 'review';
  submittedBy?: string | null;
  note?: string;
}

/** Creates a decision from an uploaded PDF and its confirmed metadata. Call inside a transaction. */
export async function createDecision(db: Db, input: NewDecision, actor: Actor): Promise<string> {
  const m = input.metadata;
  const courtId = await courtFromText(db, m.court);
  const ecli = checkedEcli(m.ecli);
  await ensureEcliFree(db, ecli, null);
  const sections = structureText(input.text);
  const norms = normsOf([sections.tenor, sections.facts, sections.reasons]);
  const row = await db
    .insertInto('caselaw_decisions')
    .values({
      ecli,
      court_id: courtId,
      chamber: m.chamber,
      decision_date: m.decision_date,
      file_numbers: splitFileNumbers(m.file_numbers),
      decision_type: m.decision_type,
      tenor: sections.tenor,
      facts: sections.facts,
      reasons: sections.reasons,
      legal_areas: legalAreasOf(norms),
      source: input.submittedBy ? 'member' : 'upload',
      status: input.status,
      original_file_id: input.fileId,
      submitted_by: input.submittedBy ?? null,
      submission_note: input.note ?? '',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceNorms(db, row.id, [sections.tenor, sections.facts, sections.reasons]);
  await writeHistory(db, row.id, actor.user.id, input.submittedBy ? 'submit' : 'create', []);
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: input.submittedBy ? 'caselaw.submit' : 'caselaw.upload',
    targetType: 'caselaw_decision',
    targetId: row.id,
    ip: actor.ip,
    meta: { file_id: input.fileId, margin_numbers: sections.marginNumbers },
  });
  return row.id;
}

export interface EditableDecision {
  id: string;
  court_name: string;
  chamber: string;
  decision_date: string;
  file_numbers: string[];
  decision_type: string;
  ecli: string | null;
  title: string;
  headnotes: string;
  tenor: string;
  facts: string;
  reasons: string;
  dissent: string;
  summary_de: string;
  summary_en: string;
  outcome: string;
  legal_areas: string[];
  status: Status;
  original_file_id: string | null;
  original_public: boolean;
  submitted_by: string | null;
  submitter_org: string | null;
  submission_note: string;
  source: string;
  updated_at: Date;
  exploitation: string[];
  acts: string[];
  means: string[];
  purposes: string[];
  sentence: string;
  compensation_eur: string | null;
  victims_count: number | null;
  victims_sex: string[];
  victims_nationalities: string[];
}

export async function findEditable(db: Db, id: string): Promise<EditableDecision | null> {
  const r = await sql<EditableDecision>`
    SELECT d.id, c.name AS court_name, d.chamber, to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date,
      d.file_numbers, d.decision_type, d.ecli, d.title, d.headnotes, d.tenor, d.facts, d.reasons, d.dissent,
      d.summary_de, d.summary_en, d.outcome, d.legal_areas, d.status, d.original_file_id, d.original_public,
      d.submitted_by, o.name AS submitter_org, d.submission_note, d.source, d.updated_at,
      d.exploitation, d.acts, d.means, d.purposes, d.sentence, d.compensation_eur::text AS compensation_eur,
      d.victims_count, d.victims_sex, d.victims_nationalities
    FROM caselaw_decisions d
    JOIN caselaw_courts c ON c.id = d.court_id
    LEFT JOIN users u ON u.id = d.submitted_by
    LEFT JOIN organisations o ON o.id = u.organisation_id
    WHERE d.id = ${id}`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  return { ...row, updated_at: new Date(row.updated_at) };
}

/** The values the history compares, as text. */
function comparable(d: EditableDecision): Record<string, string> {
  return {
    court: d.court_name,
    chamber: d.chamber,
    decision_date: d.decision_date,
    file_numbers: d.file_numbers.join('; '),
    decision_type: d.decision_type,
    ecli: d.ecli ?? '',
    title: d.title,
    headnotes: d.headnotes,
    tenor: d.tenor,
    facts: d.facts,
    reasons: d.reasons,
    dissent: d.dissent,
    summary_de: d.summary_de,
    summary_en: d.summary_en,
    outcome: d.outcome,
    legal_areas: [...d.legal_areas].sort().join(', '),
    original_public: d.original_public ? 'ja' : 'nein',
    exploitation: [...d.exploitation].sort().join(', '),
    acts: [...d.acts].sort().join(', '),
    means: [...d.means].sort().join(', '),
    purposes: [...d.purposes].sort().join(', '),
    sentence: d.sentence,
    compensation_eur: d.compensation_eur ?? '',
    victims_count: d.victims_count === null ? '' : String(d.victims_count),
    victims_sex: [...d.victims_sex].sort().join(', '),
    victims_nationalities: d.victims_nationalities.join(', '),
  };
}

/**
 * Saves the editor form. `base_updated_at` is the version the editor started from: if someone saved in between,
 * nothing is written and a conflict is reported (optimistic locking).
 */
export async function saveDecision(
  db: Db,
  id: string,
  input: EditorInput,
  actor: Actor,
): Promise<FieldChange[]> {
  await sql`SELECT id FROM caselaw_decisions WHERE id = ${id} FOR UPDATE`.execute(db);
  const before = await findEditable(db, id);
  if (!before) throw new AppError('not_found', 'error.not_found');
  if (before.updated_at.toISOString() !== input.base_updated_at)
    throw new AppError('conflict', 'caselaw.editor.conflict');
  const courtId = await courtFromText(db, input.court);
  const ecli = checkedEcli(input.ecli);
  await ensureEcliFree(db, ecli, id);
  const texts = {
    headnotes: sanitizeRichText(input.headnotes),
    tenor: sanitizeRichText(input.tenor),
    facts: sanitizeRichText(input.facts),
    reasons: sanitizeRichText(input.reasons),
    dissent: sanitizeRichText(input.dissent),
  };
  const norms = normsOf(Object.values(texts));
  const legalAreas = input.legal_areas.length > 0 ? input.legal_areas : legalAreasOf(norms);
  await db
    .updateTable('caselaw_decisions')
    .set({
      court_id: courtId,
      chamber: input.chamber,
      decision_date: input.decision_date,
      file_numbers: splitFileNumbers(input.file_numbers),
      decision_type: input.decision_type,
      ecli,
      title: input.title,
      ...texts,
      summary_de: input.summary_de,
      summary_en: input.summary_en,
      outcome: input.outcome,
      legal_areas: legalAreas,
      original_public: input.original_public,
      exploitation: input.exploitation,
      acts: input.acts,
      means: input.means,
      purposes: input.purposes,
      sentence: input.sentence,
      compensation_eur: input.compensation_eur,
      victims_count: input.victims_count,
      victims_sex: input.victims_sex,
      victims_nationalities: input.victims_nationalities,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  await replaceNorms(db, id, Object.values(texts));
  const after = (await findEditable(db, id))!;
  const a = comparable(before);
  const b = comparable(after);
  const changes = Object.keys(a)
    .filter((k) => a[k] !== b[k])
    .map((field) => ({ field, before: a[field]!, after: b[field]! }));
  if (changes.length > 0) {
    await writeHistory(db, id, actor.user.id, 'update', changes);
    await audit(db, {
      actorId: actor.user.id,
      actorLabel: actor.user.role,
      action: 'caselaw.update',
      targetType: 'caselaw_decision',
      targetId: id,
      ip: actor.ip,
      meta: { fields: changes.map((c) => c.field) },
    });
  }
  return changes;
}

const TRANSITIONS: Record<Status, Status[]> = {
  draft: ['review'],
  review: ['draft', 'published'],
  published: ['draft'],
};

export async function anonymisationFlags(db: Db, id: string): Promise<{ all: Flag[]; open: Flag[] }> {
  const d = await findEditable(db, id);
  if (!d) throw new AppError('not_found', 'error.not_found');
  const all = checkDecision(d);
  const confirmed = await db
    .selectFrom('caselaw_anonymisation_confirmations')
    .select(['kind', 'match'])
    .where('decision_id', '=', id)
    .execute();
  return { all, open: openFlags(all, confirmed) };
}

/** Moves a decision along the workflow; publishing is refused while any anonymisation flag is open. */
export async function changeStatus(db: Db, id: string, to: Status, actor: Actor): Promise<void> {
  await sql`SELECT id FROM caselaw_decisions WHERE id = ${id} FOR UPDATE`.execute(db);
  const d = await findEditable(db, id);
  if (!d) throw new AppError('not_found', 'error.not_found');
  if (!TRANSITIONS[d.status].includes(to))
    throw fieldError('status', 'caselaw.editor.bad_transition', { from: d.status, to });
  if (to === 'published') {
    const { open } = await anonymisationFlags(db, id);
    if (open.length > 0) throw fieldError('status', 'caselaw.editor.open_flags', { count: open.length });
  }
  await db
    .updateTable('caselaw_decisions')
    .set({ status: to, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
  await writeHistory(db, id, actor.user.id, `status:${to}`, [
    { field: 'status', before: d.status, after: to },
  ]);
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: 'caselaw.status',
    targetType: 'caselaw_decision',
    targetId: id,
    ip: actor.ip,
    meta: { from: d.status, to },
  });
}

/** The office confirms a flag as harmless (e.g. the address of a public authority). */
export async function confirmFlag(db: Db, id: string, kind: FlagKind, match: string, actor: Actor) {
  const { all } = await anonymisationFlags(db, id);
  if (!all.some((f) => f.kind === kind && f.match === match))
    throw fieldError('match', 'caselaw.editor.flag_gone');
  await db
    .insertInto('caselaw_anonymisation_confirmations')
    .values({ decision_id: id, kind, match, confirmed_by: actor.user.id })
    .onConflict((oc) => oc.columns(['decision_id', 'kind', 'match']).doNothing())
    .execute();
  await writeHistory(db, id, actor.user.id, 'anonymisation_confirm', []);
  // the audit log keeps the kind, never the text itself (it may be a name)
  await audit(db, {
    actorId: actor.user.id,
    actorLabel: actor.user.role,
    action: 'caselaw.anonymisation_confirm',
    targetType: 'caselaw_decision',
    targetId: id,
    ip: actor.ip,
    meta: { kind },
  });
}

export interface HistoryEntry {
  at: Date;
  action: string;
  actor_name: string | null;
  actor_role: string | null;
  changes: FieldChange[];
  changed_fields: string[];
}

export async function historyOf(db: Db, id: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('caselaw_history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select([
      'h.at',
      'h.action',
      'u.name as actor_name',
      'u.role as actor_role',
      'h.changes',
      'h.changed_fields',
    ])
    .where('h.decision_id', '=', id)
    .orderBy('h.at', 'desc')
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({
    ...r,
    changes: typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes,
  }));
}

export interface QueueRow {
  id: string;
  court_name: string;
  decision_date: string;
  file_numbers: string[];
  decision_type: string;
  status: Status;
  submitter_org: string | null;
  updated_at: Date;
}

export async function officeQueue(db: Db): Promise<Record<Status, QueueRow[]>> {
  const r = await sql<QueueRow>`
    SELECT d.id, c.name AS court_name, to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date, d.file_numbers,
      d.decision_type, d.status, o.name AS submitter_org, d.updated_at
    FROM caselaw_decisions d
    JOIN caselaw_courts c ON c.id = d.court_id
    LEFT JOIN users u ON u.id = d.submitted_by
    LEFT JOIN organisations o ON o.id = u.organisation_id
    WHERE d.status <> 'published' OR d.id IN (
      SELECT id FROM caselaw_decisions WHERE status = 'published' ORDER BY updated_at DESC LIMIT 20)
    ORDER BY d.updated_at DESC`.execute(db);
  const out: Record<Status, QueueRow[]> = { review: [], draft: [], published: [] };
  for (const row of r.rows) out[row.status].push(row);
  return out;
}

/** A member's own submissions and where they stand. */
export async function submissionsOf(db: Db, userId: string): Promise<QueueRow[]> {
  const r = await sql<QueueRow>`
    SELECT d.id, c.name AS court_name, to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date, d.file_numbers,
      d.decision_type, d.status, NULL AS submitter_org, d.updated_at
    FROM caselaw_decisions d JOIN caselaw_courts c ON c.id = d.court_id
    WHERE d.submitted_by = ${userId}
    ORDER BY d.created_at DESC`.execute(db);
  return r.rows;
}

/** Tells the office (every active office account) that a member submitted a decision. */
export async function notifyOfficeOfSubmission(
  db: Db,
  decisionId: string,
  info: { court: string; date: string; fileNumbers: string; org: string | null },
  publicUrl: string,
): Promise<number> {
  const office = await db
    .selectFrom('users')
    .select(['email'])
    .where('role', '=', 'office')
    .where('active', '=', true)
    .execute();
  for (const u of office) {
    await enqueueMail(db, {
      to: u.email,
      subject: `Neue Entscheidung zur Prüfung / New decision for review: ${info.court}, ${info.fileNumbers}`,
      text: [
        'Guten Tag,',
        '',
        `${info.org ?? 'Eine Mitgliedsorganisation'} hat eine Entscheidung für die Rechtsprechungsdatenbank eingereicht:`,
        '',
        `${info.court}, ${info.date} – ${info.fileNumbers}`,
        '',
        `Zur Prüfung: ${publicUrl}/verwaltung/rechtsprechung/${decisionId}`,
        '',
        'Bitte prüfen Sie die Anonymisierung, bevor die Entscheidung veröffentlicht wird.',
        '',
        '---',
        '',
        `${info.org ?? 'A member organisation'} has submitted a decision to the case-law database: ${info.court}, ${info.date} – ${info.fileNumbers}.`,
        `Review it at ${publicUrl}/en/verwaltung/rechtsprechung/${decisionId} and check the anonymisation before publishing.`,
      ].join('\n'),
    });
  }
  return office.length;
}

/**
 * Tells the member who submitted a decision that it is published, in the language of their account, with the link
 * to it: only the first time it is published (not again after a correction), not when the submitter publishes it
 * themselves, and not to an inactive account. Runs in the publishing transaction, so the mail is queued exactly
 * when the publication commits. True when a mail was queued.
 */
export async function notifySubmitterOfPublication(
  db: Db,
  decisionId: string,
  actorId: string,
  publicUrl: string,
): Promise<boolean> {
  const r = await sql<{
    email: string;
    locale: Locale;
    court_name: string;
    decision_type: string;
    decision_date: string;
    file_numbers: string[];
    publications: number;
  }>`
    SELECT u.email, u.locale, c.name AS court_name, d.decision_type,
      to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date, d.file_numbers,
      (SELECT count(*)::int FROM caselaw_history h
        WHERE h.decision_id = d.id AND h.action = 'status:published') AS publications
    FROM caselaw_decisions d
    JOIN caselaw_courts c ON c.id = d.court_id
    JOIN users u ON u.id = d.submitted_by
    WHERE d.id = ${decisionId} AND d.status = 'published' AND u.active AND u.id <> ${actorId}`.execute(db);
  const row = r.rows[0];
  if (row?.publications !== 1) return false;
  const locale: Locale = row.locale === 'en' ? 'en' : 'de';
  const t = translator(locale);
  const citation = citationLine(row);
  await enqueueMail(db, {
    to: row.email,
    subject: t('caselaw.editor.published_mail_subject', { citation }),
    text: [
      t('caselaw.editor.published_mail_intro'),
      '',
      citation,
      `${publicUrl}${localePath(locale, '/rechtsprechung')}/${decisionId}`,
      '',
      t('caselaw.editor.published_mail_thanks'),
    ].join('\n'),
  });
  return true;
}
