/**
 * Statistical disclosure control for the annual data report (Datenbericht), DOMAIN.md privacy rule 4: nothing
 * below the threshold is published, and no suppressed figure can be worked out from the published ones.
 *
 * ## Model
 *
 * A table of r rows × c columns is extended by its margins to an (r+1) × (c+1) grid of *entries*: cells, row
 * totals (last column), column totals (last row) and the grand total (corner). Every row and every column of this
 * grid is a *line*: its parts add up to its last entry. Seen as a graph — one vertex per line of the extended
 * grid's rows and one per line of its columns, one edge per entry joining the row and column it lies in — the
 * suppressed entries are the unknowns of a system whose equations are the lines (a network matrix). An unknown
 * can be worked out from the published figures exactly when its edge is a *bridge* of the graph of suppressed
 * entries, i.e. lies on no cycle. A suppressed entry in a line on its own is the simplest bridge.
 *
 * ## What `protectTables` does
 *
 * 1. Threshold `k` (default 5, never below 3). A table whose grand total is below k is not published at all:
 *    every entry is suppressed and `published` is false.
 * 2. Primary suppression: every entry — cells and margins alike — with 1 ≤ n < k. Zeros are not sensitive and are
 *    not suppressed for being small.
 * 3. Secondary suppression, heuristic "cheapest cycle": while some suppressed entry is a bridge, find with
 *    Dijkstra the cheapest chain of further entries that closes a cycle through it (already-suppressed entries are
 *    free, a published entry costs its value, so the total of the withheld counts — the information lost — is kept
 *    small) and suppress that chain. In a 2 × 2 table with one small cell this suppresses exactly the 2 × 2
 *    rectangle; in a larger table the cheapest rectangle; where margins are small themselves it prefers them. The
 *    result satisfies the rule of the issue for every line: a line with a suppressed entry has at least two
 *    suppressed entries (counting its total). Zero entries are used only when no chain without them exists
 *    (prohibitive cost): while every suppressed entry is positive, the margins always offer a chain without zeros,
 *    so zeros are not withheld in published tables (the property tests check this). A zero that could be worked
 *    out reveals nothing sensitive, so the audit below only looks at positive figures.
 * 4. Linked tables (`linked`): tables that share a margin — the one-way table of sex and the row totals of sex ×
 *    age group, or the row totals of sex × age group and of sex × nationality — are protected together. Shared
 *    figures are one unknown: suppressed in one table, suppressed in all; the grand totals are shared too. Steps
 *    3 and 5 repeat over all tables until nothing changes; then an audit solves the joint linear system of every
 *    group of linked tables (Gaussian elimination). Should a figure still be determined by combining tables (rare:
 *    each table is safe on its own at that point), the cheapest further entry that makes it undetermined is
 *    suppressed, and the loop runs again.
 * 5. Multiple-answer tables (`multiple`): when the row variable allows several answers, the cells of a column do
 *    not add up to the column total (which counts persons), so column lines are not equations; likewise for the
 *    column variable and row lines. Such lines are left out of the graph and the linear audit (merged into one
 *    unconstrained vertex), but every line — additive or not — still gets at least two suppressed entries once it
 *    has one (smallest non-zero other entry — usually the line's total when only zeros are left), for safety. A
 *    zero is taken only in a line whose total counts persons none of whom gave an answer in it.
 *
 * Output: the JSON shape of the data report, with `value: null` for every suppressed entry. Suppressed entries are
 * shown as `< k` with `legend(k)`; percentages are never shown for suppressed cells or on a suppressed base.
 *
 * ## Limits
 *
 * The guarantee is that no suppressed entry can be computed *exactly* from the published figures of the protected
 * tables (linear system incl. linked margins; with all suppressed entries positive this also holds under
 * non-negativity). It does not guarantee a minimum width of the interval an attacker can narrow a value down to,
 * it does not know about tables published elsewhere or in earlier years (link them or protect them together), and
 * the heuristic is not an optimal (integer-programming) solution.
 */

export type Margin = 'rows' | 'cols';

/**
 * Tables `a` and `b` share a margin: `[a, b, 'rows']` — a's row totals equal b's row totals (for a one-way table
 * its cells are its row totals); `[a, b, 'rows', 'cols']` — a's row totals equal b's column totals. Categories are
 * matched by key and must agree in value; the grand totals are shared too.
 */
