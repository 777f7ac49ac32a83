/**
 * Ranked speaker suggestions for a request. Pure: the caller loads the pool, the unavailable periods and how
 * often each speaker was asked recently; this decides the order and says why.
 *
 * Weights: the topic matters most (a speaker without it is rarely the right one), then the language (the talk
 * must be given in it), the region (travel; irrelevant online), the format. A speaker unavailable on the date
 * is listed last, never hidden: the office may know better. Fairness: every proposal in the last year costs a
 * little, so the same few people are not asked every time.
 */

export interface Candidate {
  id: string;
  name: string;
  topics: readonly string[];
  languages: readonly string[];
  regions: readonly string[];
  formats: readonly string[];
  /** Inclusive ISO dates (YYYY-MM-DD). */
  unavailable: ReadonlyArray<{ from: string; to: string }>;
  /** Proposals made to this speaker in the fairness window (any answer). */
  recentRequests: number;
}

export interface RankingRequest {
  topic: string;
  language: string;
  /** Land key, or null when none was given. */
  land: string | null;
  online: boolean;
  format: string;
  /** ISO date YYYY-MM-DD. */
  date: string;
}

export type Reason =
  | 'topic'
  | 'language'
  | 'region'
  | 'online'
  | 'format'
  | 'unavailable'
  | 'no_topic'
  | 'no_language';

export interface Suggestion {
  id: string;
  name: string;
  score: number;
  available: boolean;
  recentRequests: number;
  reasons: Reason[];
}

export const WEIGHTS = {
  topic: 40,
  language: 25,
  region: 15,
  format: 10,
  unavailable: -100,
  perRecentRequest: -4,
  maxFairnessPenalty: -20,
} as const;

export function isAvailable(unavailable: Candidate['unavailable'], date: string): boolean {
  return !unavailable.some((p) => p.from <= date && date <= p.to);
}

export function scoreCandidate(c: Candidate, r: RankingRequest): Suggestion {
  let score = 0;
  const reasons: Reason[] = [];
  if (c.topics.includes(r.topic)) {
    score += WEIGHTS.topic;
    reasons.push('topic');
  } else reasons.push('no_topic');
  if (c.languages.includes(r.language)) {
    score += WEIGHTS.language;
    reasons.push('language');
  } else reasons.push('no_language');
  if (r.online) {
    // online, the region does not matter: everyone gets the points
    score += WEIGHTS.region;
    reasons.push('online');
  } else if (c.regions.includes('nationwide') || (r.land !== null && c.regions.includes(r.land))) {
    score += WEIGHTS.region;
    reasons.push('region');
  }
  const wantedFormat = r.online ? 'online' : r.format;
  if (c.formats.includes(wantedFormat) || c.formats.includes(r.format)) {
    score += WEIGHTS.format;
    reasons.push('format');
  }
  const available = isAvailable(c.unavailable, r.date);
  if (!available) {
    score += WEIGHTS.unavailable;
    reasons.push('unavailable');
  }
  score += Math.max(WEIGHTS.maxFairnessPenalty, WEIGHTS.perRecentRequest * c.recentRequests);
  return { id: c.id, name: c.name, score, available, recentRequests: c.recentRequests, reasons };
}

/** Best first; ties go to whoever was asked less often, then by name (stable, explainable). */
export function rankSpeakers(candidates: readonly Candidate[], request: RankingRequest): Suggestion[] {
  return candidates
    .map((c) => scoreCandidate(c, request))
    .sort(
      (a, b) =>
        b.score - a.score || a.recentRequests - b.recentRequests || a.name.localeCompare(b.name, 'de'),
    );
}
