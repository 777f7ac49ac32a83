import { Hono } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { fieldErrors, readQuery } from '../../platform/http/forms.ts';
import { uuidParam } from '../../platform/http/params.ts';
import {
  type decisionResponseSchema,
  normsParseRequestSchema,
  type searchResponseSchema,
} from './api-schemas.ts';
import { caseDetailsOf } from './case-details-view.tsx';
import { parseNorms } from './norms.ts';
import {
  citationLine,
  citationWithEcli,
  findPublishedDecision,
  type SearchParams,
  searchDecisions,
  searchSchema,
} from './search.ts';
import { cachedSearch } from './search-cache.ts';

const parseRequest = normsParseRequestSchema;

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
    const db = c.get('deps').database.db;
    // the whole answer is cached until the data changes (search-cache.ts)
    const body = await cachedSearch(db, `api:${JSON.stringify(params)}`, async () => {
      const outcome = await searchDecisions(db, params);
      const out: z.input<typeof searchResponseSchema> = {
        total: outcome.total,
        page: params.page,
        per_page: params.per_page,
        results: outcome.results.map((r) => ({
          id: r.id,
          ecli: r.ecli,
          court: { name: r.court_name, type: r.court_type, land: r.land, jurisdiction: r.jurisdiction },
          date: r.decision_date,
          decision_type: r.decision_type,
          file_numbers: r.file_numbers,
          title: r.title,
          legal_areas: r.legal_areas,
          exploitation: r.exploitation,
          outcome: r.outcome,
          norms: r.norm_keys,
          citation: citationLine(r),
          is_demo: r.is_demo,
          highlight: r.snippet,
        })),
        facets: outcome.facets,
      };
      return out;
    });
    return c.json(body);
  });

  app.get('/decisions/:id', async (c) => {
    const db = c.get('deps').database.db;
    const d = await findPublishedDecision(db, uuidParam(c, 'id'));
    if (!d) throw new AppError('not_found', 'error.not_found');
    const details = (await caseDetailsOf(db, d.id))!;
    const body: z.input<typeof decisionResponseSchema> = {
      ...d,
      citation: citationLine(d),
      citation_with_ecli: citationWithEcli(d),
      case_details: {
        ...details,
        compensation_eur: details.compensation_eur === null ? null : Number(details.compensation_eur),
      },
    };
    return c.json(body);
  });

  return app;
}
