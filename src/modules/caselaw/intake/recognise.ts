/**
 * Recognises a decision's metadata in the text of an uploaded judgment (court, date, file numbers, type, ECLI,
 * norms), so the office only confirms what the form already shows. Everything here is a guess: a value that
 * is not found stays empty rather than wrong, and the header (the first lines) is preferred over the reasons,
 * which cite other courts, dates and file numbers.
 */
import { normaliseEcli } from '../ecli.ts';
import { type Citation, normKey, parseNorms } from '../norms.ts';
import type { CourtType } from '../store.ts';

export interface RecognisedCourt {
  type: CourtType;
  place: string;
  /** The text it was recognised from, e.g. "Landgericht Berlin". */
  raw: string;
}

export interface Recognised {
  court: RecognisedCourt | null;
  /** ISO date (YYYY-MM-DD). */
  date: string | null;
  fileNumbers: string[];
  decisionType: string | null;
  ecli: string | null;
  norms: Citation[];
}

/** How much of the text counts as the header (court, type, file number, date stand there). */
const HEADER_CHARS = 2500;

const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  februar: 2,
  märz: 3,
  maerz: 3,
  april: 4,
  mai: 5,
  juni: 6,
  juli: 7,
  august: 8,
  september: 9,
  oktober: 10,
  november: 11,
  dezember: 12,
};

/** "B e s c h l u s s" and "G r ü n d e" (letter-spaced headings) become ordinary words. */
export function collapseLetterSpacing(text: string): string {
  return text.replace(/(?<![\p{L}])(?:\p{L} ){3,}\p{L}(?![\p{L}])/gu, (m) => m.replace(/ /g, ''));
}

// ---------------------------------------------------------------- courts

/** Long names, the more specific ones first ("Landesarbeitsgericht" before "Arbeitsgericht"). */
const LONG_NAMES: Array<[RegExp, CourtType, string | null]> = [
  [/Bundesverfassungsgericht/i, 'BVerfG', ''],
  [/Bundesgerichtshof/i, 'BGH', ''],
  [/Bundesverwaltungsgericht/i, 'BVerwG', ''],
  [/Bundesarbeitsgericht/i, 'BAG', ''],
  [/Bundessozialgericht/i, 'BSG', ''],
  [/Europäische[rn]? Gerichtshof für Menschenrechte/i, 'EGMR', ''],
  [/Gerichtshof der Europäischen Union|Europäische[rn]? Gerichtshof(?! für)/i, 'EuGH', ''],
  [/Kammergericht/i, 'OLG', 'Berlin'],
  [/Oberlandesgericht/i, 'OLG', null],
  [/Oberverwaltungsgericht|Verwaltungsgerichtshof/i, 'OVG', null],
  [/Landesarbeitsgericht/i, 'LAG', null],
  [/Landessozialgericht/i, 'LSG', null],
  [/Landgericht/i, 'LG', null],
  [/Amtsgericht/i, 'AG', null],
  [/Verwaltungsgericht/i, 'VG', null],
  [/Arbeitsgericht/i, 'ArbG', null],
  [/Sozialgericht/i, 'SG', null],
];

const SHORT_NAMES: Record<string, CourtType> = {
  BVerfG: 'BVerfG',
  BGH: 'BGH',
  BVerwG: 'BVerwG',
  BAG: 'BAG',
  BSG: 'BSG',
  EGMR: 'EGMR',
  EuGH: 'EuGH',
  OLG: 'OLG',
  KG: 'OLG',
  OVG: 'OVG',
  VGH: 'OVG',
  LAG: 'LAG',
  LSG: 'LSG',
  LG: 'LG',
  AG: 'AG',
  VG: 'VG',
  ArbG: 'ArbG',
  SG: 'SG',
};
const NATIONAL: ReadonlySet<CourtType> = new Set(['BVerfG', 'BGH', 'BVerwG', 'BAG', 'BSG', 'EGMR', 'EuGH']);

