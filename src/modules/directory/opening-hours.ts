import { z } from 'zod';

/**
 * Opening hours of a counselling centre's location, aligned with the HSDS 3 `schedule` table (weekly RRULE
 * fields `byday`, `opens_at`, `closes_at`, `valid_from`, `valid_to`).
 *
 * All times are local wall-clock times in Europe/Berlin. "Open now" converts the instant to Berlin time with
 * `Intl` only, so neither the server's TZ nor `Date#getTimezoneOffset` plays a part, and daylight saving is
 * handled by the ICU time-zone data: on the spring-forward day 02:00–02:59 does not exist, on the fall-back
 * day 02:00–02:59 happens twice (and a slot covering it is open both times).
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface OpeningSlot {
  /** The days on which the opening *starts*. */
  byday: Weekday[];
  /** 'HH:MM', 00:00–23:59. */
  opensAt: string;
  /** 'HH:MM', 00:00–24:00. Earlier than `opensAt` means it runs past midnight into the next day. */
  closesAt: string;
  /** First local date (YYYY-MM-DD, inclusive) on which the slot can start. */
  validFrom?: string;
  /** Last local date (YYYY-MM-DD, inclusive) on which the slot can start; an overnight opening begun that day still runs to its end. */
  validTo?: string;
}

export interface BerlinParts {
  weekday: Weekday;
  /** Minutes since local midnight, 0–1439. */
  minutes: number;
  /** Local calendar date, YYYY-MM-DD. */
  isoDate: string;
}

export type ParseResult = { ok: true; slots: OpeningSlot[] } | { ok: false; error: string; part: string };

export type HoursLocale = 'de' | 'en';

export interface HsdsSchedule {
  freq: 'WEEKLY';
  byday: string;
  opens_at: string;
  closes_at: string;
  valid_from?: string;
  valid_to?: string;
  description: string;
}

// ---------------------------------------------------------------------------------------------------------
// Berlin local time

const berlinFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const weekdayOfShortName: Record<string, Weekday> = {
  Mon: 'MO',
  Tue: 'TU',
  Wed: 'WE',
  Thu: 'TH',
  Fri: 'FR',
  Sat: 'SA',
  Sun: 'SU',
};

