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

function oneWay(
  id: string,
  rows: string[],
  records: CaseRecord[],
  categoriesOf: (r: CaseRecord) => string[],
) {
  const index = new Map(rows.map((r, i) => [r, i]));
  const counts = rows.map(() => 0);
  for (const record of records) {
    for (const category of new Set(categoriesOf(record))) {
      const i = index.get(category);
      if (i !== undefined) counts[i]!++;
    }
  }
  return { id, title: tableTitles[id]!.de, rows, cols: ['n'], cells: counts.map((n) => [n]) };
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
  const { codebook } = input;
  const k = thresholdOf(input.k);
  const documented = input.records.length;
  const counted = input.records
    .filter((r) => (r.status === 'released' || r.status === 'locked') && isAnalysable(codebook, r.values))
    .map((r) => r.values);
  const tables: FrequencyTable[] = [];
  const linked: TableLink[] = [];

  tables.push({
    id: 'totals',
    title: tableTitles.totals!.de,
    rows: ['released', 'not_released'],
    cols: ['n'],
    cells: [[counted.length], [documented - counted.length]],
  });

  const sex = find(codebook, 'sex');
  const age = find(codebook, 'age_group');
  const sexKeys = sex ? keysOf(sex) : [];
  const ageKeys = age ? keysOf(age) : [];
  if (sex) tables.push(oneWay('sex', sexKeys, counted, (r) => listOf(r.sex)));
  if (age) tables.push(oneWay('age_group', ageKeys, counted, (r) => listOf(r.age_group)));
  if (sex && age) {
    tables.push({
      id: 'sex_by_age',
      title: tableTitles.sex_by_age!.de,
      rows: sexKeys,
      cols: ageKeys,
      cells: sexKeys.map((s) =>
        ageKeys.map((a) => counted.filter((r) => r.sex === s && r.age_group === a).length),
      ),
    });
    linked.push(['sex', 'sex_by_age', 'rows'], ['age_group', 'sex_by_age', 'rows', 'cols']);
  }

  const nationality = find(codebook, 'nationality');
  if (nationality) {
    const rows = [...codebook.regions.map((r) => r.key), ...keysOf(nationality)];
    tables.push(
      oneWay('nationality_region', rows, counted, (r) => {
        const code = listOf(r.nationality)[0];
        if (!code) return [];
        return [regionOf(codebook, code) ?? code];
      }),
    );
  }

  const forms = find(codebook, 'exploitation_forms');
  if (forms && sex) {
    const formKeys = keysOf(forms);
    tables.push({
      id: 'exploitation_by_sex',
      title: tableTitles.exploitation_by_sex!.de,
      rows: formKeys,
      cols: sexKeys,
      cells: formKeys.map((f) =>
        sexKeys.map(
          (s) => counted.filter((r) => r.sex === s && listOf(r.exploitation_forms).includes(f)).length,
        ),
      ),
      col_totals: sexKeys.map((s) => counted.filter((r) => r.sex === s).length),
      multiple: 'rows',
    });
    linked.push(['sex', 'exploitation_by_sex', 'rows', 'cols']);
  }

  const sector = find(codebook, 'labour_sector');
  if (sector) {
    const applicable = counted.filter((r) => listOf(r.labour_sector).length > 0);
    tables.push({
      ...oneWay('labour_sector', keysOf(sector), applicable, (r) => listOf(r.labour_sector)),
      total: applicable.length,
      multiple: true,
    });
  }

  for (const id of ['access_route', 'residence_status']) {
    const variable = find(codebook, id);
    if (variable) tables.push(oneWay(id, keysOf(variable), counted, (r) => listOf(r[id])));
  }

  const services = servicesVariable(codebook);
  if (services) {
    const withServices = counted.filter((r) => listOf(r[services.key]).length > 0);
    tables.push({
      ...oneWay('services', keysOf(services), withServices, (r) => listOf(r[services.key])),
      total: withServices.length,
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
