/**
 * The anonymisation check before publishing: finds what looks like personal data in a decision's text — names,
 * dates of birth, addresses, phone numbers, e-mail addresses — for the office to fix or confirm as harmless.
 * It errs on the side of flagging: a false alarm costs a click, a missed name can endanger a victim.
 *
 * German publication practice is respected: names replaced by initials ("A.", "Frau K.") or placeholders
 * ("[Name]", "N. N.", "XXX") are not flagged.
 */

export type FlagKind = 'name' | 'birth_date' | 'address' | 'phone' | 'email';

export interface Flag {
  kind: FlagKind;
  /** The text found (the key for confirming it as harmless). */
  match: string;
  field: string;
  start: number;
  end: number;
  /** A few words around it, to judge it without opening the text. */
  context: string;
}

/** Words that introduce a person in judgments ("die Zeugin Popescu", "Herrn Müller"). */
const PERSON_WORDS = [
  'Herrn?',
  'Frau',
  'Zeugin(?:nen)?',
  'Zeugen?',
  'Angeklagten?',
  'Angeklagter?',
  'Mitangeklagten?',
  'Mitangeklagter?',
  'Geschädigten?',
  'Geschädigter?',
  'Nebenklägerin',
  'Nebenklägers?',
  'Klägerin',
  'Klägers?',
  'Beklagten?',
  'Beklagter?',
  'Beschwerdeführerin',
  'Beschwerdeführers?',
  'Antragstellerin',
  'Antragstellers?',
  'Betroffenen?',
  'Betroffener?',
  'Verurteilten?',
  'Opfer',
  'Tochter',
  'Sohn(?:es)?',
  'Ehefrau',
  'Ehemann(?:es)?',
  'Lebensgefährtin',
  'Lebensgefährten?',
  'Schwester',
  'Bruder(?:s)?',
  'Arbeitgeber(?:in|s)?',
  'Vermieter(?:in|s)?',
];

/**
 * Capitalised words that follow a person word without being a name: German capitalises every noun ("der
 * Angeklagte Geld verlangte"). Nouns with typical endings are recognised by their ending, the rest listed here.
 */
const NOT_NAMES = new Set(
  `Geld Angst Arbeit Wohnung Zimmer Unterkunft Pass Pässe Papiere Ausweis Lohn Lohns Miete Schulden Euro Kenntnis
  Zeit Tage Stunden Wochen Monate Jahre Frauen Männer Personen Kinder Mittel Betrag Beträge Vorsitzende Vorsitzender
  Verteidiger Verteidigerin Recht Rechte Revision Berufung Strafe Haft Beschwerde Antrag Klage Urteil Beschluss
  Gericht Gerichts Kammer Senat Staatsanwaltschaft Polizei Tat Taten Sache Aussage Angaben Arbeitgeber Vermieter
  Hilfe Unterstützung Anspruch Ansprüche Leistungen Aufenthalt Aufenthaltserlaubnis Deutschland Deutsch Deutsche
  Rumänien Bulgarien Polen Nigeria Vietnam Ukraine Moldau Ungarn Berlin Hamburg München Köln Frankfurt Essen
  Bordell Bordells Prostitution Ausbeutung Menschenhandel Zwangsarbeit Opfer Täter Täterin Zeuge Zeugin Zeugen
  Nebenklage Nebenkläger Nebenklägerin Angeklagte Angeklagten Geschädigte Geschädigten Kläger Klägerin Beklagte
  Beklagten Herr Frau Fall Falle Vorwurf Vorwürfe Tatvorwurf Sachverhalt Schaden Schmerzensgeld Entschädigung
  Freiheitsstrafe Geldstrafe Bewährung Verfahren Hauptverhandlung Termin Einlassung Geständnis Anklage Ermittlungen
  Vernehmung Telefon Handy Nachrichten Fotos Bilder Kontakt Familie Eltern Mutter Vater Kind Kinder Freund Freundin
  Bekannte Bekannten Landsleute Landsmann Kunden Freier Zuhälter Fahrer Chef Chefin Vorarbeiter Baustelle Betrieb
  Firma Unternehmen Restaurant Hotel Haushalt Pflege Land Heimat Herkunftsland Ausreise Einreise Visum Dokumente
  Alter Jahr Jahren Jahres Monat Monaten Woche Wochen Tag Tagen Stunde Nacht Abend Morgen Mittag Juni Juli August
  Gewalt Drohungen Drohung Schläge Druck Zwang Lage Hilflosigkeit Zwangslage Notlage Abhängigkeit Einkommen
  Anwalt Anwältin Rechtsanwalt Rechtsanwältin Dolmetscher Dolmetscherin Sachverständige Sachverständigen Richter
  Richterin Beamte Beamtin Beamten Jugendamt Ausländerbehörde Jobcenter Arbeitsagentur Zoll Bundespolizei
  Ziffer Nummer Abs Absatz Satz Nr Art Rn Urt Beschl StGB StPO BGB AufenthG EMRK GG SGB OEG Arbeitsvertrag Vertrag
  Ihr Ihre Ihren Sie Er Es Wir Dies Diese Dieser Dieses Das Der Die Den Dem Des Ein Eine Einer Eines Einen Nach Von
  Vom Zur Zum Mit Bei Aus Auf In Im Am An Als Und Oder Auch Noch Nur Nicht Kein Keine Wegen Trotz Gegen Ohne Um`.split(
    /\s+/,
  ),
);
const NOUN_ENDING =
  /(?:ung|heit|keit|schaft|tion|sion|tät|nis|nisse|tum|ismus|ment|enz|anz|ur|ik|ie|ei|gen|chen|lein)$/;

