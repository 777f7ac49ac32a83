import type { MessageKey } from '../../../platform/i18n/index.ts';
import { de } from '../../../platform/i18n/messages/de.ts';
import { directoryEditDe } from '../editing-messages.ts';
import * as ar from './ar.ts';
import * as bg from './bg.ts';
import * as es from './es.ts';
import * as fr from './fr.ts';
import * as pl from './pl.ts';
import * as pt from './pt.ts';
import * as ro from './ro.ts';
import * as ru from './ru.ts';
import * as uk from './uk.ts';
import * as vi from './vi.ts';

/**
 * The finder's further languages. Each catalogue may be partial (missing texts fall back to English) and says
 * whether a person has reviewed it; the office sees the status in the administration.
 */
export interface FinderCatalogue {
  reviewed: boolean;
  messages: Partial<Record<MessageKey, string>>;
}

export const finderCatalogueStatus: Record<string, FinderCatalogue> = {
  fr: { reviewed: fr.reviewed, messages: fr.messages },
  ro: { reviewed: ro.reviewed, messages: ro.messages },
  bg: { reviewed: bg.reviewed, messages: bg.messages },
  pl: { reviewed: pl.reviewed, messages: pl.messages },
  ru: { reviewed: ru.reviewed, messages: ru.messages },
  uk: { reviewed: uk.reviewed, messages: uk.messages },
  es: { reviewed: es.reviewed, messages: es.messages },
  pt: { reviewed: pt.reviewed, messages: pt.messages },
  ar: { reviewed: ar.reviewed, messages: ar.messages },
  vi: { reviewed: vi.reviewed, messages: vi.messages },
};

export const finderCatalogues: Record<
  'fr' | 'ro' | 'bg' | 'pl' | 'ru' | 'uk' | 'es' | 'pt' | 'ar' | 'vi',
  Partial<Record<MessageKey, string>>
> = {
  fr: fr.messages,
  ro: ro.messages,
  bg: bg.messages,
  pl: pl.messages,
  ru: ru.messages,
  uk: uk.messages,
  es: es.messages,
  pt: pt.messages,
  ar: ar.messages,
  vi: vi.messages,
};

/** Texts outside the finder's own namespace that its pages show (layout, forms, errors). */
const sharedFinderKeys: readonly MessageKey[] = [
  'form.error_summary',
  'form.required',
  'error.title_400',
  'error.title_404',
  'error.title_500',
  'error.not_found',
  'error.bad_request',
  'error.internal',
  'error.to_home',
  'error.rate_limited',
  'error.csrf',
  'admin.demo',
];

/**
 * The texts a finder language should translate: the public finder (`directory.*` without the editing texts of
 * the office and the centres, which exist in German and English only), the layout, form validation and errors.
 */
export const finderMessageKeys: readonly MessageKey[] = (Object.keys(de) as MessageKey[]).filter(
  (key) =>
    (key.startsWith('directory.') && !Object.hasOwn(directoryEditDe, key)) ||
    key.startsWith('layout.') ||
    key.startsWith('validation.') ||
    sharedFinderKeys.includes(key),
);

/** Per language: reviewed by a person, and how many of the finder's texts are translated (for the office page). */
export const finderLanguageReview: Record<string, { reviewed: boolean; translated: number; total: number }> =
  Object.fromEntries(
    Object.entries(finderCatalogueStatus).map(([code, { reviewed, messages }]) => [
      code,
      {
        reviewed,
        translated: finderMessageKeys.filter((key) => (messages[key] ?? '').trim() !== '').length,
        total: finderMessageKeys.length,
      },
    ]),
  );
