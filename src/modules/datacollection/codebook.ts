/**
 * The codebook of the anonymised case-data collection (Datenerhebung).
 *
 * A codebook is a versioned data file (`codebooks/<year>.json`) that declares every variable of a case record: key,
 * German and English label and help text, type, value list, whether it is required and under which condition it
 * applies, plus the world-region grouping of nationalities, the Länder and the mapping from earlier versions. The
 * entry form, the validation (`recordSchema`), the import template, the report tables and the exports are derived
 * from it, so nothing is written twice.
 *
 * Privacy (DOMAIN.md rule 2): a record holds no direct identifiers. The record schema rejects every key the codebook
 * does not declare (so no name or free-text field can sneak in), and there is no free-text type at all: values are
 * keys from value lists, country and Land codes, small integers, or a month written `YYYY-MM` (never a day).
 */
import fs from 'node:fs';
import { z } from 'zod';

// ---------------------------------------------------------------------------------------------------------------
// The codebook file

const text = z.strictObject({ de: z.string().trim().min(1), en: z.string().trim().min(1) });
const variableKey = z.string().regex(/^[a-z][a-z0-9_]*$/, 'variable keys are lower-case snake_case');
const valueKey = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, 'value keys are lower-case snake_case');
const countryCode = z.string().regex(/^[A-Z]{2}$/, 'country codes are ISO 3166-1 alpha-2 (upper case)');
const monthString = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'months are written YYYY-MM');
const landKey = z.string().regex(/^(0[1-9]|1[0-6])$/, 'Land keys are 01…16');

const conditionSchema = z.strictObject({ variable: variableKey, any_of: z.array(z.string()).min(1) });

const valueSchema = z.strictObject({
  key: valueKey,
  label: text,
  help: text.optional(),
  /** In a multiple-choice variable this value cannot be combined with others ("unknown", "none"). */
  exclusive: z.boolean().optional(),
  /** The value may only be chosen when the condition holds (e.g. "released" needs recorded consent). */
  condition: conditionSchema.optional(),
});

const base = {
  key: variableKey,
  label: text,
  help: text,
  required: z.boolean(),
  /** The variable applies only when the condition holds; otherwise it must be absent or empty. */
  condition: conditionSchema.optional(),
};

const singleChoice = z.strictObject({
  ...base,
  type: z.literal('single_choice'),
  values: z.array(valueSchema).min(2),
});
const multipleChoice = z.strictObject({
  ...base,
  type: z.literal('multiple_choice'),
  values: z.array(valueSchema).min(2),
});
const month = z.strictObject({
  ...base,
  type: z.literal('month'),
  min: monthString,
  max: monthString.optional(),
  /** Key of a small-integer year variable: the month may not lie after the end of that year. */
  not_after: variableKey.optional(),
});
const country = z.strictObject({
  ...base,
  type: z.literal('country'),
  /** Values besides the country codes ("stateless", "unknown"). */
  values: z.array(valueSchema),
  report: z.strictObject({ group_by: z.literal('regions') }).optional(),
});
const land = z.strictObject({
  ...base,
  type: z.literal('land'),
  /** Values besides the Land keys. */
  values: z.array(valueSchema),
});
const smallInteger = z.strictObject({
  ...base,
  type: z.literal('small_integer'),
  min: z.number().int(),
  max: z.number().int(),
});
const place = z.strictObject({
  ...base,
  type: z.literal('place'),
  multiple: z.boolean(),
  /** `country`: the value `germany`; `land`: values `land:01` … `land:16`. */
  germany: z.strictObject({ granularity: z.enum(['country', 'land']), label: text }),
  /** Values `abroad:XX` with a country code other than DE. */
  abroad: z.strictObject({ label: text }),
  /** Further values ("abroad_unknown", "unknown", …). */
  values: z.array(valueSchema),
});

const variableSchema = z.discriminatedUnion('type', [
  singleChoice,
  multipleChoice,
  month,
  country,
  land,
  smallInteger,
  place,
]);