/** Common given names (German and of the countries most victims in German cases come from). */
const GIVEN_NAMES = new Set(
  `Maria Anna Elena Ana Ioana Andreea Alexandra Mihaela Florentina Cristina Daniela Gabriela Georgiana Nicoleta
  Ionela Adriana Simona Roxana Petra Ivana Desislava Svetlana Natalia Natalya Olga Oksana Tetiana Iryna Kateryna
  Yuliya Julia Olena Marta Agnieszka Katarzyna Magdalena Joanna Ewa Monika Beata Blessing Joy Precious Faith Gift
  Mercy Favour Esther Grace Patience Happiness Linh Lan Mai Huong Thao Nga Hoa Hanh Thu Trang Ngoc Anh Fatima Aisha
  Amina Leyla Sabine Petra Claudia Andrea Stefanie Sandra Nicole Kerstin Susanne Christina Katharina Laura Lisa
  Sarah Lena Jana Nadine Tanja Melanie Ion Ioan Gheorghe Vasile Constantin Mihai Andrei Florin Marian Adrian
  Nicolae Dumitru Alexandru Cristian Ionut Stefan Daniel Marius Georgi Ivan Dimitar Nikolai Petar Hristo Stoyan
  Tomasz Piotr Krzysztof Andrzej Marek Pawel Jan Michal Oleksandr Serhii Volodymyr Dmytro Andriy Viktor Sergej
  Sergei Dmitri Alexej Emeka Chinedu Samuel Osagie Osas Godwin Friday Sunday Emmanuel Minh Tuan Hung Duc Nam Long
  Quang Thanh Hoang Mohamed Mohammed Ahmed Ali Hassan Mustafa Mehmet Murat Hans Peter Klaus Michael Thomas Andreas
  Wolfgang Jürgen Frank Uwe Stefan Markus Martin Christian Matthias Alexander Sebastian Tobias Florian Dirk Jens
  Kai Sven Torsten Holger Ralf Bernd Detlef Karl Heinz Werner Manfred Dieter Horst Günter Günther Gerhard Helmut`.split(
    /\s+/,
  ),
);

const NAME_WORD =
  "[A-ZÄÖÜÁÉÍÓÚȘȚŞŢĂÂÎČĆŽŠŁŃŚŹŻ][a-zäöüßáéíóúșțşţăâîčćžšłńęąśźżđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ'-]+";

function isNameWord(word: string): boolean {
  return !NOT_NAMES.has(word) && !NOUN_ENDING.test(word);
}

const MONTH_NAMES = 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember';
const DATE = String.raw`\d{1,2}\.\s?(?:\d{1,2}\.\s?|(?:${MONTH_NAMES})\s)\d{2,4}`;

