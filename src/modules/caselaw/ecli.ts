/**
 * European Case Law Identifier: validated and normalised ("ecli:de:bgh:2021:120521uvizr100.20.0" →
 * "ECLI:DE:BGH:2021:120521UVIZR100.20.0").
 *
 * Five parts separated by colons (Council conclusions 2011/C 127/01): `ECLI`, the country code (EU member states
 * as the EU uses them, so Greece is `EL`; `EU` for the Court of Justice and the General Court; `CE` for the
 * Council of Europe, e.g. the EGMR: `ECLI:CE:ECHR:2010:0107JUD002596504`), the court code (1–7 letters or
 * digits), the year of the decision (4 digits, 1900 to next year) and the ordinal number (1–25 letters, digits
 * and dots, neither starting nor ending with a dot).
 *
 * Normalisation: surrounding and inner whitespace is removed, everything is upper-cased, a doubled (or tripled)
 * `ECLI:ECLI:` prefix is repaired, and a missing `ECLI:` prefix is added when the rest is exactly the four
 * remaining parts with a known country code ("DE:BGH:2021:…") — copied citations often lose it, and a known
 * country code in first place makes the input unambiguous. Everything else is rejected with a German message.
 */

export type EcliResult =
  | { ok: true; ecli: string; country: string; court: string; year: number; ordinal: string }
  | { ok: false; error: string };

/** EU member states (with `EL` for Greece), `EU` and `CE` (Council of Europe). */
export const ECLI_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK EU CE'.split(' '),
);

const MIN_YEAR = 1900;

export function normaliseEcli(input: string, now: Date = new Date()): EcliResult {
  const fail = (error: string): EcliResult => ({ ok: false, error });
  let value = input.replace(/[\s\u200b\u00ad]+/gu, '').toUpperCase();
  if (value === '') return fail('Bitte einen ECLI angeben.');
  while (value.startsWith('ECLI:ECLI:')) value = value.slice(5);
  let parts = value.split(':');
  if (parts[0] !== 'ECLI' && parts.length === 4 && ECLI_COUNTRIES.has(parts[0]!)) parts = ['ECLI', ...parts];
  if (parts[0] !== 'ECLI')
    return fail('Ein ECLI beginnt mit „ECLI:“, z. B. ECLI:DE:BGH:2021:120521UVIZR100.20.0.');
  if (parts.length !== 5) {
    return fail(
      `Ein ECLI besteht aus fünf durch Doppelpunkte getrennten Teilen (ECLI:Land:Gericht:Jahr:Nummer), ` +
        `hier sind es ${parts.length}.`,
    );
  }
  const [, country = '', court = '', year = '', ordinal = ''] = parts;
  if (!ECLI_COUNTRIES.has(country)) {
    return fail(
      `Der Ländercode „${country}“ ist unbekannt. Erlaubt sind die Codes der EU-Mitgliedstaaten (z. B. DE, AT, ` +
        'EL für Griechenland), EU für den Gerichtshof der Europäischen Union und CE für den Europarat (EGMR).',
    );
  }
  if (!/^[A-Z0-9]{1,7}$/.test(court)) {
    return fail(`Der Gerichtscode „${court}“ muss aus 1 bis 7 Buchstaben oder Ziffern bestehen.`);
  }
  if (!/^\d{4}$/.test(year)) return fail(`Das Jahr „${year}“ muss aus vier Ziffern bestehen.`);
  const maxYear = now.getUTCFullYear() + 1;
  if (Number(year) < MIN_YEAR || Number(year) > maxYear) {
    return fail(`Das Jahr ${year} ist nicht plausibel (erlaubt: ${MIN_YEAR} bis ${maxYear}).`);
  }
  if (!/^[A-Z0-9.]{1,25}$/.test(ordinal)) {
    return fail(
      `Die Ordnungsnummer „${ordinal}“ muss aus 1 bis 25 Zeichen bestehen: Buchstaben, Ziffern und Punkte.`,
    );
  }
  if (ordinal.startsWith('.') || ordinal.endsWith('.')) {
    return fail(`Die Ordnungsnummer „${ordinal}“ darf nicht mit einem Punkt beginnen oder enden.`);
  }
  const ecli = ['ECLI', country, court, year, ordinal].join(':');
  return { ok: true, ecli, country, court, year: Number(year), ordinal };
}

/** True if `input` is a valid ECLI after normalisation. */
export function isEcli(input: string): boolean {
  return normaliseEcli(input).ok;
}
