import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { accountRoutes, authRoutes } from './modules/account/routes.tsx';
import { adminRoutes } from './modules/admin/routes.tsx';
import { openApiDocument } from './modules/api/openapi.ts';
import { apiRoutes } from './modules/api/routes.ts';
import {
  caselawEditorialRoutes,
  caselawOriginalRoutes,
  caselawSubmitRoutes,
} from './modules/caselaw/editorial/routes.tsx';
import { caselawRoutes } from './modules/caselaw/pages.tsx';
import { caselawApiRoutes } from './modules/caselaw/routes.ts';
import { dataOverviewRoutes } from './modules/datacollection/office-routes.tsx';
import {
  dataApiRoutes,
  dataEntryRoutes,
  dataOfficeRoutes,
  dataReportRoutes,
} from './modules/datacollection/routes.tsx';
import { hsdsRoutes } from './modules/directory/hsds/routes.ts';
import { directoryOfficeRoutes } from './modules/directory/office-routes.tsx';
import { ownEntryRoutes } from './modules/directory/own-entry-routes.tsx';
import { directoryApiRoutes, directoryRoutes, serveRememberedSearch } from './modules/directory/routes.tsx';
import { eventsOfficeRoutes, eventsRoutes } from './modules/events/routes.tsx';
import { feesOfficeRoutes } from './modules/fees/routes.tsx';
import { glossaryOfficeRoutes, glossaryPublicRoutes } from './modules/glossary/routes.tsx';
import { documentRoutes, memberAreaRoutes } from './modules/memberarea/routes.tsx';
import { monitoringOfficeRoutes, monitoringPublicRoutes } from './modules/monitoring/routes.tsx';
import {
  boardOfficeRoutes,
  membersOfficeRoutes,
  networkPublicRoutes,
  newsOfficeRoutes,
} from './modules/network/routes.tsx';
import { outreachOfficeRoutes, outreachPublicRoutes } from './modules/outreach/routes.tsx';
import { pagesAdminRoutes, pagesNavigation, publicPagesRoutes } from './modules/pages/routes.tsx';
import { projectsOfficeRoutes, projectsPublicRoutes } from './modules/projects/routes.tsx';
import { knowledgeHubRoutes } from './modules/publications/hub.tsx';
import { publicationsOfficeRoutes, publicationsPublicRoutes } from './modules/publications/routes.tsx';
import {
  referralOfficeRoutes,
  speakerPoolRoutes,
  trainingOfficeRoutes,
} from './modules/referral/office-routes.tsx';
import { referralPublicRoutes } from './modules/referral/public-routes.tsx';
import { teamOfficeRoutes } from './modules/team/routes.tsx';
import type { Assets } from './platform/assets.ts';
import { AppError } from './platform/errors.ts';
import { loadAuth } from './platform/http/auth.ts';
import { compression } from './platform/http/compression.ts';
import type { AppDeps, AppEnv } from './platform/http/env.ts';
import { handleError } from './platform/http/errors.tsx';
import { servePageCache } from './platform/http/page-cache.ts';
import { csrfProtection, securityHeaders } from './platform/http/security.ts';
import { finderLocales, isSiteLocale, splitLocale, translator } from './platform/i18n/index.ts';
import { getSite } from './platform/site.ts';
import { setNavProvider } from './platform/ui/render.tsx';

export type AppOptions = Omit<AppDeps, 'assets'> & { assets: Assets };

/** The HTML routes, identical under `/` (German) and `/en` (English). */
function siteRoutes() {
  const site = new Hono<AppEnv>();
  site.route('/', authRoutes());
  site.route('/konto', accountRoutes());
  site.route('/verwaltung/seiten', pagesAdminRoutes());
  site.route('/verwaltung/fachberatungsstellen', directoryOfficeRoutes());
  site.route('/verwaltung/datenerhebung', dataOfficeRoutes());
  site.route('/verwaltung/datenbericht', dataOverviewRoutes());
  site.route('/verwaltung/veranstaltungen', eventsOfficeRoutes());
  site.route('/verwaltung/schulungsanfragen', trainingOfficeRoutes());
  site.route('/verwaltung/referentinnen', speakerPoolRoutes());
  site.route('/verwaltung/vermittlung', referralOfficeRoutes());
  site.route('/verwaltung/rechtsprechung', caselawEditorialRoutes());
  site.route('/rechtsprechung-einreichen', caselawSubmitRoutes());
  site.route('/verwaltung', adminRoutes());
  site.route('/mein-eintrag', ownEntryRoutes());
  site.route('/', directoryRoutes());
  site.route('/', caselawOriginalRoutes());
  site.route('/', caselawRoutes());
  site.route('/datenerhebung', dataEntryRoutes());
  site.route('/', dataReportRoutes());
  site.route('/verwaltung/aktuelles', newsOfficeRoutes());
  site.route('/verwaltung/mitglieder', membersOfficeRoutes());
  site.route('/verwaltung/vorstand', boardOfficeRoutes());
  site.route('/', networkPublicRoutes());
  site.route('/mitgliederbereich', memberAreaRoutes());
  site.route('/', documentRoutes());
  site.route('/', eventsRoutes());
  site.route('/verwaltung/team', teamOfficeRoutes());
  site.route('/verwaltung/beitraege', feesOfficeRoutes());
  site.route('/verwaltung', outreachOfficeRoutes());
  site.route('/', outreachPublicRoutes());
  site.route('/', referralPublicRoutes());
  site.route('/verwaltung/monitoring', monitoringOfficeRoutes());
  site.route('/verwaltung/publikationen', publicationsOfficeRoutes());
  site.route('/verwaltung/projekte', projectsOfficeRoutes());
  site.route('/verwaltung/glossar', glossaryOfficeRoutes());
  site.route('/', knowledgeHubRoutes());
  site.route('/', monitoringPublicRoutes());
  site.route('/', publicationsPublicRoutes());
  site.route('/', projectsPublicRoutes());
  site.route('/', glossaryPublicRoutes());
  // last: any remaining path may be an information page
  site.route('/', publicPagesRoutes());
  return site;
}

