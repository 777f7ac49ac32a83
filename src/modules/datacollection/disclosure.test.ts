import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DisclosureInputError,
  type FrequencyTable,
  formatCell,
  legend,
  type ProtectedCell,
  type ProtectedTable,
  type ProtectionResult,
  percentages,
  protectTables,
  type TableLink,
} from './disclosure.ts';

// ---------------------------------------------------------------------------------------------------------------
// Helpers: the extended grid (cells + margins) of input and output tables

/** The input table with its margins, as an (r+1) × (c+1) grid. Margins are taken from the input when given. */
function inputGrid(t: FrequencyTable): number[][] {
  const r = t.rows.length;
  const c = t.cols.length;
  const rowTotals = t.row_totals ?? t.cells.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals =
    t.col_totals ??
    (t.cols.length === 1 && t.total !== undefined && t.multiple ? [t.total] : undefined) ??
    Array.from({ length: c }, (_, j) => t.cells.reduce((a, row) => a + row[j]!, 0));
  const total =
    t.total ??
    (t.multiple === 'cols' || t.multiple === 'both' ? rowTotals : colTotals).reduce((a, b) => a + b, 0);
  const grid = t.cells.map((row, i) => [...row, rowTotals[i]!]);
  grid.push([...colTotals, total]);
  expect(grid.length).toBe(r + 1);
  return grid;
}

function outputGrid(t: ProtectedTable): ProtectedCell[][] {
  const grid = t.cells.map((row, i) => [...row, t.row_totals[i]!]);
  grid.push([...t.col_totals, t.total]);
  return grid;
}

/** Lines of the extended grid: each a list of [i, j] positions, the last one the line's total. */
function lines(r: number, c: number): Array<{ kind: 'row' | 'col'; cells: Array<[number, number]> }> {
  const out: Array<{ kind: 'row' | 'col'; cells: Array<[number, number]> }> = [];
  for (let i = 0; i <= r; i++)
    out.push({ kind: 'row', cells: Array.from({ length: c + 1 }, (_, j) => [i, j]) });
  for (let j = 0; j <= c; j++)
    out.push({ kind: 'col', cells: Array.from({ length: r + 1 }, (_, i) => [i, j]) });
  return out;
}

/** Whether a line of the input table is an equation (parts add up to the total). */
function additive(t: FrequencyTable, kind: 'row' | 'col'): boolean {
  const multiRows = t.multiple === true || t.multiple === 'rows' || t.multiple === 'both';
  const multiCols = t.multiple === 'cols' || t.multiple === 'both';
  return kind === 'row' ? !multiCols : !multiRows;
}

function suppressedPositions(t: ProtectedTable): string[] {
  const out: string[] = [];
  outputGrid(t).forEach((row, i) => {
    row.forEach((cell, j) => {
      if (cell.suppressed) out.push(`${i},${j}`);
    });
  });
  return out;
}

