/**
 * `/api/openapi.json`: OpenAPI 3.1 for the case-law API, generated from the zod schemas the handlers use
 * (z.toJSONSchema, JSON Schema 2020-12, which is OpenAPI 3.1's own dialect).
 */
import { z } from 'zod';
import {
  decisionResponseSchema,
  errorResponseSchema,
  normsParseRequestSchema,
  normsParseResponseSchema,
  searchResponseSchema,
} from './api-schemas.ts';
import { searchSchema } from './search.ts';

type JsonSchema = Record<string, unknown>;

function schema(s: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const PARAM_DESCRIPTIONS: Record<string, string> = {
  q: 'German full text: words (all must occur), "phrase", OR, -word; fielded terms gericht:BGH, az:"5 StR 123/20", norm:"§ 232a StGB", ecli:…',
  norm: 'A provision; matches every decision citing it or any of its sub-parts ("§ 232a StGB", "StGB §232a Abs1").',
  from: 'Decided on or after (YYYY-MM-DD).',
  to: 'Decided on or before (YYYY-MM-DD).',
  sort: 'relevance (default with a query), newest (default without), oldest.',
};

let cached: JsonSchema | null = null;

export function openApiDocument(serverUrl: string): JsonSchema {
  cached ??= build();
  return { ...cached, servers: [{ url: serverUrl }] };
}

function build(): JsonSchema {
  const json = (ref: string) => ({ 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } });
  const error = (description: string) => ({ description, content: json('Error') });
  const parameters = Object.entries(searchSchema.shape).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    ...(PARAM_DESCRIPTIONS[name] ? { description: PARAM_DESCRIPTIONS[name] } : {}),
    schema: schema(s as z.ZodType, 'input'),
  }));
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'KOK-Plattform API',
      version: '1.0.0',
      description:
        'Public case-law API of the KOK platform: the German norm parser, the search over published decisions with facets and highlights, and single decisions. Personal API tokens (Authorization: Bearer) are accepted but not needed here.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    paths: {
      '/api/v1/caselaw/search': {
        get: {
          operationId: 'searchDecisions',
          summary: 'Search published decisions (same parameters as /rechtsprechung)',
          parameters,
          responses: {
            '200': { description: 'One page of results with facets', content: json('SearchResponse') },
            '400': error('A parameter is invalid'),
          },
        },
      },
      '/api/v1/caselaw/decisions/{id}': {
        get: {
          operationId: 'getDecision',
          summary: 'A published decision',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          ],
          responses: {
            '200': { description: 'The decision', content: json('Decision') },
            '404': error('No published decision with this id'),
          },
        },
      },
      '/api/v1/caselaw/norms/parse': {
        post: {
          operationId: 'parseNorms',
          summary: 'Find the German norm citations in a text',
          requestBody: { required: true, content: json('NormsParseRequest') },
          responses: {
            '200': { description: 'One entry per cited provision', content: json('NormsParseResponse') },
            '400': error('The body is not {"text": "..."}'),
          },
        },
      },
    },
    components: {
      schemas: {
        SearchResponse: schema(searchResponseSchema),
        Decision: schema(decisionResponseSchema),
        NormsParseRequest: schema(normsParseRequestSchema, 'input'),
        NormsParseResponse: schema(normsParseResponseSchema),
        Error: schema(errorResponseSchema),
      },
    },
  };
}