const mappingVariableSchema = z.strictObject({
  /** Variable key in the earlier version; null for a variable that is new in this version. */
  from: variableKey.nullable(),
  /** Variable key in this version; null drops the earlier variable. */
  to: variableKey.nullable(),
  /** Earlier value → value in this version; values not listed stay as they are. */
  values: z.record(z.string(), z.string()).optional(),
  /** Used when the variable applies in this version but the earlier record has no value for it. */
  default: z.union([z.string(), z.array(z.string()).min(1), z.number().int()]).optional(),
  note: text.optional(),
});

const mappingSchema = z.strictObject({
  from: z.string().regex(/^\d{4}$/),
  note: text.optional(),
  variables: z.array(mappingVariableSchema),
});

const codebookObject = z.strictObject({
  $comment: z.string().optional(),
  version: z.string().regex(/^\d{4}$/, 'the version is a four-digit year'),
  /** First reporting year this version is used for. */
  valid_from: z.number().int(),
  title: text,
  description: text,
  variables: z.array(variableSchema).min(1),
  /** A record counts in the analysis only when all of these hold (consent recorded and released). */
  analysis_filter: z.array(conditionSchema),
  /** Every country code a record may use: ISO 3166-1 alpha-2, plus XK (Kosovo). */
  countries: z.array(countryCode).min(1),
  regions: z
    .array(z.strictObject({ key: variableKey, label: text, countries: z.array(countryCode).min(1) }))
    .min(1),
  lands: z.array(z.strictObject({ key: landKey, label: text })).length(16),
  mappings: z.array(mappingSchema),
});

export type Text = z.infer<typeof text>;
export type Condition = z.infer<typeof conditionSchema>;
export type Value = z.infer<typeof valueSchema>;
export type Variable = z.infer<typeof variableSchema>;
export type VariableType = Variable['type'];
export type VersionMapping = z.infer<typeof mappingSchema>;
export type Codebook = z.infer<typeof codebookObject>;
export type Lang = 'de' | 'en';

function duplicates(items: readonly string[]): string[] {
  const seen = new Set<string>();
  const dups = new Set<string>();
  for (const item of items) (seen.has(item) ? dups : seen).add(item);
  return [...dups];
}