export type TableLink =
  | readonly [a: string, b: string, margin: Margin]
  | readonly [a: string, b: string, marginA: Margin, marginB: Margin];

export interface FrequencyTable {
  id: string;
  title: string;
  /** Category keys of the row variable. */
  rows: readonly string[];
  /** Category keys of the column variable; `['n']` for a one-way table. */
  cols: readonly string[];
  /** rows × cols non-negative integer counts. */
  cells: readonly (readonly number[])[];
  /** Person counts per row. Computed when the column variable is single-answer (and checked when given). */
  row_totals?: readonly number[];
  /** Person counts per column. Computed when the row variable is single-answer (and checked when given). */
  col_totals?: readonly number[];
  /** Number of persons. Computed when either variable is single-answer (and checked when given). */
  total?: number;
  /**
   * Multiple-answer table: `true` or `'rows'` — the row variable allows several answers (one-way tables of a
   * multiple-choice variable, multiple × single); `'cols'` — the column variable does; `'both'`.
   */
  multiple?: boolean | 'rows' | 'cols' | 'both';
}

export interface ProtectOptions {
  /** Threshold: counts 1 … k−1 are never published. Default 5; at least 3. */
  k?: number;
  linked?: readonly TableLink[];
}

export interface ProtectedCell {
  value: number | null;
  suppressed: boolean;
}

export interface ProtectedTable {
  id: string;
  title: string;
  rows: string[];
  cols: string[];
  cells: ProtectedCell[][];
  row_totals: ProtectedCell[];
  col_totals: ProtectedCell[];
  total: ProtectedCell;
  multiple: boolean;
  /** False when the table's total is below k: every figure is suppressed. */
  published: boolean;
}

export interface ProtectionResult {
  k: number;
  tables: ProtectedTable[];
  legend: { de: string; en: string };
}

export const DEFAULT_K = 5;
export const MIN_K = 3;

/** Thrown for inconsistent input (shapes, negative counts, margins that do not add up, links that do not match). */
export class DisclosureInputError extends Error {
  override name = 'DisclosureInputError';
}

// ---------------------------------------------------------------------------------------------------------------
// Internal model

interface Line {
  /** Entry ids of the parts, then the total as the last element. */
  entries: number[];
  additive: boolean;
}

interface Model {
  table: FrequencyTable;
  r: number;
  c: number;
  /** Id of entry (0, 0); entry (i, j) of the extended grid is offset + i·(c+1) + j; (r, c) is the grand total. */
  offset: number;
  /** Additivity of the extended grid's row lines (sums over columns) and column lines (sums over rows). */
  rowsAdditive: boolean;
  colsAdditive: boolean;
  lines: Line[];
  published: boolean;
}

