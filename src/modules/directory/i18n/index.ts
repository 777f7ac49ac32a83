import type { MessageKey } from '../../../platform/i18n/index.ts';

/**
 * The finder's further languages. Each catalogue may be partial (missing texts fall back to English) and says
 * whether a person has reviewed it; the office sees the status in the administration.
 */
export interface FinderCatalogue {
  reviewed: boolean;
  messages: Partial<Record<MessageKey, string>>;
}

export const finderCatalogueStatus: Record<string, FinderCatalogue> = {};

export const finderCatalogues: Record<
  'fr' | 'ro' | 'bg' | 'pl' | 'ru' | 'uk' | 'es' | 'pt' | 'ar' | 'vi',
  Partial<Record<MessageKey, string>>
> = {
  fr: {},
  ro: {},
  bg: {},
  pl: {},
  ru: {},
  uk: {},
  es: {},
  pt: {},
  ar: {},
  vi: {},
};