/** Words that follow a court's name but are not its seat ("Das Landgericht hat …"). */
const NOT_A_PLACE = new Set(
  'Der Die Das Den Dem Des Ein Eine Und Oder In Im Am An Auf Aus Bei Mit Nach Von Vom Zu Zur Zum Hat Ist War Wird Sowie Als Aber Nicht Durch Für Gegen Ohne Um Hinsichtlich Gemäß Hier Dort Insoweit Jedoch Daher Deshalb Auch Noch Bereits Es Sie Er Wir Ihr Mai'.split(
    ' ',
  ),
);

const PLACE_WORD = String.raw`[A-ZÄÖÜ][\p{L}]+(?:-[A-ZÄÖÜ][\p{L}]+)*`;
const PLACE_TAIL = String.raw`(?: (?:am|an der|in der|im|ob der) [A-ZÄÖÜ][\p{L}]+| \((?:[A-ZÄÖÜ][\p{L}]+)\)| i\. ?Br\.)?`;

function titleCase(word: string): string {
  // "BERLIN" → "Berlin", "FRANKFURT AM MAIN" → "Frankfurt am Main"; mixed-case input stays as written
  if (word !== word.toUpperCase()) return word;
  return word
    .toLowerCase()
    .replace(/(^|[\s(-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/\s(Am|An Der|In Der|Im|Ob Der)\s/g, (m) => m.toLowerCase());
}

function placeAfter(text: string, index: number): string | null {
  const rest = text.slice(index, index + 80);
  const upper =
    /^[ \t]+([A-ZÄÖÜ]{2,}(?:-[A-ZÄÖÜ]{2,})*(?: (?:AM|AN DER|IN DER|IM) [A-ZÄÖÜ]{2,}| \([A-ZÄÖÜ]+\))?)(?![\p{L}])/u.exec(
      rest,
    );
  if (upper) return titleCase(upper[1]!);
  const mixed = new RegExp(`^[ \\t]+(${PLACE_WORD}${PLACE_TAIL})(?![\\p{L}])`, 'u').exec(rest);
  if (!mixed) return null;
  const first = mixed[1]!.split(/[\s-]/)[0]!;
  if (NOT_A_PLACE.has(first)) return null;
  return mixed[1]!;
}

/** The first court named in the text: "LANDGERICHT BERLIN", "Oberlandesgericht Hamm", "OLG Hamm", "BGH". */
export function recogniseCourt(text: string): RecognisedCourt | null {
  const header = collapseLetterSpacing(text);
  let best: (RecognisedCourt & { at: number }) | null = null;
  const consider = (candidate: RecognisedCourt & { at: number }) => {
    if (!best || candidate.at < best.at) best = candidate;
  };
  for (const [pattern, type, fixedPlace] of LONG_NAMES) {
    const re = new RegExp(`(?<![\\p{L}])(?:${pattern.source})`, 'giu');
    for (const m of header.matchAll(re)) {
      const end = m.index + m[0].length;
      if (fixedPlace !== null) {
        consider({ type, place: fixedPlace, raw: m[0], at: m.index });
        break;
      }
      const place = placeAfter(header, end);
      if (place) {
        consider({ type, place, raw: `${m[0]} ${place}`, at: m.index });
        break;
      }
    }
  }
  const shortRe = new RegExp(`(?<![\\p{L}])(${Object.keys(SHORT_NAMES).join('|')})(?![\\p{L}])`, 'gu');
  for (const m of header.matchAll(shortRe)) {
    const type = SHORT_NAMES[m[1]!]!;
    if (best && (best as { at: number }).at < m.index) break;
    if (m[1] === 'KG') {
      consider({ type, place: 'Berlin', raw: 'KG', at: m.index });
      break;
    }
    if (NATIONAL.has(type)) {
      consider({ type, place: '', raw: m[1]!, at: m.index });
      break;
    }
    const place = placeAfter(header, m.index + m[0].length);
    if (place) {
      consider({ type, place, raw: `${m[1]} ${place}`, at: m.index });
      break;
    }
  }
  if (!best) return null;
  const { at: _at, ...court } = best as RecognisedCourt & { at: number };
  return court;
}

// ---------------------------------------------------------------- dates

const DATE = String.raw`(\d{1,2})\.\s?(?:(\d{1,2})\.\s?|\s?([A-Za-zÄÖÜäöü]+)\s)(\d{4}|\d{2}(?!\d))`;

/** "12. Mai 2021", "12.05.2021", "1.3.21" → ISO date, or null when it is no valid calendar date. */
export function parseGermanDate(text: string): string | null {
  const m = new RegExp(`^${DATE}$`).exec(text.trim().replace(/\u00a0/g, ' '));
  if (!m) return null;
  return isoFromParts(m[1]!, m[2], m[3], m[4]!);
}

function isoFromParts(d: string, mm: string | undefined, monthName: string | undefined, y: string) {
  const day = Number(d);
  const month = mm ? Number(mm) : MONTHS[monthName!.toLowerCase()];
  let year = Number(y);
  if (!month) return null;
  if (y.length === 2) year += year > 50 ? 1900 : 2000;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1 || year < 1900 || year > 2100)
    return null;
  return date.toISOString().slice(0, 10);
}

function datesIn(text: string): Array<{ iso: string; at: number; before: string }> {
  const out: Array<{ iso: string; at: number; before: string }> = [];
  for (const m of text.replace(/\u00a0/g, ' ').matchAll(new RegExp(`(?<![\\d.])${DATE}`, 'g'))) {
    const iso = isoFromParts(m[1]!, m[2], m[3], m[4]!);
    if (iso) out.push({ iso, at: m.index, before: text.slice(Math.max(0, m.index - 40), m.index) });
  }
  return out;
}

/**
 * The decision's date: the one after "Urteil vom"/"Beschluss vom"/"verkündet am" if there is one, otherwise the
 * first date in the header that is not a date of birth or of the offence.
 */
export function recogniseDate(text: string): string | null {
  const flat = collapseLetterSpacing(text).replace(/\s+/g, ' ');
  const labelled = new RegExp(
    `(?:(?:Urteil|Beschluss|Gerichtsbescheid|Entscheidung|Verfügung)\\s+vom|[Vv]erkündet\\s+am|Entscheidungsdatum:?)\\s+${DATE}`,
    'i',
  ).exec(flat);
  if (labelled) {
    const iso = isoFromParts(labelled[1]!, labelled[2], labelled[3], labelled[4]!);
    if (iso) return iso;
  }
  const header = flat.slice(0, HEADER_CHARS);
  for (const d of datesIn(header)) {
    if (/(geb\.|geboren|Geburtsdatum|\bam)\s*$/i.test(d.before)) continue;
    return d.iso;
  }
  return null;
}

// ---------------------------------------------------------------- file numbers

/**
 * German file numbers: "5 StR 123/20", "VI ZR 100/20", "(2) 161 Ss 123/20", "2 KLs 12/19", "L 10 VE 5/18",
 * "VG 3 K 100.19", "1 C 25.19", "2 BvR 1234/20", "B 9 V 1/19 R", "C-123/20" (EuGH), "Nr. 21884/15" (EGMR).
 */
const FILE_NUMBER =
  /(?<![\p{L}\d/.§])(?:\(\d{1,4}[a-z]?(?: [A-Z][A-Za-z]{0,4})?\)\s?)?(?:(?:[A-Z]{1,3}|[IVX]{1,5})\s)?(?:\d{1,4}[a-z]?\s)?[A-Z][A-Za-z]{0,4}\s\d{1,6}[a-z]?[/.]\d{2}(?:\d{2})?(?:\s\(\d{1,4}\/\d{2}\))?(?:\s[RB](?![\p{L}]))?(?:\.[A-Z]{1,3})?(?![\d/])/gu;
const EU_NUMBER = /(?<![\p{L}\d])[CT]-\d{1,4}\/\d{2}(?![\d/])/gu;
const ECHR_NUMBER = /(?:Beschwerde-?\s?Nr\.|Individualbeschwerde Nr\.|Nr\.)\s?(\d{1,6}\/\d{2})(?![\d/])/gu;

/** Register words that look like file-number parts but are not ("Seite 12/13"). */
const NOT_A_REGISTER = /^(?:Seite|Blatt|Bl|Nr|Rn|Abs|Art|Az|Heft|Band|Bd|Ziff|Anl)\b/;

export function fileNumbersIn(text: string): string[] {
  const found: Array<{ value: string; at: number }> = [];
  const flat = text.replace(/\u00a0/g, ' ').replace(/[ \t]+/g, ' ');
  for (const m of flat.matchAll(FILE_NUMBER)) {
    const value = m[0].trim();
    const register = value.replace(/^\([^)]*\)\s?/, '').replace(/^(?:[A-Z]{1,3}|[IVX]{1,5})\s(?=\d)/, '');
    const words = register.split(' ');
    const reg = words.find((w) => /^[A-Z][A-Za-z]*$/.test(w));
    if (reg && NOT_A_REGISTER.test(reg)) continue;
    found.push({ value, at: m.index });
  }
  for (const m of flat.matchAll(EU_NUMBER)) found.push({ value: m[0], at: m.index });
  for (const m of flat.matchAll(ECHR_NUMBER)) found.push({ value: m[1]!, at: m.index });
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.value))];
}

