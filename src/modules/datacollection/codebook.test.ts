import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedValues,
  applies,
  type CaseRecord,
  type Codebook,
  checkMapping,
  conditionHolds,
  isAnalysable,
  isMultiple,
  loadCodebook,
  mapRecord,
  parseCodebook,
  recordSchema,
  regionOf,
  type Variable,
  valueLabel,
  variableOf,
} from './codebook.ts';

const cb2024 = loadCodebook(2024);
const cb2025 = loadCodebook(2025);
const raw2025 = JSON.parse(fs.readFileSync(new URL('../../../codebooks/2025.json', import.meta.url), 'utf8'));

const valid2025: CaseRecord = {
  reporting_year: 2025,
  first_contact: '2024-11',
  sex: 'female',
  age_group: '22_29',
  nationality: 'RO',
  exploitation_forms: ['labour_exploitation', 'sexual_exploitation'],
  labour_sector: ['hospitality', 'cleaning'],
  recruitment_place: 'abroad:RO',
  exploitation_place: ['land:11', 'land:05'],
  access_route: 'police',
  residence_status: 'eu_citizen',
  proceedings: ['statement_to_police', 'investigation_opened'],
  services_provided: ['crisis_intervention', 'native_language_counselling'],
  consent_recorded: 'yes',
  released_for_analysis: 'yes',
};

const valid2024: CaseRecord = {
  reporting_year: 2024,
  first_contact: '2024-02',
  sex: 'other',
  age_group: '26_29',
  nationality: 'NG',
  exploitation_forms: ['domestic_servitude'],
  exploitation_place: ['germany', 'abroad:IT'],
  access_route: 'customs',
  residence_status: 'permit_25_4b',
  proceedings: ['none'],
  services: ['outreach', 'accommodation'],
  consent_recorded: 'yes',
  released_for_analysis: 'no',
};

