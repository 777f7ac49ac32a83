import { describe, expect, it } from 'vitest';
import { finderLocales, type MessageKey, translator } from '../../../platform/i18n/index.ts';
import { de } from '../../../platform/i18n/messages/de.ts';
import { en } from '../../../platform/i18n/messages/en.ts';
import { directoryEditDe } from '../editing-messages.ts';
import { finderCatalogueStatus, finderCatalogues, finderLanguageReview, finderMessageKeys } from './index.ts';

const codes = Object.keys(finderCatalogues) as (keyof typeof finderCatalogues)[];

const sharedKeys = new Set<string>([
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
]);

/**
 * Computed from the German reference: the public finder, the layout, form validation and the error pages.
 * The editing texts (office, centres' own entry, review, reminders) share the `directory.` prefix but are only
 * shown to staff in German and English, so they are not required.
 */
const required = (Object.keys(de) as MessageKey[]).filter(
  (key) =>
    (key.startsWith('directory.') && !Object.hasOwn(directoryEditDe, key)) ||
    key.startsWith('layout.') ||
    key.startsWith('validation.') ||
    sharedKeys.has(key),
);

/** Longer texts that may rightly be the same as in English. Keep this list short. */
const mayEqualEnglish: Partial<Record<string, readonly MessageKey[]>> = {};

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const boldLabels = (text: string) => [...text.matchAll(/\*\*(.+?)\*\*/g)].map((m) => m[1] ?? '');

describe('finder catalogues', () => {
  it('cover every finder language and no other', () => {
    expect(new Set(codes)).toEqual(new Set(finderLocales.filter((l) => l !== 'de' && l !== 'en')));
    expect(new Set(Object.keys(finderCatalogueStatus))).toEqual(new Set(codes));
  });

  it('require the expected set of keys', () => {
    expect(required.length).toBeGreaterThan(100);
    expect(required).toContain('directory.easy_body');
    expect(required).toContain('layout.quick_exit');
    expect(new Set(finderMessageKeys)).toEqual(new Set(required));
  });

  describe.each(codes)('%s', (code) => {
    const messages = finderCatalogues[code];
    const text = (key: MessageKey) => messages[key] ?? '';

    it('has every required key, non-empty', () => {
      const missing = required.filter((key) => text(key).trim() === '');
      expect(missing).toEqual([]);
    });

    it('has no keys unknown to the German reference', () => {
      expect(Object.keys(messages).filter((key) => !Object.hasOwn(de, key))).toEqual([]);
    });

    it('keeps the placeholders of the English text, and adds none', () => {
      const wrong = required
        .filter((key) => placeholders(text(key)).join() !== placeholders(en[key]).join())
        .map((key) => `${key}: ${text(key)}`);
      expect(wrong).toEqual([]);
    });

    it('is actually translated', () => {
      const allowed = mayEqualEnglish[code] ?? [];
      const same = required.filter(
        (key) => en[key].length > 25 && text(key) === en[key] && !allowed.includes(key),
      );
      expect(same).toEqual([]);
    });

    it('keeps the structure and emergency numbers of the easy-language page', () => {
      const body = text('directory.easy_body');
      const english = en['directory.easy_body'];
      expect(body.startsWith('## ')).toBe(true);
      expect(body).toContain('110');
      expect(body).toContain('116 016');
      expect(body.match(/^## /gm)?.length).toBe(english.match(/^## /gm)?.length);
      expect(body.match(/^\d+\. /gm)).toEqual(english.match(/^\d+\. /gm));
      expect(body).toContain('**Esc**');
    });

    it('names the buttons and fields in the easy-language page as the page shows them', () => {
      const labels = boldLabels(text('directory.easy_body'));
      expect(labels).toContain(text('directory.search'));
      expect(labels).toContain(text('directory.language'));
      expect(labels).toContain(text('layout.quick_exit'));
      expect(labels.some((label) => text('directory.more_filters').startsWith(label))).toBe(true);
    });

    it('keeps the key name Esc in the quick-exit hint', () => {
      expect(text('layout.quick_exit_hint')).toContain('Esc');
    });

    it('is used by the translator', () => {
      const t = translator(code);
      expect(t('directory.title')).toBe(text('directory.title'));
      expect(t('directory.page_of', { page: 2, pages: 5 })).not.toMatch(/\{\w+\}/);
    });

    it('is counted for the office page', () => {
      expect(finderLanguageReview[code]).toEqual({
        reviewed: finderCatalogueStatus[code]?.reviewed,
        translated: required.length,
        total: required.length,
      });
    });
  });

  it('writes Arabic texts in Arabic script', () => {
    const messages = finderCatalogues.ar;
    const notArabic = required.filter((key) => !/[\u0600-\u06FF]/.test(messages[key] ?? ''));
    expect(notArabic).toEqual([]);
  });

  it('writes Cyrillic texts in Cyrillic script', () => {
    for (const code of ['bg', 'ru', 'uk'] as const) {
      const messages = finderCatalogues[code];
      const notCyrillic = required.filter((key) => !/[\u0400-\u04FF]/.test(messages[key] ?? ''));
      expect(notCyrillic, code).toEqual([]);
    }
  });
});
