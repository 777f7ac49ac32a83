import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { fieldErrors } from '../../platform/http/forms.ts';
import { parseNorms } from './norms.ts';

const parseRequest = z.object({ text: z.string().max(200_000) });

/** `/api/v1/caselaw/...`: so far the norm parser, for the office's tools and for integrations. */
export function caselawApiRoutes() {
  const app = new Hono<AppEnv>();

  app.post('/norms/parse', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new AppError('bad_request', 'error.bad_request', {}, { text: { key: 'validation.invalid' } });
    }
    const parsed = parseRequest.safeParse(body);
    if (!parsed.success)
      throw new AppError('bad_request', 'error.bad_request', {}, fieldErrors(parsed.error.issues));
    const citations = parseNorms(parsed.data.text).map((n) => ({
      book: n.book,
      section: n.section,
      paragraph: n.paragraph,
      sentence: n.sentence,
      number: n.number,
      letter: n.letter,
      ...(n.range_end ? { range_end: n.range_end } : {}),
      kind: n.kind,
      raw: n.raw,
      start: n.start,
      end: n.end,
    }));
    return c.json({ citations });
  });

  return app;
}
