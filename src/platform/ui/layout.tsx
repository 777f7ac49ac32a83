import type { Child } from 'hono/jsx';
import type { Auth } from '../http/env.ts';
import {
  contentLocale,
  type Locale,
  localePath,
  localesForPath,
  rtlLocales,
  type Translate,
} from '../i18n/index.ts';
import { can } from '../permissions.ts';
import type { Site } from '../site.ts';

export interface NavItem {
  path: string;
  label: string;
  group: 'main' | 'footer';
  /** The target exists in every language of the site (the finder), not only German and English. */
  everyLanguage?: boolean;
}

export interface LayoutProps {
  title: string;
  description?: string;
  locale: Locale;
  t: Translate;
  site: Site;
  auth: Auth | null;
  /** The current path without language prefix, for the language switch and the active link. */
  path: string;
  /** The query string of the request (`?…` or ''): the finder's language switch keeps the search. */
  search?: string;
  nav: NavItem[];
  assets: { css: string; js: string };
  children: Child;
}

/** Each language named in itself, so a person finds their own. */
const languageNames: Record<Locale, string> = {
  de: 'Deutsch',
  en: 'English',
  fr: 'Français',
  ro: 'Română',
  bg: 'Български',
  pl: 'Polski',
  ru: 'Русский',
  uk: 'Українська',
  es: 'Español',
  pt: 'Português',
  ar: 'العربية',
  vi: 'Tiếng Việt',
};

