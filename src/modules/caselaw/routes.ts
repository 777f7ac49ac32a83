import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { fieldErrors, readQuery } from '../../platform/http/forms.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { parseNorms } from './norms.ts';
import {
  citationLine,
  findPublishedDecision,
  type SearchParams,
  searchDecisions,
  searchSchema,
} from './search.ts';

const parseRequest = z.object({ text: z.string().max(200_000) });

/** `/api/v1/caselaw/...`: the norm parser, the search and published decisions, as JSON. */
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

  app.get('/search', async (c) => {
    const parsed = readQuery(c, searchSchema);
    if (!parsed.ok) throw new AppError('bad_request', 'error.bad_request', {}, parsed.errors);
    const params = parsed.data as SearchParams;
    const outcome = await searchDecisions(c.get('deps').database.db, params);
    return c.json({
      total: outcome.total,
      page: params.page,
      per_page: params.per_page,
      results: outcome.results.map((r) => ({
        id: r.id,
        ecli: r.ecli,
        court: { name: r.court_name, type: r.court_type },
        date: r.decision_date,
        decision_type: r.decision_type,
        file_numbers: r.file_numbers,
        title: r.title,
        citation: citationLine(r),
        is_demo: r.is_demo,
        highlight: r.snippet,
      })),
      facets: outcome.facets,
    });
  });

  app.get('/decisions/:id', async (c) => {
    const d = await findPublishedDecision(c.get('deps').database.db, uuidParam(c, 'id'));
    if (!d) throw new AppError('not_found', 'error.not_found');
    return c.json({ ...d, citation: citationLine(d) });
  });

  return app;
}
