/**
 * The lexicon of the norm parser (norms.ts): the tokenizer and the book (Gesetz) table — known abbreviations,
 * law names written out, the books of the Sozialgesetzbuch (Roman numerals, Arabic numerals as RII writes them,
 * ordinals written out) and EU acts. `readBook(text, at)` returns the canonical abbreviation of the book starting
 * exactly at `at`, or null; `tokenize(text, from)` returns the tokens of one stretch of citations.
 */

export type NormKind = 'paragraph_sign' | 'article';

const NOT_WORD = '(?![\\p{L}\\p{N}])';
const GEN = '(?:es|s)?'; // genitive: Gesetzes, Strafgesetzbuchs
const ARTICLE = '(?:(?:des|der|dem|im)\\s+)?';

/** Abbreviation as written → canonical abbreviation. Matched case-sensitively, also after "des"/"der". */
const ABBREVIATIONS: Record<string, string> = Object.fromEntries([
  ...(
    'StGB StPO BGB GG AufenthG AufenthV AsylG AsylVfG AsylbLG ArbSchG OEG AEntG MiLoG SchwarzArbG ProstSchG ' +
    'ProstG BetrVG ZPO GVG JGG EMRK AEUV EUV GRCh VwGO VwVfG OWiG BtMG BeschV KSchG ArbGG SGG FamFG IfSG InsO HGB ' +
    'EGBGB EGStGB VStGB StVG StVO BauGB EStG UStG AO GewO GmbHG AktG TVG ArbZG BUrlG EFZG NachwG AÜG MuSchG ' +
    'JArbSchG BDSG DSGVO RVG GKG BVerfGG BVG FreizügG/EU StAG BPolG BKAG GewSchG BZRG IRG StrEG StVollzG JVEG LkSG ' +
    'HinSchG SGB BEEG BKGG WoGG UVG PStG PAuswG PassG AZRG SchKG WaffG BRAO EGV EG EU'
  )
    .split(' ')
    .map((a) => [a, a]),
  ...'MRK=EMRK GRC=GRCh GrCh=GRCh GrCH=GRCh EUGrCh=GRCh EU-GRCh=GRCh AsylVerfG=AsylVfG'
    .split(' ')
    .map((pair) => pair.split('=')),
]);

/** Capitalised words that look like abbreviations but are courts, journals, currencies or companies. */
const NOT_BOOKS = new Set(
  (
    'BGH BGHSt BGHZ BVerfG BVerfGE BVerwG BVerwGE BAG BAGE BSG BSGE BFH BFHE OLG LG AG VG OVG VGH LAG LSG SG FG KG ' +
    'EuGH EuG EGMR NJW NStZ NVwZ NZA NZS StV JZ ZAR MDR FamRZ ECLI EWG UN EUR DM USD BT BR GmbH OHG KOK ILO ' +
    'OSZE GRETA RL VO ZB EDV PDF AZ'
  ).split(' '),
);

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV'];
const ORDINALS =
  'Erst Zweit Dritt Viert Fünft Sechst Sieb(?:en)?t Acht Neunt Zehnt Elft Zwölft Dreizehnt Vierzehnt'.split(
    ' ',
  );
const ROMAN_ALT = [...ROMAN].reverse().join('|');
const ORD = `(${ORDINALS.join('|')})(?:e[nsr]?)?`;
const SGB_NAME = `Sozialgesetzbuch${GEN}`;

type Reader = [RegExp, (m: RegExpExecArray) => string | null];
const rx = (source: string, flags = 'iuy') =>
  new RegExp(source.replaceAll(' ?', '\\s*').replaceAll(' ', '\\s+'), flags);

function ordinalToRoman(word: string): string | null {
  const index = ORDINALS.findIndex((o) => new RegExp(`^${o}`, 'iu').test(word));
  return index < 0 ? null : ROMAN[index]!;
}