function assertCount(value: unknown, what: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new DisclosureInputError(`${what} must be a non-negative integer, not ${String(value)}`);
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Builds the extended grid of one table, checking its shape and margins. */
function extendedGrid(table: FrequencyTable): {
  grid: number[][];
  rowsAdditive: boolean;
  colsAdditive: boolean;
} {
  const where = `table "${table.id}"`;
  const { rows, cols, cells } = table;
  if (!rows.length || !cols.length)
    throw new DisclosureInputError(`${where} needs at least one row and one column`);
  if (new Set(rows).size !== rows.length) throw new DisclosureInputError(`${where} repeats a row key`);
  if (new Set(cols).size !== cols.length) throw new DisclosureInputError(`${where} repeats a column key`);
  if (cells.length !== rows.length || cells.some((row) => row.length !== cols.length)) {
    throw new DisclosureInputError(`${where}: cells must be ${rows.length} × ${cols.length}`);
  }
  cells.forEach((row, i) => {
    row.forEach((v, j) => {
      assertCount(v, `${where} cell [${i}][${j}]`);
    });
  });
  const m = table.multiple;
  const multiRows = m === true || m === 'rows' || m === 'both';
  const multiCols = m === 'cols' || m === 'both';
  // Row lines sum over the column variable, column lines over the row variable.
  const rowsAdditive = !multiCols;
  const colsAdditive = !multiRows;
  const r = rows.length;
  const c = cols.length;

  const margin = (
    given: readonly number[] | undefined,
    length: number,
    parts: (x: number) => number[],
    additive: boolean,
    what: string,
  ) => {
    if (given !== undefined) {
      if (given.length !== length)
        throw new DisclosureInputError(`${where}: ${what} must have ${length} entries`);
      given.forEach((v, x) => {
        assertCount(v, `${where} ${what}[${x}]`);
      });
    }
    return Array.from({ length }, (_, x) => {
      const p = parts(x);
      if (additive) {
        const s = sum(p);
        if (given !== undefined && given[x] !== s) {
          throw new DisclosureInputError(
            `${where}: ${what}[${x}] is ${given[x]} but the cells add up to ${s}`,
          );
        }
        return s;
      }
      const v = given?.[x];
      if (v === undefined) throw new DisclosureInputError(`${where}: multiple-answer table needs ${what}`);
      if (v < Math.max(...p))
        throw new DisclosureInputError(`${where}: ${what}[${x}] is smaller than one of its cells`);
      return v;
    });
  };
  const rowTotals = margin(table.row_totals, r, (i) => [...cells[i]!], rowsAdditive, 'row_totals');
  let colGiven = table.col_totals;
  if (colGiven === undefined && !colsAdditive && c === 1 && table.total !== undefined)
    colGiven = [table.total];
  const colTotals = margin(colGiven, c, (j) => cells.map((row) => row[j]!), colsAdditive, 'col_totals');
  let total: number;
  if (rowsAdditive) total = sum(colTotals);
  else if (colsAdditive) total = sum(rowTotals);
  else {
    if (table.total === undefined)
      throw new DisclosureInputError(`${where}: multiple-answer table needs total`);
    assertCount(table.total, `${where} total`);
    total = table.total;
    if (total < Math.max(...rowTotals, ...colTotals)) {
      throw new DisclosureInputError(`${where}: total is smaller than one of its margins`);
    }
  }
  if (table.total !== undefined && table.total !== total) {
    throw new DisclosureInputError(`${where}: total is ${table.total} but the margins add up to ${total}`);
  }
  const grid = cells.map((row, i) => [...row, rowTotals[i]!]);
  grid.push([...colTotals, total]);
  return { grid, rowsAdditive, colsAdditive };
}

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[x] !== root) {
      const next = this.parent[x]!;
      this.parent[x] = root;
      x = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

class Protection {
  readonly models: Model[] = [];
  readonly values: number[] = [];
  /** Entry id → index of its table. */
  readonly tableOf: number[] = [];
  readonly classes: UnionFind;
  /** Suppression, per class root. */
  private readonly suppressedRoot: Uint8Array;
  /** Tables connected by links, as groups of table indices. */
  readonly groups: number[][];

  constructor(
    tables: readonly FrequencyTable[],
    readonly k: number,
    links: readonly TableLink[],
  ) {
    const byId = new Map<string, number>();
    for (const table of tables) {
      if (byId.has(table.id)) throw new DisclosureInputError(`two tables are called "${table.id}"`);
      byId.set(table.id, this.models.length);
      const { grid, rowsAdditive, colsAdditive } = extendedGrid(table);
      const r = table.rows.length;
      const c = table.cols.length;
      const offset = this.values.length;
      for (const row of grid) for (const v of row) this.values.push(v);
      for (let x = 0; x < (r + 1) * (c + 1); x++) this.tableOf.push(this.models.length);
      const id = (i: number, j: number) => offset + i * (c + 1) + j;
      const lines: Line[] = [];
      for (let i = 0; i <= r; i++) {
        lines.push({ entries: Array.from({ length: c + 1 }, (_, j) => id(i, j)), additive: rowsAdditive });
      }
      for (let j = 0; j <= c; j++) {
        lines.push({ entries: Array.from({ length: r + 1 }, (_, i) => id(i, j)), additive: colsAdditive });
      }
      this.models.push({ table, r, c, offset, rowsAdditive, colsAdditive, lines, published: true });
    }
    this.classes = new UnionFind(this.values.length);
    this.suppressedRoot = new Uint8Array(this.values.length);
    const tableGroups = new UnionFind(this.models.length);

    // The same figure shown twice within one table: a one-way table's cells are its row totals, a one-row table's
    // cells are its column totals.
    for (const m of this.models) {
      const id = (i: number, j: number) => m.offset + i * (m.c + 1) + j;
      if (m.c === 1 && m.rowsAdditive) for (let i = 0; i <= m.r; i++) this.same(id(i, 0), id(i, 1));
      if (m.r === 1 && m.colsAdditive) for (let j = 0; j <= m.c; j++) this.same(id(0, j), id(1, j));
    }
    for (const link of links) {
      const [a, b, marginA] = link;
      const marginB = link[3] ?? marginA;
      const ia = byId.get(a);
      const ib = byId.get(b);
      if (ia === undefined || ib === undefined)
        throw new DisclosureInputError(`link to unknown table "${ia === undefined ? a : b}"`);
      const ma = this.margin(this.models[ia]!, marginA);
      const mb = this.margin(this.models[ib]!, marginB);
      const where = `link ${a}.${marginA} = ${b}.${marginB}`;
      if (ma.size !== mb.size || [...ma.keys()].some((key) => !mb.has(key))) {
        throw new DisclosureInputError(`${where}: the categories differ`);
      }
      for (const [key, entry] of ma) {
        const other = mb.get(key)!;
        if (this.values[entry] !== this.values[other]) {
          throw new DisclosureInputError(
            `${where}: "${key}" is ${this.values[entry]} and ${this.values[other]}`,
          );
        }
        this.same(entry, other);
      }
      const ta = this.totalEntry(this.models[ia]!);
      const tb = this.totalEntry(this.models[ib]!);
      if (this.values[ta] !== this.values[tb]) throw new DisclosureInputError(`${where}: the totals differ`);
      this.same(ta, tb);
      tableGroups.union(ia, ib);
    }
    const groups = new Map<number, number[]>();
    this.models.forEach((_, t) => {
      const root = tableGroups.find(t);
      groups.set(root, [...(groups.get(root) ?? []), t]);
    });
    this.groups = [...groups.values()];
  }

  private same(a: number, b: number): void {
    this.classes.union(a, b);
  }

  private margin(m: Model, which: Margin): Map<string, number> {
    const out = new Map<string, number>();
    if (which === 'rows') {
      m.table.rows.forEach((key, i) => {
        out.set(key, m.offset + i * (m.c + 1) + m.c);
      });
    } else {
      m.table.cols.forEach((key, j) => {
        out.set(key, m.offset + m.r * (m.c + 1) + j);
      });
    }
    return out;
  }

  totalEntry(m: Model): number {
    return m.offset + m.r * (m.c + 1) + m.c;
  }

  isSuppressed(entry: number): boolean {
    return this.suppressedRoot[this.classes.find(entry)] === 1;
  }

  suppress(entry: number): void {
    this.suppressedRoot[this.classes.find(entry)] = 1;
  }

  run(): void {
    // 1. Tables below the threshold are not published (linked tables share their total, so they go together).
    for (const m of this.models) {
      if (this.values[this.totalEntry(m)]! < this.k) {
        m.published = false;
        for (let e = m.offset; e < m.offset + (m.r + 1) * (m.c + 1); e++) this.suppress(e);
      }
    }
    // 2. Primary suppression.
    this.values.forEach((v, e) => {
      if (v >= 1 && v < this.k) this.suppress(e);
    });
    // 3.–5. Secondary suppression to a fixpoint.
    for (let guard = 0; guard <= this.values.length + 1; guard++) {
      if (this.closeBridges()) continue;
      if (this.fillLines()) continue;
      if (this.auditGroups()) continue;
      return;
    }
    throw new Error('disclosure control did not reach a fixpoint');
  }

  /** Vertex of an extended-grid row line / column line; non-additive lines share one unconstrained vertex. */
  private vertices(m: Model): { rowV: (i: number) => number; colV: (j: number) => number; count: number } {
    const ground = m.r + m.c + 2;
    return {
      rowV: (i) => (m.rowsAdditive ? i : ground),
      colV: (j) => (m.colsAdditive ? m.r + 1 + j : ground),
      count: ground + 1,
    };
  }

  private edges(m: Model): Array<{ entry: number; u: number; v: number }> {
    const { rowV, colV } = this.vertices(m);
    const out: Array<{ entry: number; u: number; v: number }> = [];
    for (let i = 0; i <= m.r; i++) {
      for (let j = 0; j <= m.c; j++)
        out.push({ entry: m.offset + i * (m.c + 1) + j, u: rowV(i), v: colV(j) });
    }
    return out;
  }

  /** Step 3: one bridge at a time, closed by the cheapest chain. Returns whether anything was suppressed. */
  private closeBridges(): boolean {
    for (const m of this.models) {
      if (!m.published) continue;
      const edges = this.edges(m);
      const { count } = this.vertices(m);
      const suppressed = edges.filter((e) => this.isSuppressed(e.entry));
      for (const bridge of suppressed) {
        if (bridge.u === bridge.v) continue;
        if (this.connected(suppressed, bridge, count)) continue;
        const path =
          this.cheapestPath(edges, bridge, count, false) ?? this.cheapestPath(edges, bridge, count, true);
        if (!path) throw new Error(`no way to protect an entry of table "${m.table.id}"`);
        for (const entry of path) this.suppress(entry);
        return true;
      }
    }
    return false;
  }

  /** Whether the ends of `skip` are connected through the other suppressed edges. */
  private connected(
    suppressed: ReadonlyArray<{ entry: number; u: number; v: number }>,
    skip: { entry: number; u: number; v: number },
    count: number,
  ): boolean {
    const seen = new Uint8Array(count);
    const stack = [skip.u];
    seen[skip.u] = 1;
    while (stack.length) {
      const x = stack.pop()!;
      if (x === skip.v) return true;
      for (const e of suppressed) {
        if (e === skip) continue;
        const y = e.u === x ? e.v : e.v === x ? e.u : -1;
        if (y >= 0 && !seen[y]) {
          seen[y] = 1;
          stack.push(y);
        }
      }
    }
    return false;
  }

  /**
   * Dijkstra from one end of `bridge` to the other without it: suppressed entries are free, published ones cost
   * their value (plus a little per entry, so that of equal totals the shorter chain wins); zeros only when allowed.
   * Returns the published entries of the cheapest chain, or null.
   */
  private cheapestPath(
    edges: ReadonlyArray<{ entry: number; u: number; v: number }>,
    bridge: { entry: number; u: number; v: number },
    count: number,
    allowZeros: boolean,
  ): number[] | null {
    const weight = (entry: number): number | null => {
      if (this.isSuppressed(entry)) return 0;
      const value = this.values[entry]!;
      if (value === 0) return allowZeros ? 1e6 : null;
      return value + 1e-3;
    };
    const dist = new Array<number>(count).fill(Number.POSITIVE_INFINITY);
    const via = new Array<{ entry: number; from: number } | null>(count).fill(null);
    const done = new Uint8Array(count);
    dist[bridge.u] = 0;
    for (;;) {
      let x = -1;
      for (let y = 0; y < count; y++)
        if (!done[y] && dist[y]! < Number.POSITIVE_INFINITY && (x < 0 || dist[y]! < dist[x]!)) x = y;
      if (x < 0) return null;
      if (x === bridge.v) break;
      done[x] = 1;
      for (const e of edges) {
        if (e === bridge || e.u === e.v) continue;
        const y = e.u === x ? e.v : e.v === x ? e.u : -1;
        if (y < 0 || done[y]) continue;
        const w = weight(e.entry);
        if (w === null) continue;
        if (dist[x]! + w < dist[y]!) {
          dist[y] = dist[x]! + w;
          via[y] = { entry: e.entry, from: x };
        }
      }
    }
    const chain: number[] = [];
    for (let x = bridge.v; x !== bridge.u; ) {
      const step = via[x]!;
      if (!this.isSuppressed(step.entry)) chain.push(step.entry);
      x = step.from;
    }
    return chain;
  }

  /**
   * Step 5: every line (also the non-additive lines of multiple-answer tables) with exactly one suppressed entry
   * gets a second one: the smallest non-zero published entry of the line; a zero only when nothing else is left.
   */
  private fillLines(): boolean {
    for (const m of this.models) {
      if (!m.published) continue;
      for (const line of m.lines) {
        const suppressed = line.entries.filter((e) => this.isSuppressed(e));
        if (suppressed.length !== 1) continue;
        const open = line.entries.filter((e) => !this.isSuppressed(e));
        const nonZero = open.filter((e) => this.values[e]! > 0);
        const pool = nonZero.length ? nonZero : open;
        const choice = pool.reduce((best, e) => (this.values[e]! < this.values[best]! ? e : best), pool[0]!);
        this.suppress(choice);
        return true;
      }
    }
    return false;
  }

  /** Classes (as representative entries) whose value the published figures of a group determine exactly. */
  determined(group: readonly number[]): number[] {
    const column = new Map<number, number>();
    const representative: number[] = [];
    const equations: Map<number, number>[] = [];
    for (const t of group) {
      const m = this.models[t]!;
      if (!m.published) continue;
      for (const line of m.lines) {
        if (!line.additive) continue;
        const row = new Map<number, number>();
        line.entries.forEach((entry, x) => {
          if (!this.isSuppressed(entry)) return;
          const root = this.classes.find(entry);
          let col = column.get(root);
          if (col === undefined) {
            col = representative.length;
            column.set(root, col);
            representative.push(entry);
          }
          const coefficient = x === line.entries.length - 1 ? -1 : 1;
          row.set(col, (row.get(col) ?? 0) + coefficient);
        });
        for (const [col, a] of row) if (a === 0) row.delete(col);
        if (row.size) equations.push(row);
      }
    }
    const n = representative.length;
    const matrix = equations.map((row) => {
      const dense = new Float64Array(n);
      for (const [col, a] of row) dense[col] = a;
      return dense;
    });
    const eps = 1e-9;
    let pivotRow = 0;
    const pivots: Array<{ row: number; col: number }> = [];
    for (let col = 0; col < n && pivotRow < matrix.length; col++) {
      let best = pivotRow;
      for (let i = pivotRow + 1; i < matrix.length; i++)
        if (Math.abs(matrix[i]![col]!) > Math.abs(matrix[best]![col]!)) best = i;
      if (Math.abs(matrix[best]![col]!) < eps) continue;
      [matrix[pivotRow], matrix[best]] = [matrix[best]!, matrix[pivotRow]!];
      const p = matrix[pivotRow]!;
      const pv = p[col]!;
      for (let x = 0; x < n; x++) p[x] = p[x]! / pv;
      for (let i = 0; i < matrix.length; i++) {
        if (i === pivotRow) continue;
        const row = matrix[i]!;
        const f = row[col]!;
        if (Math.abs(f) < eps) continue;
        for (let x = 0; x < n; x++) row[x] = row[x]! - f * p[x]!;
      }
      pivots.push({ row: pivotRow, col });
      pivotRow++;
    }
    const out: number[] = [];
    for (const { row, col } of pivots) {
      const r = matrix[row]!;
      let alone = true;
      for (let x = 0; x < n && alone; x++) if (x !== col && Math.abs(r[x]!) > eps) alone = false;
      if (alone) out.push(representative[col]!);
    }
    return out;
  }

  /** Step 4: the joint audit of linked tables. Returns whether anything was suppressed. */
  private auditGroups(): boolean {
    for (const group of this.groups) {
      const leaks = this.determined(group).filter((e) => this.values[e]! > 0);
      if (!leaks.length) continue;
      const leak = this.classes.find(leaks[0]!);
      const candidates: number[] = [];
      const seen = new Set<number>();
      for (const t of group) {
        const m = this.models[t]!;
        if (!m.published) continue;
        for (let e = m.offset; e < m.offset + (m.r + 1) * (m.c + 1); e++) {
          const root = this.classes.find(e);
          if (this.isSuppressed(e) || this.values[e] === 0 || seen.has(root)) continue;
          seen.add(root);
          candidates.push(e);
        }
      }
      candidates.sort((a, b) => this.values[a]! - this.values[b]! || a - b);
      if (!candidates.length) {
        for (const t of group) this.models[t]!.published = false;
        for (const t of group) {
          const m = this.models[t]!;
          for (let e = m.offset; e < m.offset + (m.r + 1) * (m.c + 1); e++) this.suppress(e);
        }
        return true;
      }
      for (const candidate of candidates) {
        const root = this.classes.find(candidate);
        this.suppressedRoot[root] = 1;
        const still = this.determined(group).some((e) => this.classes.find(e) === leak);
        if (!still) return true;
        this.suppressedRoot[root] = 0;
      }
      this.suppress(candidates[0]!);
      return true;
    }
    return false;
  }

  output(): ProtectedTable[] {
    return this.models.map((m) => {
      const cell = (i: number, j: number): ProtectedCell => {
        const entry = m.offset + i * (m.c + 1) + j;
        return this.isSuppressed(entry)
          ? { value: null, suppressed: true }
          : { value: this.values[entry]!, suppressed: false };
      };
      const { table } = m;
      return {
        id: table.id,
        title: table.title,
        rows: [...table.rows],
        cols: [...table.cols],
        cells: table.rows.map((_, i) => table.cols.map((_, j) => cell(i, j))),
        row_totals: table.rows.map((_, i) => cell(i, m.c)),
        col_totals: table.cols.map((_, j) => cell(m.r, j)),
        total: cell(m.r, m.c),
        multiple: Boolean(table.multiple),
        published: m.published,
      };
    });
  }
}

/** Checks the threshold setting: an integer, at least 3 (default 5). */
export function thresholdOf(k: number | undefined): number {
  const value = k ?? DEFAULT_K;
  if (!Number.isInteger(value) || value < MIN_K) {
    throw new RangeError(
      `The disclosure threshold k must be an integer of at least ${MIN_K}, not ${String(k)}`,
    );
  }
  return value;
}

/**
 * Primary and secondary cell suppression for a set of tables that are published together (see the module comment
 * for the heuristic). Throws `DisclosureInputError` on inconsistent input and `RangeError` for k < 3.
 */
export function protectTables(
  tables: readonly FrequencyTable[],
  options: ProtectOptions = {},
): ProtectionResult {
  const k = thresholdOf(options.k);
  const protection = new Protection(tables, k, options.linked ?? []);
  protection.run();
  return { k, tables: protection.output(), legend: legend(k) };
}

/** The legend for suppressed figures. */
export function legend(k: number): { de: string; en: string } {
  return {
    de: `„< ${k}“: Wert nicht ausgewiesen – weniger als ${k} Personen, oder zurückgehalten, damit kleine Werte nicht aus Summen errechnet werden können.`,
    en: `“< ${k}”: figure withheld – fewer than ${k} persons, or withheld so that small figures cannot be worked out from totals.`,
  };
}

/** How a figure is shown: the number, or `< k` when suppressed. */
export function formatCell(cell: ProtectedCell, k: number, locale = 'de-DE'): string {
  if (cell.suppressed || cell.value === null) return `< ${k}`;
  return cell.value.toLocaleString(locale);
}

export type PercentBase = 'total' | 'row' | 'col';

export interface PercentTable {
  id: string;
  /** What 100 % is: the table total, each row's total or each column's total. */
  base: PercentBase;
  /** The base of each row (`row`), each column (`col`) or the one base (`total`); null when it is suppressed. */
  bases: Array<number | null>;
  /** Percentages of the cells, rounded; null for suppressed cells, a suppressed or zero base. */
  cells: Array<Array<number | null>>;
  /** Multiple-answer table: percentages of persons, they need not add up to 100. */
  multiple: boolean;
  note: { de: string; en: string };
}

/** Percentages of a protected table with their base (never for suppressed cells or on a suppressed base). */
export function percentages(table: ProtectedTable, base: PercentBase = 'total', digits = 1): PercentTable {
  const bases = base === 'row' ? table.row_totals : base === 'col' ? table.col_totals : [table.total];
  const baseOf = (i: number, j: number) =>
    base === 'row' ? bases[i]! : base === 'col' ? bases[j]! : bases[0]!;
  const factor = 10 ** digits;
  const cells = table.cells.map((row, i) =>
    row.map((cell, j) => {
      const b = baseOf(i, j);
      if (!table.published || cell.suppressed || cell.value === null || b.suppressed || !b.value) return null;
      return Math.round((cell.value / b.value) * 100 * factor) / factor;
    }),
  );
  const baseText = {
    total: ['aller Personen', 'of all persons'],
    row: ['der Zeile', 'of the row'],
    col: ['der Spalte', 'of the column'],
  }[base];
  return {
    id: table.id,
    base,
    bases: bases.map((b) => (b.suppressed ? null : b.value)),
    cells,
    multiple: table.multiple,
    note: {
      de: `Anteile in % ${baseText[0]}${table.multiple ? '; Mehrfachnennungen möglich, die Summe kann über 100 % liegen' : ''}.`,
      en: `Percentages ${baseText[1]}${table.multiple ? '; several answers possible, the sum can exceed 100 %' : ''}.`,
    },
  };
}
