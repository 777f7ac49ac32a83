import { describe, expect, it } from 'vitest';
import { counsellingLanguages, languageName } from './vocabulary.ts';

describe('languageName', () => {
  it('names a language in the visitor’s language', () => {
    expect(languageName('ro', 'de')).toBe('Rumänisch');
    expect(languageName('ro', 'en')).toBe('Romanian');
    expect(languageName('de', 'fr')).toBe('allemand');
    // the second call answers from the same Intl.DisplayNames
    expect(languageName('ro', 'de')).toBe('Rumänisch');
  });

  it('falls back to the code for an unknown code or locale', () => {
    expect(languageName('not a code', 'de')).toBe('not a code');
    expect(languageName('ro', '!!')).toBe('ro');
    expect(languageName('ro', '!!')).toBe('ro');
  });

  it('names every counselling language in German and English', () => {
    for (const locale of ['de', 'en']) {
      for (const code of counsellingLanguages) expect(languageName(code, locale), code).not.toBe('');
    }
  });
});