/** The weekday, minute of the day and calendar date of an instant in Europe/Berlin. */
export function berlinParts(date: Date): BerlinParts {
  if (Number.isNaN(date.getTime())) throw new RangeError('berlinParts: invalid date');
  const parts: Record<string, string> = {};
  for (const part of berlinFormat.formatToParts(date)) parts[part.type] = part.value;
  const weekday = weekdayOfShortName[parts.weekday ?? ''];
  if (!weekday) throw new RangeError(`berlinParts: unexpected weekday ${parts.weekday}`);
  // h23 never yields "24", but some ICU versions did for midnight with hour12: false; stay defensive.
  const hour = Number(parts.hour) % 24;
  const year = (parts.year ?? '').padStart(4, '0');
  return {
    weekday,
    minutes: hour * 60 + Number(parts.minute),
    isoDate: `${year}-${parts.month}-${parts.day}`,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Open now

const OPENS_RE = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const CLOSES_RE = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** 'HH:MM' to minutes since midnight ('24:00' is 1440); NaN for anything else. */
export function timeToMinutes(time: string): number {
  if (!CLOSES_RE.test(time)) return Number.NaN;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

export function minutesToTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The calendar day before a YYYY-MM-DD date, computed in UTC so the server's zone cannot interfere. */
function previousDate(isoDate: string): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const prev = new Date(0);
  prev.setUTCFullYear(y, m - 1, d - 1); // unlike Date.UTC, keeps years 0–99 as they are
  return prev.toISOString().slice(0, 10);
}

function startsOn(slot: OpeningSlot, weekday: Weekday, isoDate: string): boolean {
  if (!slot.byday.includes(weekday)) return false;
  // ISO dates compare correctly as strings.
  if (slot.validFrom !== undefined && isoDate < slot.validFrom) return false;
  if (slot.validTo !== undefined && isoDate > slot.validTo) return false;
  return true;
}

/**
 * Whether any slot is open at the instant, judged by Berlin wall-clock time. A slot is open from `opensAt`
 * (inclusive) to `closesAt` (exclusive); an overnight slot (closesAt < opensAt) started on a listed, valid
 * day stays open until `closesAt` on the following day, across week boundaries. A slot whose times are equal
 * or malformed is never open (the schema rejects those).
 */
export function isOpenAt(slots: readonly OpeningSlot[], at: Date): boolean {
  const now = berlinParts(at);
  let yesterday: { weekday: Weekday; isoDate: string } | undefined;
  for (const slot of slots) {
    const opens = timeToMinutes(slot.opensAt);
    const closes = timeToMinutes(slot.closesAt);
    if (!(opens < 1440) || Number.isNaN(closes) || opens === closes) continue;
    if (opens < closes) {
      if (now.minutes >= opens && now.minutes < closes && startsOn(slot, now.weekday, now.isoDate))
        return true;
      continue;
    }
    // Overnight: the evening part today, or the early-morning tail of yesterday's opening.
    if (now.minutes >= opens && startsOn(slot, now.weekday, now.isoDate)) return true;
    if (now.minutes < closes) {
      yesterday ??= {
        weekday: WEEKDAYS[(WEEKDAYS.indexOf(now.weekday) + 6) % 7]!,
        isoDate: previousDate(now.isoDate),
      };
      if (startsOn(slot, yesterday.weekday, yesterday.isoDate)) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Validation

const isoDate = z.iso.date();

export const openingSlotSchema = z
  .object({
    byday: z.array(z.enum(WEEKDAYS)).min(1, 'at least one weekday'),
    opensAt: z.string().regex(OPENS_RE, 'opening time must be HH:MM between 00:00 and 23:59'),
    closesAt: z.string().regex(CLOSES_RE, 'closing time must be HH:MM between 00:00 and 24:00'),
    validFrom: isoDate.optional(),
    validTo: isoDate.optional(),
  })
  .refine((slot) => slot.opensAt !== slot.closesAt, {
    path: ['closesAt'],
    message: 'closing time must differ from opening time',
  })
  .refine((slot) => !slot.validFrom || !slot.validTo || slot.validFrom <= slot.validTo, {
    path: ['validTo'],
    message: 'validTo must not be before validFrom',
  });

// ---------------------------------------------------------------------------------------------------------
// HSDS

function sortedDays(days: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((day) => days.includes(day));
}

/**
 * One HSDS 3 schedule per slot. HSDS times are plain local 'HH:MM' here: its `timezone` is a fixed UTC
 * offset, which cannot describe Europe/Berlin across daylight saving, so it is left out. A closing time of
 * 24:00 is not a valid `time` value and becomes 23:59 (the HSDS guidance for "until midnight"); the exact
 * hours stay in `description`.
 */
export function toHsdsSchedules(slots: readonly OpeningSlot[], locale: HoursLocale = 'de'): HsdsSchedule[] {
  return slots.map((slot) => ({
    freq: 'WEEKLY',
    byday: sortedDays(slot.byday).join(','),
    opens_at: slot.opensAt,
    closes_at: slot.closesAt === '24:00' ? '23:59' : slot.closesAt,
    ...(slot.validFrom !== undefined ? { valid_from: slot.validFrom } : {}),
    ...(slot.validTo !== undefined ? { valid_to: slot.validTo } : {}),
    description: formatSlots([slot], locale),
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Human text: "Mo–Fr 09:00–17:00, Sa 10:00–13:00"

const dayLabels: Record<HoursLocale, Record<Weekday, string>> = {
  de: { MO: 'Mo', TU: 'Di', WE: 'Mi', TH: 'Do', FR: 'Fr', SA: 'Sa', SU: 'So' },
  en: { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' },
};

const andWord: Record<HoursLocale, string> = { de: 'und', en: 'and' };

function formatDate(date: string, locale: HoursLocale): string {
  if (locale === 'en') return date;
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

function formatValidity(slot: Pick<OpeningSlot, 'validFrom' | 'validTo'>, locale: HoursLocale): string {
  const { validFrom: from, validTo: to } = slot;
  if (from === undefined && to === undefined) return '';
  if (from !== undefined && to !== undefined) {
    return locale === 'de'
      ? ` (${formatDate(from, locale)}–${formatDate(to, locale)})`
      : ` (${formatDate(from, locale)} to ${formatDate(to, locale)})`;
  }
  if (from !== undefined) return ` (${locale === 'de' ? 'ab' : 'from'} ${formatDate(from, locale)})`;
  return ` (${locale === 'de' ? 'bis' : 'until'} ${formatDate(to ?? '', locale)})`;
}

interface DayRange {
  opensAt: string;
  closesAt: string;
  validFrom?: string;
  validTo?: string;
}

function rangeKey(range: DayRange): string {
  return `${range.opensAt}-${range.closesAt}@${range.validFrom ?? ''}/${range.validTo ?? ''}`;
}

function formatDays(days: readonly Weekday[], locale: HoursLocale): string {
  const indices = days.map((day) => WEEKDAYS.indexOf(day));
  const runs: number[][] = [];
  for (const index of indices) {
    const run = runs.at(-1);
    if (run && run.at(-1) === index - 1) run.push(index);
    else runs.push([index]);
  }
  const label = (index: number) => dayLabels[locale][WEEKDAYS[index]!];
  return runs
    .map((run) =>
      run.length >= 3
        ? `${label(run[0]!)}–${label(run.at(-1)!)}`
        : run.map((index) => label(index)).join(', '),
    )
    .join(', ');
}

/**
 * A compact text of the weekly hours: days with identical hours are grouped ("Mo–Fr 09:00–17:00"), several
 * openings on one day are joined with "und"/"and", validity is added in brackets. Groups start in week
 * order. `parseSlots` reads the result back (both languages).
 */
export function formatSlots(slots: readonly OpeningSlot[], locale: HoursLocale): string {
  const perDay = new Map<Weekday, Map<string, DayRange>>();
  for (const slot of slots) {
    const range: DayRange = { opensAt: slot.opensAt, closesAt: slot.closesAt };
    if (slot.validFrom !== undefined) range.validFrom = slot.validFrom;
    if (slot.validTo !== undefined) range.validTo = slot.validTo;
    for (const day of slot.byday) {
      const ranges = perDay.get(day) ?? new Map<string, DayRange>();
      ranges.set(rangeKey(range), range);
      perDay.set(day, ranges);
    }
  }
  const groups = new Map<string, { days: Weekday[]; ranges: DayRange[] }>();
  for (const day of WEEKDAYS) {
    const ranges = perDay.get(day);
    if (!ranges) continue;
    const sorted = [...ranges.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const key = sorted.map(([k]) => k).join('|');
    const group = groups.get(key);
    if (group) group.days.push(day);
    else groups.set(key, { days: [day], ranges: sorted.map(([, range]) => range) });
  }
  return [...groups.values()]
    .map(({ days, ranges }) => {
      const times = ranges
        .map((range) => `${range.opensAt}–${range.closesAt}${formatValidity(range, locale)}`)
        .join(` ${andWord[locale]} `);
      return `${formatDays(days, locale)} ${times}`;
    })
    .join(', ');
}

const dayNames: Record<string, Weekday> = {};
for (const [day, names] of Object.entries({
  MO: ['mo', 'mon', 'montag', 'monday'],
  TU: ['di', 'tu', 'tue', 'tues', 'dienstag', 'tuesday'],
  WE: ['mi', 'we', 'wed', 'mittwoch', 'wednesday'],
  TH: ['do', 'th', 'thu', 'thur', 'thurs', 'donnerstag', 'thursday'],
  FR: ['fr', 'fri', 'freitag', 'friday'],
  SA: ['sa', 'sat', 'samstag', 'sonnabend', 'saturday'],
  SU: ['so', 'su', 'sun', 'sonntag', 'sunday'],
})) {
  for (const name of names) dayNames[name] = day as Weekday;
}

const connectorWords = new Set(['und', 'and']);

type Token =
  | { kind: 'word'; text: string }
  | { kind: 'time'; text: string }
  | { kind: 'dash'; text: string }
  | { kind: 'sep'; text: string }
  | { kind: 'paren'; text: string; inner: string };

const TOKEN_RE = /\s*(?:\(([^)]*)\)|([A-Za-zÄÖÜäöüß]+)\.?|(\d{1,2}(?:[:.]\d{2})?)|([-–—−])|([/&+])|(\S))/y;

function tokenize(part: string): Token[] | string {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  while (TOKEN_RE.lastIndex < part.length) {
    const start = TOKEN_RE.lastIndex;
    const m = TOKEN_RE.exec(part);
    if (!m) break; // only trailing whitespace left
    const [whole, inner, word, time, dash, sep, other] = m;
    if (inner !== undefined) tokens.push({ kind: 'paren', text: whole.trim(), inner: inner.trim() });
    else if (word !== undefined) tokens.push({ kind: 'word', text: word });
    else if (time !== undefined) tokens.push({ kind: 'time', text: time });
    else if (dash !== undefined) tokens.push({ kind: 'dash', text: dash });
    else if (sep !== undefined) tokens.push({ kind: 'sep', text: sep });
    else return `unerwartetes Zeichen „${other ?? part.slice(start).trim()}“`;
  }
  return tokens;
}

/** 'H', 'HH', 'H:MM', 'HH.MM' to 'HH:MM', or undefined. */
function normaliseTime(text: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  if (minute > 59 || hour > 24 || (hour === 24 && minute !== 0)) return undefined;
  return minutesToTime(hour * 60 + minute);
}

const DATE_SRC = String.raw`(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})`;
const FROM_ONLY_RE = new RegExp(String.raw`^(?:ab|from|vom|von|seit|since)\s+${DATE_SRC}$`, 'i');
const TO_ONLY_RE = new RegExp(String.raw`^(?:bis|until|till|to)\s+${DATE_SRC}$`, 'i');
const BOTH_RE = new RegExp(
  String.raw`^(?:(?:ab|from|vom|von)\s+)?${DATE_SRC}\s*(?:[-–—−]|\s(?:bis|until|till|to)\s)\s*${DATE_SRC}$`,
  'i',
);

function normaliseDate(text: string): string | undefined {
  let iso = text;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (german) iso = `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
  return isoDate.safeParse(iso).success ? iso : undefined;
}

function parseValidity(inner: string): { validFrom?: string; validTo?: string } | string {
  const text = inner.replace(/\s+/g, ' ').trim();
  let from: string | undefined;
  let to: string | undefined;
  const fromOnly = FROM_ONLY_RE.exec(text);
  const toOnly = TO_ONLY_RE.exec(text);
  const both = BOTH_RE.exec(text);
  if (fromOnly) from = fromOnly[1];
  else if (toOnly) to = toOnly[1];
  else if (both) [from, to] = [both[1], both[2]];
  else return `Gültigkeit „(${inner})“ nicht verstanden (z. B. „(ab 01.04.2026)“, „(bis 30.09.2026)“)`;
  const result: { validFrom?: string; validTo?: string } = {};
  if (from !== undefined) {
    const date = normaliseDate(from);
    if (!date) return `ungültiges Datum „${from}“`;
    result.validFrom = date;
  }
  if (to !== undefined) {
    const date = normaliseDate(to);
    if (!date) return `ungültiges Datum „${to}“`;
    result.validTo = date;
  }
  if (result.validFrom && result.validTo && result.validFrom > result.validTo) {
    return `Gültigkeit „(${inner})“ endet vor ihrem Beginn`;
  }
  return result;
}

function dayRange(from: Weekday, to: Weekday): Weekday[] {
  const days: Weekday[] = [];
  let index = WEEKDAYS.indexOf(from);
  for (;;) {
    days.push(WEEKDAYS[index]!);
    if (WEEKDAYS[index] === to) return days;
    index = (index + 1) % 7; // "Sa–Mo" wraps over the week's end
  }
}

interface ParsedPart {
  days: Weekday[];
  ranges: DayRange[];
}

function parsePart(part: string): ParsedPart | string {
  const cleaned = part.replace(/uhr\b/gi, ' ');
  const tokens = tokenize(cleaned);
  if (typeof tokens === 'string') return tokens;
  const days: Weekday[] = [];
  const ranges: DayRange[] = [];
  let i = 0;
  const peek = () => tokens[i];
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.kind === 'sep' || (token.kind === 'word' && connectorWords.has(token.text.toLowerCase()))) {
      i++;
      continue;
    }
    if (token.kind === 'word') {
      const day = dayNames[token.text.toLowerCase()];
      if (!day) return `unbekannter Wochentag „${token.text}“`;
      if (ranges.length > 0) return `Wochentag „${token.text}“ nach der Uhrzeit – Gruppen mit Komma trennen`;
      i++;
      if (peek()?.kind === 'dash') {
        i++;
        const next = peek();
        const end = next?.kind === 'word' ? dayNames[next.text.toLowerCase()] : undefined;
        if (!end) return `nach „${token.text}–“ fehlt ein Wochentag`;
        i++;
        days.push(...dayRange(day, end));
      } else {
        days.push(day);
      }
      continue;
    }
    if (token.kind === 'time') {
      const opensAt = normaliseTime(token.text);
      if (!opensAt) return `ungültige Uhrzeit „${token.text}“`;
      i++;
      if (peek()?.kind !== 'dash') return `nach „${token.text}“ fehlt „–“ und die Schlusszeit`;
      i++;
      const closeToken = peek();
      if (closeToken?.kind !== 'time') return `nach „${token.text}–“ fehlt die Schlusszeit`;
      const closesAt = normaliseTime(closeToken.text);
      if (!closesAt) return `ungültige Uhrzeit „${closeToken.text}“`;
      i++;
      if (opensAt === '24:00') return `Öffnungszeit „${token.text}“ muss vor 24:00 liegen`;
      if (opensAt === closesAt) return `Beginn und Ende „${token.text}–${closeToken.text}“ sind gleich`;
      const range: DayRange = { opensAt, closesAt };
      const validity = peek();
      if (validity?.kind === 'paren') {
        const parsed = parseValidity(validity.inner);
        if (typeof parsed === 'string') return parsed;
        Object.assign(range, parsed);
        i++;
      }
      ranges.push(range);
      continue;
    }
    if (token.kind === 'paren') return `„${token.text}“ steht nicht hinter einer Uhrzeit`;
    return `unerwartetes „${token.text}“`;
  }
  return { days, ranges };
}

function splitParts(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || char === ';' || char === '\n')) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
}

/**
 * Reads hours as typed by the office: "Mo–Fr 09:00–17:00, Sa 10:00–13:00", "Mo, Mi, Fr 9-12",
 * "Mo-Do 9-12 und 13-17 Uhr", "Fr 22:00-02:00", "Sa 10-14 (ab 01.04.2026)", and the English form that
 * `formatSlots` writes. Groups are separated by commas (or semicolons, line breaks); a group with only days
 * takes the times of the next group, one with only times adds them to the previous group's days. The error
 * names the part that failed.
 */
export function parseSlots(text: string): ParseResult {
  const slots: OpeningSlot[] = [];
  let pendingDays: Weekday[] = [];
  let pendingPart = '';
  let lastDays: Weekday[] | undefined;
  for (const part of splitParts(text)) {
    const parsed = parsePart(part);
    if (typeof parsed === 'string') return { ok: false, part, error: `„${part}“: ${parsed}` };
    if (parsed.ranges.length === 0) {
      pendingDays.push(...parsed.days);
      pendingPart = pendingPart ? `${pendingPart}, ${part}` : part;
      continue;
    }
    let days = [...pendingDays, ...parsed.days];
    if (days.length === 0) {
      if (!lastDays) return { ok: false, part, error: `„${part}“: Wochentag fehlt` };
      days = lastDays;
    }
    const byday = sortedDays(days);
    for (const range of parsed.ranges) slots.push({ byday: [...byday], ...range });
    lastDays = byday;
    pendingDays = [];
    pendingPart = '';
  }
  if (pendingDays.length > 0) {
    return { ok: false, part: pendingPart, error: `„${pendingPart}“: Uhrzeit fehlt` };
  }
  return { ok: true, slots };
}
