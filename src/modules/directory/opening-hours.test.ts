import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  berlinParts,
  formatSlots,
  type HoursLocale,
  isOpenAt,
  type OpeningSlot,
  openingSlotSchema,
  parseSlots,
  toHsdsSchedules,
  WEEKDAYS,
  type Weekday,
} from './opening-hours.ts';

const utc = (iso: string) => new Date(iso);
const slot = (byday: Weekday[], opensAt: string, closesAt: string, extra: Partial<OpeningSlot> = {}) => ({
  byday,
  opensAt,
  closesAt,
  ...extra,
});

// ---------------------------------------------------------------------------------------------------------
// References, deliberately written another way than the module: Berlin time from the EU daylight-saving rule
// (since 1996: last Sunday of March 01:00 UTC to last Sunday of October 01:00 UTC), "open" by walking back
// minute by minute over the local wall clock looking for an opening that still lasts.

const MINUTE = 60_000;

function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

function referenceBerlin(ms: number) {
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayAt0100Utc(year, 2) && ms < lastSundayAt0100Utc(year, 9);
  const local = new Date(ms + (summer ? 120 : 60) * MINUTE);
  return {
    weekday: WEEKDAYS[(local.getUTCDay() + 6) % 7]!,
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(),
    isoDate: local.toISOString().slice(0, 10),
  };
}

const referenceMinutes = (time: string) => Number(time.split(':')[0]) * 60 + Number(time.split(':')[1]);

function referenceIsOpen(slots: readonly OpeningSlot[], ms: number): boolean {
  const here = referenceBerlin(ms);
  // The local wall clock as a naive minute count, walked back in UTC arithmetic (no zone involved).
  const wallMinute = Date.parse(`${here.isoDate}T00:00:00Z`) / MINUTE + here.minutes;
  const timed = slots.map((s) => ({
    s,
    opens: referenceMinutes(s.opensAt),
    closes: referenceMinutes(s.closesAt),
  }));
  for (let back = 0; back < 1440; back++) {
    const minute = (((here.minutes - back) % 1440) + 1440) % 1440;
    for (const { s, opens, closes } of timed) {
      if (opens === closes || minute !== opens) continue;
      const duration = closes > opens ? closes - opens : closes + 1440 - opens;
      if (back >= duration) continue;
      const wall = new Date((wallMinute - back) * MINUTE);
      const weekday = WEEKDAYS[(wall.getUTCDay() + 6) % 7]!;
      const date = wall.toISOString().slice(0, 10);
      if (
        s.byday.includes(weekday) &&
        (s.validFrom === undefined || date >= s.validFrom) &&
        (s.validTo === undefined || date <= s.validTo)
      ) {
        return true;
      }
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Arbitraries

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

const transitions = [2024, 2025, 2026, 2027, 2028].flatMap((year) => [
  lastSundayAt0100Utc(year, 2),
  lastSundayAt0100Utc(year, 9),
]);

const instantArb = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2029, 0, 1) }),
  // Around the daylight-saving switches.
  fc
    .tuple(fc.constantFrom(...transitions), fc.integer({ min: -26 * 60, max: 26 * 60 }))
    .map(([t, minutes]) => t + minutes * MINUTE),
  // On and next to quarter hours in local time (where the generated slots open and close).
  fc
    .tuple(
      fc.integer({ min: dayOf('2024-01-01'), max: dayOf('2028-12-31') }),
      fc.integer({ min: 0, max: 96 }),
      fc.integer({ min: -1, max: 1 }),
      fc.constantFrom(60, 120),
    )
    .map(([day, quarter, nudge, offset]) => (day * 1440 + quarter * 15 + nudge - offset) * MINUTE),
);

const minuteOfDay = fc.oneof(
  fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
  fc.integer({ min: 0, max: 1439 }),
);
const closingMinute = fc.oneof(minuteOfDay, fc.constant(1440));
const bydayArb = fc.subarray([...WEEKDAYS], { minLength: 1 });

/** Times valid per the schema: opensAt 00:00–23:59, closesAt 00:00–24:00, different. */
const timesArb = fc
  .tuple(minuteOfDay, closingMinute)
  .filter(([opens, closes]) => opens !== closes)
  .map(([opens, closes]) => ({ opensAt: hhmm(opens), closesAt: hhmm(closes) }));