export function Layout(props: LayoutProps) {
  const { t, locale, site, auth, path } = props;
  const s = site.settings;
  const main = props.nav.filter((n) => n.group === 'main');
  const footer = props.nav.filter((n) => n.group === 'footer');
  // pages beyond the finder exist in German and English only: link those in the nearest site language
  const linkLocale = contentLocale(locale);
  const home = localePath(linkLocale, '/');
  const languages = localesForPath(path);
  // a search (finder results) survives a change of language; other pages switch to the bare path
  const keep = path === '/fachberatungsstellen' ? (props.search ?? '') : '';
  return (
    <html lang={locale} dir={rtlLocales.includes(locale) ? 'rtl' : 'ltr'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title === s.name ? s.name : `${props.title} – ${s.shortName}`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <meta name="referrer" content="no-referrer" />
        <link rel="stylesheet" href={props.assets.css} />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        {languages.map((l) => (
          <link rel="alternate" hreflang={l} href={localePath(l, path)} />
        ))}
        <script src={props.assets.js} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skip_to_content')}
        </a>
        <a class="quick-exit" href={s.quickExitUrl} rel="noreferrer" data-quick-exit={s.quickExitUrl}>
          <span>{t('layout.quick_exit')}</span>
          <small>{t('layout.quick_exit_hint')}</small>
        </a>
        {site.demo ? (
          <p class="demo-banner" role="note">
            {t('layout.demo_banner')}
          </p>
        ) : null}
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href={home}>
              <span class="brand-short">{s.shortName}</span>
              <span class="brand-name">{s.name}</span>
            </a>
            <nav class="lang-switch" aria-label={t('layout.language')}>
              <ul>
                {languages.map((l) =>
                  l === locale ? (
                    <li>
                      <span aria-current="true" lang={l}>
                        {languageNames[l]}
                      </span>
                    </li>
                  ) : (
                    <li>
                      <a href={`${localePath(l, path)}${keep}`} hreflang={l} lang={l}>
                        {languageNames[l]}
                      </a>
                    </li>
                  ),
                )}
              </ul>
            </nav>
          </div>
          <nav class="main-nav" aria-label={t('layout.main_navigation')}>
            <ul class="wrap">
              {main.map((item) => (
                <li>
                  <a
                    href={localePath(item.everyLanguage ? locale : linkLocale, item.path)}
                    aria-current={item.path === path ? 'page' : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <AccountBar {...props} />
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap footer-grid">
            <address>
              <strong>{s.name}</strong>
              <br />
              {s.street}
              {s.addressExtra ? (
                <>
                  <br />
                  {s.addressExtra}
                </>
              ) : null}
              <br />
              {s.postalCode} {s.city}
              <br />
              {t('layout.phone')}: <a href={`tel:${telHref(s.phone)}`}>{s.phone}</a>
              <br />
              {t('layout.email')}: <a href={`mailto:${s.email}`}>{s.email}</a>
            </address>
            <div>
              {s.funderNote ? <p class="funder">{s.funderNote}</p> : null}
              <nav aria-label={t('layout.footer_navigation')}>
                <ul class="footer-links">
                  {footer.map((item) => (
                    <li>
                      <a href={localePath(linkLocale, item.path)}>{item.label}</a>
                    </li>
                  ))}
                  {auth ? null : (
                    <li>
                      <a href={localePath(linkLocale, '/anmelden')}>{t('layout.login')}</a>
                    </li>
                  )}
                </ul>
              </nav>
            </div>
          </div>
        </footer>
      </body>
    </html>
  );
}

function AccountBar({ t, locale: uiLocale, auth }: LayoutProps) {
  const locale = contentLocale(uiLocale);
  if (!auth) return null;
  const role = auth.user.role;
  const adminLinks: Array<[string, string]> = [];
  if (can(role, 'memberarea:use')) adminLinks.push(['/mitgliederbereich', t('memberarea.nav')]);
  if (can(role, 'directory:edit_own')) adminLinks.push(['/mein-eintrag', t('directory.nav_own')]);
  if (can(role, 'data:enter')) adminLinks.push(['/datenerhebung', t('data.nav_entry')]);
  if (can(role, 'data:office')) adminLinks.push(['/verwaltung/datenerhebung', t('data.nav_office')]);
  if (can(role, 'caselaw:submit')) adminLinks.push(['/rechtsprechung-einreichen', t('caselaw.submit.nav')]);
  if (can(role, 'caselaw:edit')) adminLinks.push(['/verwaltung/rechtsprechung', t('caselaw.editor.nav')]);
  if (can(role, 'data:read')) adminLinks.push(['/verwaltung/datenbericht', t('data.overview.nav')]);
  if (can(role, 'pages:edit')) adminLinks.push(['/verwaltung/seiten', t('nav.admin_pages')]);
  if (can(role, 'contact:read'))
    adminLinks.push(['/verwaltung/nachrichten', t('outreach.office_messages_title')]);
  if (can(role, 'directory:manage'))
    adminLinks.push(['/verwaltung/fachberatungsstellen', t('directory.nav_manage')]);
  if (can(role, 'referral:manage'))
    adminLinks.push(['/verwaltung/schulungsanfragen', t('referral.nav_office')]);
  if (can(role, 'users:invite')) adminLinks.push(['/verwaltung/konten', t('nav.admin_users')]);
  if (can(role, 'orgs:manage')) adminLinks.push(['/verwaltung/organisationen', t('nav.admin_orgs')]);
  if (can(role, 'audit:read')) adminLinks.push(['/verwaltung/protokoll', t('nav.admin_audit')]);
  if (can(role, 'outbox:read')) adminLinks.push(['/verwaltung/postausgang', t('nav.admin_outbox')]);
  if (can(role, 'settings:edit')) adminLinks.push(['/verwaltung/einstellungen', t('nav.admin_settings')]);
  return (
    <nav class="account-bar" aria-label={t('layout.account_navigation')}>
      <ul class="wrap">
        <li>
          <a href={localePath(locale, '/konto')}>{t('nav.account')}</a>
        </li>
        {adminLinks.map(([href, label]) => (
          <li>
            <a href={localePath(locale, href)}>{label}</a>
          </li>
        ))}
        <li>
          <form method="post" action={localePath(locale, '/abmelden')} class="inline-form">
            <input type="hidden" name="_csrf" value={auth.session?.csrfToken ?? ''} />
            <button type="submit" class="link-button">
              {t('nav.logout')}
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}

export function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.startsWith('0') ? `+49${digits.slice(1)}` : digits;
}
