import { finderCatalogues } from '../../modules/directory/i18n/index.ts';
import { de } from './messages/de.ts';
import { en } from './messages/en.ts';

/** The whole site speaks German and English. */
export const siteLocales = ['de', 'en'] as const;
export type SiteLocale = (typeof siteLocales)[number];

/** The counselling-centre finder speaks more: the languages of the people who need it most. */
export const finderLocales = [
  'de',
  'en',
  'fr',
  'ro',
  'bg',
  'pl',
  'ru',
  'uk',
  'es',
  'pt',
  'ar',
  'vi',
] as const;
export const locales = finderLocales;
export type Locale = (typeof locales)[number];
export type MessageKey = keyof typeof de;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Locale, Partial<Record<MessageKey, string>>> = { ...finderCatalogues, de, en };

export const rtlLocales: readonly Locale[] = ['ar'];

export function isSiteLocale(locale: Locale): locale is SiteLocale {
  return (siteLocales as readonly string[]).includes(locale);
}

/** Content that exists only in German and English (pages, e-mails) is shown in English to other languages. */
export function contentLocale(locale: Locale): SiteLocale {
  return isSiteLocale(locale) ? locale : 'en';
}

/** Which languages a path exists in: the finder in all of them, everything else in German and English. */
export function localesForPath(path: string): readonly Locale[] {
  return path === '/fachberatungsstellen' || path.startsWith('/fachberatungsstellen/')
    ? finderLocales
    : siteLocales;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(de, key);
}

const translators = new Map<Locale, Translate>();

/** The message function of a language (one per language, made once). */
export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = makeTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}

function makeTranslator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const text = catalogue[key] ?? en[key] ?? de[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : whole,
    );
  };
}

/** German lives at the root, every other language under its prefix: `/kontakt`, `/en/kontakt`. */
export function localePath(locale: Locale, path: string): string {
  if (locale === 'de') return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

/** Splits `/en/kontakt` into `en` and `/kontakt`. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  for (const locale of locales) {
    if (locale === 'de') continue;
    if (pathname === `/${locale}`) return { locale, path: '/' };
    if (pathname.startsWith(`/${locale}/`)) return { locale, path: pathname.slice(locale.length + 1) };
  }
  return { locale: 'de', path: pathname };
}

export function formatDateTime(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : locale === 'en' ? 'en-GB' : locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(date);
}