/** A slot whose validity is given as day offsets, made concrete against the instant under test. */
const relativeSlotArb = fc.record({
  byday: bydayArb,
  times: timesArb,
  fromOffset: fc.option(fc.integer({ min: -3, max: 2 }), { nil: undefined }),
  toOffset: fc.option(fc.integer({ min: -2, max: 3 }), { nil: undefined }),
});

type RelativeSlot = typeof relativeSlotArb extends fc.Arbitrary<infer T> ? T : never;

function concrete(slots: RelativeSlot[], ms: number): OpeningSlot[] {
  const today = Math.floor(ms / 86_400_000);
  return slots.map(({ byday, times, fromOffset, toOffset }) => ({
    byday,
    ...times,
    ...(fromOffset === undefined ? {} : { validFrom: isoDay(today + fromOffset) }),
    ...(toOffset === undefined ? {} : { validTo: isoDay(today + toOffset) }),
  }));
}

/** Slots that pass the schema, with absolute validity. */
const validSlotArb: fc.Arbitrary<OpeningSlot> = fc
  .record({
    byday: bydayArb,
    times: timesArb,
    from: fc.option(fc.integer({ min: dayOf('2020-01-01'), max: dayOf('2030-12-31') }), { nil: undefined }),
    length: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
  })
  .map(({ byday, times, from, length }) => {
    const s: OpeningSlot = { byday, ...times };
    if (from !== undefined) s.validFrom = isoDay(from);
    if (length !== undefined) s.validTo = isoDay((from ?? dayOf('2020-01-01')) + length);
    return s;
  });

// ---------------------------------------------------------------------------------------------------------

