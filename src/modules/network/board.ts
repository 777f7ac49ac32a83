/** The board (Vorstand): the statutes ask for three to five members; a lapsed term needs an election. */
export interface BoardTerm {
  id?: string;
  person_name: string;
  role: string;
  /** ISO dates (YYYY-MM-DD), inclusive. */
  term_start: string;
  term_end: string;
}

export type BoardWarning =
  | { kind: 'too_few'; count: number }
  | { kind: 'too_many'; count: number }
  | { kind: 'lapsed'; person_name: string; role: string; term_end: string };

export const BOARD_MIN = 3;
export const BOARD_MAX = 5;

export function isCurrent(term: BoardTerm, today: string): boolean {
  return term.term_start <= today && today <= term.term_end;
}

/**
 * Warnings for the office. The current board is every term that covers `today`. A term has lapsed when it
 * ended before `today` and neither the same person nor the same role (when named) has a current or later term.
 */
export function boardWarnings(terms: readonly BoardTerm[], today: string): BoardWarning[] {
  const warnings: BoardWarning[] = [];
  const current = terms.filter((t) => isCurrent(t, today));
  if (current.length < BOARD_MIN) warnings.push({ kind: 'too_few', count: current.length });
  if (current.length > BOARD_MAX) warnings.push({ kind: 'too_many', count: current.length });
  for (const term of terms) {
    if (term.term_end >= today) continue;
    const followedUp = terms.some(
      (other) =>
        other !== term &&
        other.term_end >= today &&
        (other.person_name === term.person_name || (term.role !== '' && other.role === term.role)),
    );
    if (!followedUp) {
      warnings.push({
        kind: 'lapsed',
        person_name: term.person_name,
        role: term.role,
        term_end: term.term_end,
      });
    }
  }
  return warnings;
}
