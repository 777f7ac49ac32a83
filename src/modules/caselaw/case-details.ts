import { z } from 'zod';
import { exploitationForms } from '../directory/vocabulary.ts';

/**
 * What a trafficking case consists of, in the terms of the UN Protocol (Art. 3) as UNODC's SHERLOC records them:
 * the acts, the means and the purposes the court found; plus sentence, compensation and the victims as counts and
 * categories only (never names). Keys are stable; labels live in the catalogue.
 */
export const ACTS = ['recruitment', 'transportation', 'transfer', 'harbouring', 'receipt'] as const;
export const MEANS = [
  'threat',
  'force',
  'coercion',
  'abduction',
  'fraud',
  'deception',
  'abuse_of_power',
  'abuse_of_vulnerability',
  'payments',
  'debt_bondage',
] as const;
export const PURPOSES = exploitationForms;
export const VICTIM_SEX = ['female', 'male', 'diverse', 'unknown'] as const;

const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.array(z.enum(values))])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]));

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** "NG, RO; bg" → ['NG', 'RO', 'BG']; every code must be a country CLDR knows. */
const nationalities = z
  .string()
  .trim()
  .max(300)
  .optional()
  .transform((v, ctx) => {
    const codes = [
      ...new Set(
        (v ?? '')
          .split(/[\s,;]+/)
          .map((c) => c.toUpperCase())
          .filter(Boolean),
      ),
    ];
    for (const code of codes) {
      if (!/^[A-Z]{2}$/.test(code) || !regionNames.of(code)) {
        ctx.addIssue({ code: 'custom', message: 'caselaw.case.nationality_invalid' });
        return z.NEVER;
      }
    }
    return codes;
  });

/** Euros as people type them: "12.500", "12500,50", "12500.5". Empty means unknown. */
const euros = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!/^(\d{1,3}(\.\d{3})+|\d+)([.,]\d{1,2})?$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'caselaw.case.amount_invalid' });
      return z.NEVER;
    }
    const normal = /,\d{1,2}$/.test(v)
      ? v.replace(/\./g, '').replace(',', '.')
      : v.replace(/\.(?=\d{3}(\D|$))/g, '');
    const value = Number(normal);
    if (!(value >= 0 && value < 1e10)) {
      ctx.addIssue({ code: 'custom', message: 'caselaw.case.amount_invalid' });
      return z.NEVER;
    }
    return value.toFixed(2);
  });

const count = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!/^\d{1,6}$/.test(v) || Number(v) > 100_000) {
      ctx.addIssue({ code: 'custom', message: 'caselaw.case.count_invalid' });
      return z.NEVER;
    }
    return Number(v);
  });

export const caseDetailsShape = {
  exploitation: list(exploitationForms),
  acts: list(ACTS),
  means: list(MEANS),
  purposes: list(PURPOSES),
  sentence: z.string().trim().max(500).optional().default(''),
  compensation_eur: euros,
  victims_count: count,
  victims_sex: list(VICTIM_SEX),
  victims_nationalities: nationalities,
};

export interface CaseDetails {
  exploitation: string[];
  acts: string[];
  means: string[];
  purposes: string[];
  sentence: string;
  compensation_eur: string | null;
  victims_count: number | null;
  victims_sex: string[];
  victims_nationalities: string[];
}

export function hasCaseDetails(d: CaseDetails): boolean {
  return (
    d.exploitation.length + d.acts.length + d.means.length + d.purposes.length + d.victims_sex.length > 0 ||
    d.victims_nationalities.length > 0 ||
    Boolean(d.sentence) ||
    d.compensation_eur !== null ||
    d.victims_count !== null
  );
}

export function countryName(code: string, locale: 'de' | 'en'): string {
  return new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(code) ?? code;
}

export function formatEuros(value: string, locale: 'de' | 'en'): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    style: 'currency',
    currency: 'EUR',
  }).format(Number(value));
}
