import { Hono } from 'hono';
import { notFound } from '../../platform/errors.ts';
import type { AppEnv } from '../../platform/http/env.ts';
import { readQuery } from '../../platform/http/forms.ts';
import { uuidParam } from '../../platform/http/params.ts';
import { localePath } from '../../platform/i18n/index.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import { caselawAlertRoutes } from './alert-pages.tsx';
import { caseDetailsOf } from './case-details-view.tsx';
import { normaliseEcli } from './ecli.ts';
import { instanceChain, relatedDecisions } from './related.ts';
import {
  citationLine,
  findPublishedDecision,
  SEARCH_KEYS,
  type SearchParams,
  searchDecisions,
  searchSchema,
} from './search.ts';
import { cachedSearch } from './search-cache.ts';
import { DecisionPage, SearchPage } from './views.tsx';

/** The public case-law search (`/rechtsprechung`), German and English. */
export function caselawRoutes() {
  const app = new Hono<AppEnv>();
  // before `/rechtsprechung/:id`: the feed and the alert pages are not decision ids
  app.route('/', caselawAlertRoutes());

  app.get('/rechtsprechung', async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(c.req.query()))
      if (([...SEARCH_KEYS, 'page'] as string[]).includes(k) && v !== '') values[k] = v;
    const parsed = readQuery(c, searchSchema);
    if (!parsed.ok) {
      return renderPage(
        c,
        { title: t('caselaw.title'), status: 400 },
        <SearchPage
          t={t}
          locale={locale}
          values={values}
          errors={parsed.errors}
          outcome={null}
          page={1}
          perPage={20}
        />,
      );
    }
    const params = { ...(parsed.data as SearchParams), per_page: 20 };
    const db = c.get('deps').database.db;
    const outcome = await cachedSearch(db, `page:${JSON.stringify(params)}`, () =>
      searchDecisions(db, params),
    );
    return renderPage(
      c,
      { title: t('caselaw.title'), description: t('caselaw.intro') },
      <SearchPage t={t} locale={locale} values={values} outcome={outcome} page={params.page} perPage={20} />,
    );
  });

  app.get('/rechtsprechung/ecli/:ecli', async (c) => {
    const result = normaliseEcli(c.req.param('ecli'));
    if (!result.ok) throw notFound();
    const row = await c
      .get('deps')
      .database.db.selectFrom('caselaw_decisions')
      .select('id')
      .where('ecli', '=', result.ecli)
      .where('status', '=', 'published')
      .executeTakeFirst();
    if (!row) throw notFound();
    return c.redirect(`${localePath(c.get('locale'), '/rechtsprechung')}/${row.id}`, 301);
  });

  app.get('/rechtsprechung/:id', async (c) => {
    const id = uuidParam(c, 'id');
    const db = c.get('deps').database.db;
    const d = await findPublishedDecision(db, id);
    if (!d) throw notFound();
    const original = await c
      .get('deps')
      .database.db.selectFrom('caselaw_decisions')
      .select('id')
      .where('id', '=', id)
      .where('original_public', '=', true)
      .where('original_file_id', 'is not', null)
      .executeTakeFirst();
    const [related, instances] = await Promise.all([relatedDecisions(db, d), instanceChain(db, d)]);
    return renderPage(
      c,
      { title: citationLine(d), description: d.title || c.get('t')('caselaw.title') },
      <DecisionPage
        t={c.get('t')}
        locale={c.get('locale')}
        d={d}
        print={c.req.query('ansicht') === 'druck'}
        originalHref={
          original ? `${localePath(c.get('locale'), '/rechtsprechung')}/${id}/original` : undefined
        }
        related={related}
        instances={instances}
        caseDetails={await caseDetailsOf(db, id)}
      />,
    );
  });

  return app;
}
