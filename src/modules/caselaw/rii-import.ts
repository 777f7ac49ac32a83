/**
 * Import of decisions in the XML format of rechtsprechung-im-internet.de (root `<dokument>`, rii-dok.dtd): a
 * file, a ZIP (RII ships one XML per ZIP), a directory (searched recursively) or many of these. Each document is
 * written in its own transaction; re-importing updates by doknr/ECLI and never duplicates. Malformed documents
 * are reported with their name and reason and nothing of them is written; documents whose `accessRights` is not
 * `public` are skipped and counted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import { type Kysely, sql } from 'kysely';
import type { DB, Db } from '../../db/types.ts';
import { audit } from '../../platform/audit.ts';
import { sanitizeRichText } from '../../platform/markdown.ts';
import { normaliseEcli } from './ecli.ts';
import { parseNormField } from './norms.ts';
import { type DecisionInput, findCourt, legalAreasOf, resolveCourt, upsertDecision } from './store.ts';

const SECTIONS = [
  'titelzeile',
  'leitsatz',
  'sonstosatz',
  'tenor',
  'tatbestand',
  'entscheidungsgruende',
  'gruende',
  'abwmeinung',
  'sonstlt',
] as const;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  stopNodes: SECTIONS.map((s) => `dokument.${s}`),
});

export class RiiFormatError extends Error {}

export interface RiiDocument {
  doknr: string;
  public: boolean;
  input: Omit<DecisionInput, 'courtId'> & { courtType: string; courtPlace: string };
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && '#text' in (value as object))
    return String((value as Record<string, unknown>)['#text']).trim();
  return '';
}

const stripTags = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Parses one RII document; throws RiiFormatError with a reason. */
export function parseRiiXml(xml: string): RiiDocument {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new RiiFormatError(`XML: ${valid.err.msg} (line ${valid.err.line})`);
  let root: Record<string, unknown>;
  try {
    root = parser.parse(xml) as Record<string, unknown>;
  } catch (err) {
    throw new RiiFormatError(`XML: ${(err as Error).message}`);
  }
  const doc = root.dokument;
  if (!doc || typeof doc !== 'object') throw new RiiFormatError('no <dokument> root element');
  const d = doc as Record<string, unknown>;
  const doknr = text(d.doknr);
  if (!/^[A-Za-z0-9_-]{3,40}$/.test(doknr)) throw new RiiFormatError('missing or invalid <doknr>');
  const gertyp = text(d.gertyp);
  if (!gertyp) throw new RiiFormatError('missing <gertyp>');
  const date = text(d['entsch-datum']);
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(date);
  if (!m) throw new RiiFormatError(`invalid <entsch-datum> "${date}" (expected YYYYMMDD)`);
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const parsedDate = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsedDate.getTime()) || parsedDate.toISOString().slice(0, 10) !== iso)
    throw new RiiFormatError(`invalid <entsch-datum> "${date}"`);
  const rawEcli = text(d.ecli);
  let ecli: string | null = null;
  if (rawEcli) {
    const r = normaliseEcli(rawEcli);
    if (!r.ok) throw new RiiFormatError(`invalid <ecli>: ${r.error}`);
    ecli = r.ecli;
  }
  const fileNumbers = text(d.aktenzeichen)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (fileNumbers.length === 0) throw new RiiFormatError('missing <aktenzeichen>');
  const norms = parseNormField(text(d.norm));
  const section = (name: (typeof SECTIONS)[number]) => {
    const v = d[name];
    return typeof v === 'string' ? sanitizeRichText(v) : '';
  };
  const joined = (...parts: string[]) => parts.filter(Boolean).join('\n');
  const lower = text(d.vorinstanz);
  return {
    doknr,
    public: text(d.accessRights) === 'public',
    input: {
      doknr,
      ecli,
      courtType: gertyp,
      courtPlace: text(d.gerort),
      chamber: text(d.spruchkoerper),
      decisionDate: iso,
      fileNumbers,
      decisionType: text(d.doktyp),
      title: stripTags(section('titelzeile')),
      headnotes: joined(section('leitsatz'), section('sonstosatz')),
      tenor: section('tenor'),
      facts: section('tatbestand'),
      reasons: joined(section('entscheidungsgruende'), section('gruende'), section('sonstlt')),
      dissent: section('abwmeinung'),
      summaryDe: '',
      summaryEn: '',
      legalAreas: legalAreasOf(norms),
      exploitation: [],
      outcome: '',
      source: 'rii',
      lowerInstances: lower
        ? lower
            .split(/\n+/)
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
      status: 'published',
      isDemo: false,
      norms,
    },
  };
}