function errors(codebook: Codebook, record: unknown): string[] {
  const result = recordSchema(codebook).safeParse(record);
  if (result.success) return [];
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.code}`);
}

function withVariable(codebook: Codebook, key: string, patch: Record<string, unknown>): unknown {
  const copy = structuredClone(codebook) as unknown as { variables: Array<Record<string, unknown>> };
  copy.variables = copy.variables.map((v) => (v.key === key ? { ...v, ...patch } : v));
  return copy;
}

describe('codebooks', () => {
  it('both codebooks load, validate and are cached', () => {
    expect(cb2025.version).toBe('2025');
    expect(cb2024.version).toBe('2024');
    expect(loadCodebook('2025')).toBe(cb2025);
    expect(() => parseCodebook(raw2025)).not.toThrow();
  });

  it('declares every variable of the draft in DOMAIN.md, with German and English texts', () => {
    expect(cb2025.variables.map((v) => v.key)).toEqual([
      'reporting_year',
      'first_contact',
      'sex',
      'age_group',
      'nationality',
      'exploitation_forms',
      'labour_sector',
      'recruitment_place',
      'exploitation_place',
      'access_route',
      'residence_status',
      'proceedings',
      'services_provided',
      'consent_recorded',
      'released_for_analysis',
    ]);
    for (const v of cb2025.variables) {
      expect(v.label.de && v.label.en && v.help.de && v.help.en, v.key).toBeTruthy();
      if ('values' in v) for (const value of v.values) expect(value.label.de && value.label.en).toBeTruthy();
    }
    // Gender-inclusive German with the asterisk.
    expect(variableOf(cb2025, 'sex').help.de).toContain('Klient*in');
    expect(JSON.stringify(variableOf(cb2025, 'services_provided'))).toContain('Sprachmittler*innen');
    // Multiple-answer variables and the condition of the labour sector.
    for (const key of [
      'exploitation_forms',
      'labour_sector',
      'exploitation_place',
      'proceedings',
      'services_provided',
    ]) {
      expect(isMultiple(variableOf(cb2025, key)), key).toBe(true);
    }
    expect(variableOf(cb2025, 'labour_sector').condition).toEqual({
      variable: 'exploitation_forms',
      any_of: ['labour_exploitation', 'forced_labour', 'domestic_servitude'],
    });
  });

  it('has no variable that could hold a name, a date of birth, an address or free text', () => {
    const types = new Set(cb2025.variables.map((v) => v.type));
    expect(
      [...types].every((t) =>
        ['single_choice', 'multiple_choice', 'month', 'country', 'land', 'small_integer', 'place'].includes(
          t,
        ),
      ),
    ).toBe(true);
    const forbidden = /name|birth|geburt|address|adresse|street|strasse|text|comment|note|phone|email/i;
    for (const codebook of [cb2024, cb2025])
      for (const v of codebook.variables) expect(v.key).not.toMatch(forbidden);
    // A free-text type is not part of the codebook language.
    expect(() => parseCodebook(withVariable(cb2025, 'sex', { type: 'text' }))).toThrow(/Invalid codebook/);
  });

  it('fails loudly on a malformed codebook', () => {
    const bad = (mutate: (c: ReturnType<typeof structuredClone<typeof raw2025>>) => void) => {
      const copy = structuredClone(raw2025);
      mutate(copy);
      return () => parseCodebook(copy);
    };
    expect(bad((c) => c.variables.push(c.variables[2]))).toThrow(/duplicate variable "sex"/);
    expect(bad((c) => (c.variables[6].condition.variable = 'nope'))).toThrow(/condition refers to "nope"/);
    expect(bad((c) => c.variables[6].condition.any_of.push('typo'))).toThrow(/condition value "typo"/);
    expect(bad((c) => c.regions[0].countries.push('FR'))).toThrow(/"FR" is in both/);
    expect(bad((c) => c.countries.push('ZZ'))).toThrow(/"ZZ" belongs to no region/);
    expect(bad((c) => c.regions[1].countries.push('QQ'))).toThrow(/"QQ" is not in the country list/);
    expect(bad((c) => (c.variables[2].values[0].key = 'Female'))).toThrow(/snake_case/);
    expect(bad((c) => (c.variables[2].extra = true))).toThrow(/Unrecognized key/);
    expect(bad((c) => c.lands.pop())).toThrow(/lands/);
    expect(bad((c) => (c.mappings[0].variables[0].to = 'gender'))).toThrow(/"gender" is not a variable/);
    expect(bad((c) => (c.variables[2].values[0].exclusive = true))).toThrow(/exclusive/);
    expect(bad((c) => delete c.variables[3].help)).toThrow(/help/);
    expect(() => loadCodebook('../../etc/passwd')).toThrow(/four-digit/);
    expect(() => loadCodebook(1999)).toThrow(/Cannot read codebook 1999/);
  });
});

describe('regions', () => {
  it('embeds every ISO 3166-1 alpha-2 code (249) plus XK, each a real country', () => {
    const codes = cb2025.countries;
    expect(codes).toHaveLength(250);
    expect(new Set(codes).size).toBe(250);
    expect(codes).toContain('XK');
    const names = new Intl.DisplayNames(['en'], { type: 'region' });
    for (const code of codes) expect(names.of(code), code).not.toBe(code);
    expect(cb2024.countries).toEqual(codes);
  });

  it('maps every country code to exactly one region', () => {
    for (const codebook of [cb2024, cb2025]) {
      for (const code of codebook.countries) {
        const containing = codebook.regions.filter((r) => r.countries.includes(code));
        expect(containing, code).toHaveLength(1);
        expect(regionOf(codebook, code)).toBe(containing[0]!.key);
      }
    }
  });

  it('groups nationalities as the report expects', () => {
    const cases: Record<string, string> = {
      DE: 'germany',
      RO: 'eu_east',
      BG: 'eu_east',
      PL: 'eu_east',
      HR: 'eu_east',
      FR: 'eu_west_north_south',
      IT: 'eu_west_north_south',
      UA: 'other_europe',
      MD: 'other_europe',
      RS: 'other_europe',
      XK: 'other_europe',
      TR: 'other_europe',
      GB: 'other_europe',
      NG: 'west_africa',
      GH: 'west_africa',
      ER: 'east_africa',
      CM: 'central_africa',
      ZA: 'southern_africa',
      MA: 'north_africa',
      SY: 'middle_east',
      AF: 'south_asia',
      VN: 'south_east_asia',
      CN: 'east_asia',
      UZ: 'central_asia',
      BR: 'latin_america_caribbean',
      US: 'north_america',
      AU: 'oceania',
    };
    for (const [code, region] of Object.entries(cases)) expect(regionOf(cb2025, code), code).toBe(region);
    expect(regionOf(cb2025, 'ro')).toBe('eu_east');
    expect(regionOf(cb2025, 'stateless')).toBeNull();
    expect(regionOf(cb2025, 'QQ')).toBeNull();
  });
});

describe('recordSchema', () => {
  const schema = recordSchema(cb2025);

  it('accepts a valid record (and builds the schema once per codebook)', () => {
    expect(errors(cb2025, valid2025)).toEqual([]);
    expect(recordSchema(cb2025)).toBe(schema);
    expect(errors(cb2024, valid2024)).toEqual([]);
  });

  it('rejects names, addresses and free text: every undeclared key', () => {
    for (const key of ['name', 'first_name', 'date_of_birth', 'address', 'notes', 'comment', 'case_number']) {
      expect(errors(cb2025, { ...valid2025, [key]: 'Maria' })).toEqual([': unrecognized_keys']);
    }
    // Free text in a declared field fails the value list.
    expect(errors(cb2025, { ...valid2025, access_route: 'came with her cousin Ana' })).toEqual([
      'access_route: invalid_value',
    ]);
    expect(errors(cb2025, { ...valid2025, nationality: 'Romania' })).toEqual(['nationality: invalid_value']);
  });

  it('rejects dates finer than month and impossible months', () => {
    for (const month of ['2025-03-14', '14.03.2025', '03/2025', '2025-3', '2025-13', '2025-00', '2025']) {
      expect(errors(cb2025, { ...valid2025, first_contact: month }), month).toEqual([
        'first_contact: invalid_format',
      ]);
    }
    expect(errors(cb2025, { ...valid2025, first_contact: '1999-12' })).toEqual(['first_contact: custom']);
    // The first contact cannot lie after the reporting year.
    expect(errors(cb2025, { ...valid2025, first_contact: '2026-01' })).toEqual(['first_contact: custom']);
    expect(errors(cb2025, { ...valid2025, reporting_year: 2025.5 })).toEqual([
      'reporting_year: invalid_type',
    ]);
    expect(errors(cb2025, { ...valid2025, reporting_year: 2019, first_contact: '2019-05' })).toEqual([
      'reporting_year: too_small',
    ]);
    expect(errors(cb2025, { ...valid2025, reporting_year: '2025' })).toEqual([
      'reporting_year: invalid_type',
    ]);
  });

  it('applies the condition of the labour sector', () => {
    const noLabour = { ...valid2025, exploitation_forms: ['sexual_exploitation'] };
    expect(errors(cb2025, noLabour)).toEqual(['labour_sector: custom']);
    expect(schema.safeParse(noLabour).error?.issues[0]?.message).toContain('does not apply');
    expect(errors(cb2025, { ...noLabour, labour_sector: undefined })).toEqual([]);
    expect(errors(cb2025, { ...noLabour, labour_sector: [] })).toEqual([]);
    expect(errors(cb2025, { ...noLabour, labour_sector: null })).toEqual([]);
    // Required while the condition holds, for each labour form.
    for (const form of ['labour_exploitation', 'forced_labour', 'domestic_servitude']) {
      expect(errors(cb2025, { ...valid2025, exploitation_forms: [form], labour_sector: [] })).toEqual([
        'labour_sector: custom',
      ]);
    }
    const { labour_sector: _, ...missing } = valid2025;
    expect(errors(cb2025, missing)).toEqual(['labour_sector: custom']);
    // 2024 asked for the sector only with labour exploitation and forced labour.
    expect(errors(cb2024, { ...valid2024, labour_sector: ['cleaning'] })).toEqual(['labour_sector: custom']);
  });

  it('rejects values outside the lists', () => {
    const cases: Array<[string, unknown]> = [
      ['sex', 'x'],
      ['sex', 'other'],
      ['age_group', '22_25'],
      ['nationality', 'XX'],
      ['nationality', 'ro'],
      ['exploitation_forms', ['sexual_exploitation', 'theft']],
      ['labour_sector', ['mining']],
      ['recruitment_place', 'germany_land_unknown'],
      ['recruitment_place', 'land:05'],
      ['exploitation_place', ['land:17']],
      ['exploitation_place', ['abroad:DE']],
      ['exploitation_place', ['germany']],
      ['exploitation_place', 'land:05'],
      ['residence_status', 'permit_25_4a'],
      ['services_provided', ['crisis_intervention', 'crisis_intervention']],
      ['consent_recorded', true],
    ];
    for (const [key, value] of cases) {
      expect(errors(cb2025, { ...valid2025, [key]: value }), `${key}=${JSON.stringify(value)}`).toHaveLength(
        1,
      );
    }
  });

  it('requires required variables and keeps exclusive values alone', () => {
    expect(errors(cb2025, { ...valid2025, sex: undefined })).toEqual(['sex: custom']);
    expect(errors(cb2025, { ...valid2025, exploitation_forms: [] })).toEqual([
      'exploitation_forms: custom',
      'labour_sector: custom',
    ]);
    expect(errors(cb2025, { ...valid2025, proceedings: ['none', 'trial'] })).toEqual(['proceedings: custom']);
    expect(errors(cb2025, { ...valid2025, proceedings: ['none'] })).toEqual([]);
    expect(errors(cb2025, { ...valid2025, exploitation_place: ['unknown', 'land:01'] })).toEqual([
      'exploitation_place: custom',
    ]);
  });

  it('releases a record for analysis only with recorded consent', () => {
    expect(errors(cb2025, { ...valid2025, consent_recorded: 'no' })).toEqual([
      'released_for_analysis: custom',
    ]);
    const withheld = { ...valid2025, consent_recorded: 'no', released_for_analysis: 'no' };
    expect(errors(cb2025, withheld)).toEqual([]);
    expect(isAnalysable(cb2025, valid2025)).toBe(true);
    expect(isAnalysable(cb2025, withheld)).toBe(false);
    expect(isAnalysable(cb2025, { ...valid2025, released_for_analysis: 'no' })).toBe(false);
  });

  it('labels values in German and English', () => {
    expect(valueLabel(cb2025, 'exploitation_place', 'land:09', 'de')).toBe('in Deutschland: Bayern');
    expect(valueLabel(cb2025, 'exploitation_place', 'land:09', 'en')).toBe('in Germany: Bavaria');
    expect(valueLabel(cb2025, 'recruitment_place', 'abroad:RO', 'de')).toBe('im Ausland: Rumänien');
    expect(valueLabel(cb2025, 'nationality', 'XK', 'de')).toBe('Kosovo');
    expect(valueLabel(cb2025, 'nationality', 'stateless', 'de')).toBe('staatenlos');
    expect(valueLabel(cb2025, 'age_group', '50_plus', 'de')).toBe('50 Jahre und älter');
    expect(() => valueLabel(cb2025, 'name', 'x', 'de')).toThrow(/no variable "name"/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Random valid records, derived from the codebook itself

function arbitraryValue(codebook: Codebook, variable: Variable): fc.Arbitrary<unknown> {
  switch (variable.type) {
    case 'small_integer':
      return fc.integer({ min: variable.min, max: variable.max });
    case 'month':
      return fc
        .tuple(
          fc.integer({ min: Number(variable.min.slice(0, 4)), max: 2030 }),
          fc.integer({ min: 1, max: 12 }),
        )
        .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)
        .filter((m) => m >= variable.min);
    default: {
      const values = allowedValues(codebook, variable)!;
      if (!isMultiple(variable)) return fc.constantFrom(...values);
      return fc.uniqueArray(fc.constantFrom(...values), { minLength: 1, maxLength: 4 });
    }
  }
}

/** Repairs a random draw into a valid record: conditions, exclusive values, value conditions, month ≤ year. */
function normalise(codebook: Codebook, draw: Record<string, unknown>): CaseRecord {
  const record: CaseRecord = {};
  for (const variable of codebook.variables) {
    let value = draw[variable.key] as CaseRecord[string];
    if (!applies(record, variable)) continue;
    if ('values' in variable) {
      const exclusive = variable.values.filter((v) => v.exclusive).map((v) => v.key);
      if (Array.isArray(value) && value.length > 1 && value.some((v) => exclusive.includes(v))) {
        const rest = value.filter((v) => !exclusive.includes(v));
        value = rest.length ? rest : [value[0]!];
      }
      const blocked = variable.values.find(
        (v) => v.key === value && v.condition && !conditionHolds(record, v.condition),
      );
      if (blocked) value = variable.values.find((v) => !v.condition)!.key;
    }
    if (variable.type === 'month' && variable.not_after) {
      const year = record[variable.not_after] as number;
      if (Number(String(value).slice(0, 4)) > year) value = `${year}-12`;
    }
    record[variable.key] = value;
  }
  return record;
}

const arbitraryRecord = (codebook: Codebook) =>
  fc
    .record(Object.fromEntries(codebook.variables.map((v) => [v.key, arbitraryValue(codebook, v)])))
    .map((draw) => normalise(codebook, draw));

describe('records derived from the codebook', () => {
  it('random records built from either codebook are valid', () => {
    for (const codebook of [cb2024, cb2025]) {
      fc.assert(
        fc.property(arbitraryRecord(codebook), (record) => {
          expect(errors(codebook, record)).toEqual([]);
        }),
        { numRuns: 200 },
      );
    }
  });
});

describe('version mapping 2024 → 2025', () => {
  it('is complete', () => {
    expect(checkMapping(cb2024, cb2025)).toEqual([]);
  });

  it('maps every value of every 2024 variable onto a 2025 value', () => {
    const mapping = cb2025.mappings.find((m) => m.from === '2024')!;
    let checked = 0;
    for (const variable of cb2024.variables) {
      const entry = mapping.variables.find((e) => e.from === variable.key);
      const target = entry ? entry.to : variable.key;
      expect(target, variable.key).not.toBeNull();
      const targetVariable = variableOf(cb2025, target!);
      const targets = allowedValues(cb2025, targetVariable);
      if (variable.type === 'month') {
        expect(targetVariable.type).toBe('month');
        continue;
      }
      for (const value of allowedValues(cb2024, variable)!) {
        const mapped = entry?.values?.[value] ?? value;
        expect(targets, `${variable.key}=${value} → ${mapped}`).toContain(mapped);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('maps a 2024 record onto 2025 categories', () => {
    expect(mapRecord(valid2024, cb2024, cb2025)).toEqual({
      reporting_year: 2024,
      first_contact: '2024-02',
      sex: 'diverse',
      age_group: '22_29',
      nationality: 'NG',
      exploitation_forms: ['domestic_servitude'],
      labour_sector: ['unknown'],
      recruitment_place: 'unknown',
      exploitation_place: ['germany_land_unknown', 'abroad:IT'],
      access_route: 'customs_fks',
      residence_status: 'permit_25_4a_4b',
      proceedings: ['none'],
      services_provided: ['outreach', 'accommodation'],
      consent_recorded: 'yes',
      released_for_analysis: 'no',
    });
    // Merged categories collapse in lists; a labour sector recorded in 2024 is kept.
    const mapped = mapRecord(
      {
        ...valid2024,
        exploitation_forms: ['forced_labour'],
        labour_sector: ['agriculture'],
        exploitation_place: ['germany'],
      },
      cb2024,
      cb2025,
    );
    expect(mapped.labour_sector).toEqual(['agriculture']);
    expect(mapped.exploitation_place).toEqual(['germany_land_unknown']);
  });

  it('turns every valid 2024 record into a valid 2025 record', () => {
    fc.assert(
      fc.property(arbitraryRecord(cb2024), (record) => {
        const mapped = mapRecord(record, cb2024, cb2025);
        expect(errors(cb2025, mapped)).toEqual([]);
        expect(mapped.nationality).toBe(record.nationality);
        expect(regionOf(cb2025, String(mapped.nationality))).toBe(
          regionOf(cb2024, String(record.nationality)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('refuses invalid input and missing mappings', () => {
    expect(() => mapRecord({ ...valid2024, name: 'x' }, cb2024, cb2025)).toThrow();
    expect(() => mapRecord(valid2025, cb2025, cb2024)).toThrow(/no mapping from 2025/);
    expect(mapRecord(valid2025, cb2025, cb2025)).toEqual(valid2025);
    expect(checkMapping(cb2025, cb2024)).toEqual(['Codebook 2024 has no mapping from 2025']);
  });

  it('reports an incomplete mapping', () => {
    const broken = structuredClone(raw2025);
    const mapping = broken.mappings[0];
    mapping.variables = mapping.variables.filter(
      (e: { from: string | null }) => e.from !== 'sex' && e.from !== 'labour_sector' && e.from !== null,
    );
    const problems = checkMapping(cb2024, parseCodebook(broken));
    expect(problems).toContain('2024.sex → 2025.sex: value "other" maps to "other", which is not allowed');
    expect(problems).toContain('2025.recruitment_place is required but has no source in 2024 and no default');
    expect(
      problems.some((p) =>
        p.startsWith('2025.labour_sector applies when exploitation_forms is "domestic_servitude"'),
      ),
    ).toBe(true);
  });
});
