import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.ts';
import { createTestApp, type TestApp, type TestSession } from '../helpers/app.ts';

interface Operation {
  parameters?: Array<{ name: string; in: string; schema: object }>;
  responses: Record<string, { description: string; content?: Record<string, { schema: { $ref?: string } }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

describe('OpenAPI description of every JSON interface', () => {
  let t: TestApp;
  let doc: Document;
  let ajv: Ajv2020;
  let office: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.database.db);
    office = await t.sessionFor('office');
    doc = (await (await t.request('/api/openapi.json')).json()) as Document;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    ajv.addFormat('uuid', /^[0-9a-f-]{36}$/i);
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    for (const [name, schema] of Object.entries(doc.components.schemas))
      ajv.addSchema(schema, `#/components/schemas/${name}`);
  });
  afterAll(() => t.close());

  const valid = (name: string, body: unknown) => {
    const validate = ajv.getSchema(`#/components/schemas/${name}`)!;
    expect(validate(body), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
  };

  it('names every route under /api that the app serves, with its method', () => {
    const served = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.includes('*'))
        .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([a-z_]+)/g, '{$1}').replace(/\/$/, '')}`),
    );
    served.delete('get /api/openapi.json');
    const described = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)),
    );
    expect(served.size).toBeGreaterThan(15);
    expect([...served].filter((r) => !described.has(r))).toEqual([]);
    expect([...described].filter((r) => !served.has(r))).toEqual([]);
  });

  it('has valid schemas and parameters, and every reference resolves', () => {
    expect(doc.openapi).toBe('3.1.0');
    for (const schema of Object.values(doc.components.schemas)) expect(ajv.validateSchema(schema)).toBe(true);
    for (const [path, ops] of Object.entries(doc.paths))
      for (const op of Object.values(ops)) {
        for (const p of op.parameters ?? [])
          expect(ajv.validateSchema(p.schema), `${path} ${p.name}`).toBe(true);
        for (const r of Object.values(op.responses))
          for (const media of Object.values(r.content ?? {}))
            if (media.schema.$ref)
              expect(
                doc.components.schemas[media.schema.$ref.replace('#/components/schemas/', '')],
              ).toBeDefined();
      }
  });

  it('describes what the directory, HSDS, data report, account and pages interfaces answer', async () => {
    const centres = await (await t.request('/api/v1/directory/search?plz=10785')).json();
    expect((centres as { results: unknown[] }).results.length).toBeGreaterThan(0);
    valid('CentreSearch', centres);
    valid('Places', await (await t.request('/api/v1/directory/places?q=Ber')).json());
    valid('HsdsInfo', await (await t.request('/api/hsds')).json());
    const services = await (await t.request('/api/hsds/services')).json();
    valid('HsdsPage', services);
    const report = await t.request('/api/v1/data/reports/2024');
    expect(report.status).toBe(200);
    valid('DataReport', await report.json());
    valid('Error', await (await t.request('/api/v1/data/reports/2024?format=exe')).json());
    valid('Error', await (await t.request('/api/v1/directory/search?plz=1')).json());
    valid('Me', await (await t.request('/api/v1/me', { session: office })).json());
    valid('Error', await (await t.request('/api/v1/me')).json());
    const pages = await (await t.request('/api/v1/pages?locale=en')).json();
    expect((pages as { pages: unknown[] }).pages.length).toBeGreaterThan(0);
    valid('Pages', pages);
    // a wrong answer fails: the schemas are not vacuous
    const broken = structuredClone(centres) as { results: Array<Record<string, unknown>> };
    broken.results[0]!.shelter = { status: 'maybe', updated_at: null };
    expect(ajv.getSchema('#/components/schemas/CentreSearch')!(broken)).toBe(false);
  });
});