function checkCodebook(cb: Codebook, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  for (const dup of duplicates(cb.variables.map((v) => v.key)))
    issue(['variables'], `duplicate variable "${dup}"`);
  const earlier = new Map<string, Variable>();
  const checkCondition = (cond: Condition, path: (string | number)[]) => {
    const target = earlier.get(cond.variable);
    if (!target) {
      issue(path, `condition refers to "${cond.variable}", which is not a variable declared before this one`);
      return;
    }
    const allowed = allowedValues(cb, target);
    if (!allowed) {
      issue(path, `condition variable "${cond.variable}" has no value list`);
      return;
    }
    for (const value of cond.any_of) {
      if (!allowed.includes(value))
        issue(path, `condition value "${value}" is not a value of "${cond.variable}"`);
    }
  };
  cb.variables.forEach((v, i) => {
    const path = ['variables', i];
    if (v.condition) checkCondition(v.condition, [...path, 'condition']);
    if ('values' in v) {
      for (const dup of duplicates(v.values.map((x) => x.key)))
        issue([...path, 'values'], `duplicate value "${dup}"`);
      const multi = v.type === 'multiple_choice' || (v.type === 'place' && v.multiple);
      v.values.forEach((value, j) => {
        if (value.exclusive && !multi)
          issue([...path, 'values', j], 'only values of multiple-answer variables can be exclusive');
        if (value.condition) {
          if (value.condition.variable === v.key)
            issue([...path, 'values', j], 'a value cannot depend on its own variable');
          else checkCondition(value.condition, [...path, 'values', j, 'condition']);
        }
        if (v.type === 'place' && value.key === 'germany')
          issue([...path, 'values', j], '"germany" is built in');
      });
    }
    if (v.type === 'small_integer' && v.min > v.max) issue(path, 'min is greater than max');
    if (v.type === 'month') {
      if (v.max && v.max < v.min) issue(path, 'min is after max');
      if (v.not_after) {
        const year = earlier.get(v.not_after);
        if (year?.type !== 'small_integer')
          issue(path, `not_after must name an earlier small_integer variable`);
      }
    }
    earlier.set(v.key, v);
  });
  cb.analysis_filter.forEach((cond, i) => {
    checkCondition(cond, ['analysis_filter', i]);
  });

  for (const dup of duplicates(cb.countries)) issue(['countries'], `duplicate country "${dup}"`);
  const listed = new Set(cb.countries);
  for (const dup of duplicates(cb.regions.map((r) => r.key))) issue(['regions'], `duplicate region "${dup}"`);
  const regionOfCountry = new Map<string, string>();
  cb.regions.forEach((region, i) => {
    for (const code of region.countries) {
      if (!listed.has(code)) issue(['regions', i], `"${code}" is not in the country list`);
      const other = regionOfCountry.get(code);
      if (other) issue(['regions', i], `"${code}" is in both "${other}" and "${region.key}"`);
      regionOfCountry.set(code, region.key);
    }
  });
  for (const code of cb.countries) {
    if (!regionOfCountry.has(code)) issue(['regions'], `country "${code}" belongs to no region`);
  }
  for (const dup of duplicates(cb.lands.map((l) => l.key))) issue(['lands'], `duplicate Land "${dup}"`);

  for (const dup of duplicates(cb.mappings.map((m) => m.from)))
    issue(['mappings'], `two mappings from "${dup}"`);
  cb.mappings.forEach((mapping, i) => {
    if (mapping.from >= cb.version) issue(['mappings', i], 'a mapping must come from an earlier version');
    const froms = mapping.variables.flatMap((e) => (e.from ? [e.from] : []));
    const tos = mapping.variables.flatMap((e) => (e.to ? [e.to] : []));
    for (const dup of duplicates(froms)) issue(['mappings', i], `"${dup}" is mapped twice`);
    for (const dup of duplicates(tos)) issue(['mappings', i], `two variables map onto "${dup}"`);
    mapping.variables.forEach((entry, j) => {
      const path = ['mappings', i, 'variables', j];
      if (!entry.from && !entry.to) issue(path, 'an entry needs from or to');
      if (entry.to && !earlier.has(entry.to)) issue(path, `"${entry.to}" is not a variable of this codebook`);
      if (!entry.from && entry.default === undefined) issue(path, 'a new variable needs a default');
    });
  });
}

/** The zod schema of a codebook file; `parseCodebook` is the usual entry point. */
export const codebookSchema = codebookObject.superRefine(checkCodebook);

/** Validates a parsed codebook file; throws an Error listing every problem when it is malformed. */
export function parseCodebook(data: unknown, source = 'codebook'): Codebook {
  const result = codebookSchema.safeParse(data);
  if (!result.success) throw new Error(`Invalid ${source}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

const codebookDir = new URL('../../../codebooks/', import.meta.url);
const loaded = new Map<string, Codebook>();

/** Reads and validates `codebooks/<year>.json` from the project root (cached). Throws on a malformed file. */
export function loadCodebook(year: number | string): Codebook {
  const version = String(year);
  if (!/^\d{4}$/.test(version)) throw new Error(`Codebook versions are four-digit years, not "${version}"`);
  const cached = loaded.get(version);
  if (cached) return cached;
  const file = new URL(`${version}.json`, codebookDir);
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read codebook ${version}: ${(error as Error).message}`);
  }
  const codebook = parseCodebook(data, `codebooks/${version}.json`);
  if (codebook.version !== version) {
    throw new Error(`codebooks/${version}.json declares version ${codebook.version}`);
  }
  loaded.set(version, codebook);
  return codebook;
}

// ---------------------------------------------------------------------------------------------------------------
// Variables and values

