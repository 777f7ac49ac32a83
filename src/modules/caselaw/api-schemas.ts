/**
 * The case-law API's answers as zod schemas: the handlers build their JSON through them, and `/api/openapi.json`
 * is generated from them (z.toJSONSchema), so the description cannot drift from what is sent.
 */
import { z } from 'zod';
import { FACET_NAMES } from './search.ts';

const facetValues = z.array(z.object({ value: z.string(), count: z.number().int().min(0) }));

export const searchHitSchema = z.object({
  id: z.uuid(),
  ecli: z.string().nullable(),
  court: z.object({
    name: z.string(),
    type: z.string(),
    land: z.string().nullable(),
    jurisdiction: z.string(),
  }),
  date: z.iso.date(),
  decision_type: z.string(),
  file_numbers: z.array(z.string()),
  title: z.string(),
  legal_areas: z.array(z.string()),
  exploitation: z.array(z.string()),
  outcome: z.string(),
  norms: z.array(z.string()).describe('Norm keys of the provisions cited, e.g. "StGB §232a Abs1".'),
  citation: z.string().describe('German citation style, e.g. "BGH, Urteil vom 12.05.2021 – 5 StR 123/20".'),
  is_demo: z.boolean(),
  highlight: z.string().describe('Snippet as HTML: only <mark> elements, everything else escaped.'),
});

export const searchResponseSchema = z.object({
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  per_page: z.number().int().min(1),
  results: z.array(searchHitSchema),
  facets: z.object(
    Object.fromEntries(FACET_NAMES.map((n) => [n, facetValues])) as Record<
      (typeof FACET_NAMES)[number],
      typeof facetValues
    >,
  ),
});

export const decisionResponseSchema = z.object({
  id: z.uuid(),
  doknr: z.string().nullable(),
  ecli: z.string().nullable(),
  court_name: z.string(),
  court_type: z.string(),
  chamber: z.string(),
  decision_date: z.iso.date(),
  decision_type: z.string(),
  file_numbers: z.array(z.string()),
  title: z.string(),
  headnotes: z.string().describe('Sanitised HTML.'),
  tenor: z.string(),
  facts: z.string(),
  reasons: z.string(),
  dissent: z.string(),
  summary_de: z.string(),
  summary_en: z.string(),
  legal_areas: z.array(z.string()),
  lower_instances: z.array(z.string()),
  source: z.string(),
  is_demo: z.boolean(),
  norms: z.array(z.object({ norm_key: z.string(), raw: z.string() })),
  citation: z.string(),
  citation_with_ecli: z.string(),
  case_details: z
    .object({
      exploitation: z.array(z.string()),
      acts: z
        .array(z.string())
        .describe('UN Protocol acts: recruitment, transportation, transfer, harbouring, receipt.'),
      means: z.array(z.string()),
      purposes: z.array(z.string()),
      sentence: z.string(),
      compensation_eur: z.number().min(0).nullable(),
      victims_count: z.number().int().min(0).nullable(),
      victims_sex: z.array(z.string()),
      victims_nationalities: z.array(z.string()).describe('ISO 3166-1 alpha-2 codes.'),
    })
    .describe('What the court found (SHERLOC terms); victims only as counts and categories.'),
});

export const normsParseRequestSchema = z.object({ text: z.string().max(200_000) });

export const normsParseResponseSchema = z.object({
  citations: z.array(
    z.object({
      book: z.string().nullable(),
      section: z.string(),
      paragraph: z.string().nullable(),
      sentence: z.string().nullable(),
      number: z.string().nullable(),
      letter: z.string().nullable(),
      range_end: z.string().optional(),
      kind: z.enum(['paragraph_sign', 'article']),
      raw: z.string(),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
    }),
  ),
});

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
    details: z.record(z.string(), z.string()).optional(),
  }),
});