/** Positions of a margin in the extended grid, by category key. */
function marginPositions(t: FrequencyTable, margin: 'rows' | 'cols'): Map<string, [number, number]> {
  const r = t.rows.length;
  const c = t.cols.length;
  return new Map(
    margin === 'rows'
      ? t.rows.map((key, i) => [key, [i, c] as [number, number]])
      : t.cols.map((key, j) => [key, [r, j] as [number, number]]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Independent audit: can an attacker compute a suppressed figure exactly from the published ones?
// Exact rational Gauss–Jordan elimination (BigInt, fraction-free) over every additive line and every link.

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Unknowns (indices) whose value is a linear function of the published figures. */
function determinedUnknowns(equations: Array<Map<number, bigint>>, n: number): Set<number> {
  const rows = equations.map((eq) => {
    const dense = new Array<bigint>(n).fill(0n);
    for (const [x, a] of eq) dense[x] = (dense[x] ?? 0n) + a;
    return dense;
  });
  const pivots: Array<[number, number]> = [];
  let p = 0;
  for (let col = 0; col < n && p < rows.length; col++) {
    const found = rows.findIndex((row, i) => i >= p && row[col] !== 0n);
    if (found < 0) continue;
    [rows[p], rows[found]] = [rows[found]!, rows[p]!];
    const pivot = rows[p]!;
    for (let i = 0; i < rows.length; i++) {
      if (i === p || rows[i]![col] === 0n) continue;
      const f = rows[i]![col]!;
      const pv = pivot[col]!;
      const next = rows[i]!.map((v, x) => v * pv - pivot[x]! * f);
      const g = next.reduce((acc, v) => gcd(acc, v), 0n);
      rows[i] = g > 1n ? next.map((v) => v / g) : next;
    }
    pivots.push([p, col]);
    p++;
  }
  const out = new Set<number>();
  for (const [row, col] of pivots) {
    if (rows[row]!.every((v, x) => x === col || v === 0n)) out.add(col);
  }
  return out;
}

/** Published figures that can be derived exactly: returns "tableId:i,j" of leaked positive figures. */
function leaks(
  input: readonly FrequencyTable[],
  result: ProtectionResult,
  links: readonly TableLink[],
): string[] {
  const index = new Map<string, number>();
  const names: string[] = [];
  const trueValues: number[] = [];
  const unknown = (t: FrequencyTable, i: number, j: number, value: number) => {
    const name = `${t.id}:${i},${j}`;
    let x = index.get(name);
    if (x === undefined) {
      x = names.length;
      index.set(name, x);
      names.push(name);
      trueValues.push(value);
    }
    return x;
  };
  const equations: Array<Map<number, bigint>> = [];
  const published = new Map(result.tables.map((t) => [t.id, t]));
  for (const t of input) {
    const out = published.get(t.id)!;
    if (!out.published) continue;
    const grid = inputGrid(t);
    const shown = outputGrid(out);
    for (const line of lines(t.rows.length, t.cols.length)) {
      if (!additive(t, line.kind)) continue;
      const eq = new Map<number, bigint>();
      line.cells.forEach(([i, j], x) => {
        if (!shown[i]![j]!.suppressed) return;
        const u = unknown(t, i, j, grid[i]![j]!);
        eq.set(u, (eq.get(u) ?? 0n) + (x === line.cells.length - 1 ? -1n : 1n));
      });
      if (eq.size) equations.push(eq);
    }
  }
  const byId = new Map(input.map((t) => [t.id, t]));
  for (const link of links) {
    const a = byId.get(link[0])!;
    const b = byId.get(link[1])!;
    const ma = marginPositions(a, link[2]);
    const mb = marginPositions(b, link[3] ?? link[2]);
    const pairs = [...ma].map(([key, pos]) => [pos, mb.get(key)!] as const);
    pairs.push([
      [a.rows.length, a.cols.length],
      [b.rows.length, b.cols.length],
    ]);
    const sa = outputGrid(published.get(a.id)!);
    const sb = outputGrid(published.get(b.id)!);
    const ga = inputGrid(a);
    const gb = inputGrid(b);
    for (const [[ia, ja], [ib, jb]] of pairs) {
      const supA = sa[ia]![ja]!.suppressed;
      const supB = sb[ib]![jb]!.suppressed;
      if (!supA || !supB || !published.get(a.id)!.published || !published.get(b.id)!.published) continue;
      const eq = new Map<number, bigint>();
      eq.set(unknown(a, ia, ja, ga[ia]![ja]!), 1n);
      eq.set(unknown(b, ib, jb, gb[ib]![jb]!), -1n);
      equations.push(eq);
    }
  }
  const determined = determinedUnknowns(equations, names.length);
  return [...determined].filter((x) => trueValues[x]! > 0).map((x) => names[x]!);
}

// ---------------------------------------------------------------------------------------------------------------
// The invariants of the issue, checked on any protected set of tables

function checkInvariants(
  input: readonly FrequencyTable[],
  result: ProtectionResult,
  links: readonly TableLink[],
): void {
  const { k } = result;
  const byId = new Map(result.tables.map((t) => [t.id, t]));
  for (const t of input) {
    const out = byId.get(t.id)!;
    const grid = inputGrid(t);
    const shown = outputGrid(out);
    // (e) suppressed values are null, published values are the true values; the shape is kept.
    expect(out.rows).toEqual(t.rows);
    expect(out.cols).toEqual(t.cols);
    shown.forEach((row, i) => {
      row.forEach((cell, j) => {
        if (cell.suppressed) expect(cell.value).toBeNull();
        else expect(cell.value).toBe(grid[i]![j]);
      });
    });
    // (f) a table whose total is below k is entirely unpublished — and only such tables are.
    const total = grid[t.rows.length]![t.cols.length]!;
    expect(out.published).toBe(total >= k);
    if (total < k)
      for (const row of shown)
        for (const cell of row) expect(cell).toEqual({ value: null, suppressed: true });
    // (a) no published figure is between 1 and k − 1.
    shown.forEach((row, i) => {
      row.forEach((cell, j) => {
        const v = grid[i]![j]!;
        if (v >= 1 && v < k) expect(cell.suppressed).toBe(true);
      });
    });
    for (const line of lines(t.rows.length, t.cols.length)) {
      const hidden = line.cells.filter(([i, j]) => shown[i]![j]!.suppressed);
      // (b) a line with a suppressed figure has at least two (counting its total).
      expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
      // (c) brute force: no suppressed figure equals its line's published total minus its published parts.
      if (!additive(t, line.kind)) continue;
      for (const target of hidden) {
        const others = line.cells.filter((p) => p !== target);
        expect(others.every(([i, j]) => !shown[i]![j]!.suppressed)).toBe(false);
      }
    }
    // Zeros are never withheld in a published table.
    if (out.published) {
      shown.forEach((row, i) => {
        row.forEach((cell, j) => {
          if (grid[i]![j] === 0) expect(cell.suppressed).toBe(false);
        });
      });
    }
  }
  // (d) linked margins agree.
  const inputById = new Map(input.map((t) => [t.id, t]));
  for (const link of links) {
    const a = inputById.get(link[0])!;
    const b = inputById.get(link[1])!;
    const ma = marginPositions(a, link[2]);
    const mb = marginPositions(b, link[3] ?? link[2]);
    const sa = outputGrid(byId.get(a.id)!);
    const sb = outputGrid(byId.get(b.id)!);
    for (const [key, [i, j]] of ma) {
      const [x, y] = mb.get(key)!;
      expect(sa[i]![j]!.suppressed, `${a.id}.${key} vs ${b.id}.${key}`).toBe(sb[x]![y]!.suppressed);
    }
    expect(byId.get(a.id)!.total.suppressed).toBe(byId.get(b.id)!.total.suppressed);
  }
  // (c, stronger) no suppressed figure is determined by combining all published figures and links.
  expect(leaks(input, result, links)).toEqual([]);
}

function table(id: string, cells: number[][], extra: Partial<FrequencyTable> = {}): FrequencyTable {
  return {
    id,
    title: id,
    rows: cells.map((_, i) => `r${i}`),
    cols: cells[0]!.length === 1 && !extra.cols ? ['n'] : cells[0]!.map((_, j) => `c${j}`),
    cells,
    ...extra,
  };
}

const marks = (t: ProtectedTable) =>
  outputGrid(t).map((row) => row.map((cell) => (cell.suppressed ? 'X' : String(cell.value))).join(' '));

// ---------------------------------------------------------------------------------------------------------------
// Hand-made tables with known answers

describe('protectTables: hand-made tables', () => {
  it('publishes a table without small counts unchanged, zeros included', () => {
    const input = table('t', [
      [12, 0],
      [7, 20],
    ]);
    const result = protectTables([input]);
    expect(result.k).toBe(5);
    expect(marks(result.tables[0]!)).toEqual(['12 0 12', '7 20 27', '19 20 39']);
  });

  it('writes the JSON shape of the data report, with null for suppressed values', () => {
    const result = protectTables([
      {
        id: 'sex_by_age',
        title: 'Geschlecht nach Altersgruppe',
        rows: ['female', 'male'],
        cols: ['18_21', '22_29'],
        cells: [
          [12, 2],
          [9, 15],
        ],
      },
    ]);
    const s = { value: null, suppressed: true };
    const p = (value: number) => ({ value, suppressed: false });
    expect(JSON.parse(JSON.stringify(result.tables[0]))).toEqual({
      id: 'sex_by_age',
      title: 'Geschlecht nach Altersgruppe',
      rows: ['female', 'male'],
      cols: ['18_21', '22_29'],
      cells: [
        [s, s],
        [s, s],
      ],
      row_totals: [p(14), p(24)],
      col_totals: [p(21), p(17)],
      total: p(38),
      multiple: false,
      published: true,
    });
  });

  it('suppresses exactly a 2 × 2 rectangle for one small cell in a 2 × 2 table (g)', () => {
    const result = protectTables([
      table('t', [
        [2, 10],
        [10, 10],
      ]),
    ]);
    expect(marks(result.tables[0]!)).toEqual(['X X 12', 'X X 20', '12 20 32']);
  });

  it('picks the cheapest rectangle in a 3 × 3 table (g)', () => {
    const result = protectTables([
      table('t', [
        [1, 20, 30],
        [15, 8, 40],
        [12, 25, 9],
      ]),
    ]);
    expect(suppressedPositions(result.tables[0]!).sort()).toEqual(['0,0', '0,1', '1,0', '1,1']);
  });

  it('suppresses the two smallest rows of a one-way table, not its total (g)', () => {
    const result = protectTables([
      table('sex', [[2], [10], [7], [30]], { rows: ['female', 'male', 'diverse', 'unknown'] }),
    ]);
    expect(marks(result.tables[0]!)).toEqual(['X X', '10 10', 'X X', '30 30', '49 49']);
  });

  it('uses small margins for protection instead of widening the pattern', () => {
    // Row total 2 is small itself; the cheapest protection is x00, x10 with the row totals 2 and 20.
    const result = protectTables([
      table('t', [
        [2, 0],
        [10, 10],
      ]),
    ]);
    expect(marks(result.tables[0]!)).toEqual(['X 0 X', 'X 10 X', '12 10 22']);
  });

  it('does not publish a table whose total is below k (f)', () => {
    const result = protectTables([table('t', [[1], [2], [0]])], { k: 5 });
    const t = result.tables[0]!;
    expect(t.published).toBe(false);
    expect(t.total).toEqual({ value: null, suppressed: true });
    expect(t.cells.flat().every((c) => c.value === null && c.suppressed)).toBe(true);
    expect(
      percentages(t)
        .cells.flat()
        .every((v) => v === null),
    ).toBe(true);
  });

  it('publishes a table whose total is exactly k', () => {
    const t = protectTables([table('t', [[5], [0]])], { k: 5 }).tables[0]!;
    expect(t.published).toBe(true);
    expect(marks(t)).toEqual(['5 5', '0 0', '5 5']);
  });

  it('checks the threshold: default 5, never below 3', () => {
    const input = [table('t', [[3], [40]])];
    expect(protectTables(input).k).toBe(5);
    expect(protectTables(input, { k: 3 }).tables[0]!.cells[0]![0]!.suppressed).toBe(false);
    expect(() => protectTables(input, { k: 2 })).toThrow(RangeError);
    expect(() => protectTables(input, { k: 4.5 })).toThrow(RangeError);
  });

  it('protects a one-way table and its two-way table together (d)', () => {
    // 3 men: primary in both tables; the men's row and the women's row are withheld in both.
    const sex = table('sex', [[30], [3]], { rows: ['female', 'male'] });
    const age = table('age', [[18], [15]], { rows: ['young', 'old'] });
    const sexAge = table(
      'sex_by_age',
      [
        [16, 14],
        [2, 1],
      ],
      { rows: ['female', 'male'], cols: ['young', 'old'] },
    );
    const linked: TableLink[] = [
      ['sex', 'sex_by_age', 'rows'],
      ['age', 'sex_by_age', 'rows', 'cols'],
    ];
    const result = protectTables([sex, age, sexAge], { linked });
    const [s, a, sa] = result.tables;
    expect(marks(s!)).toEqual(['X X', 'X X', '33 33']);
    expect(marks(a!)).toEqual(['18 18', '15 15', '33 33']);
    expect(marks(sa!)).toEqual(['X X X', 'X X X', '18 15 33']);
    checkInvariants([sex, age, sexAge], result, linked);
  });

  it('withholds a figure in every linked table once it is withheld in one', () => {
    // female = 2 is primary; the cheapest protection in sex × age withholds the male row total too.
    const sex = table('sex', [[2], [20], [15]], { rows: ['female', 'male', 'diverse'] });
    const sexAge = table(
      'sex_by_age',
      [
        [2, 0],
        [10, 10],
        [7, 8],
      ],
      { rows: ['female', 'male', 'diverse'], cols: ['young', 'old'] },
    );
    const linked: TableLink[] = [['sex', 'sex_by_age', 'rows']];
    const result = protectTables([sex, sexAge], { linked });
    const [s, sa] = result.tables;
    expect(s!.cells.map((row) => row[0]!.suppressed)).toEqual(sa!.row_totals.map((c) => c.suppressed));
    expect(s!.cells.filter((row) => row[0]!.suppressed)).toHaveLength(2);
    checkInvariants([sex, sexAge], result, linked);
  });

  it('closes a leak that only appears when linked tables are combined (joint audit)', () => {
    // Found by a random search: each table is safe on its own after the cheapest-cycle step, but combining the
    // shared margins of the three tables pins one figure down; the joint audit withholds one more figure.
    const rows = ['a0', 'a1', 'a2'];
    const input: FrequencyTable[] = [
      {
        id: 'AB',
        title: 'AB',
        rows,
        cols: ['b0', 'b1'],
        cells: [
          [8, 0],
          [0, 1],
          [1, 0],
        ],
      },
      {
        id: 'AC',
        title: 'AC',
        rows,
        cols: ['c0', 'c1', 'c2'],
        cells: [
          [3, 1, 4],
          [1, 0, 0],
          [0, 0, 1],
        ],
      },
      {
        id: 'BC',
        title: 'BC',
        rows: ['b0', 'b1'],
        cols: ['c0', 'c1', 'c2'],
        cells: [
          [3, 1, 5],
          [1, 0, 0],
        ],
      },
    ];
    const linked: TableLink[] = [
      ['AB', 'AC', 'rows'],
      ['AB', 'BC', 'cols', 'rows'],
      ['AC', 'BC', 'cols', 'cols'],
    ];
    const result = protectTables(input, { k: 3, linked });
    checkInvariants(input, result, linked);
    expect(marks(result.tables[2]!)).toEqual(['X X 5 X', 'X 0 0 X', 'X X 5 10']);
  });

  it('treats multiple-answer tables: person totals, at least two suppressed per line', () => {
    // Forms of exploitation (several per person) by sex; column totals are persons.
    const forms: FrequencyTable = {
      id: 'forms_by_sex',
      title: 'Ausbeutungsformen nach Geschlecht',
      rows: ['sexual_exploitation', 'labour_exploitation', 'forced_begging'],
      cols: ['female', 'male'],
      cells: [
        [40, 6],
        [12, 30],
        [2, 9],
      ],
      col_totals: [45, 38],
      multiple: 'rows',
    };
    const result = protectTables([forms]);
    const t = result.tables[0]!;
    expect(t.multiple).toBe(true);
    expect(t.total).toEqual({ value: 83, suppressed: false });
    // Row lines add up (one sex per person): 2 needs a partner in its row; the row total 11 may stay, because the
    // columns are not equations. The column lines still get two suppressed cells each, for safety.
    expect(marks(t)).toEqual(['40 6 46', 'X X 42', 'X X 11', '45 38 83']);
    checkInvariants([forms], result, []);
    expect(() => protectTables([{ ...forms, col_totals: undefined }])).toThrow(DisclosureInputError);
    expect(() => protectTables([{ ...forms, col_totals: [10, 38] }])).toThrow(
      /smaller than one of its cells/,
    );
  });

  it('rejects inconsistent input', () => {
    const ok = table('t', [
      [5, 6],
      [7, 8],
    ]);
    expect(() =>
      protectTables([
        {
          ...ok,
          cells: [
            [5, -1],
            [7, 8],
          ],
        },
      ]),
    ).toThrow(DisclosureInputError);
    expect(() =>
      protectTables([
        {
          ...ok,
          cells: [
            [5, 1.5],
            [7, 8],
          ],
        },
      ]),
    ).toThrow(DisclosureInputError);
    expect(() => protectTables([{ ...ok, cells: [[5, 6]] }])).toThrow(/2 × 2/);
    expect(() => protectTables([{ ...ok, row_totals: [11, 16] }])).toThrow(/add up/);
    expect(() => protectTables([{ ...ok, total: 27 }])).toThrow(/add up/);
    expect(() => protectTables([ok, ok])).toThrow(/two tables/);
    const other = table('u', [[11], [14]]);
    expect(() => protectTables([ok, other], { linked: [['u', 't', 'rows']] })).toThrow(/"r1" is 14 and 15/);
    expect(() => protectTables([ok, other], { linked: [['u', 't', 'rows', 'cols']] })).toThrow(
      /categories differ/,
    );
    expect(() => protectTables([ok], { linked: [['t', 'nope', 'rows']] })).toThrow(/unknown table/);
  });

  it('shows suppressed figures as "< k" with a legend', () => {
    expect(formatCell({ value: null, suppressed: true }, 5)).toBe('< 5');
    expect(formatCell({ value: 1234, suppressed: false }, 5)).toBe('1.234');
    expect(legend(7).de).toContain('< 7');
    expect(legend(7).en).toContain('fewer than 7');
    expect(protectTables([]).legend).toEqual(legend(5));
  });

  it('gives percentages with their base and never for suppressed cells or bases', () => {
    const t = protectTables([
      table('t', [
        [2, 10, 20],
        [10, 10, 40],
        [30, 30, 30],
      ]),
    ]).tables[0]!;
    const total = percentages(t);
    expect(total.bases).toEqual([182]);
    expect(total.cells[0]).toEqual([null, null, 11]);
    expect(total.cells[2]).toEqual([16.5, 16.5, 16.5]);
    const byRow = percentages(t, 'row', 0);
    expect(byRow.bases).toEqual([32, 60, 90]);
    expect(byRow.cells[1]).toEqual([null, null, 67]);
    expect(byRow.note.de).toContain('der Zeile');
    const multi = percentages({ ...t, multiple: true }, 'col');
    expect(multi.note.de).toContain('Mehrfachnennungen');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Property tests

/** Counts 0–40 with many small values. */
const count = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 4 }), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 12 }), weight: 2 },
  { arbitrary: fc.integer({ min: 0, max: 40 }), weight: 2 },
);
const threshold = fc.integer({ min: 3, max: 11 });

const randomTable = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([r, c]) =>
    fc.array(fc.array(count, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }),
  )
  .map((cells) => table('t', cells));