export interface ImportReport {
  imported: number;
  updated: number;
  skipped: number;
  failed: number;
  failures: Array<{ name: string; reason: string }>;
}

interface Source {
  name: string;
  read: () => string;
}

/** The documents behind the given paths: XML files, ZIPs (every XML inside) and directories (recursively). */
function collect(paths: string[], failures: ImportReport['failures']): Source[] {
  const out: Source[] = [];
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      failures.push({ name: p, reason: 'not found' });
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) {
        const child = path.join(p, entry);
        if (fs.statSync(child).isDirectory() || /\.(xml|zip)$/i.test(entry)) visit(child);
      }
      return;
    }
    if (/\.zip$/i.test(p)) {
      let entries: Record<string, Uint8Array>;
      try {
        entries = unzipSync(fs.readFileSync(p));
      } catch (err) {
        failures.push({ name: path.basename(p), reason: `ZIP: ${(err as Error).message}` });
        return;
      }
      const xmls = Object.keys(entries).filter((n) => /\.xml$/i.test(n));
      if (xmls.length === 0) failures.push({ name: path.basename(p), reason: 'ZIP holds no XML file' });
      for (const n of xmls)
        out.push({
          name: `${path.basename(p)}/${n}`,
          read: () => new TextDecoder().decode(entries[n]!),
        });
      return;
    }
    out.push({ name: path.basename(p), read: () => fs.readFileSync(p, 'utf8') });
  };
  for (const p of paths) visit(p);
  return out;
}

/** Ids of existing courts seen during one import run (courts are not deleted while importing), by type and place. */
export type CourtCache = Map<string, string>;

/**
 * Writes one parsed document; call inside its own transaction. The commit does not wait for the disk
 * (synchronous_commit off for this transaction only): a crash can lose the last few documents of a run, never
 * half of one, and the import is idempotent, so running it again completes it. Bulk imports are several times
 * faster that way (decision 0025).
 */
export async function importRiiDocument(
  db: Db,
  parsed: RiiDocument,
  courts: CourtCache = new Map(),
): Promise<boolean> {
  const { courtType, courtPlace, ...input } = parsed.input;
  await sql`SET LOCAL synchronous_commit = off`.execute(db);
  const courtKey = `${courtType}\u0000${courtPlace}`;
  let courtId = courts.get(courtKey);
  if (!courtId) {
    // only committed courts are remembered: one created here is invisible to other transactions until commit
    courtId = await findCourt(db, courtType, courtPlace);
    if (courtId) courts.set(courtKey, courtId);
    else courtId = await resolveCourt(db, courtType, courtPlace);
  }
  const result = await upsertDecision(db, { ...input, courtId });
  return result.created;
}

export async function importRii(
  db: Kysely<DB>,
  paths: string[],
  actor: { id: string | null; label: string } = { id: null, label: 'cli' },
): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, updated: 0, skipped: 0, failed: 0, failures: [] };
  const courts: CourtCache = new Map();
  for (const source of collect(paths, report.failures)) {
    let parsed: RiiDocument;
    try {
      parsed = parseRiiXml(source.read());
    } catch (err) {
      report.failures.push({ name: source.name, reason: (err as Error).message });
      continue;
    }
    if (!parsed.public) {
      report.skipped++;
      continue;
    }
    try {
      const created = await db.transaction().execute((trx) => importRiiDocument(trx, parsed, courts));
      if (created) report.imported++;
      else report.updated++;
    } catch (err) {
      report.failures.push({ name: source.name, reason: `database: ${(err as Error).message}` });
    }
  }
  report.failed = report.failures.length;
  await audit(db, {
    actorId: actor.id,
    actorLabel: actor.label,
    action: 'caselaw.import',
    meta: {
      imported: report.imported,
      updated: report.updated,
      skipped: report.skipped,
      failed: report.failed,
    },
  });
  return report;
}

export function formatReport(r: ImportReport): string {
  return `imported ${r.imported}, updated ${r.updated}, skipped ${r.skipped}, failed ${r.failed}`;
}