export function variableOf(codebook: Codebook, key: string): Variable {
  const variable = codebook.variables.find((v) => v.key === key);
  if (!variable) throw new Error(`Codebook ${codebook.version} has no variable "${key}"`);
  return variable;
}

/** Whether the variable takes a list of values. */
export function isMultiple(variable: Variable): boolean {
  return variable.type === 'multiple_choice' || (variable.type === 'place' && variable.multiple);
}

/**
 * Every value a variable can take, in codebook order: value keys; country codes then extra values; Land keys then
 * extra values; for places `germany` or `land:01`…`land:16`, then `abroad:XX` for every country but DE, then extra
 * values; for small integers the whole range. Null for months (an open range of `YYYY-MM` strings).
 */
export function allowedValues(codebook: Codebook, variable: Variable): string[] | null {
  const extra = 'values' in variable ? variable.values.map((v) => v.key) : [];
  switch (variable.type) {
    case 'single_choice':
    case 'multiple_choice':
      return extra;
    case 'country':
      return [...codebook.countries, ...extra];
    case 'land':
      return [...codebook.lands.map((l) => l.key), ...extra];
    case 'place':
      return [
        ...(variable.germany.granularity === 'land'
          ? codebook.lands.map((l) => `land:${l.key}`)
          : ['germany']),
        ...codebook.countries.filter((c) => c !== 'DE').map((c) => `abroad:${c}`),
        ...extra,
      ];
    case 'small_integer':
      return Array.from({ length: variable.max - variable.min + 1 }, (_, i) => String(variable.min + i));
    case 'month':
      return null;
  }
}

const displayNames = new Map<Lang, Intl.DisplayNames>();
function countryName(code: string, lang: Lang): string {
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: 'region' });
    displayNames.set(lang, names);
  }
  return names.of(code) ?? code;
}

/** The label of one value in German or English (country names from CLDR via Intl.DisplayNames). */
export function valueLabel(
  codebook: Codebook,
  variableKey: string,
  value: string | number,
  lang: Lang,
): string {
  const variable = variableOf(codebook, variableKey);
  const raw = String(value);
  const listed = 'values' in variable ? variable.values.find((v) => v.key === raw) : undefined;
  if (listed) return listed.label[lang];
  switch (variable.type) {
    case 'country':
      return countryName(raw, lang);
    case 'land':
      return codebook.lands.find((l) => l.key === raw)?.label[lang] ?? raw;
    case 'place': {
      if (raw === 'germany') return variable.germany.label[lang];
      if (raw.startsWith('land:')) {
        const name = codebook.lands.find((l) => `land:${l.key}` === raw)?.label[lang] ?? raw;
        return `${variable.germany.label[lang]}: ${name}`;
      }
      if (raw.startsWith('abroad:'))
        return `${variable.abroad.label[lang]}: ${countryName(raw.slice(7), lang)}`;
      return raw;
    }
    default:
      return raw;
  }
}

const regionIndex = new WeakMap<Codebook, Map<string, string>>();

