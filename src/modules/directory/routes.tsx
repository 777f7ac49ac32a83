import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { raw } from 'hono/html';
import type { z } from 'zod';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AppEnv, Ctx } from '../../platform/http/env.ts';
import { localePath } from '../../platform/i18n/index.ts';
import { renderMarkdown } from '../../platform/markdown.ts';
import { renderPage } from '../../platform/ui/render.tsx';
import type { directorySearchResponseSchema, placesResponseSchema } from './api-schemas.ts';
import { searchPlaces } from './geo/geocode.ts';
import { renderGermanyMap } from './geo/map.ts';
import { presentCentreJson, vcard } from './present.ts';
import { type FinderParams, parseFinderQuery } from './query.ts';
import { publicPoint } from './ranking.ts';
import { findCentreBySlug, freshSnapshot } from './repo.ts';
import { searchDirectory } from './search.ts';
import { CentreDetail } from './views/detail.tsx';
import { FinderPage } from './views/finder.tsx';

const SEARCH_KEYS = [
  'plz',
  'place',
  'land',
  'lat',
  'lon',
  'radius_km',
  'target',
  'exploitation',
  'language',
  'service',
  'accessibility',
  'online',
  'open_now',
  'q',
];

/** The page's single "where" field: five digits are a postal code, anything else a place name. */
function pageQuery(c: Ctx): Record<string, string> {
  const query = { ...c.req.query() };
  const where = query.ort?.trim();
  if (where) {
    if (/^\d{5}$/.test(where)) query.plz = where;
    else query.place = where;
  }
  delete query.ort;
  return query;
}

function isSearch(params: FinderParams): boolean {
  return SEARCH_KEYS.some((k) => params[k as keyof FinderParams] !== undefined);
}

/** The public finder (`/fachberatungsstellen`), in every language of the site. */
export function directoryRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/fachberatungsstellen', async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const values = c.req.query();
    const parsed = parseFinderQuery(pageQuery(c));
    const officePhone = c.get('site').settings.phone;
    const queryString = (overrides: Record<string, string | null>) => {
      const q = new URLSearchParams(values);
      for (const [k, v] of Object.entries(overrides)) v === null ? q.delete(k) : q.set(k, v);
      return q.toString();
    };
    const landHref = (key: string) =>
      `${localePath(locale, '/fachberatungsstellen')}?${new URLSearchParams({ land: key })}`;
    const common = { t, locale, values, officePhone, queryString };
    if (!parsed.ok) {
      const mapSvg = renderGermanyMap({
        markers: [],
        landHref,
        landLabel: (name) => t('directory.map_land', { land: name }),
        title: t('directory.map_title'),
      });
      return renderPage(
        c,
        { title: t('directory.title'), status: 400 },
        <FinderPage
          {...common}
          errors={parsed.errors}
          searched={false}
          origin={null}
          results={[]}
          fullMatches={0}
          total={0}
          page={1}
          perPage={20}
          mapSvg={mapSvg}
        />,
      );
    }
    const params = parsed.params;
    let outcome: Awaited<ReturnType<typeof searchDirectory>>;
    try {
      outcome = await searchDirectory(c.get('deps').database.db, params);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'bad_request') throw err;
      const mapSvg = renderGermanyMap({
        markers: [],
        landHref,
        landLabel: (name) => t('directory.map_land', { land: name }),
        title: t('directory.map_title'),
      });
      const errors = Object.fromEntries(Object.entries(err.fields).map(([, issue]) => ['ort', issue]));
      return renderPage(
        c,
        { title: t('directory.title'), status: 400 },
        <FinderPage
          {...common}
          errors={errors}
          searched={false}
          origin={null}
          results={[]}
          fullMatches={0}
          total={0}
          page={1}
          perPage={20}
          mapSvg={mapSvg}
        />,
      );
    }
    const searched = isSearch(params);
    const shown = searched ? outcome.page : [];
    const markers = (searched ? outcome.page : outcome.all).flatMap((r) => {
      const location = r.nearest ?? r.centre.locations.find((l) => publicPoint(l));
      const point = location ? publicPoint(location) : null;
      return point && location
        ? [
            {
              id: r.centre.id,
              lat: point.lat,
              lon: point.lon,
              label: r.centre.name,
              href: `${localePath(locale, '/fachberatungsstellen')}/${r.centre.slug}`,
              kind: location.addressPrivacy === 'public' ? ('exact' as const) : ('city' as const),
            },
          ]
        : [];
    });
    const mapSvg = renderGermanyMap({
      markers,
      activeLands: params.land ? [params.land] : [],
      landHref,
      landLabel: (name) => t('directory.map_land', { land: name }),
      title: t('directory.map_title'),
    });
    return renderPage(
      c,
      { title: t('directory.title'), description: t('directory.intro') },
      <FinderPage
        {...common}
        searched={searched}
        origin={outcome.origin}
        results={shown}
        fullMatches={outcome.fullMatches}
        total={outcome.total}
        page={params.page}
        perPage={params.per_page}
        mapSvg={mapSvg}
      />,
    );
  });

  // registered before /:slug, which would otherwise take "leichte-sprache" for a centre
  app.get('/fachberatungsstellen/leichte-sprache', (c) => {
    const t = c.get('t');
    return renderPage(
      c,
      { title: t('directory.easy_title') },
      <article class="prose easy-language" lang={c.get('locale') === 'de' ? 'de' : undefined}>
        <h1>{t('directory.easy_title')}</h1>
        {raw(renderMarkdown(t('directory.easy_body')))}
        <p>
          <a href={localePath(c.get('locale'), '/fachberatungsstellen')}>{t('directory.back_to_search')}</a>
        </p>
      </article>,
    );
  });

  app.get('/fachberatungsstellen/:slug/vcard', async (c) => {
    const centre = await findCentreBySlug(c.get('deps').database.db, c.req.param('slug'));
    if (!centre?.published) throw notFound();
    return c.body(vcard(centre), 200, {
      'Content-Type': 'text/vcard; charset=utf-8',
      'Content-Disposition': `attachment; filename="${centre.slug}.vcf"`,
    });
  });

  app.get('/fachberatungsstellen/:slug', async (c) => {
    const slug = c.req.param('slug');
    if (!/^[a-z0-9-]{2,81}$/.test(slug)) throw notFound();
    const centre = await findCentreBySlug(c.get('deps').database.db, slug);
    if (!centre?.published) throw notFound();
    const t = c.get('t');
    const body = (
      <CentreDetail
        centre={centre}
        t={t}
        locale={c.get('locale')}
        officePhone={c.get('site').settings.phone}
      />
    );
    return renderPage(
      c,
      { title: centre.name, description: centre.alternateName || t('directory.title') },
      c.req.query('ansicht') === 'druck' ? <div class="print-view">{body}</div> : body,
    );
  });

  return app;
}