/** Law names written out (case-insensitive, declined), each with its canonical abbreviation. */
const WRITTEN: Array<[string, string]> = [
  [`Strafgesetzbuch${GEN}`, 'StGB'],
  ['Strafprozess-?ordnung', 'StPO'],
  [`Bürgerliche[nsm]? Gesetzbuch${GEN}`, 'BGB'],
  [`Grundgesetz${GEN}`, 'GG'],
  [`Aufenthaltsgesetz${GEN}`, 'AufenthG'],
  ['Aufenthaltsverordnung', 'AufenthV'],
  [`Asylgesetz${GEN}`, 'AsylG'],
  [`Asylverfahrensgesetz${GEN}`, 'AsylVfG'],
  [`Asylbewerberleistungsgesetz${GEN}`, 'AsylbLG'],
  [`Arbeitsschutzgesetz${GEN}`, 'ArbSchG'],
  [`Opferentschädigungsgesetz${GEN}`, 'OEG'],
  [`Gesetz${GEN} über die Entschädigung für Opfer von Gewalttaten`, 'OEG'],
  [`Arbeitnehmer-?[Ee]ntsendegesetz${GEN}`, 'AEntG'],
  [`Mindestlohngesetz${GEN}`, 'MiLoG'],
  [`Schwarzarbeitsbekämpfungsgesetz${GEN}`, 'SchwarzArbG'],
  [`Prostituiertenschutzgesetz${GEN}`, 'ProstSchG'],
  [`Prostitutionsgesetz${GEN}`, 'ProstG'],
  [`Betriebsverfassungsgesetz${GEN}`, 'BetrVG'],
  ['Zivilprozess-?ordnung', 'ZPO'],
  [`Gerichtsverfassungsgesetz${GEN}`, 'GVG'],
  [`Jugendgerichtsgesetz${GEN}`, 'JGG'],
  ['Europäische[nr]? Menschenrechtskonvention', 'EMRK'],
  ['Konvention zum Schutze? der Menschenrechte und Grundfreiheiten', 'EMRK'],
  [`Vertrag${GEN} über die Arbeitsweise der Europäischen Union`, 'AEUV'],
  [`Vertrag${GEN} über die Europäische Union`, 'EUV'],
  ['(?:EU-)?Grundrechte-?[Cc]harta', 'GRCh'],
  ['Charta der Grundrechte der Europäischen Union', 'GRCh'],
  ['Verwaltungsgerichtsordnung', 'VwGO'],
  [`Verwaltungsverfahrensgesetz${GEN}`, 'VwVfG'],
  [`Ordnungswidrigkeitengesetz${GEN}`, 'OWiG'],
  [`Gesetz${GEN} über Ordnungswidrigkeiten`, 'OWiG'],
  [`Betäubungsmittelgesetz${GEN}`, 'BtMG'],
  ['Beschäftigungsverordnung', 'BeschV'],
  [`Kündigungsschutzgesetz${GEN}`, 'KSchG'],
  [`Arbeitsgerichtsgesetz${GEN}`, 'ArbGG'],
  [`Sozialgerichtsgesetz${GEN}`, 'SGG'],
  [`Infektionsschutzgesetz${GEN}`, 'IfSG'],
  ['Insolvenzordnung', 'InsO'],
  [`Handelsgesetzbuch${GEN}`, 'HGB'],
  [`Arbeitnehmerüberlassungsgesetz${GEN}`, 'AÜG'],
  [`Lieferkettensorgfaltspflichtengesetz${GEN}`, 'LkSG'],
  [`Bundesversorgungsgesetz${GEN}`, 'BVG'],
];

