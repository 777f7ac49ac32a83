/**
 * The annual data report (Datenbericht): the predefined tables of a reporting year, built from the released records
 * (DOMAIN.md rule 3: only records with recorded consent that the centre released count) and protected together
 * with `protectTables` (rule 4: nothing below the threshold k is published, no withheld figure can be worked out
 * from totals). The output is the JSON of `GET /api/v1/data/reports/:year`; suppressed figures are `null`.
 *
 * Tables are derived from the codebook of the year, so a year with an older codebook (2024: `services`, other age
 * groups) gets its own categories. Only values of the codebook's lists and world regions appear as categories —
 * never a country on its own, never a case number or an organisation.
 */
import {
  type CaseRecord,
  type Codebook,
  isAnalysable,
  type Lang,
  regionOf,
  type Variable,
  valueLabel,
} from './codebook.ts';
import {
  type FrequencyTable,
  type ProtectedCell,
  protectTables,
  type TableLink,
  thresholdOf,
} from './disclosure.ts';

export interface ReportTable {
  id: string;
  title: string;
  rows: string[];
  cols: string[];
  cells: ProtectedCell[][];
  row_totals: ProtectedCell[];
  col_totals: ProtectedCell[];
  total: ProtectedCell;
  multiple: boolean;
}

export interface DataReport {
  year: number;
  threshold: number;
  codebook: string;
  /** Records documented in the year (protected like any figure: null when withheld). */
  documented: number | null;
  /** Records that count in the analysis (released with consent). */
  released: number | null;
  tables: ReportTable[];
}

/** Titles of the predefined tables (the JSON carries the German one; pages pick the language). */
export const tableTitles: Record<string, Record<Lang, string>> = {
  totals: { de: 'Dokumentierte und freigegebene Datensätze', en: 'Documented and released records' },
  sex: { de: 'Geschlecht', en: 'Sex' },
  age_group: { de: 'Altersgruppe beim Erstkontakt', en: 'Age group at first contact' },
  sex_by_age: { de: 'Geschlecht nach Altersgruppe', en: 'Sex by age group' },
  nationality_region: {
    de: 'Staatsangehörigkeit nach Weltregion',
    en: 'Nationality by world region',
  },
  exploitation_by_sex: {
    de: 'Formen der Ausbeutung nach Geschlecht',
    en: 'Forms of exploitation by sex',
  },
  labour_sector: { de: 'Branchen der Arbeitsausbeutung', en: 'Sectors of labour exploitation' },
  access_route: { de: 'Zugangsweg zur Fachberatungsstelle', en: 'Route to the counselling centre' },
  residence_status: { de: 'Aufenthaltsstatus beim Erstkontakt', en: 'Residence status at first contact' },
  services: { de: 'Leistungen der Fachberatungsstelle', en: 'Services provided' },
};

/** Labels of the categories of a report table (rows and columns), in one language. */
export function categoryLabel(
  codebook: Codebook,
  tableId: string,
  axis: 'rows' | 'cols',
  key: string,
  lang: Lang,
) {
  if (key === 'n') return lang === 'de' ? 'Anzahl' : 'Number';
  if (tableId === 'totals') {
    const labels: Record<string, Record<Lang, string>> = {
      released: { de: 'freigegeben (in der Auswertung)', en: 'released (in the analysis)' },
      not_released: { de: 'nicht freigegeben', en: 'not released' },
    };
    return labels[key]?.[lang] ?? key;
  }
  if (tableId === 'nationality_region') {
    const region = codebook.regions.find((r) => r.key === key);
    if (region) return region.label[lang];
    return valueLabel(codebook, 'nationality', key, lang);
  }
  const variableKey =
    {
      sex: 'sex',
      age_group: 'age_group',
      sex_by_age: axis === 'rows' ? 'sex' : 'age_group',
      exploitation_by_sex: axis === 'rows' ? 'exploitation_forms' : 'sex',
      labour_sector: 'labour_sector',
      access_route: 'access_route',
      residence_status: 'residence_status',
      services: servicesVariable(codebook)?.key ?? 'services_provided',
    }[tableId] ?? tableId;
  try {
    return valueLabel(codebook, variableKey, key, lang);
  } catch {
    return key;
  }
}

function find(codebook: Codebook, key: string): Variable | undefined {
  return codebook.variables.find((v) => v.key === key);
}

