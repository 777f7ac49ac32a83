/**
 * The raw counts of the annual report, aggregated by the database: one scan with GROUPING SETS for the single-value
 * variables and their cross tables, one for the answers of the list variables (exploitation forms by sex, labour
 * sectors, services). Only a few hundred count rows reach the process, however many records there are — with
 * 100,000 records the report takes about as long as the plain GROUP BY queries themselves (bench/data.ts).
 *
 * The result equals `countRecords` over the same records (tested in report-counts.test.ts); the analysis filter
 * of the codebook is applied in SQL with the same meaning as `conditionHolds` (a value, or any value of a list, is
 * one of the condition's values).
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/types.ts';
import { type Codebook, type Condition, isMultiple } from './codebook.ts';
import { countedVariables, pairKey, type ReportCounts } from './report.ts';

/** A jsonb value as a list of texts: a list's elements, a single value as one element, nothing for null. */
function elements(variable: string, source: RawBuilder<unknown> = sql`"values"`): RawBuilder<unknown> {
  const v = sql`${source} -> ${variable}`;
  return sql`jsonb_array_elements_text(CASE WHEN ${v} IS NULL OR jsonb_typeof(${v}) = 'null' THEN '[]'::jsonb WHEN jsonb_typeof(${v}) = 'array' THEN ${v} ELSE jsonb_build_array(${v}) END)`;
}

function holds(codebook: Codebook, condition: Condition): RawBuilder<unknown> {
  const v = sql`"values" -> ${condition.variable}`;
  const values = sql`ARRAY[${sql.join(condition.any_of.map((x) => sql`${x}::text`))}]`;
  const variable = codebook.variables.find((x) => x.key === condition.variable);
  // a single-value variable needs no list test: one lookup per record instead of three
  if (variable && !isMultiple(variable)) return sql`("values" ->> ${condition.variable}) = ANY(${values})`;
  return sql`(CASE WHEN jsonb_typeof(${v}) = 'array' THEN ${v} ?| ${values} ELSE ("values" ->> ${condition.variable}) = ANY(${values}) END)`;
}

/** The counts of a year's report, computed in the database. */
export async function countYear(db: Db, year: number, codebook: Codebook): Promise<ReportCounts> {
  const filter =
    codebook.analysis_filter.length > 0
      ? sql.join(
          codebook.analysis_filter.map((c) => sql`coalesce(${holds(codebook, c)}, false)`),
          sql` AND `,
        )
      : sql`true`;
  const counted = sql`SELECT "values" AS v FROM data_records
    WHERE year = ${year} AND status IN ('released', 'locked') AND ${filter}`;
  const variables = countedVariables(codebook);
  const scalar = variables.filter((v) =>
    ['sex', 'age_group', 'nationality', 'access_route', 'residence_status'].includes(v),
  );
  const lists = variables.filter((v) => !scalar.includes(v));

  const documented = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM data_records WHERE year = ${year}`.execute(db);

  // single-value variables: each alone, and sex × age group, in one scan
  const scalarColumns = scalar.map((v, i) => sql`r.v ->> ${v} AS ${sql.ref(`c${i}`)}`);
  const sets = scalar.map((_, i) => sql`(${sql.ref(`c${i}`)})`);
  // whether a record answered a list variable at all (the base of the multiple-answer tables)
  const listFlags = lists.map(
    (v, i) => sql`EXISTS (SELECT 1 FROM ${elements(v, sql`r.v`)} AS e) AS ${sql.ref(`l${i}`)}`,
  );
  const sexIndex = scalar.indexOf('sex');
  const ageIndex = scalar.indexOf('age_group');
  if (sexIndex >= 0 && ageIndex >= 0)
    sets.push(sql`(${sql.ref(`c${sexIndex}`)}, ${sql.ref(`c${ageIndex}`)})`);
  sets.push(sql`()`);
  const grouped = await sql<Record<string, string | number | null>>`
    SELECT ${sql.join([...scalar.map((_, i) => sql.ref(`c${i}`)), ...scalar.map((_, i) => sql`GROUPING(${sql.ref(`c${i}`)}) AS ${sql.ref(`g${i}`)}`)])},
           count(*)::int AS n
           ${sql.join(
             lists.map(
               (_, i) => sql`, count(*) FILTER (WHERE ${sql.ref(`l${i}`)})::int AS ${sql.ref(`a${i}`)}`,
             ),
             sql``,
           )}
    FROM (SELECT ${sql.join([...scalarColumns, ...listFlags, sql`1 AS one`])} FROM (${counted}) r) x
    GROUP BY GROUPING SETS (${sql.join(sets)})`.execute(db);

  const counts: ReportCounts = {
    documented: Number(documented.rows[0]?.n ?? 0),
    counted: 0,
    byValue: Object.fromEntries(variables.map((v) => [v, new Map<string, number>()])),
    sexByAge: new Map(),
    formBySex: new Map(),
    answered: Object.fromEntries(variables.map((v) => [v, 0])),
  };
  for (const row of grouped.rows) {
    const n = Number(row.n);
    const present = scalar.map((_, i) => Number(row[`g${i}`]) === 0);
    const active = present.filter(Boolean).length;
    if (active === 0) {
      counts.counted = n;
      lists.forEach((v, i) => {
        counts.answered[v] = Number(row[`a${i}`] ?? 0);
      });
      continue;
    }
    if (active === 2) {
      const s = row[`c${sexIndex}`];
      const a = row[`c${ageIndex}`];
      if (s !== null && a !== null) counts.sexByAge.set(pairKey(String(s), String(a)), n);
      continue;
    }
    const i = present.indexOf(true);
    const value = row[`c${i}`];
    if (value === null || value === undefined) continue;
    counts.byValue[scalar[i]!]!.set(String(value), n);
    counts.answered[scalar[i]!]! += n;
  }

  // list variables and exploitation forms by sex: every answer once, in one scan
  const where = sql`year = ${year} AND status IN ('released', 'locked') AND ${filter}`;
  const branches = lists.map(
    (v) => sql`SELECT ${v}::text AS variable, e AS value, NULL::text AS sex FROM ${elements(v)} AS e`,
  );
  if (variables.includes('sex') && codebook.variables.some((v) => v.key === 'exploitation_forms'))
    branches.push(sql`SELECT 'exploitation_forms'::text, e, CASE WHEN jsonb_typeof("values" -> 'sex') = 'string' THEN "values" ->> 'sex' END
      FROM ${elements('exploitation_forms')} AS e`);
  if (branches.length > 0) {
    const rows = await sql<{ variable: string; value: string; sex: string | null; n: number }>`
      SELECT x.variable, x.value, x.sex, count(*)::int AS n
      FROM data_records, LATERAL (${sql.join(branches, sql` UNION ALL `)}) AS x
      WHERE ${where} GROUP BY 1, 2, 3`.execute(db);
    for (const row of rows.rows) {
      const n = Number(row.n);
      if (row.variable === 'exploitation_forms') {
        if (row.sex !== null) counts.formBySex.set(pairKey(row.value, row.sex), n);
      } else counts.byValue[row.variable]?.set(row.value, n);
    }
  }
  return counts;
}
