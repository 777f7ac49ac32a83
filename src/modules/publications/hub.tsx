import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';
import { contentLocale, localePath, type MessageKey } from '../../platform/i18n/index.ts';
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

export function knowledgeHubRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/wissen', (c) => {
    const t = c.get('t');
    const locale = contentLocale(c.get('locale'));
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
      </>,
    );
  });
  return app;
}