/** The largest upload policy (25 MB) plus room for the form around it. */
const MAX_BODY_BYTES = 27 * 1024 * 1024;

export function createApp(options: AppOptions) {
  const { assets, ...rest } = options;
  const deps: AppDeps = { ...rest, assets: { css: assets.css, js: assets.js } };
  // the finder comes first in the navigation, then case law, the data reports and the information pages
  setNavProvider(async (c) => [
    { path: '/fachberatungsstellen', label: c.get('t')('directory.nav'), group: 'main', everyLanguage: true },
    { path: '/rechtsprechung', label: c.get('t')('caselaw.nav'), group: 'main' },
    { path: '/datenbericht', label: c.get('t')('data.report.list_title'), group: 'main' },
    { path: '/veranstaltungen', label: c.get('t')('events.nav'), group: 'main' },
    { path: '/referentinnen', label: c.get('t')('referral.nav'), group: 'main' },
    { path: '/aktuelles', label: c.get('t')('network.nav_news'), group: 'main' },
    { path: '/mitglieder', label: c.get('t')('network.nav_members'), group: 'main' },
    // publications, monitoring, projects and the glossary share one entry: the main navigation is long already
    { path: '/wissen', label: c.get('t')('publications.nav_hub'), group: 'main' },
    ...(await pagesNavigation(c)),
    { path: '/kontakt/nachricht', label: c.get('t')('outreach.nav_contact_form'), group: 'footer' },
    { path: '/newsletter', label: c.get('t')('outreach.nav_newsletter'), group: 'footer' },
    { path: '/spenden', label: c.get('t')('outreach.nav_donate'), group: 'footer' },
    { path: '/dokumente', label: c.get('t')('memberarea.public_documents'), group: 'footer' },
  ]);
  const app = new Hono<AppEnv>();
  const logRequests = deps.logger.isLevelEnabled('info');

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    const { locale, path } = splitLocale(c.req.path);
    c.set('locale', locale);
    c.set('pathInLocale', path);
    c.set('t', translator(locale));
    c.set('ip', clientIp(c.req.header('x-forwarded-for'), c.env, deps.config.KOK_TRUST_PROXY));
    if (!logRequests) return next();
    const started = performance.now();
    await next();
    // no IP, no query string, no user: only what is needed to see how the service behaves
    deps.logger.info(
      {
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      },
      'request',
    );
  });
  app.use('*', securityHeaders);
  app.use('*', servePageCache);
  app.use('/api/v1/directory/search', serveRememberedSearch);
  app.use('*', compression);

  app.get('/healthz', async (c) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), 2000);
    });
    try {
      await Promise.race([deps.database.ping(), timeout]);
      return c.json({ status: 'ok' });
    } catch {
      return c.json({ status: 'unavailable' }, 503);
    } finally {
      clearTimeout(timer);
    }
  });

  app.get('/.well-known/security.txt', (c) => {
    const expires = new Date(Date.now() + 180 * 86_400_000).toISOString();
    return c.text(
      `Contact: mailto:${c.get('site')?.settings.securityContact ?? 'info@kok-buero.de'}\nExpires: ${expires}\nPreferred-Languages: de, en\nCanonical: ${deps.config.publicUrl}/.well-known/security.txt\n`,
    );
  });

  app.get('/assets/*', (c) => serveAsset(c, assets, true));
  app.get('/favicon.svg', (c) => serveAsset(c, assets, false));

  app.use('*', async (c, next) => {
    c.set('site', await getSite(deps.database.db));
    await next();
  });
  // before anything reads a body (the CSRF check reads forms): uploads are limited per policy, everything else
  // is far smaller; a request over the limit is refused before it is held in memory
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new AppError('bad_request', 'error.body_too_large');
      },
    }),
  );
  app.use('*', loadAuth);
  app.use('*', csrfProtection);

  app.route('/api/v1/directory', directoryApiRoutes());
  app.route('/api/v1/caselaw', caselawApiRoutes());
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(deps.config.publicUrl)));
  app.route('/api/hsds', hsdsRoutes());
  app.route('/api/v1/data', dataApiRoutes());
  app.route('/api/v1', apiRoutes());
  app.all('/api/*', () => {
    throw new AppError('not_found', 'error.not_found');
  });
  // languages beyond German and English have the finder only
  for (const locale of finderLocales) {
    if (isSiteLocale(locale)) continue;
    const finderOnly = new Hono<AppEnv>();
    finderOnly.route('/', directoryRoutes());
    app.route(`/${locale}`, finderOnly);
  }
  const site = siteRoutes();
  app.route('/en', site);
  app.route('/', site);

  app.notFound(() => {
    throw new AppError('not_found', 'error.not_found');
  });
  app.onError(handleError);
  return app;
}

function serveAsset(c: import('hono').Context<AppEnv>, assets: Assets, immutable: boolean) {
  const asset = assets.files.get(c.req.path);
  if (!asset) throw new AppError('not_found', 'error.not_found');
  return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': asset.type,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=86400',
  });
}

/** The client's address for rate limits and the audit log; X-Forwarded-For only when a proxy is trusted. */
function clientIp(forwarded: string | undefined, env: unknown, trustProxy: boolean): string | null {
  if (trustProxy && forwarded) return forwarded.split(',')[0]!.trim() || null;
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? null;
}