describe('protectTables: properties over random tables', () => {
  it('(a)–(c), (e), (f) hold for single random tables', () => {
    fc.assert(
      fc.property(randomTable, threshold, (input, k) => {
        checkInvariants([input], protectTables([input], { k }), []);
      }),
      { numRuns: 300 },
    );
  });

  it('(a)–(f) hold for families of linked tables built from random microdata', () => {
    const dims = fc.tuple(
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 5 }),
      fc.integer({ min: 1, max: 4 }),
    );
    const family = dims.chain(([ra, rb, rc]) =>
      fc.record({
        dims: fc.constant([ra, rb, rc] as const),
        people: fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: ra - 1 }),
            // skewed: later categories are rarer
            fc.integer({ min: 0, max: rb - 1 }).chain((b) => fc.integer({ min: 0, max: b })),
            fc.integer({ min: 0, max: rc - 1 }),
          ),
          { maxLength: 120 },
        ),
      }),
    );
    fc.assert(
      fc.property(family, threshold, ({ dims: [ra, rb, rc], people }, k) => {
        const keys = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
        const A = keys('a', ra);
        const B = keys('b', rb);
        const C = keys('c', rc);
        const oneWay = (
          id: string,
          cats: string[],
          pick: (p: (typeof people)[number]) => number,
        ): FrequencyTable => ({
          id,
          title: id,
          rows: cats,
          cols: ['n'],
          cells: cats.map((_, i) => [people.filter((p) => pick(p) === i).length]),
        });
        const twoWay = (
          id: string,
          rows: string[],
          cols: string[],
          pr: (p: (typeof people)[number]) => number,
          pc: (p: (typeof people)[number]) => number,
        ): FrequencyTable => ({
          id,
          title: id,
          rows,
          cols,
          cells: rows.map((_, i) =>
            cols.map((_, j) => people.filter((p) => pr(p) === i && pc(p) === j).length),
          ),
        });
        const input = [
          oneWay('A', A, (p) => p[0]),
          oneWay('B', B, (p) => p[1]),
          oneWay('C', C, (p) => p[2]),
          twoWay(
            'AB',
            A,
            B,
            (p) => p[0],
            (p) => p[1],
          ),
          twoWay(
            'AC',
            A,
            C,
            (p) => p[0],
            (p) => p[2],
          ),
          twoWay(
            'BC',
            B,
            C,
            (p) => p[1],
            (p) => p[2],
          ),
        ];
        const linked: TableLink[] = [
          ['A', 'AB', 'rows'],
          ['B', 'AB', 'rows', 'cols'],
          ['A', 'AC', 'rows'],
          ['C', 'AC', 'rows', 'cols'],
          ['B', 'BC', 'rows'],
          ['C', 'BC', 'rows', 'cols'],
          ['AB', 'AC', 'rows'],
          ['AB', 'BC', 'cols', 'rows'],
          ['AC', 'BC', 'cols', 'cols'],
        ];
        checkInvariants(input, protectTables(input, { k, linked }), linked);
      }),
      { numRuns: 150 },
    );
  });

  it('(a), (b), (d)–(f) hold for multiple-answer tables built from random microdata', () => {
    const forms = ['f0', 'f1', 'f2', 'f3'];
    const person = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.subarray(forms, { minLength: 1 }));
    fc.assert(
      fc.property(fc.array(person, { maxLength: 80 }), threshold, (people, k) => {
        const sexes = ['s0', 's1', 's2'];
        const bySex = sexes.map((_, j) => people.filter((p) => p[0] === j).length);
        const input: FrequencyTable[] = [
          { id: 'S', title: 'S', rows: sexes, cols: ['n'], cells: bySex.map((n) => [n]) },
          {
            id: 'F',
            title: 'F',
            rows: forms,
            cols: ['n'],
            cells: forms.map((f) => [people.filter((p) => p[1].includes(f)).length]),
            total: people.length,
            multiple: true,
          },
          {
            id: 'FS',
            title: 'FS',
            rows: forms,
            cols: sexes,
            cells: forms.map((f) =>
              sexes.map((_, j) => people.filter((p) => p[0] === j && p[1].includes(f)).length),
            ),
            col_totals: bySex,
            multiple: 'rows',
          },
        ];
        const linked: TableLink[] = [
          ['S', 'FS', 'rows', 'cols'],
          ['F', 'FS', 'rows'],
        ];
        checkInvariants(input, protectTables(input, { k, linked }), linked);
      }),
      { numRuns: 150 },
    );
  });

  it('is deterministic and never suppresses anything in a table without small counts', () => {
    const large = fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
      .chain(([r, c]) =>
        fc.array(
          fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 11, max: 40 })), {
            minLength: c,
            maxLength: c,
          }),
          { minLength: r, maxLength: r },
        ),
      )
      .filter((cells) => cells.flat().some((v) => v > 0));
    fc.assert(
      fc.property(large, threshold, (cells, k) => {
        const input = table('t', cells);
        const result = protectTables([input], { k });
        expect(suppressedPositions(result.tables[0]!)).toEqual([]);
        expect(protectTables([input], { k })).toEqual(result);
      }),
    );
  });

  it('(g) one small cell in a 2 × 2 table always costs exactly the rectangle', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.tuple(
          fc.integer({ min: 5, max: 40 }),
          fc.integer({ min: 5, max: 40 }),
          fc.integer({ min: 5, max: 40 }),
        ),
        fc.integer({ min: 0, max: 3 }),
        (small, [x, y, z], corner) => {
          const flat = [x, y, z];
          flat.splice(corner, 0, small);
          const cells = [flat.slice(0, 2), flat.slice(2)];
          const t = protectTables([table('t', cells)]).tables[0]!;
          expect(t.cells.flat().every((cell) => cell.suppressed)).toBe(true);
          expect([...t.row_totals, ...t.col_totals, t.total].some((cell) => cell.suppressed)).toBe(false);
        },
      ),
    );
  });
});
