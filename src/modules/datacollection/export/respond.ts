/**
 * Answers a report download: builds the file from the protected report, writes the export to the audit log
 * (format and channel only — DOMAIN.md rule 5) and sends it as an attachment.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../../db/types.ts';
import { audit } from '../../../platform/audit.ts';
import { fileResponse } from '../../../platform/files/download.ts';
import type { Ctx } from '../../../platform/http/env.ts';
import { type Lang, loadCodebook } from '../codebook.ts';
import type { Actor } from '../repo.ts';
import type { DataReport } from '../report.ts';
import { comparisonFor } from './compare.ts';
import { type ReportFile, type ReportFormat, reportFile, reportFormats } from './files.ts';

export function formatOf(value: string | undefined): ReportFormat | null {
  const format = (value ?? 'json').toLowerCase();
  return (reportFormats as readonly string[]).includes(format) ? (format as ReportFormat) : null;
}

/** `2025.pdf` → { year: 2025, format: 'pdf' }, or null. */
export function fileParam(value: string | undefined): { year: number; format: ReportFormat } | null {
  const match = /^(\d{4})\.(pdf|xlsx|csv)$/.exec(value ?? '');
  return match ? { year: Number(match[1]), format: match[2] as ReportFormat } : null;
}

export async function logReportExport(
  db: Db,
  year: number,
  actor: Actor,
  meta: { format: ReportFormat; via: string; preview: boolean },
): Promise<void> {
  await audit(db, {
    actorId: actor.user?.id ?? null,
    actorLabel: actor.user?.role ?? actor.label ?? 'anonymous',
    action: 'data.report_export',
    targetType: 'data_year',
    targetId: String(year),
    ip: actor.ip,
    meta,
  });
}

/**
 * Files already built, by their inputs: a published report does not change, and rendering a PDF costs a second
 * of CPU — anonymous downloads must not be able to keep the server busy with it.
 */
const built = new Map<string, ReportFile>();
const BUILT_MAX = 32;

/** Builds one report file with the comparison to the previous published year (remembered by its inputs). */
export async function buildReportFile(
  db: Db,
  report: DataReport,
  format: ReportFormat,
  lang: Lang,
): Promise<ReportFile> {
  const comparison = format === 'pdf' ? await comparisonFor(db, report) : null;
  const key = createHash('sha256').update(JSON.stringify({ report, comparison, format, lang })).digest('hex');
  const known = built.get(key);
  if (known) return known;
  const file = await reportFile(report, loadCodebook(report.codebook), format, lang, comparison);
  if (built.size >= BUILT_MAX) built.delete(built.keys().next().value!);
  built.set(key, file);
  return file;
}

export async function reportDownload(
  c: Ctx,
  report: DataReport,
  format: ReportFormat,
  meta: { via: string; preview: boolean; lang: Lang; actor: Actor },
): Promise<Response> {
  const db = c.get('deps').database.db;
  const file = await buildReportFile(db, report, format, meta.lang);
  await logReportExport(db, report.year, meta.actor, { format, via: meta.via, preview: meta.preview });
  return fileResponse(c, file);
}
