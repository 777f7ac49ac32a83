import { de } from './messages/de.ts';
import { en } from './messages/en.ts';

export const locales = ['de', 'en'] as const;
export type Locale = (typeof locales)[number];
export type MessageKey = keyof typeof de;
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { de, en };

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(de, key);
}

export function translator(locale: Locale): Translate {
  const catalogue = catalogues[locale];
  return (key, params) => {
    const text = catalogue[key] ?? de[key] ?? key;
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
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(date);
}