const READERS: Reader[] = [
  // Sozialgesetzbuch: "SGB II", "SGB 2" (RII), "Sozialgesetzbuch Zweites Buch", "Zweiten Buches Sozialgesetzbuch"
  [
    rx(`${ARTICLE}(?:${SGB_NAME}|SGB)\\s*[-–,]?\\s*${ORD} Buch${GEN}${NOT_WORD}`),
    (m) => sgb(ordinalToRoman(m[1]!)),
  ],
  [rx(`${ARTICLE}${ORD} Buch${GEN} (?:des )?${SGB_NAME}${NOT_WORD}`), (m) => sgb(ordinalToRoman(m[1]!))],
  [rx(`${ARTICLE}(?:SGB|${SGB_NAME}) ?(${ROMAN_ALT}|1[0-4]|[1-9])${NOT_WORD}`, 'uy'), (m) => sgb(m[1]!)],
  // EU acts: "Richtlinie 2011/36/EU", "RL (EU) 2024/1712", "Verordnung (EU) Nr. 604/2013", RII "EGRL 36/2011"
  [
    rx(
      `${ARTICLE}(?:Richtlinie|RL) ?(?:\\((?:EU|EG|EWG)\\) ?)?(?:Nr\\. ?)?(\\d{2,4}/\\d{1,4}/(?:EU|EG|EWG))`,
    ),
    (m) => `RL ${m[1]}`,
  ],
  [
    rx(`${ARTICLE}(?:Richtlinie|RL) ?\\((EU|EG)\\) ?(?:Nr\\. ?)?(\\d{4}/\\d{1,4})`),
    (m) => `RL (${m[1]}) ${m[2]}`,
  ],
  [
    rx(`${ARTICLE}(?:Verordnung|VO) ?\\((EU|EG|EWG)\\) ?(?:Nr\\. ?)?(\\d{1,4}/\\d{1,4})`),
    (m) => `VO (${m[1]}) ${m[2]}`,
  ],
  [rx('(EGRL|EURL|EWGRL|EUV|EGV|EWGV) (\\d{1,4}/\\d{4})', 'uy'), (m) => `${m[1]} ${m[2]}`],
  ...WRITTEN.map(([source, abbr]): Reader => [rx(`${ARTICLE}${source}${NOT_WORD}`), () => abbr]),
  [
    rx(
      `${ARTICLE}(${Object.keys(ABBREVIATIONS)
        .sort((a, b) => b.length - a.length)
        .map((a) => a.replace('/', '\\/'))
        .join('|')})${NOT_WORD}`,
      'uy',
    ),
    (m) => ABBREVIATIONS[m[1]!] ?? null,
  ],
];

function sgb(numeral: string | null): string | null {
  if (numeral === null) return null;
  const arabic = Number(numeral);
  return `SGB ${Number.isInteger(arabic) ? ROMAN[arabic - 1] : numeral}`;
}

/** Unknown abbreviations: one word, at least two capitals, ending in a capital ("InsO", "TVöD", "SchKG"). */
const FALLBACK = /[A-ZÄÖÜ][\p{L}]{1,14}(?![\p{L}\p{N}])/uy;

export function readBook(text: string, at: number): { book: string; end: number } | null {
  let best: { book: string; end: number } | null = null;
  for (const [re, toBook] of READERS) {
    re.lastIndex = at;
    const m = re.exec(text);
    const book = m ? toBook(m) : null;
    if (m && book && (!best || at + m[0].length > best.end)) best = { book, end: at + m[0].length };
  }
  if (best) return best;
  FALLBACK.lastIndex = at;
  const m = FALLBACK.exec(text);
  if (!m) return null;
  const word = m[0];
  const capitals = word.replace(/[^A-ZÄÖÜ]/g, '').length;
  if (capitals < 2 || !/[A-ZÄÖÜ]$/.test(word) || NOT_BOOKS.has(word) || ROMAN.includes(word)) return null;
  return { book: word, end: at + word.length };
}

/** Book names for property tests and documentation: every canonical abbreviation in the table. */
export const KNOWN_BOOKS: readonly string[] = [
  ...new Set([
    ...Object.values(ABBREVIATIONS),
    ...ROMAN.map((r) => `SGB ${r}`),
    ...WRITTEN.map(([, a]) => a),
  ]),
];

// ---------------------------------------------------------------------------------------------------------
// Tokenizer: one token per sign, number, level keyword, book, separator; whitespace is skipped.

export type Level = 'paragraph' | 'sentence' | 'number' | 'letter';
export type Tok = { s: number; e: number } & (
  | { t: 'sign'; kind: NormKind; plural: boolean }
  | { t: 'num' | 'letter' | 'roman' | 'book' | 'extra'; v: string }
  | { t: 'level'; v: Level }
  | { t: 'ff'; v: 'f' | 'ff' }
  | { t: 'range' | 'sep' | 'ivm' | 'fassung' | 'close' | 'other' }
);
type Body = Tok extends infer T ? (T extends unknown ? Omit<T, 's' | 'e'> : never) : never;

const NB = NOT_WORD;
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const EXTRAS: Record<string, string> = {
  alt: 'Alt.',
  var: 'Var.',
  hal: 'Halbs.',
  hs: 'Halbs.',
  uab: 'UAbs.',
  unt: 'UAbs.',
};
const rule = (source: string, body: (m: RegExpExecArray) => Body): [RegExp, (m: RegExpExecArray) => Body] => [
  new RegExp(source, 'uy'),
  body,
];