/** The decision's own file numbers: those after "Aktenzeichen:"/"Az.:" or, failing that, those in the header. */
export function recogniseFileNumbers(text: string): string[] {
  const flat = collapseLetterSpacing(text);
  const labelled: string[] = [];
  const labelRe = /(?:Aktenzeichen|Az\.|Geschäftsnummer|Geschäftszeichen|Gz\.)\s*:?\s*([^\n]{3,80})/gi;
  for (const m of flat.matchAll(labelRe)) labelled.push(...fileNumbersIn(m[1]!));
  if (labelled.length > 0) return [...new Set(labelled)];
  return fileNumbersIn(flat.slice(0, HEADER_CHARS)).slice(0, 3);
}

// ---------------------------------------------------------------- type, ECLI, norms

const DECISION_TYPES = [
  'Versäumnisurteil',
  'Anerkenntnisurteil',
  'Teilurteil',
  'Schlussurteil',
  'Endurteil',
  'Urteil',
  'Vorlagebeschluss',
  'Kammerbeschluss',
  'Beschluss',
  'Gerichtsbescheid',
  'Verfügung',
] as const;

export function recogniseDecisionType(text: string): string | null {
  const header = collapseLetterSpacing(text).slice(0, HEADER_CHARS);
  let best: { type: string; at: number } | null = null;
  for (const type of DECISION_TYPES) {
    const m = new RegExp(`(?<![\\p{L}])${type}(?![\\p{L}])`, 'iu').exec(header);
    if (m && (!best || m.index < best.at)) best = { type, at: m.index };
  }
  if (!best) return null;
  // "Endurteil" is an Urteil for the database's facets
  return best.type === 'Endurteil' ? 'Urteil' : best.type;
}

export function recogniseEcli(text: string): string | null {
  const m =
    /ECLI\s?:\s?(?:ECLI\s?:\s?)*[A-Z]{2}\s?:\s?[A-Z0-9.]{1,7}\s?:\s?\d{4}\s?:\s?[A-Z0-9.]{1,25}/i.exec(text);
  if (!m) return null;
  const result = normaliseEcli(m[0]);
  return result.ok ? result.ecli : null;
}

/** Every provision cited, once each, in text order. */
export function recogniseNorms(text: string): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const c of parseNorms(text)) {
    const key = normKey(c);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
  }
  return out;
}

export function recogniseDecision(text: string): Recognised {
  return {
    court: recogniseCourt(text.slice(0, HEADER_CHARS)) ?? null,
    date: recogniseDate(text),
    fileNumbers: recogniseFileNumbers(text),
    decisionType: recogniseDecisionType(text),
    ecli: recogniseEcli(text),
    norms: recogniseNorms(text),
  };
}
