/**
 * Demo data of the data collection: two reporting years (2024 closed and published, 2025 open) with about 600
 * generated records each, spread over the demo organisations (`demo-fbs-*`). Deterministic (seeded PRNG), with a
 * realistic skew — mostly women, many aged 22–29, West Africa and EU-East frequent — and some rare categories, so
 * that the report shows suppressed cells. Entirely fictional: no record stands for a person.
 */
import type { Db } from '../../db/types.ts';
import {
  allowedValues,
  applies,
  type CaseRecord,
  type Codebook,
  isMultiple,
  loadCodebook,
  recordSchema,
  type Variable,
} from './codebook.ts';
import { type Actor, closeYear, publishYear } from './repo.ts';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

function weighted(rand: Rand, options: string[], weights: Record<string, number>, fallback = 0.3): string {
  const w = options.map((o) => weights[o] ?? fallback);
  const sum = w.reduce((a, b) => a + b, 0);
  let x = rand() * sum;
  for (let i = 0; i < options.length; i++) {
    x -= w[i]!;
    if (x <= 0) return options[i]!;
  }
  return options[options.length - 1]!;
}

const weights: Record<string, Record<string, number>> = {
  sex: { female: 80, male: 16, diverse: 1.2, other: 1.2, unknown: 1.5 },
  age_group: {
    under_14: 0.4,
    '14_17': 4,
    '18_21': 18,
    '22_29': 38,
    '22_25': 20,
    '26_29': 18,
    '30_39': 24,
    '40_49': 9,
    '50_plus': 3,
    '50_59': 2.5,
    '60_plus': 0.5,
    unknown: 3,
  },
  nationality: {
    NG: 22,
    GH: 4,
    CM: 2,
    GN: 2,
    CI: 1.5,
    RO: 18,
    BG: 15,
    HU: 5,
    PL: 2,
    SK: 1,
    UA: 4,
    MD: 2,
    AL: 1.5,
    VN: 4,
    TH: 5,
    CN: 2,
    PH: 1.5,
    IN: 1,
    SY: 1.5,
    AF: 1,
    TR: 1.5,
    DE: 4,
    BR: 1,
    CO: 0.8,
    unknown: 2,
    stateless: 0.2,
  },
  exploitation_forms: {
    sexual_exploitation: 62,
    labour_exploitation: 22,
    forced_labour: 4,
    domestic_servitude: 3,
    forced_begging: 1.5,
    forced_criminality: 2,
    forced_marriage: 2,
    organ_removal: 0.15,
    slavery: 0.4,
    other: 1,
    unknown: 1,
  },
  labour_sector: {
    construction: 6,
    agriculture: 5,
    meat_processing: 4,
    care_24h: 6,
    domestic_work: 5,
    hospitality: 8,
    cleaning: 5,
    logistics_transport: 3,
    manufacturing: 2,
    beauty_wellness: 3,
    parcel_delivery: 2,
    other: 1,
    unknown: 0.5,
  },
  access_route: {
    self: 14,
    police: 24,
    customs_fks: 4,
    customs: 4,
    other_counselling: 18,
    asylum_services: 10,
    youth_services: 2,
    health_services: 4,
    community: 9,
    hotline_online: 5,
    other: 3,
    unknown: 1.5,
  },
  residence_status: {
    german: 3,
    eu_citizen: 30,
    residence_permit: 8,
    asylum_procedure: 20,
    reflection_period_59_7: 6,
    permit_25_4a_4b: 5,
    permit_25_4a: 4,
    permit_25_4b: 1,
    toleration: 5,
    no_status: 12,
    unknown: 4,
  },
  proceedings: {
    statement_to_police: 30,
    investigation_opened: 20,
    charges_filed: 8,
    trial: 5,
    conviction: 3,
    none: 40,
    unknown: 6,
  },
};

function pickMany(rand: Rand, variable: Variable, options: string[], mean: number): string[] {
  const exclusive = new Set(
    'values' in variable ? variable.values.filter((v) => v.exclusive).map((v) => v.key) : [],
  );
  const w = weights[variable.key] ?? {};
  const first = weighted(rand, options, w, 1);
  if (exclusive.has(first)) return [first];
  const chosen = new Set([first]);
  const extra = Math.floor(rand() * mean);
  const rest = options.filter((o) => !exclusive.has(o));
  for (let i = 0; i < extra; i++) chosen.add(weighted(rand, rest, w, 1));
  return [...chosen];
}

