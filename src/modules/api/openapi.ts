/**
 * `/api/openapi.json`: OpenAPI 3.1 for every JSON interface of the platform, put together from the modules' parts
 * (case law, directory and HSDS, data report, account and pages).
 */
import {
  errorAnswer,
  jsonContent,
  jsonSchema,
  type OpenApiPart,
  queryParameters,
} from '../../platform/http/openapi.ts';
import { errorResponseSchema } from '../caselaw/api-schemas.ts';
import { caselawOpenApi } from '../caselaw/openapi.ts';
import { dataOpenApi } from '../datacollection/openapi.ts';
import { directoryOpenApi } from '../directory/openapi.ts';
import { meResponseSchema, pagesQuerySchema, pagesResponseSchema } from './schemas.ts';

function accountOpenApi(): OpenApiPart {
  return {
    paths: {
      '/api/v1/me': {
        get: {
          operationId: 'getMe',
          summary: 'The account the request is made with (personal API token or session)',
          security: [{ bearer: [] }],
          responses: {
            '200': { description: 'The account', content: jsonContent('Me') },
            '401': errorAnswer('No valid token or session'),
          },
        },
      },
      '/api/v1/pages': {
        get: {
          operationId: 'listPages',
          summary: 'The published public pages of the website, rendered',
          parameters: queryParameters(pagesQuerySchema.shape),
          responses: {
            '200': { description: 'The pages in their order', content: jsonContent('Pages') },
            '400': errorAnswer('The locale is not de or en'),
          },
        },
      },
    },
    schemas: { Me: jsonSchema(meResponseSchema), Pages: jsonSchema(pagesResponseSchema) },
  };
}

let built: Record<string, unknown> | null = null;

function build(): Record<string, unknown> {
  const parts = [caselawOpenApi(), directoryOpenApi(), dataOpenApi(), accountOpenApi()];
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'KOK-Plattform API',
      version: '1.0.0',
      description:
        'The JSON interfaces of the KOK platform: the case-law database (search with facets and highlights, single decisions, the German norm parser), the Fachberatungsstellen finder and its open data in Open Referral HSDS 3.0, the protected yearly data report, and the public pages. Everything public needs no credentials; personal API tokens (Authorization: Bearer kok_…) identify an account.',
      license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
    },
    paths: Object.assign({}, ...parts.map((p) => p.paths)),
    components: {
      schemas: Object.assign({ Error: jsonSchema(errorResponseSchema) }, ...parts.map((p) => p.schemas)),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token' } },
    },
  };
}

export function openApiDocument(serverUrl: string): Record<string, unknown> {
  built ??= build();
  return { ...built, servers: [{ url: serverUrl }] };
}