interface Answer {
  json: string;
  gzip?: Uint8Array;
}

/** Serialised search answers per directory snapshot (dropped with it, see search.ts). */
const apiAnswers = new WeakMap<object, Map<string, Answer>>();

function sendAnswer(c: Ctx, answer: Answer): Response {
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    answer.gzip ??= gzipSync(answer.json);
    return c.body(answer.gzip as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
      Vary: 'Accept-Encoding',
    });
  }
  return c.body(answer.json, 200, { 'Content-Type': 'application/json' });
}

/**
 * Anonymous search API requests whose answer is already known for the current snapshot are answered right after
 * the security headers, before settings, sessions and routing are looked at — as the page cache does for pages.
 * The answer is the same the route would give; a new snapshot (every 5 s, or after an edit) starts afresh.
 */
export const serveRememberedSearch = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'GET' || c.req.path !== '/api/v1/directory/search') return next();
  if (c.req.header('authorization') || /(^|;\s*)(__Host-)?kok_session=/.test(c.req.header('cookie') ?? ''))
    return next();
  const snapshot = freshSnapshot();
  const answer = snapshot ? apiAnswers.get(snapshot)?.get(answerKey(c)) : undefined;
  return answer ? sendAnswer(c, answer) : next();
});

function answerKey(c: Ctx): string {
  return `${c.get('locale')}|${new URL(c.req.url).search}`;
}

/** `/api/v1/directory/...`: the finder as JSON. */
export function directoryApiRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/search', async (c) => {
    const parsed = parseFinderQuery(c.req.query());
    if (!parsed.ok) {
      throw new AppError('bad_request', 'error.bad_request', {}, parsed.errors);
    }
    const outcome = await searchDirectory(c.get('deps').database.db, parsed.params);
    // the same answer for the same question on the same snapshot: serialised once
    let answers = apiAnswers.get(outcome.snapshot);
    if (!answers) {
      answers = new Map();
      apiAnswers.set(outcome.snapshot, answers);
    }
    const key = answerKey(c);
    let answer = answers.get(key);
    if (answer === undefined) {
      const body: z.input<typeof directorySearchResponseSchema> = {
        results: outcome.page.map((r) =>
          presentCentreJson(r.centre, { distanceKm: r.distanceKm, match: r.match, missing: r.missing }),
        ),
        total: outcome.total,
        full_matches: outcome.fullMatches,
        page: parsed.params.page,
        per_page: parsed.params.per_page,
      };
      const json = JSON.stringify(body);
      answer = { json };
      if (answers.size >= 500) answers.delete(answers.keys().next().value!);
      answers.set(key, answer);
    }
    return sendAnswer(c, answer);
  });

  app.get('/places', (c) => {
    const q = (c.req.query('q') ?? '').trim();
    if (q.length < 2 || q.length > 80) return c.json({ places: [] });
    const body: z.input<typeof placesResponseSchema> = {
      places: searchPlaces(q, 8).map((p) => ({ place: p.place, land: p.land, plz: p.plz.slice(0, 3) })),
    };
    return c.json(body);
  });

  return app;
}
