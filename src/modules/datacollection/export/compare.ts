/**
 * The comparison with an earlier year: the previous published report's figures next to this year's, where the
 * categories can be carried over with the codebook's version mapping (`codebooks/<v>.json` → `mappings`).
 *
 * Only published (already protected) figures are used. Where several earlier categories merge into one (2024's
 * age groups 22–25 and 26–29 → 2025's 22–29), their published figures are added; if any of them was withheld the
 * sum is unknown and shown as not comparable — adding published numbers reveals nothing that was not published.
 */
import type { Db } from '../../../db/types.ts';
import { loadCodebook } from '../codebook.ts';
import { publishedReport, publishedYears } from '../repo.ts';
import type { DataReport } from '../report.ts';

/** The variable behind the rows of each one-way report table (by codebook version where it differs). */
const rowVariable: Record<string, (version: string) => string | null> = {
  totals: () => null,
  sex: () => 'sex',
  age_group: () => 'age_group',
  nationality_region: () => null,
  labour_sector: () => 'labour_sector',
  access_route: () => 'access_route',
  residence_status: () => 'residence_status',
  services: (version) =>
    loadCodebook(version).variables.some((v) => v.key === 'services') ? 'services' : 'services_provided',
};

/** One earlier figure per row: a number, or null when it was withheld or the category did not exist. */
export interface ComparedTable {
  rows: Array<number | null>;
}

export interface Comparison {
  year: number;
  tables: Record<string, ComparedTable>;
}

function valueMap(current: DataReport, previous: DataReport, tableId: string): Map<string, string> | null {
  const fromVar = rowVariable[tableId]?.(previous.codebook);
  const toVar = rowVariable[tableId]?.(current.codebook);
  if (current.codebook === previous.codebook || (fromVar === null && toVar === null)) return new Map();
  const mapping = loadCodebook(current.codebook).mappings.find((m) => m.from === previous.codebook);
  if (!mapping) return null; // no direct mapping: the years are not compared
  const entry = mapping.variables.find((e) => e.from === fromVar && (e.to === toVar || !e.to));
  if (entry && entry.to === null) return null;
  if (!entry && fromVar !== toVar) return null;
  return new Map(Object.entries(entry?.values ?? {}));
}

/** Compares the one-way tables of two reports; tables that cannot be mapped are left out. */
export function compareReports(current: DataReport, previous: DataReport): Comparison {
  const tables: Record<string, ComparedTable> = {};
  for (const table of current.tables) {
    if (table.cols.length !== 1 || table.cols[0] !== 'n') continue;
    const before = previous.tables.find((t) => t.id === table.id);
    if (!before || before.total.suppressed) continue;
    const map = valueMap(current, previous, table.id);
    if (!map) continue;
    const sums = new Map<string, number | null>();
    before.rows.forEach((key, i) => {
      const target = map.get(key) ?? key;
      const cell = before.cells[i]![0]!;
      const known = sums.has(target) ? sums.get(target)! : 0;
      sums.set(target, known === null || cell.suppressed || cell.value === null ? null : known + cell.value);
    });
    tables[table.id] = { rows: table.rows.map((key) => (sums.has(key) ? sums.get(key)! : null)) };
  }
  return { year: previous.year, tables };
}

/** The comparison with the latest published year before `report.year`, or null when there is none. */
export async function comparisonFor(db: Db, report: DataReport): Promise<Comparison | null> {
  const earlier = (await publishedYears(db)).filter((y) => y.year < report.year);
  const latest = earlier[0]; // listYears orders newest first
  if (!latest) return null;
  const previous = await publishedReport(db, latest.year);
  if (!previous) return null;
  try {
    return compareReports(report, previous);
  } catch {
    return null; // an earlier codebook that is no longer on disk: no comparison rather than an error
  }
}