const PATTERNS: Array<{ kind: FlagKind; re: RegExp; group?: number }> = [
  { kind: 'email', re: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
  {
    kind: 'birth_date',
    re: new RegExp(
      String.raw`(?:geboren\s+am|geboren|geb\.\s?(?:am\s)?|Geburtsdatum:?|\*)\s?(${DATE}|\d{4}(?=\s+in\b))`,
      'g',
    ),
  },
  {
    kind: 'phone',
    re: /(?<![\w/.,-])(?:\+\d{2,3}[\s/-]?|00\d{2,3}[\s/-]?|\(0\d{2,5}\)\s?|0)\d{2,5}[\s/-]?\d{3,}(?:[\s-]\d{1,5})?(?![\w/.,-]*\d)/g,
  },
  {
    kind: 'address',
    re: /(?<![\p{L}])[A-ZÄÖÜ][\p{L}.-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|steig|pfad|markt)\s\d{1,4}\s?[a-z]?(?![\p{L}\d])|(?<![\p{L}\d])(?:[A-ZÄÖÜ][\p{L}-]+\s)?(?:Straße|Str\.|Weg|Allee|Platz|Gasse|Ring|Damm)\s(?:des\s|der\s)?[A-ZÄÖÜ\d][\p{L}\d.-]*\s\d{1,4}[a-z]?(?![\p{L}\d])/gu,
  },
  {
    // postcode and city; "12000 Euro" is an amount, not an address
    kind: 'address',
    re: /(?<![\d.,])\d{5}\s(?!(?:Euro|EUR|Stunden|Tage|Personen|Fälle|Menschen|Mal|Seiten|Dollar|Lei|Leva|Zloty|Kilometer|km|Meter|Einwohner|Frauen|Männer)\b)[A-ZÄÖÜ][\p{L}]+(?:[\s-](?:am|an der|[A-ZÄÖÜ][\p{L}]+))?/gu,
  },
  {
    kind: 'name',
    re: new RegExp(
      String.raw`(?<![\p{L}])(?:${PERSON_WORDS.join('|')})\s((?:Dr\.\s)?${NAME_WORD}(?:\s${NAME_WORD})?)(?![\p{L}.])`,
      'gu',
    ),
    group: 1,
  },
  {
    kind: 'name',
    re: new RegExp(String.raw`(?<![\p{L}])(${NAME_WORD})\s(${NAME_WORD})(?![\p{L}.])`, 'gu'),
  },
];

/** Decodes the few entities our sanitised HTML contains and drops the tags, keeping offsets meaningful. */
export function plainText(html: string): string {
  return html
    .replace(/<\/(?:p|dd|dt|li|h\d|div|tr)>/gi, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(0, start - 40);
  const to = Math.min(text.length, end + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).replace(/\s+/g, ' ').trim()}${to < text.length ? '…' : ''}`;
}

/** Likely personal data in one text (plain text, not HTML). */
export function findPersonalData(text: string, field = 'text'): Flag[] {
  const flags: Flag[] = [];
  const taken: Array<[number, number]> = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  for (const { kind, re, group } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      let match = m[0];
      let start = m.index;
      if (group !== undefined && m[group]) {
        match = m[group]!;
        start = m.index + m[0].lastIndexOf(match);
      } else if (kind === 'birth_date' && m[1]) {
        match = m[0].trim();
      }
      if (kind === 'name') {
        const words = match.replace(/^Dr\.\s/, '').split(/\s/);
        if (group === undefined) {
          // a bare pair of capitalised words is a name only if the first is a known given name
          if (!GIVEN_NAMES.has(words[0]!) || !isNameWord(words[1]!)) continue;
        } else {
          if (!isNameWord(words[0]!)) continue;
          // "die Zeugin Popescu Angst …": keep only the name words
          if (words[1] && !isNameWord(words[1])) {
            match = words[0]!;
          }
        }
      }
      if (kind === 'phone' && match.replace(/\D/g, '').length < 6) continue;
      const end = start + match.length;
      if (overlaps(start, end)) continue;
      taken.push([start, end]);
      flags.push({ kind, match, field, start, end, context: contextOf(text, start, end) });
    }
  }
  return flags.sort((a, b) => a.start - b.start);
}

/** The fields of a decision that are published and therefore checked. */
export const CHECKED_FIELDS = [
  'title',
  'headnotes',
  'tenor',
  'facts',
  'reasons',
  'dissent',
  'summary_de',
  'summary_en',
] as const;

export function checkDecision(d: Record<(typeof CHECKED_FIELDS)[number], string>): Flag[] {
  return CHECKED_FIELDS.flatMap((f) => findPersonalData(plainText(d[f] ?? ''), f));
}

/** Flags not yet confirmed as harmless by the office. */
export function openFlags(flags: Flag[], confirmed: Array<{ kind: string; match: string }>): Flag[] {
  const ok = new Set(confirmed.map((c) => `${c.kind}\u0000${c.match}`));
  return flags.filter((f) => !ok.has(`${f.kind}\u0000${f.match}`));
}