describe('berlinParts', () => {
  it('reads winter (CET) and summer (CEST) time', () => {
    expect(berlinParts(utc('2026-01-15T08:00:00Z'))).toEqual({
      weekday: 'TH',
      minutes: 9 * 60,
      isoDate: '2026-01-15',
    });
    expect(berlinParts(utc('2026-07-16T07:00:00Z'))).toEqual({
      weekday: 'TH',
      minutes: 9 * 60,
      isoDate: '2026-07-16',
    });
  });

  it('jumps from 01:59 CET to 03:00 CEST on the spring-forward day', () => {
    expect(berlinParts(utc('2026-03-29T00:30:00Z'))).toEqual({
      weekday: 'SU',
      minutes: 90,
      isoDate: '2026-03-29',
    });
    expect(berlinParts(utc('2026-03-29T00:59:00Z')).minutes).toBe(119);
    expect(berlinParts(utc('2026-03-29T01:00:00Z')).minutes).toBe(180);
    expect(berlinParts(utc('2026-03-29T01:30:00Z'))).toEqual({
      weekday: 'SU',
      minutes: 210,
      isoDate: '2026-03-29',
    });
  });

  it('repeats 02:00–02:59 on the fall-back day', () => {
    expect(berlinParts(utc('2026-10-25T00:30:00Z'))).toEqual({
      weekday: 'SU',
      minutes: 150,
      isoDate: '2026-10-25',
    });
    expect(berlinParts(utc('2026-10-25T01:30:00Z'))).toEqual({
      weekday: 'SU',
      minutes: 150,
      isoDate: '2026-10-25',
    });
    expect(berlinParts(utc('2026-10-25T00:59:00Z')).minutes).toBe(179);
    expect(berlinParts(utc('2026-10-25T01:00:00Z')).minutes).toBe(120);
    expect(berlinParts(utc('2026-10-25T02:00:00Z')).minutes).toBe(180);
  });

  it('puts local midnight at minute 0 of the next day, across a year boundary', () => {
    expect(berlinParts(utc('2026-01-01T23:00:00Z'))).toEqual({
      weekday: 'FR',
      minutes: 0,
      isoDate: '2026-01-02',
    });
    expect(berlinParts(utc('2025-12-31T23:30:00Z'))).toEqual({
      weekday: 'TH',
      minutes: 30,
      isoDate: '2026-01-01',
    });
    expect(berlinParts(utc('2026-01-01T22:59:59.999Z'))).toEqual({
      weekday: 'TH',
      minutes: 1439,
      isoDate: '2026-01-01',
    });
  });

  it('rejects an invalid date', () => {
    expect(() => berlinParts(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('matches the EU daylight-saving rule for any instant 1997–2090', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: Date.UTC(1997, 0, 1), max: Date.UTC(2090, 0, 1) }),
          fc
            .tuple(
              fc.integer({ min: 1997, max: 2089 }),
              fc.constantFrom(2, 9),
              fc.integer({ min: -90, max: 90 }),
            )
            .map(([year, month, minutes]) => lastSundayAt0100Utc(year, month) + minutes * MINUTE),
        ),
        (ms) => {
          expect(berlinParts(new Date(ms))).toEqual(referenceBerlin(ms));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('isOpenAt', () => {
  const weekdays = slot(['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '17:00');

  it('opens 09:00–17:00 Berlin time in winter (UTC+1)', () => {
    expect(isOpenAt([weekdays], utc('2026-01-15T07:59:00Z'))).toBe(false);
    expect(isOpenAt([weekdays], utc('2026-01-15T08:00:00Z'))).toBe(true);
    expect(isOpenAt([weekdays], utc('2026-01-15T15:59:59Z'))).toBe(true);
    expect(isOpenAt([weekdays], utc('2026-01-15T16:00:00Z'))).toBe(false);
  });

  it('opens 09:00–17:00 Berlin time in summer (UTC+2)', () => {
    expect(isOpenAt([weekdays], utc('2026-07-16T06:59:00Z'))).toBe(false);
    expect(isOpenAt([weekdays], utc('2026-07-16T07:00:00Z'))).toBe(true);
    expect(isOpenAt([weekdays], utc('2026-07-16T14:59:00Z'))).toBe(true);
    expect(isOpenAt([weekdays], utc('2026-07-16T15:00:00Z'))).toBe(false);
  });

  it('is closed on days not listed and with no slots', () => {
    expect(isOpenAt([weekdays], utc('2026-01-17T10:00:00Z'))).toBe(false); // Saturday
    expect(isOpenAt([], utc('2026-01-15T10:00:00Z'))).toBe(false);
  });

  it('keeps an overnight slot open past midnight into the next day', () => {
    const friday = [slot(['FR'], '22:00', '02:00')];
    expect(isOpenAt(friday, utc('2026-01-16T20:59:00Z'))).toBe(false); // Fri 21:59
    expect(isOpenAt(friday, utc('2026-01-16T21:00:00Z'))).toBe(true); // Fri 22:00
    expect(isOpenAt(friday, utc('2026-01-16T23:00:00Z'))).toBe(true); // Sat 00:00
    expect(isOpenAt(friday, utc('2026-01-17T00:00:00Z'))).toBe(true); // Sat 01:00
    expect(isOpenAt(friday, utc('2026-01-17T00:59:00Z'))).toBe(true); // Sat 01:59
    expect(isOpenAt(friday, utc('2026-01-17T01:00:00Z'))).toBe(false); // Sat 02:00
    expect(isOpenAt(friday, utc('2026-01-17T21:30:00Z'))).toBe(false); // Sat 22:30
    expect(isOpenAt(friday, utc('2026-01-16T00:00:00Z'))).toBe(false); // Fri 01:00, Thursday not listed
  });

  it('carries a Sunday overnight slot over the week boundary into Monday', () => {
    const sunday = [slot(['SU'], '22:00', '02:00')];
    expect(isOpenAt(sunday, utc('2026-01-18T21:30:00Z'))).toBe(true); // Sun 22:30
    expect(isOpenAt(sunday, utc('2026-01-19T00:00:00Z'))).toBe(true); // Mon 01:00
    expect(isOpenAt(sunday, utc('2026-01-19T01:00:00Z'))).toBe(false); // Mon 02:00
    expect(isOpenAt(sunday, utc('2026-01-19T21:30:00Z'))).toBe(false); // Mon 22:30
  });

  it('follows the wall clock through the daylight-saving switches', () => {
    // Saturday night into the spring-forward Sunday: 01:30 CET is open, 03:00 CEST is past 02:00.
    const saturdayNight = [slot(['SA'], '22:00', '02:00')];
    expect(isOpenAt(saturdayNight, utc('2026-03-29T00:30:00Z'))).toBe(true);
    expect(isOpenAt(saturdayNight, utc('2026-03-29T01:00:00Z'))).toBe(false);
    // 02:00–03:00 does not exist that day.
    const missingHour = [slot(['SU'], '02:00', '03:00')];
    expect(isOpenAt(missingHour, utc('2026-03-29T00:59:00Z'))).toBe(false);
    expect(isOpenAt(missingHour, utc('2026-03-29T01:00:00Z'))).toBe(false);
    const aroundIt = [slot(['SU'], '01:00', '04:00')];
    expect(isOpenAt(aroundIt, utc('2026-03-29T00:00:00Z'))).toBe(true);
    expect(isOpenAt(aroundIt, utc('2026-03-29T01:59:00Z'))).toBe(true);
    expect(isOpenAt(aroundIt, utc('2026-03-29T02:00:00Z'))).toBe(false);
    // 02:00–03:00 happens twice on the fall-back day, and the slot is open both times.
    const doubleHour = [slot(['SU'], '02:00', '03:00')];
    expect(isOpenAt(doubleHour, utc('2026-10-24T23:59:00Z'))).toBe(false);
    expect(isOpenAt(doubleHour, utc('2026-10-25T00:30:00Z'))).toBe(true);
    expect(isOpenAt(doubleHour, utc('2026-10-25T01:30:00Z'))).toBe(true);
    expect(isOpenAt(doubleHour, utc('2026-10-25T02:00:00Z'))).toBe(false);
  });

  it('honours validity ranges inclusively, in Berlin dates', () => {
    const april = [
      slot(['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '17:00', {
        validFrom: '2026-04-01',
        validTo: '2026-04-30',
      }),
    ];
    expect(isOpenAt(april, utc('2026-03-31T08:00:00Z'))).toBe(false); // Tue before
    expect(isOpenAt(april, utc('2026-04-01T07:00:00Z'))).toBe(true); // first day
    expect(isOpenAt(april, utc('2026-04-30T14:59:00Z'))).toBe(true); // last day
    expect(isOpenAt(april, utc('2026-05-01T07:00:00Z'))).toBe(false); // Fri after
    // 2026-03-31 22:30 UTC is already 1 April 00:30 in Berlin.
    const from = [slot(['WE'], '00:00', '01:00', { validFrom: '2026-04-01' })];
    const to = [slot(['WE'], '00:00', '01:00', { validTo: '2026-03-31' })];
    expect(isOpenAt(from, utc('2026-03-31T22:30:00Z'))).toBe(true);
    expect(isOpenAt(to, utc('2026-03-31T22:30:00Z'))).toBe(false);
  });

  it('judges an overnight opening by the day it starts', () => {
    const lastFriday = [slot(['FR'], '22:00', '02:00', { validTo: '2026-01-16' })];
    expect(isOpenAt(lastFriday, utc('2026-01-17T00:30:00Z'))).toBe(true); // Sat 01:30, started on Fri 16
    expect(isOpenAt(lastFriday, utc('2026-01-24T00:30:00Z'))).toBe(false); // a week later
    const startsSaturday = [slot(['FR'], '22:00', '02:00', { validFrom: '2026-01-17' })];
    expect(isOpenAt(startsSaturday, utc('2026-01-17T00:30:00Z'))).toBe(false); // began Fri 16, not valid yet
    expect(isOpenAt(startsSaturday, utc('2026-01-24T00:30:00Z'))).toBe(true);
  });

  it('closes at 24:00 at the end of the day', () => {
    const evening = [slot(['TH'], '18:00', '24:00')];
    expect(isOpenAt(evening, utc('2026-01-15T22:59:00Z'))).toBe(true); // Thu 23:59
    expect(isOpenAt(evening, utc('2026-01-15T23:00:00Z'))).toBe(false); // Fri 00:00
    const allDay = [slot(['MO'], '00:00', '24:00')];
    expect(isOpenAt(allDay, utc('2026-01-18T22:59:00Z'))).toBe(false); // Sun 23:59
    expect(isOpenAt(allDay, utc('2026-01-18T23:00:00Z'))).toBe(true); // Mon 00:00
    expect(isOpenAt(allDay, utc('2026-01-19T22:59:00Z'))).toBe(true); // Mon 23:59
    expect(isOpenAt(allDay, utc('2026-01-19T23:00:00Z'))).toBe(false); // Tue 00:00
    // Closing "00:00" means the same as 24:00.
    expect(isOpenAt([slot(['TH'], '18:00', '00:00')], utc('2026-01-15T22:59:00Z'))).toBe(true);
    expect(isOpenAt([slot(['TH'], '18:00', '00:00')], utc('2026-01-15T23:00:00Z'))).toBe(false);
  });

  it('treats slots with equal or malformed times as closed', () => {
    const at = utc('2026-01-15T10:00:00Z');
    expect(isOpenAt([slot(['TH'], '09:00', '09:00')], at)).toBe(false);
    expect(isOpenAt([slot(['TH'], '9:00', '17:00')], at)).toBe(false);
    expect(isOpenAt([slot(['TH'], '24:00', '02:00')], at)).toBe(false);
  });

  it('agrees with a minute-by-minute walk of the Berlin wall clock', () => {
    fc.assert(
      fc.property(fc.array(relativeSlotArb, { minLength: 1, maxLength: 3 }), instantArb, (relative, ms) => {
        const slots = concrete(relative, ms);
        expect(isOpenAt(slots, new Date(ms))).toBe(referenceIsOpen(slots, ms));
      }),
      { numRuns: 1500 },
    );
  });

  it('agrees with the walk right at the opening and closing minutes', () => {
    fc.assert(
      fc.property(
        fc.array(relativeSlotArb, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.boolean(),
        fc.integer({ min: -1, max: 1 }),
        fc.oneof(
          fc.integer({ min: dayOf('2024-01-01'), max: dayOf('2028-12-31') }),
          fc.constantFrom(...transitions).map((t) => Math.floor(t / 86_400_000) + 1),
        ),
        (relative, pick, atClose, nudge, day) => {
          const chosen = relative[pick % relative.length]!.times;
          const wall = day * 1440 + referenceMinutes(atClose ? chosen.closesAt : chosen.opensAt) + nudge;
          for (const offset of [60, 120]) {
            const ms = (wall - offset) * MINUTE;
            const local = referenceBerlin(ms);
            if (Date.parse(`${local.isoDate}T00:00:00Z`) / MINUTE + local.minutes !== wall) continue;
            const slots = concrete(relative, ms);
            expect(isOpenAt(slots, new Date(ms))).toBe(referenceIsOpen(slots, ms));
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('independence from the server time zone', () => {
  const instants = [
    '2026-01-15T07:59:00Z',
    '2026-01-15T08:00:00Z',
    '2026-03-29T00:30:00Z',
    '2026-03-29T01:30:00Z',
    '2026-10-25T00:30:00Z',
    '2026-10-25T01:30:00Z',
    '2026-01-18T23:30:00Z',
  ].map(utc);
  const slots = [slot(['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '17:00'), slot(['SU'], '22:00', '02:00')];

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives the same answers whatever process.env.TZ says', () => {
    const expected = instants.map((at) => [berlinParts(at), isOpenAt(slots, at)]);
    const original = process.env.TZ;
    const offsets = new Set<number>();
    try {
      for (const tz of [
        'America/New_York',
        'Asia/Kolkata',
        'Pacific/Kiritimati',
        'Australia/Lord_Howe',
        'UTC',
      ]) {
        process.env.TZ = tz;
        offsets.add(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset());
        expect(instants.map((at) => [berlinParts(at), isOpenAt(slots, at)])).toEqual(expected);
      }
    } finally {
      if (original === undefined) Reflect.deleteProperty(process.env, 'TZ');
      else process.env.TZ = original;
    }
    // The zone really changed under the code (Node applies TZ at runtime), so the check above meant something.
    expect(offsets.size).toBeGreaterThan(1);
  });

  it('never reads the local-time getters of Date', () => {
    const forbidden = [
      'getTimezoneOffset',
      'getHours',
      'getMinutes',
      'getDay',
      'getDate',
      'getMonth',
      'getFullYear',
    ] as const;
    for (const name of forbidden) {
      vi.spyOn(Date.prototype, name).mockImplementation(() => {
        throw new Error(`Date#${name} used`);
      });
    }
    for (const at of instants) {
      expect(() => isOpenAt(slots, at)).not.toThrow();
      expect(() => berlinParts(at)).not.toThrow();
    }
    expect(isOpenAt(slots, utc('2026-01-18T23:30:00Z'))).toBe(true); // Mon 00:30, Sunday's overnight slot
  });
});

describe('openingSlotSchema', () => {
  it('accepts good slots', () => {
    expect(openingSlotSchema.safeParse(slot(['MO'], '09:00', '17:00')).success).toBe(true);
    expect(openingSlotSchema.safeParse(slot(['FR'], '22:00', '02:00')).success).toBe(true);
    expect(openingSlotSchema.safeParse(slot(['SU'], '00:00', '24:00')).success).toBe(true);
    expect(
      openingSlotSchema.safeParse(
        slot(['SA'], '10:00', '13:00', { validFrom: '2026-04-01', validTo: '2026-04-01' }),
      ).success,
    ).toBe(true);
  });

  it.each([
    ['no weekday', slot([], '09:00', '17:00'), 'byday'],
    ['an unknown weekday', { byday: ['XX'], opensAt: '09:00', closesAt: '17:00' }, 'byday.0'],
    ['a one-digit hour', slot(['MO'], '9:00', '17:00'), 'opensAt'],
    ['an opening at 24:00', slot(['MO'], '24:00', '02:00'), 'opensAt'],
    ['a closing after 24:00', slot(['MO'], '09:00', '24:01'), 'closesAt'],
    ['minute 60', slot(['MO'], '09:60', '17:00'), 'opensAt'],
    ['equal times', slot(['MO'], '09:00', '09:00'), 'closesAt'],
    ['an impossible date', slot(['MO'], '09:00', '17:00', { validFrom: '2026-02-30' }), 'validFrom'],
    [
      'validity ending before it starts',
      slot(['MO'], '09:00', '17:00', { validFrom: '2026-05-01', validTo: '2026-04-30' }),
      'validTo',
    ],
  ])('rejects %s', (_name, input, path) => {
    const result = openingSlotSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toContain(path);
  });

  it('accepts every generated valid slot', () => {
    fc.assert(
      fc.property(validSlotArb, (s) => {
        expect(openingSlotSchema.safeParse(s).success).toBe(true);
      }),
    );
  });
});

describe('formatSlots', () => {
  const week: OpeningSlot[] = [
    slot(['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '17:00'),
    slot(['SA'], '10:00', '13:00'),
  ];

  it('groups consecutive days with the same hours', () => {
    expect(formatSlots(week, 'de')).toBe('Mo–Fr 09:00–17:00, Sa 10:00–13:00');
    expect(formatSlots(week, 'en')).toBe('Mon–Fri 09:00–17:00, Sat 10:00–13:00');
  });

  it('groups by the hours of each day, however the slots were split', () => {
    const split = [
      slot(['MO', 'TU'], '09:00', '17:00'),
      slot(['WE', 'TH', 'FR'], '09:00', '17:00'),
      slot(['SA'], '10:00', '13:00'),
    ];
    expect(formatSlots(split, 'de')).toBe('Mo–Fr 09:00–17:00, Sa 10:00–13:00');
  });

  it('lists non-consecutive days, pairs, several openings a day, overnight, 24:00 and validity', () => {
    expect(formatSlots([slot(['FR', 'MO', 'WE'], '09:00', '12:00')], 'de')).toBe('Mo, Mi, Fr 09:00–12:00');
    expect(formatSlots([slot(['SA', 'SU'], '10:00', '14:00')], 'de')).toBe('Sa, So 10:00–14:00');
    expect(
      formatSlots(
        [
          slot(['MO', 'TU', 'WE', 'TH'], '13:00', '17:00'),
          slot(['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '12:00'),
        ],
        'de',
      ),
    ).toBe('Mo–Do 09:00–12:00 und 13:00–17:00, Fr 09:00–12:00');
    expect(formatSlots([slot(['FR'], '22:00', '02:00'), slot(['SU'], '00:00', '24:00')], 'en')).toBe(
      'Fri 22:00–02:00, Sun 00:00–24:00',
    );
    const summer = slot(['SA'], '10:00', '14:00', { validFrom: '2026-04-01', validTo: '2026-09-30' });
    expect(formatSlots([summer], 'de')).toBe('Sa 10:00–14:00 (01.04.2026–30.09.2026)');
    expect(formatSlots([summer], 'en')).toBe('Sat 10:00–14:00 (2026-04-01 to 2026-09-30)');
    expect(formatSlots([slot(['MO'], '09:00', '12:00', { validFrom: '2026-04-01' })], 'de')).toBe(
      'Mo 09:00–12:00 (ab 01.04.2026)',
    );
    expect(formatSlots([slot(['MO'], '09:00', '12:00', { validTo: '2026-04-01' })], 'en')).toBe(
      'Mon 09:00–12:00 (until 2026-04-01)',
    );
    expect(formatSlots([], 'de')).toBe('');
  });
});

describe('parseSlots', () => {
  it('reads the German form', () => {
    expect(parseSlots('Mo–Fr 09:00–17:00, Sa 10:00–13:00')).toEqual({
      ok: true,
      slots: [slot(['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '17:00'), slot(['SA'], '10:00', '13:00')],
    });
  });

  it('reads quick typing: hyphens, listed days, short hours, "Uhr", several openings', () => {
    expect(parseSlots('Mo, Mi, Fr 09:00-12:00')).toEqual({
      ok: true,
      slots: [slot(['MO', 'WE', 'FR'], '09:00', '12:00')],
    });
    expect(parseSlots('mo-fr 9-17 Uhr')).toEqual({
      ok: true,
      slots: [slot(['MO', 'TU', 'WE', 'TH', 'FR'], '09:00', '17:00')],
    });
    expect(parseSlots('Di 9.30–12, 13–16.45')).toEqual({
      ok: true,
      slots: [slot(['TU'], '09:30', '12:00'), slot(['TU'], '13:00', '16:45')],
    });
    expect(parseSlots('Mo–Do 9–12 und 13–17; Fr 9–12')).toEqual({
      ok: true,
      slots: [
        slot(['MO', 'TU', 'WE', 'TH'], '09:00', '12:00'),
        slot(['MO', 'TU', 'WE', 'TH'], '13:00', '17:00'),
        slot(['FR'], '09:00', '12:00'),
      ],
    });
    expect(parseSlots('Fr 22–2, So 0–24')).toEqual({
      ok: true,
      slots: [slot(['FR'], '22:00', '02:00'), slot(['SU'], '00:00', '24:00')],
    });
    expect(parseSlots('Sa–Mo 10–14')).toEqual({
      ok: true,
      slots: [slot(['MO', 'SA', 'SU'], '10:00', '14:00')],
    });
    expect(parseSlots('  ')).toEqual({ ok: true, slots: [] });
  });

  it('reads validity in brackets', () => {
    expect(parseSlots('Sa 10–14 (ab 1.4.2026)')).toEqual({
      ok: true,
      slots: [slot(['SA'], '10:00', '14:00', { validFrom: '2026-04-01' })],
    });
    expect(parseSlots('Sa 10–14 (bis 30.09.2026)')).toEqual({
      ok: true,
      slots: [slot(['SA'], '10:00', '14:00', { validTo: '2026-09-30' })],
    });
    expect(parseSlots('Sa 10–14 (2026-04-01 to 2026-09-30)')).toEqual({
      ok: true,
      slots: [slot(['SA'], '10:00', '14:00', { validFrom: '2026-04-01', validTo: '2026-09-30' })],
    });
  });

  it.each([
    ['Mo–Fr 09:00–17:00, Mx 10:00–13:00', 'Mx 10:00–13:00', 'Mx'],
    ['Mo–Fr 09:00–17:00, Sa 10:00', 'Sa 10:00', 'Schlusszeit'],
    ['Mo 25:00–26:00', 'Mo 25:00–26:00', '25:00'],
    ['Mo 09:00–24:30', 'Mo 09:00–24:30', '24:30'],
    ['Mo 09:00–09:00', 'Mo 09:00–09:00', 'gleich'],
    ['Mo 24:00–02:00', 'Mo 24:00–02:00', '24:00'],
    ['Mo–Fr 9–17, Sa', 'Sa', 'Uhrzeit fehlt'],
    ['9–17', '9–17', 'Wochentag fehlt'],
    ['Mo– 9–17', 'Mo– 9–17', 'Wochentag'],
    ['Mo 9–12 Di 14–18', 'Mo 9–12 Di 14–18', 'Komma'],
    ['Mo 9–12 (ab 31.02.2026)', 'Mo 9–12 (ab 31.02.2026)', '31.02.2026'],
    ['Mo 9–12 (irgendwann)', 'Mo 9–12 (irgendwann)', 'irgendwann'],
    ['Mo 9–12 (01.05.2026–30.04.2026)', 'Mo 9–12 (01.05.2026–30.04.2026)', 'endet vor'],
    ['Mo 9–12 @', 'Mo 9–12 @', '@'],
  ])('names the bad part of %j', (text, part, detail) => {
    const result = parseSlots(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.part).toBe(part);
    expect(result.error).toContain(part);
    expect(result.error).toContain(detail);
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const result = parseSlots(text);
        if (result.ok)
          for (const s of result.slots) expect(openingSlotSchema.safeParse(s).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('names a bad part appended to good hours', () => {
    fc.assert(
      fc.property(
        fc.array(validSlotArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('Xy 9–12', 'Mo 9', 'Di 30–31'),
        (slots, bad) => {
          const result = parseSlots(`${formatSlots(slots, 'de')}, ${bad}`);
          expect(result).toMatchObject({ ok: false, part: bad });
        },
      ),
    );
  });
});

describe('parse/format round trip', () => {
  it.each<HoursLocale>(['de', 'en'])(
    'format(parse(format(x))) === format(x) in %s, with the same meaning',
    (locale) => {
      fc.assert(
        fc.property(
          fc.array(validSlotArb, { maxLength: 5 }),
          fc.array(instantArb, { maxLength: 5 }),
          (slots, instants) => {
            const text = formatSlots(slots, locale);
            const parsed = parseSlots(text);
            if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
            expect(formatSlots(parsed.slots, locale)).toBe(text);
            for (const s of parsed.slots) expect(openingSlotSchema.safeParse(s).success).toBe(true);
            for (const ms of instants)
              expect(isOpenAt(parsed.slots, new Date(ms))).toBe(isOpenAt(slots, new Date(ms)));
          },
        ),
        { numRuns: 500 },
      );
    },
  );
});

describe('toHsdsSchedules', () => {
  it('maps each slot to a weekly HSDS schedule', () => {
    expect(
      toHsdsSchedules([
        slot(['FR', 'MO', 'TU'], '09:00', '17:00'),
        slot(['SA'], '10:00', '13:00', { validFrom: '2026-04-01', validTo: '2026-09-30' }),
      ]),
    ).toEqual([
      {
        freq: 'WEEKLY',
        byday: 'MO,TU,FR',
        opens_at: '09:00',
        closes_at: '17:00',
        description: 'Mo, Di, Fr 09:00–17:00',
      },
      {
        freq: 'WEEKLY',
        byday: 'SA',
        opens_at: '10:00',
        closes_at: '13:00',
        valid_from: '2026-04-01',
        valid_to: '2026-09-30',
        description: 'Sa 10:00–13:00 (01.04.2026–30.09.2026)',
      },
    ]);
  });

  it('keeps overnight times, writes 24:00 as 23:59 and keeps the exact hours in the description', () => {
    expect(
      toHsdsSchedules([slot(['FR'], '22:00', '02:00'), slot(['SU', 'SU'], '18:00', '24:00')], 'en'),
    ).toEqual([
      { freq: 'WEEKLY', byday: 'FR', opens_at: '22:00', closes_at: '02:00', description: 'Fri 22:00–02:00' },
      { freq: 'WEEKLY', byday: 'SU', opens_at: '18:00', closes_at: '23:59', description: 'Sun 18:00–24:00' },
    ]);
  });
});
