import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDirectory } from '../../src/demo/directory.ts';
import { invalidateDirectoryCache } from '../../src/modules/directory/repo.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/**
 * Search answers remembered per directory snapshot (and served before the session middleware for anonymous
 * requests) must be exactly what a fresh search gives, and must not outlive an edit.
 */
describe('remembered search answers', () => {
  let t: TestApp;
  const url = '/api/v1/directory/search?plz=10785&target=women';
  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoDirectory(t.database.db);
    invalidateDirectoryCache();
  });
  afterAll(() => t.close());

  const names = async (init?: RequestInit) => {
    const res = await t.request(url, init);
    expect(res.status).toBe(200);
    return ((await res.json()) as { results: Array<{ name: string }> }).results.map((r) => r.name);
  };

  it('answers a repeated search identically, gzipped or not', async () => {
    const first = await names();
    expect(first.length).toBeGreaterThan(0);
    expect(await names()).toEqual(first);
    const gz = await t.request(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
  });

  it('does not serve a remembered answer after an edit', async () => {
    const before = await names();
    await t.database.db
      .updateTable('directory_centres')
      .set({ name: 'Umbenannte Demo-Stelle' })
      .where('name', '=', before[0]!)
      .execute();
    invalidateDirectoryCache();
    const after = await names();
    expect(after).toContain('Umbenannte Demo-Stelle');
    expect(after).not.toContain(before[0]);
  });

  it('never answers a request with credentials from memory', async () => {
    await names();
    const res = await t.request(url, { headers: { authorization: 'Bearer kok_falsch' } });
    expect(res.status).toBe(401);
  });
});