const RULES = [
  rule(`§§|Artt\\.|(?:Artikeln|Paragra(?:ph|f)en)${NB}`, (m) => ({
    t: 'sign',
    kind: kindOf(m[0]),
    plural: true,
  })),
  rule(`§|Art\\.|(?:Artikel|Art|Paragra(?:ph|f))${NB}`, (m) => ({
    t: 'sign',
    kind: kindOf(m[0]),
    plural: false,
  })),
  rule(`i\\.\\s?V\\.\\s?m(?:\\.|it${NB}|${NB})|iVm\\.?|in\\s+Verbindung\\s+mit${NB}`, () => ({ t: 'ivm' })),
  rule(`[an]\\.\\s?F\\.|[an]F${NB}|(?:alte|neue)[rn]?\\s+Fassung${NB}`, () => ({ t: 'fassung' })),
  rule(`Abs\\.|(?:Absätzen?|Absatz(?:es)?|Abs)${NB}`, () => ({ t: 'level', v: 'paragraph' })),
  rule(`S\\.|(?:Sätzen?|Satz(?:es)?|S)${NB}`, () => ({ t: 'level', v: 'sentence' })),
  rule(`Nrn?\\.|Ziff\\.|(?:Nummern?|Nrn?|Ziffern?)${NB}`, () => ({ t: 'level', v: 'number' })),
  rule(`lit\\.|Buchst\\.|(?:Buchstaben?|lit|Buchst)${NB}`, () => ({ t: 'level', v: 'letter' })),
  rule(`(?:Alt|Var|Halbs|Hs|UAbs)\\.|(?:Alternative|Variante|Halbsatz|Hs|HS|Unterabsatz|UAbs)${NB}`, (m) => ({
    t: 'extra',
    v: EXTRAS[m[0].slice(0, 3).toLowerCase()] ?? EXTRAS[m[0].slice(0, 2).toLowerCase()]!,
  })),
  rule(`ff\\.|ff${NB}|f\\.`, (m) => ({ t: 'ff', v: m[0].startsWith('ff') ? 'ff' : 'f' })),
  rule(`bis${NB}|[-–—]`, () => ({ t: 'range' })),
  rule(`(?:und|sowie|oder)${NB}|bzw\\.|u\\.|[,;]`, () => ({ t: 'sep' })),
];
const TAIL_RULES = [
  rule(`(?:${[...ROMANS].reverse().join('|')})${NB}`, (m) => ({
    t: 'roman',
    v: String(ROMANS.indexOf(m[0]) + 1),
  })),
  rule(`\\d{1,5}(?:[a-z](?!\\p{L}))?(?!\\p{N})`, (m) => ({ t: 'num', v: m[0] })),
  rule(`([a-z])\\1?${NB}`, (m) => ({ t: 'letter', v: m[0] })),
  rule('\\)', () => ({ t: 'close' })),
  rule('[\\p{L}\\p{N}_]+|[^]', () => ({ t: 'other' })),
];
const SPACE = /\s+/y;

function kindOf(sign: string): NormKind {
  return sign.startsWith('§') || sign.startsWith('Paragra') ? 'paragraph_sign' : 'article';
}

/** Tokens from `from` up to and including the first one no citation can continue over. */
export function tokenize(text: string, from: number): Tok[] {
  const toks: Tok[] = [];
  let p = from;
  while (p < text.length && toks.at(-1)?.t !== 'other') {
    SPACE.lastIndex = p;
    if (SPACE.test(text)) p = SPACE.lastIndex;
    if (p >= text.length) break;
    let tok: Tok | null = null;
    for (const [re, body] of RULES) {
      re.lastIndex = p;
      const m = re.exec(text);
      if (m) tok = { ...body(m), s: p, e: p + m[0].length } as Tok;
      if (tok) break;
    }
    const book = tok ? null : readBook(text, p);
    if (book) tok = { t: 'book', v: book.book, s: p, e: book.end };
    for (const [re, body] of tok ? [] : TAIL_RULES) {
      re.lastIndex = p;
      const m = re.exec(text);
      if (m) tok = { ...body(m), s: p, e: p + m[0].length } as Tok;
      if (tok) break;
    }
    toks.push(tok!);
    p = tok!.e;
  }
  return toks;
}