function servicesVariable(codebook: Codebook): Variable | undefined {
  return find(codebook, 'services_provided') ?? find(codebook, 'services');
}

function keysOf(variable: Variable): string[] {
  return 'values' in variable ? variable.values.map((v) => v.key) : [];
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (value === undefined || value === null || value === '') return [];
  return [String(value)];
}

/**
 * The raw counts behind every report table — what a GROUP BY over the released records gives. Computed either from
 * records in memory (`countRecords`) or by the database in a few aggregate queries (`report-counts.ts`), so the
 * report of 100,000 records does not move every record into the process.
 */
export interface ReportCounts {
  /** Every record of the year, whatever its status. */
  documented: number;
  /** Records that count in the analysis (released or locked, passing the analysis filter). */
  counted: number;
  /** Per variable key: value → number of counted records with it (for a list: records naming it). */
  byValue: Record<string, Map<string, number>>;
  /** `sex\u0000age_group` → n. */
  sexByAge: Map<string, number>;
  /** `exploitation form\u0000sex` → n. */
  formBySex: Map<string, number>;
  /** Counted records with at least one value, per list variable (labour sector, services). */
  answered: Record<string, number>;
}

/** The variables whose values the report counts one by one. */
export function countedVariables(codebook: Codebook): string[] {
  const keys = ['sex', 'age_group', 'nationality', 'labour_sector', 'access_route', 'residence_status'];
  const services = servicesVariable(codebook);
  if (services) keys.push(services.key);
  return keys.filter((k) => find(codebook, k));
}

export const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

