import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { contentLocale, localePath, type MessageKey } from '../../platform/i18n/index.ts';
import { can, type Permission } from '../../platform/permissions.ts';
import { renderPage } from '../../platform/ui/render.tsx';

/**
 * `/wissen`: one entry in the main navigation for the office's knowledge work (publications, monitoring,
 * projects, glossary), so the navigation stays short.
 */
const sections: Array<{ path: string; title: MessageKey; text: MessageKey }> = [
  { path: '/publikationen', title: 'publications.title', text: 'publications.hub_text' },
  { path: '/monitoring', title: 'monitoring.title', text: 'publications.hub_monitoring' },
  { path: '/projekte', title: 'projects.title', text: 'publications.hub_projects' },
  { path: '/glossar', title: 'glossary.title', text: 'publications.hub_glossary' },
];

/** Where the office edits each part; shown on the hub to accounts that may. */
const officePages: Array<{ path: string; title: MessageKey; permission: Permission }> = [
  { path: '/verwaltung/publikationen', title: 'publications.admin_title', permission: 'publications:edit' },
  { path: '/verwaltung/monitoring', title: 'monitoring.admin_title', permission: 'monitoring:edit' },
  { path: '/verwaltung/projekte', title: 'projects.admin_title', permission: 'projects:edit' },
  { path: '/verwaltung/glossar', title: 'glossary.admin_title', permission: 'glossary:edit' },
];

export function knowledgeHubRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/wissen', (c) => {
    const t = c.get('t');
    const locale = contentLocale(c.get('locale'));
    const role = c.get('auth')?.user.role;
    const editable = role ? officePages.filter((p) => can(role, p.permission)) : [];
    return renderPage(
      c,
      { title: t('publications.hub_title') },
      <>
        <h1>{t('publications.hub_title')}</h1>
        <p class="lead">{t('publications.hub_intro')}</p>
        <ul class="cards">
          {sections.map((s) => (
            <li class="card">
              <h2>
                <a href={localePath(locale, s.path)}>{t(s.title)}</a>
              </h2>
              <p>{t(s.text)}</p>
            </li>
          ))}
        </ul>
        {editable.length > 0 ? (
          <>
            <h2>{t('publications.hub_office')}</h2>
            <ul class="link-list">
              {editable.map((p) => (
                <li>
                  <a href={localePath(locale, p.path)}>{t(p.title)}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </>,
    );
  });
  return app;
}