/** The world-region key of a country code (case-insensitive), or null for anything that is not a listed country. */
export function regionOf(codebook: Codebook, countryCode: string): string | null {
  let index = regionIndex.get(codebook);
  if (!index) {
    index = new Map();
    for (const region of codebook.regions) for (const code of region.countries) index.set(code, region.key);
    regionIndex.set(codebook, index);
  }
  return index.get(countryCode.toUpperCase()) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Records

/** One case record: variable key → value (absent, or null, for a variable that is not filled in). */
export type RecordValue = string | number | string[];
export type CaseRecord = { [key: string]: RecordValue | null | undefined };

function isPresent(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/** Whether a condition holds for a record (single value in the list, or any of several values in it). */
export function conditionHolds(record: CaseRecord, condition: Condition): boolean {
  const value = record[condition.variable];
  if (Array.isArray(value)) return value.some((v) => condition.any_of.includes(v));
  return value !== undefined && value !== null && condition.any_of.includes(String(value));
}

/** Whether a variable applies to a record (its condition holds, or it has none). */
export function applies(record: CaseRecord, variable: Variable): boolean {
  return !variable.condition || conditionHolds(record, variable.condition);
}

/** Whether a record counts in the analysis (DOMAIN.md rule 3: consent recorded and released). */
export function isAnalysable(codebook: Codebook, record: CaseRecord): boolean {
  return codebook.analysis_filter.every((cond) => conditionHolds(record, cond));
}

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

function singleValueSchema(codebook: Codebook, variable: Variable): z.ZodType<string | number> {
  switch (variable.type) {
    case 'small_integer':
      return z.number().int().min(variable.min).max(variable.max);
    case 'month': {
      const { min, max } = variable;
      const wellFormed = (m: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m);
      return monthString
        .refine((m) => !wellFormed(m) || m >= min, { message: `must not be before ${min}` })
        .refine((m) => !wellFormed(m) || !max || m <= max, { message: `must not be after ${max}` });
    }
    case 'place': {
      const allowed = new Set(allowedValues(codebook, variable));
      return z.string().refine((v) => allowed.has(v), { message: 'not a place of this codebook' });
    }
    default: {
      const allowed = allowedValues(codebook, variable) ?? [];
      return z.enum(allowed as [string, ...string[]]);
    }
  }
}

/** The schema of one variable's value (a list for multiple-answer variables), without required/conditions. */
export function fieldSchema(codebook: Codebook, variable: Variable): z.ZodType<RecordValue> {
  const single = singleValueSchema(codebook, variable);
  if (!isMultiple(variable)) return single;
  return z
    .array(single)
    .refine((list) => unique(list as string[]), { message: 'values must not repeat' }) as z.ZodType<string[]>;
}

function recordIssue(ctx: z.RefinementCtx, key: string, message: string, code: string) {
  ctx.addIssue({ code: 'custom', path: [key], message, params: { code } });
}

const schemas = new WeakMap<Codebook, z.ZodType<CaseRecord>>();

/**
 * The zod schema of one record, built from the codebook (cached per codebook). It checks types, value lists and
 * ranges; `required`; conditions (a conditional variable must be absent or empty while its condition is false and
 * follows `required` while it is true); exclusive values; value conditions; months not after the reporting year;
 * and rejects every key the codebook does not declare. Issues carry `params.code` (`required`, `not_applicable`,
 * `exclusive`, `value_condition`, `after_year`) for the form to translate.
 */
export function recordSchema(codebook: Codebook): z.ZodType<CaseRecord> {
  const cached = schemas.get(codebook);
  if (cached) return cached;
  const shape: Record<string, z.ZodType> = {};
  for (const variable of codebook.variables) {
    shape[variable.key] = fieldSchema(codebook, variable).nullish();
  }
  const schema = z.strictObject(shape).superRefine((record, ctx) => {
    const rec = record as CaseRecord;
    for (const variable of codebook.variables) {
      const value = rec[variable.key];
      const present = isPresent(value);
      if (!applies(rec, variable)) {
        if (present)
          recordIssue(ctx, variable.key, `"${variable.key}" does not apply to this record`, 'not_applicable');
        continue;
      }
      if (variable.required && !present) {
        recordIssue(ctx, variable.key, `"${variable.key}" is required`, 'required');
        continue;
      }
      if (!present || !('values' in variable)) continue;
      const chosen = Array.isArray(value) ? value : [String(value)];
      for (const v of variable.values) {
        if (!chosen.includes(v.key)) continue;
        if (v.exclusive && chosen.length > 1) {
          recordIssue(ctx, variable.key, `"${v.key}" cannot be combined with other values`, 'exclusive');
        }
        if (v.condition && !conditionHolds(rec, v.condition)) {
          recordIssue(
            ctx,
            variable.key,
            `"${v.key}" needs ${v.condition.variable} ∈ {${v.condition.any_of}}`,
            'value_condition',
          );
        }
      }
    }
    for (const variable of codebook.variables) {
      if (variable.type !== 'month' || !variable.not_after) continue;
      const value = rec[variable.key];
      const year = rec[variable.not_after];
      if (typeof value === 'string' && typeof year === 'number' && Number(value.slice(0, 4)) > year) {
        recordIssue(
          ctx,
          variable.key,
          `"${variable.key}" lies after the end of ${variable.not_after} ${year}`,
          'after_year',
        );
      }
    }
  }) as unknown as z.ZodType<CaseRecord>;
  schemas.set(codebook, schema);
  return schema;
}

// ---------------------------------------------------------------------------------------------------------------
// Version mapping

interface Route {
  entry?: VersionMapping['variables'][number];
  fromVar: Variable;
  toVar: Variable;
}

function mappingBetween(from: Codebook, to: Codebook): VersionMapping {
  const mapping = to.mappings.find((m) => m.from === from.version);
  if (!mapping) throw new Error(`Codebook ${to.version} has no mapping from ${from.version}`);
  return mapping;
}

/** How each variable of `from` reaches `to` (identity by key unless a mapping entry says otherwise). */
function routes(from: Codebook, to: Codebook, mapping: VersionMapping, problems: string[]): Route[] {
  const out: Route[] = [];
  for (const fromVar of from.variables) {
    const entry = mapping.variables.find((e) => e.from === fromVar.key);
    const targetKey = entry ? entry.to : fromVar.key;
    if (targetKey === null) continue;
    const toVar = to.variables.find((v) => v.key === targetKey);
    if (!toVar) {
      problems.push(
        `${from.version}.${fromVar.key} has no counterpart in ${to.version} (map it, or drop it with to: null)`,
      );
      continue;
    }
    if (out.some((r) => r.toVar === toVar))
      problems.push(`two variables of ${from.version} map onto ${to.version}.${toVar.key}`);
    out.push({ entry, fromVar, toVar });
  }
  for (const entry of mapping.variables) {
    if (entry.from && !from.variables.some((v) => v.key === entry.from)) {
      problems.push(`the mapping names ${from.version}.${entry.from}, which does not exist`);
    }
  }
  return out;
}

function mapOne(route: Route, value: string | number): string | number {
  const mapped = route.entry?.values?.[String(value)];
  if (mapped !== undefined) return mapped;
  return value;
}

function mapValue(route: Route, value: RecordValue): RecordValue {
  if (Array.isArray(value)) {
    const list = value.map((v) => String(mapOne(route, v)));
    return [...new Set(list)];
  }
  const mapped = mapOne(route, value);
  if (isMultiple(route.toVar)) return [String(mapped)];
  return route.toVar.type === 'small_integer' ? Number(mapped) : mapped;
}

/**
 * Checks that a mapping carries every value of `from` onto a valid value of `to`; returns the problems (empty when
 * the mapping is complete). Checked: every variable has a counterpart or is dropped explicitly; every value of
 * every variable maps into the target's value list; month and integer ranges fit; every variable of `to` that may
 * be required has a source or a default, including a conditional variable whose condition is wider than before.
 */
export function checkMapping(from: Codebook, to: Codebook): string[] {
  const problems: string[] = [];
  let mapping: VersionMapping;
  try {
    mapping = mappingBetween(from, to);
  } catch (error) {
    return [(error as Error).message];
  }
  const all = routes(from, to, mapping, problems);
  for (const route of all) {
    const { fromVar, toVar, entry } = route;
    const name = `${from.version}.${fromVar.key} → ${to.version}.${toVar.key}`;
    if (isMultiple(fromVar) && !isMultiple(toVar))
      problems.push(`${name}: a list cannot become a single value`);
    if ((fromVar.type === 'month') !== (toVar.type === 'month'))
      problems.push(`${name}: month and non-month`);
    if (fromVar.type === 'month' && toVar.type === 'month' && fromVar.min < toVar.min) {
      problems.push(`${name}: months from ${fromVar.min} fall outside ${toVar.min}`);
    }
    const sources = allowedValues(from, fromVar);
    const targets = allowedValues(to, toVar);
    if (sources && targets) {
      const targetSet = new Set(targets);
      for (const value of sources) {
        const mapped = String(mapOne(route, value));
        if (!targetSet.has(mapped))
          problems.push(`${name}: value "${value}" maps to "${mapped}", which is not allowed`);
      }
      for (const key of Object.keys(entry?.values ?? {})) {
        if (!sources.includes(key))
          problems.push(`${name}: the mapping names value "${key}", which does not exist`);
      }
    }
  }
  for (const toVar of to.variables) {
    const route = all.find((r) => r.toVar === toVar);
    const entry = mapping.variables.find((e) => e.to === toVar.key);
    const hasDefault = entry?.default !== undefined;
    if (hasDefault && entry) {
      if (!fieldSchema(to, toVar).safeParse(entry.default).success) {
        problems.push(
          `${to.version}.${toVar.key}: the default ${JSON.stringify(entry.default)} is not a valid value`,
        );
      }
    }
    if (!toVar.required || hasDefault) continue;
    if (!route) {
      problems.push(
        `${to.version}.${toVar.key} is required but has no source in ${from.version} and no default`,
      );
      continue;
    }
    // A source that may be empty where the target is required: the target's condition must imply the source's.
    if (!route.fromVar.required) {
      problems.push(
        `${to.version}.${toVar.key} is required but ${from.version}.${route.fromVar.key} is optional`,
      );
      continue;
    }
    const sourceCond = route.fromVar.condition;
    if (!sourceCond) continue;
    const targetCond = toVar.condition;
    const condRoute = all.find((r) => r.fromVar.key === sourceCond.variable);
    if (!targetCond || !condRoute || condRoute.toVar.key !== targetCond.variable) {
      problems.push(
        `${to.version}.${toVar.key}: conditions differ between the versions; a default is needed`,
      );
      continue;
    }
    for (const value of allowedValues(from, condRoute.fromVar) ?? []) {
      if (
        targetCond.any_of.includes(String(mapOne(condRoute, value))) &&
        !sourceCond.any_of.includes(value)
      ) {
        problems.push(
          `${to.version}.${toVar.key} applies when ${sourceCond.variable} is "${value}" but ${from.version} did not ask for it; a default is needed`,
        );
      }
    }
  }
  return problems;
}

const checkedMappings = new WeakMap<Codebook, Set<Codebook>>();

/**
 * Carries a record made under codebook `from` over to codebook `to` (`to` must contain a mapping from `from`), so
 * that the report can compare years. The record is validated against `from` first; the result is validated against
 * `to`. Values are mapped as the mapping says (lists are de-duplicated); variables new in `to` and variables that
 * now apply where they did not before get the mapping's default; variables that no longer apply are dropped.
 */
export function mapRecord(record: CaseRecord, from: Codebook, to: Codebook): CaseRecord {
  const input = recordSchema(from).parse(record);
  if (from === to || from.version === to.version) return { ...input };
  let checked = checkedMappings.get(from);
  if (!checked?.has(to)) {
    const problems = checkMapping(from, to);
    if (problems.length)
      throw new Error(`Incomplete mapping ${from.version} → ${to.version}:\n${problems.join('\n')}`);
    if (!checked) {
      checked = new Set();
      checkedMappings.set(from, checked);
    }
    checked.add(to);
  }
  const mapping = mappingBetween(from, to);
  const out: CaseRecord = {};
  for (const route of routes(from, to, mapping, [])) {
    const value = input[route.fromVar.key];
    if (isPresent(value)) out[route.toVar.key] = mapValue(route, value as RecordValue);
  }
  for (const variable of to.variables) {
    if (!applies(out, variable)) {
      delete out[variable.key];
      continue;
    }
    if (!isPresent(out[variable.key])) {
      const fallback = mapping.variables.find((e) => e.to === variable.key)?.default;
      if (fallback !== undefined) out[variable.key] = Array.isArray(fallback) ? [...fallback] : fallback;
      else delete out[variable.key];
    }
  }
  return recordSchema(to).parse(out);
}