function bump(map: Map<string, number>, key: string, by = 1) {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The counts of records held in memory (the reference the SQL version is tested against). */
export function countRecords(
  codebook: Codebook,
  records: ReadonlyArray<{ status: string; values: CaseRecord }>,
): ReportCounts {
  const variables = countedVariables(codebook);
  const counts: ReportCounts = {
    documented: records.length,
    counted: 0,
    byValue: Object.fromEntries(variables.map((v) => [v, new Map<string, number>()])),
    sexByAge: new Map(),
    formBySex: new Map(),
    answered: Object.fromEntries(variables.map((v) => [v, 0])),
  };
  for (const record of records) {
    if (record.status !== 'released' && record.status !== 'locked') continue;
    const r = record.values;
    if (!isAnalysable(codebook, r)) continue;
    counts.counted++;
    for (const key of variables) {
      const values = new Set(listOf(r[key]));
      if (values.size > 0) counts.answered[key]!++;
      for (const value of values) bump(counts.byValue[key]!, value);
    }
    const sex = listOf(r.sex);
    const age = listOf(r.age_group);
    if (sex.length === 1 && age.length === 1) bump(counts.sexByAge, pairKey(sex[0]!, age[0]!));
    if (sex.length === 1)
      for (const form of new Set(listOf(r.exploitation_forms)))
        bump(counts.formBySex, pairKey(form, sex[0]!));
  }
  return counts;
}

function oneWay(id: string, rows: string[], counts: Map<string, number> | undefined) {
  return {
    id,
    title: tableTitles[id]!.de,
    rows,
    cols: ['n'],
    cells: rows.map((r) => [counts?.get(r) ?? 0]),
  };
}

/**
 * Builds and protects the report tables. `records` are all records of the year with their status; only released
 * or locked records that pass the codebook's analysis filter count. `k` is the disclosure threshold (≥ 3).
 */
export function buildReport(input: {
  year: number;
  codebook: Codebook;
  records: ReadonlyArray<{ status: string; values: CaseRecord }>;
  k?: number;
}): DataReport {
  return buildReportFromCounts({
    year: input.year,
    codebook: input.codebook,
    counts: countRecords(input.codebook, input.records),
    k: input.k,
  });
}

/** Builds and protects the report tables from the raw counts. */
export function buildReportFromCounts(input: {
  year: number;
  codebook: Codebook;
  counts: ReportCounts;
  k?: number;
}): DataReport {
  const { codebook, counts } = input;
  const k = thresholdOf(input.k);
  const documented = counts.documented;
  const tables: FrequencyTable[] = [];
  const linked: TableLink[] = [];

  tables.push({
    id: 'totals',
    title: tableTitles.totals!.de,
    rows: ['released', 'not_released'],
    cols: ['n'],
    cells: [[counts.counted], [documented - counts.counted]],
  });

  const sex = find(codebook, 'sex');
  const age = find(codebook, 'age_group');
  const sexKeys = sex ? keysOf(sex) : [];
  const ageKeys = age ? keysOf(age) : [];
  if (sex) tables.push(oneWay('sex', sexKeys, counts.byValue.sex));
  if (age) tables.push(oneWay('age_group', ageKeys, counts.byValue.age_group));
  if (sex && age) {
    tables.push({
      id: 'sex_by_age',
      title: tableTitles.sex_by_age!.de,
      rows: sexKeys,
      cols: ageKeys,
      cells: sexKeys.map((s) => ageKeys.map((a) => counts.sexByAge.get(pairKey(s, a)) ?? 0)),
    });
    linked.push(['sex', 'sex_by_age', 'rows'], ['age_group', 'sex_by_age', 'rows', 'cols']);
  }

  const nationality = find(codebook, 'nationality');
  if (nationality) {
    const rows = [...codebook.regions.map((r) => r.key), ...keysOf(nationality)];
    const byRegion = new Map<string, number>();
    for (const [code, n] of counts.byValue.nationality ?? [])
      bump(byRegion, regionOf(codebook, code) ?? code, n);
    tables.push(oneWay('nationality_region', rows, byRegion));
  }

  const forms = find(codebook, 'exploitation_forms');
  if (forms && sex) {
    const formKeys = keysOf(forms);
    tables.push({
      id: 'exploitation_by_sex',
      title: tableTitles.exploitation_by_sex!.de,
      rows: formKeys,
      cols: sexKeys,
      cells: formKeys.map((f) => sexKeys.map((s) => counts.formBySex.get(pairKey(f, s)) ?? 0)),
      col_totals: sexKeys.map((s) => counts.byValue.sex?.get(s) ?? 0),
      multiple: 'rows',
    });
    linked.push(['sex', 'exploitation_by_sex', 'rows', 'cols']);
  }

  const sector = find(codebook, 'labour_sector');
  if (sector) {
    tables.push({
      ...oneWay('labour_sector', keysOf(sector), counts.byValue.labour_sector),
      total: counts.answered.labour_sector ?? 0,
      multiple: true,
    });
  }

  for (const id of ['access_route', 'residence_status']) {
    const variable = find(codebook, id);
    if (variable) tables.push(oneWay(id, keysOf(variable), counts.byValue[id]));
  }

  const services = servicesVariable(codebook);
  if (services) {
    tables.push({
      ...oneWay('services', keysOf(services), counts.byValue[services.key]),
      total: counts.answered[services.key] ?? 0,
      multiple: true,
    });
  }

  const result = protectTables(tables, { k, linked });
  const out: ReportTable[] = result.tables.map((t) => ({
    id: t.id,
    title: t.title,
    rows: t.rows,
    cols: t.cols,
    cells: t.cells,
    row_totals: t.row_totals,
    col_totals: t.col_totals,
    total: t.total,
    multiple: t.multiple,
  }));
  const totals = out.find((t) => t.id === 'totals')!;
  // The released count is also every other table's grand total: were the totals table to withhold a figure and
  // publish the rest, the withheld one would follow by subtraction. So it is withheld as a whole then.
  const anyWithheld = [...totals.cells.flat(), ...totals.row_totals, ...totals.col_totals, totals.total].some(
    (c) => c.suppressed,
  );
  if (anyWithheld) {
    const hidden = (): ProtectedCell => ({ value: null, suppressed: true });
    totals.cells = totals.cells.map((row) => row.map(hidden));
    totals.row_totals = totals.row_totals.map(hidden);
    totals.col_totals = totals.col_totals.map(hidden);
    totals.total = hidden();
  }
  return {
    year: input.year,
    threshold: result.k,
    codebook: codebook.version,
    documented: totals.total.suppressed ? null : totals.total.value,
    released: totals.cells[0]![0]!.suppressed ? null : totals.cells[0]![0]!.value,
    tables: out,
  };
}

/** Counts the suppressed figures (cells and margins) of a report, for the office's overview. */
export function suppressedCount(report: DataReport): { cells: number; suppressedCells: number } {
  let cells = 0;
  let suppressedCells = 0;
  for (const table of report.tables) {
    for (const row of table.cells)
      for (const cell of row) {
        cells++;
        if (cell.suppressed) suppressedCells++;
      }
  }
  return { cells, suppressedCells };
}
