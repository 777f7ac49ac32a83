/** The case-law part of `/api/openapi.json`, generated from the zod schemas the handlers use. */
import type { z } from 'zod';
import {
  errorAnswer,
  jsonContent,
  jsonSchema,
  type OpenApiPart,
  pathParameter,
  queryParameters,
} from '../../platform/http/openapi.ts';
import {
  decisionResponseSchema,
  normsParseRequestSchema,
  normsParseResponseSchema,
  searchResponseSchema,
} from './api-schemas.ts';
import { searchSchema } from './search.ts';

const PARAM_DESCRIPTIONS: Record<string, string> = {
  q: 'German full text: words (all must occur), "phrase", OR, -word; fielded terms gericht:BGH, az:"5 StR 123/20", norm:"§ 232a StGB", ecli:…',
  norm: 'A provision; matches every decision citing it or any of its sub-parts ("§ 232a StGB", "StGB §232a Abs1").',
  from: 'Decided on or after (YYYY-MM-DD).',
  to: 'Decided on or before (YYYY-MM-DD).',
  sort: 'relevance (default with a query), newest (default without), oldest.',
};

/** The case-law API: search, single decisions, the norm parser. */
export function caselawOpenApi(): OpenApiPart {
  const parameters = queryParameters(searchSchema.shape as Record<string, z.ZodType>, PARAM_DESCRIPTIONS);
  return {
    paths: {
      '/api/v1/caselaw/search': {
        get: {
          operationId: 'searchDecisions',
          summary: 'Search published decisions (same parameters as /rechtsprechung)',
          parameters,
          responses: {
            '200': { description: 'One page of results with facets', content: jsonContent('SearchResponse') },
            '400': errorAnswer('A parameter is invalid'),
          },
        },
      },
      '/api/v1/caselaw/decisions/{id}': {
        get: {
          operationId: 'getDecision',
          summary: 'A published decision',
          parameters: [pathParameter('id', { type: 'string', format: 'uuid' })],
          responses: {
            '200': { description: 'The decision', content: jsonContent('Decision') },
            '404': errorAnswer('No published decision with this id'),
          },
        },
      },
      '/api/v1/caselaw/norms/parse': {
        post: {
          operationId: 'parseNorms',
          summary: 'Find the German norm citations in a text',
          requestBody: { required: true, content: jsonContent('NormsParseRequest') },
          responses: {
            '200': {
              description: 'One entry per cited provision',
              content: jsonContent('NormsParseResponse'),
            },
            '400': errorAnswer('The body is not {"text": "..."}'),
          },
        },
      },
    },
    schemas: {
      SearchResponse: jsonSchema(searchResponseSchema),
      Decision: jsonSchema(decisionResponseSchema),
      NormsParseRequest: jsonSchema(normsParseRequestSchema, 'input'),
      NormsParseResponse: jsonSchema(normsParseResponseSchema),
    },
  };
}
