/**
 * The directory's part of `/api/openapi.json`: the finder as JSON (`/api/v1/directory`) and the open-data
 * interface in Open Referral's HSDS 3.0 / HSDA form (`/api/hsds`). HSDS objects are described by reference to
 * the published HSDS 3.0 schemas; the tests validate our answers against those schemas.
 */
import { z } from 'zod';
import {
  errorAnswer,
  jsonContent,
  jsonSchema,
  type OpenApiPart,
  pathParameter,
  queryParameters,
} from '../../platform/http/openapi.ts';
import { directorySearchResponseSchema, placesResponseSchema } from './api-schemas.ts';
import { directorySchema, taxonomiesSchema, termsSchema } from './hsds/routes.ts';
import { finderSchema } from './query.ts';

const HSDS_DOCS = 'https://docs.openreferral.org/en/latest/hsds/schema_reference.html';

const FINDER_DESCRIPTIONS: Record<string, string> = {
  plz: 'German postal code: centres by distance from it, those serving its Land first.',
  place: 'A town or city (as the finder suggests it, see /api/v1/directory/places).',
  land: 'Land key 01–16.',
  lat: 'Latitude of a position (together with lon).',
  lon: 'Longitude of a position (together with lat).',
  q: 'Words in the name or description.',
};

const HSDS_DESCRIPTIONS: Record<string, string> = {
  search: 'Words in names and descriptions.',
  postcode: 'German postal code; with proximity, only what lies within that many metres.',
  proximity: 'Metres from the postcode.',
  format: 'json: a page object; ndjson: one object per line, all matches.',
  full: 'true: nested objects in full.',
};

/** An HSDS object: described by its published schema. */
const hsdsObject = (name: string) => ({
  type: 'object',
  description: `An HSDS 3.0 ${name} object (${HSDS_DOCS}#${name}).`,
  externalDocs: { url: `${HSDS_DOCS}#${name}` },
});

const hsdsPage = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(z.record(z.string(), z.unknown())),
});

/** A listing and a single object of one HSDS kind, e.g. `services` and `services/{id}`. */
function hsdsPaths(
  plural: string,
  kind: string,
  parameters: Record<string, z.ZodType>,
): OpenApiPart['paths'] {
  const list = {
    'application/json': { schema: { $ref: '#/components/schemas/HsdsPage' } },
    'application/x-ndjson': { schema: { type: 'string' } },
  };
  return {
    [`/api/hsds/${plural}`]: {
      get: {
        operationId: `hsdsList_${plural}`,
        summary: `Published ${plural.replace(/_/g, ' ')} (HSDS 3.0: contents are ${kind} objects)`,
        parameters: queryParameters(parameters, HSDS_DESCRIPTIONS),
        responses: {
          '200': { description: `A page of ${kind} objects`, content: list },
          '400': errorAnswer('A parameter is invalid'),
        },
      },
    },
    [`/api/hsds/${plural}/{id}`]: {
      get: {
        operationId: `hsdsGet_${plural}`,
        summary: `One ${kind} (HSDS 3.0)`,
        parameters: [pathParameter('id', { type: 'string', format: 'uuid' })],
        responses: {
          '200': { description: `The ${kind}`, content: jsonContent(`Hsds_${kind}`) },
          '404': errorAnswer(`No published ${kind} with this id`),
        },
      },
    },
  };
}

export function directoryOpenApi(): OpenApiPart {
  return {
    paths: {
      '/api/v1/directory/search': {
        get: {
          operationId: 'searchCentres',
          summary: 'The Fachberatungsstellen finder (same parameters as the finder page)',
          parameters: queryParameters(finderSchema.shape as Record<string, z.ZodType>, FINDER_DESCRIPTIONS),
          responses: {
            '200': {
              description: 'One page of centres, full matches first',
              content: jsonContent('CentreSearch'),
            },
            '400': errorAnswer('A parameter is invalid, or the postal code or place is unknown'),
          },
        },
      },
      '/api/v1/directory/places': {
        get: {
          operationId: 'suggestPlaces',
          summary:
            'Towns and cities for the place field (2–80 characters; shorter or longer: no suggestions)',
          parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }],
          responses: { '200': { description: 'Up to 8 places', content: jsonContent('Places') } },
        },
      },
      '/api/hsds': {
        get: {
          operationId: 'hsdsInfo',
          summary: 'HSDA root: the HSDS version and profile',
          responses: { '200': { description: 'Version and profile', content: jsonContent('HsdsInfo') } },
        },
      },
      ...hsdsPaths('services', 'service', directorySchema.shape),
      ...hsdsPaths('organizations', 'organization', directorySchema.shape),
      ...hsdsPaths('service_at_locations', 'service_at_location', directorySchema.shape),
      ...hsdsPaths('taxonomies', 'taxonomy', taxonomiesSchema.shape),
      ...hsdsPaths('taxonomy_terms', 'taxonomy_term', termsSchema.shape),
    },
    schemas: {
      CentreSearch: jsonSchema(directorySearchResponseSchema),
      Places: jsonSchema(placesResponseSchema),
      HsdsInfo: jsonSchema(z.object({ version: z.string(), profile: z.string() })),
      HsdsPage: jsonSchema(hsdsPage),
      ...Object.fromEntries(
        ['service', 'organization', 'service_at_location', 'taxonomy', 'taxonomy_term'].map((k) => [
          `Hsds_${k}`,
          hsdsObject(k),
        ]),
      ),
    },
  };
}
