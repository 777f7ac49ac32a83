import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, isAvailable, type RankingRequest, rankSpeakers, WEIGHTS } from './ranking.ts';

const base: Candidate = {
  id: 'x',
  name: 'X',
  topics: ['labour_exploitation'],
  languages: ['de'],
  regions: ['05'],
  formats: ['talk'],
  unavailable: [],
  recentRequests: 0,
};
const request: RankingRequest = {
  topic: 'labour_exploitation',
  language: 'de',
  land: '05',
  online: false,
  format: 'talk',
  date: '2027-03-10',
};
const speaker = (over: Partial<Candidate>): Candidate => ({ ...base, ...over });
const order = (cs: Candidate[], r: RankingRequest = request) => rankSpeakers(cs, r).map((s) => s.id);

describe('speaker ranking', () => {
  it('puts the topic first, then the language, then the region', () => {
    const ids = order([
      speaker({ id: 'region-only', topics: ['other'], languages: ['en'] }),
      speaker({ id: 'all' }),
      speaker({ id: 'no-region', regions: ['09'] }),
      speaker({ id: 'no-language', languages: ['en'] }),
      speaker({ id: 'no-topic', topics: ['forced_marriage'] }),
    ]);
    expect(ids).toEqual(['all', 'no-region', 'no-language', 'no-topic', 'region-only']);
  });

  it('counts a nationwide speaker as in every region, and ignores the region online', () => {
    const ranked = rankSpeakers(
      [speaker({ id: 'berlin', regions: ['11'] }), speaker({ id: 'nationwide', regions: ['nationwide'] })],
      request,
    );
    expect(ranked[0]!.id).toBe('nationwide');
    expect(ranked[0]!.reasons).toContain('region');
    expect(ranked[1]!.reasons).not.toContain('region');
    const online = rankSpeakers([speaker({ id: 'berlin', regions: ['11'], formats: ['online'] })], {
      ...request,
      online: true,
    });
    expect(online[0]!.reasons).toEqual(expect.arrayContaining(['online', 'format']));
    expect(online[0]!.score).toBe(WEIGHTS.topic + WEIGHTS.language + WEIGHTS.region + WEIGHTS.format);
  });

  it('lists an unavailable speaker last but does not hide them; the period is inclusive', () => {
    const away = speaker({ id: 'away', unavailable: [{ from: '2027-03-01', to: '2027-03-10' }] });
    const weak = speaker({ id: 'weak', topics: [], languages: ['en'], regions: [], formats: [] });
    const ranked = rankSpeakers([away, weak], request);
    expect(ranked.map((s) => s.id)).toEqual(['weak', 'away']);
    expect(ranked[1]!.available).toBe(false);
    expect(ranked[1]!.reasons).toContain('unavailable');
    expect(isAvailable(away.unavailable, '2027-03-11')).toBe(true);
    expect(isAvailable(away.unavailable, '2027-02-28')).toBe(true);
    expect(isAvailable(away.unavailable, '2027-03-01')).toBe(false);
  });

  it('prefers whoever was asked less often recently, with a capped penalty', () => {
    expect(order([speaker({ id: 'busy', recentRequests: 3 }), speaker({ id: 'rested' })])).toEqual([
      'rested',
      'busy',
    ]);
    // fairness never outweighs the topic: a very busy expert still beats someone without the topic
    expect(
      order([speaker({ id: 'novice', topics: [] }), speaker({ id: 'expert', recentRequests: 50 })]),
    ).toEqual(['expert', 'novice']);
    // equal scores: fewer requests first, then by name
    const tie = order([
      speaker({ id: 'b', name: 'Berta', recentRequests: 9 }),
      speaker({ id: 'a', name: 'Anna', recentRequests: 9 }),
    ]);
    expect(tie).toEqual(['a', 'b']);
  });

  it('is a total order: each suggestion scores at least the next one', () => {
    const arb = fc.record({
      id: fc.uuid(),
      name: fc.string({ maxLength: 5 }),
      topics: fc.subarray(['labour_exploitation', 'forced_marriage', 'other']),
      languages: fc.subarray(['de', 'en', 'ro']),
      regions: fc.subarray(['05', '11', 'nationwide']),
      formats: fc.subarray(['talk', 'workshop', 'online']),
      unavailable: fc.constant([]),
      recentRequests: fc.nat(20),
    });
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 20 }), (cs) => {
        const ranked = rankSpeakers(cs, request);
        expect(ranked).toHaveLength(cs.length);
        for (let i = 1; i < ranked.length; i++)
          expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
      }),
    );
  });
});
