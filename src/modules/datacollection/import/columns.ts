/**
 * The columns of the import file, derived from the codebook: one column per variable the entry form shows (the
 * reporting year and the release flag are set by the platform, exactly as in the form). A cell holds value keys as
 * the codebook declares them; a multiple-answer cell holds several keys separated by `|` (neither `,` nor `;`,
 * which are the CSV delimiters).
 */
import {
  allowedValues,
  type Codebook,
  isMultiple,
  type Lang,
  type Variable,
  valueLabel,
} from '../codebook.ts';
import { hiddenVariables } from '../form.ts';

export const MULTI_SEPARATOR = '|';

/** The import columns of a codebook, in codebook order. */
export function importColumns(codebook: Codebook): Variable[] {
  return codebook.variables.filter((v) => !hiddenVariables.has(v.key));
}

const typeNames: Record<Variable['type'], Record<Lang, string>> = {
  single_choice: { de: 'eine Angabe aus der Liste', en: 'one value from the list' },
  multiple_choice: {
    de: 'eine oder mehrere Angaben aus der Liste, getrennt durch |',
    en: 'one or more values from the list, separated by |',
  },
  month: { de: 'Monat als JJJJ-MM (z. B. 2025-03)', en: 'month written YYYY-MM (e.g. 2025-03)' },
  country: {
    de: 'Ländercode nach ISO 3166-1 (z. B. NG) oder ein Wert aus der Liste',
    en: 'ISO 3166-1 country code (e.g. NG) or a value from the list',
  },
  land: { de: 'Schlüssel des Bundeslands (01–16)', en: 'key of the Land (01–16)' },
  small_integer: { de: 'ganze Zahl', en: 'whole number' },
  place: {
    de: 'Ort: land:01 … land:16 oder germany, abroad:XX mit Ländercode, oder ein Wert aus der Liste',
    en: 'place: land:01 … land:16 or germany, abroad:XX with a country code, or a value from the list',
  },
};

/** What a column accepts, in words. */
export function describeType(variable: Variable, lang: Lang): string {
  const text = typeNames[variable.type][lang];
  if (variable.type === 'place' && variable.multiple)
    return `${text}${lang === 'de' ? '; mehrere getrennt durch |' : '; several separated by |'}`;
  if (variable.type === 'small_integer') return `${text} (${variable.min}–${variable.max})`;
  return text;
}

/** The allowed values of a column with their labels (`key – label`); long generated lists are summarised. */
export function valueList(codebook: Codebook, variable: Variable, lang: Lang): Array<[string, string]> {
  switch (variable.type) {
    case 'single_choice':
    case 'multiple_choice':
    case 'land':
      return (allowedValues(codebook, variable) ?? []).map((v) => [
        v,
        valueLabel(codebook, variable.key, v, lang),
      ]);
    case 'country':
    case 'place':
      // the full country list is on the sheet of values; here only the extra values
      return variable.values.map((v) => [v.key, v.label[lang]]);
    default:
      return [];
  }
}

/** Whether a column's values fit in a spreadsheet selection list (single values from a closed list). */
export function hasSelectionList(variable: Variable): boolean {
  return !isMultiple(variable) && variable.type !== 'month' && variable.type !== 'small_integer';
}

/** A condition in words ("only when exploitation_forms is one of …"). */
export function describeCondition(variable: Variable, lang: Lang): string {
  if (!variable.condition) return '';
  const values = variable.condition.any_of.join(', ');
  return lang === 'de'
    ? `nur wenn ${variable.condition.variable} einen dieser Werte enthält: ${values}; sonst leer lassen`
    : `only when ${variable.condition.variable} contains one of: ${values}; otherwise leave empty`;
}
