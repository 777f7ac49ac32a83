import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type TestApp } from '../helpers/app.ts';

describe('POST /api/v1/caselaw/norms/parse', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const parse = (body: string) =>
    t.app.request(`${ORIGIN}/api/v1/caselaw/norms/parse`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
    });

  it('answers with one entry per cited provision, offsets into the text', async () => {
    const text = 'Verurteilt nach § 232a Abs. 1 Nr. 2 StGB und §§ 232, 233 StGB.';
    const res = await parse(JSON.stringify({ text }));
    expect(res.status).toBe(200);
    const { citations } = (await res.json()) as {
      citations: Array<{
        book: string;
        section: string;
        raw: string;
        start: number;
        end: number;
        number: string | null;
      }>;
    };
    expect(citations.map((c) => `${c.book} ${c.section}`)).toEqual(['StGB 232a', 'StGB 232', 'StGB 233']);
    expect(citations[0]).toMatchObject({ paragraph: '1', number: '2', sentence: null, letter: null });
    for (const c of citations) expect(text.slice(c.start, c.end)).toBe(c.raw);
  });

  it('refuses bad bodies with 400 and a field', async () => {
    for (const body of [
      'nicht json',
      '{}',
      JSON.stringify({ text: 5 }),
      JSON.stringify({ text: 'x'.repeat(200_001) }),
    ]) {
      const res = await parse(body);
      expect(res.status, body.slice(0, 20)).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('text');
    }
  });
});