/** One generated record (also used by the benchmark). */
export function generate(codebook: Codebook, year: number, rand: Rand, releasedShare: number): CaseRecord {
  const record: CaseRecord = {};
  for (const variable of codebook.variables) {
    if (!applies(record, variable)) continue;
    const options = allowedValues(codebook, variable) ?? [];
    switch (variable.key) {
      case 'reporting_year':
        record.reporting_year = year;
        continue;
      case 'consent_recorded':
        record.consent_recorded = rand() < 0.93 ? 'yes' : 'no';
        continue;
      case 'released_for_analysis':
        record.released_for_analysis =
          record.consent_recorded === 'yes' && rand() < releasedShare ? 'yes' : 'no';
        continue;
    }
    if (variable.type === 'month') {
      const earlier = rand() < 0.3;
      const month = 1 + Math.floor(rand() * 12);
      record[variable.key] = `${earlier ? year - 1 : year}-${String(month).padStart(2, '0')}`;
      continue;
    }
    if (variable.type === 'place') {
      const nationality = String(record.nationality ?? '');
      const abroad = /^[A-Z]{2}$/.test(nationality) && nationality !== 'DE' ? `abroad:${nationality}` : null;
      const germany = options.filter((o) => o === 'germany' || o.startsWith('land:'));
      if (variable.multiple) {
        const places = new Set([germany[Math.floor(rand() * germany.length)]!]);
        if (abroad && rand() < 0.15) places.add(abroad);
        record[variable.key] = [...places];
      } else {
        record[variable.key] = abroad && rand() < 0.85 ? abroad : rand() < 0.9 ? 'germany' : 'unknown';
        if (!options.includes(String(record[variable.key]))) record[variable.key] = germany[0]!;
      }
      continue;
    }
    if (variable.key === 'nationality') {
      record.nationality = weighted(rand, options, weights.nationality!, 0.05);
      continue;
    }
    if (variable.key === 'residence_status') {
      const eu = ['RO', 'BG', 'HU', 'PL', 'SK'].includes(String(record.nationality));
      record.residence_status =
        eu && rand() < 0.85 ? 'eu_citizen' : weighted(rand, options, weights.residence_status!, 1);
      if (record.nationality === 'DE') record.residence_status = 'german';
      continue;
    }
    if (isMultiple(variable)) {
      const mean = variable.key === 'services' || variable.key === 'services_provided' ? 5 : 1.6;
      record[variable.key] = pickMany(rand, variable, options, mean);
      continue;
    }
    record[variable.key] = weighted(rand, options, weights[variable.key] ?? {}, 1);
  }
  return record;
}

const system: Actor = { user: null, ip: null, label: 'system' };

/** Seeds the two demo years; returns the number of records per year. */
export async function seedDemoData(db: Db): Promise<Record<number, number>> {
  const orgs = await db
    .selectFrom('organisations')
    .select(['id', 'slug'])
    .where('slug', 'like', 'demo-fbs-%')
    .orderBy('slug')
    .execute();
  if (orgs.length === 0) return {};
  const counts: Record<number, number> = {};
  const plan = [
    { year: 2024, codebook: '2024', target: 590, released: 0.9, deadline: '2025-03-31' },
    { year: 2025, codebook: '2025', target: 615, released: 0.8, deadline: '2026-03-31' },
  ];
  for (const { year, codebook: version, target, released, deadline } of plan) {
    const rand = prng(year * 7919);
    const codebook = loadCodebook(version);
    const schema = recordSchema(codebook);
    await db.insertInto('data_years').values({ year, codebook: version, status: 'open', deadline }).execute();
    // centres differ in size; a few did not take part
    const size = orgs.map(() => (rand() < 0.12 ? 0 : 0.3 + rand() * rand() * 3));
    const sum = size.reduce((a, b) => a + b, 0);
    const rows: Array<{
      organisation_id: string;
      year: number;
      case_number: string;
      codebook: string;
      values: string;
      status: 'draft' | 'complete' | 'released';
    }> = [];
    const counters: Array<{ organisation_id: string; year: number; last_number: number }> = [];
    orgs.forEach((org, i) => {
      const n = Math.round((size[i]! / sum) * target);
      for (let j = 1; j <= n; j++) {
        const values = generate(codebook, year, rand, released);
        if (!schema.safeParse(values).success)
          throw new Error(`demo record invalid: ${JSON.stringify(values)}`);
        const isReleased = values.released_for_analysis === 'yes';
        const status = isReleased ? 'released' : rand() < 0.6 ? 'complete' : 'draft';
        rows.push({
          organisation_id: org.id,
          year,
          case_number: `${year}-${String(j).padStart(4, '0')}`,
          codebook: version,
          values: JSON.stringify(values),
          status,
        });
      }
      if (n > 0) counters.push({ organisation_id: org.id, year, last_number: n });
    });
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('data_records')
        .values(rows.slice(i, i + 200))
        .execute();
    if (counters.length) await db.insertInto('data_case_counters').values(counters).execute();
    counts[year] = rows.length;
    if (year === 2024) {
      await closeYear(db, year, system);
      await publishYear(db, year, system);
    }
  }
  return counts;
}
