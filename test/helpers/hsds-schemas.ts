import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * The official HSDS 3.0 JSON schemas (copied into test/fixtures/hsds, see its README) in Ajv.
 *
 * `official` validates as the schemas are written (they allow fields they do not name). `strict` is the same with
 * `additionalProperties: false` on every object, so an object also fails on a field HSDS does not define — except
 * the two the HSDA API itself adds: `organization.services` and `service_at_location.service`.
 */
const DIR = path.resolve(import.meta.dirname, '../fixtures/hsds');

// the schemas' own documentation keywords (Table Schema / datapackage metadata), not validation keywords
const VOCABULARY = [
  'name',
  'path',
  'datapackage_metadata',
  'constraints',
  'example',
  'core',
  'datapackage_type',
  'tabular_required',
];

export const HSDS_SCHEMA_FILES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json') && f !== 'openapi.json' && f !== 'biome.json')
  .sort();

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function build(strict: boolean): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  ajv.addVocabulary(VOCABULARY);
  for (const file of HSDS_SCHEMA_FILES) {
    const schema = JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'));
    if (strict) {
      schema.additionalProperties = false;
      if (file === 'organization.json')
        schema.properties.services = { type: 'array', items: { $ref: 'service.json' } };
      if (file === 'service_at_location.json') schema.properties.service = { $ref: 'service.json' };
    }
    ajv.addSchema(schema, file);
  }
  return ajv;
}

const official = build(false);
const strict = build(true);

export type HsdsEntity =
  | 'organization'
  | 'organization_identifier'
  | 'service'
  | 'location'
  | 'address'
  | 'phone'
  | 'schedule'
  | 'service_area'
  | 'language'
  | 'accessibility'
  | 'service_at_location'
  | 'taxonomy'
  | 'taxonomy_term'
  | 'attribute';

function describe(errors: ErrorObject[] | null | undefined, label: string): string[] {
  return (errors ?? []).map(
    (e) => `${label}${e.instancePath} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/** Every problem of the object against the official schema and the strict variant; empty when it conforms. */
export function hsdsProblems(entity: HsdsEntity, value: unknown, label: string = entity): string[] {
  const file = `${entity}.json`;
  const check = (ajv: Ajv, kind: string) => {
    const validate = ajv.getSchema(file);
    if (!validate) throw new Error(`no schema ${file}`);
    return validate(value) ? [] : describe(validate.errors, `${label} (${kind})`);
  };
  return [...check(official, 'official'), ...check(strict, 'strict')];
}

/** The HSDA page object of openapi.json. */
export const PAGE_KEYS = [
  'total_items',
  'total_pages',
  'page_number',
  'size',
  'first_page',
  'last_page',
  'empty',
  'contents',
];
