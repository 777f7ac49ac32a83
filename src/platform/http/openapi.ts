/**
 * Helpers for the OpenAPI 3.1 description (`/api/openapi.json`): each module describes its own API as a part
 * (paths and component schemas), generated from the zod schemas its handlers use (z.toJSONSchema gives JSON Schema
 * 2020-12, OpenAPI 3.1's own dialect); `src/modules/api/openapi.ts` puts the parts together.
 */
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

export interface OpenApiPart {
  paths: Record<string, Record<string, unknown>>;
  schemas: Record<string, JsonSchema>;
}

/** A zod schema as JSON Schema; `input` for what a client sends (query strings, bodies), `output` for answers. */
export function jsonSchema(s: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** One optional query parameter per field of a zod object (as the handler reads the query string). */
export function queryParameters(
  shape: Record<string, z.ZodType>,
  descriptions: Record<string, string> = {},
): JsonSchema[] {
  return Object.entries(shape).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    ...(descriptions[name] ? { description: descriptions[name] } : {}),
    schema: jsonSchema(s, 'input'),
  }));
}

export const pathParameter = (name: string, schema: JsonSchema) => ({
  name,
  in: 'path',
  required: true,
  schema,
});

/** JSON content of a component schema. */
export const jsonContent = (name: string) => ({
  'application/json': { schema: { $ref: `#/components/schemas/${name}` } },
});

/** An error answer: `{"error": {code, message, field?, details?}}` (component `Error`). */
export const errorAnswer = (description: string) => ({ description, content: jsonContent('Error') });
