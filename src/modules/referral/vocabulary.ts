import { LANDS } from '../directory/geo/geocode.ts';
import { counsellingLanguages, exploitationForms } from '../directory/vocabulary.ts';

/**
 * The vocabularies of training and speaker requests. Keys are stable English identifiers (stored in the
 * database); labels live in the message catalogue (`referral.audience.*`, `referral.topic.*`, …).
 */

/** Who a training or talk is for: the authorities and groups the issue names (DOMAIN.md roles of the public). */
export const audiences = [
  'bka',
  'state_police',
  'federal_police',
  'customs',
  'bamf',
  'immigration_offices',
  'justice',
  'youth_welfare',
  'jobcenter',
  'labour_inspection',
  'counselling_centres',
  'health_services',
  'civil_society',
  'other',
] as const;
export type Audience = (typeof audiences)[number];

/** Topics: the forms of exploitation of DOMAIN.md plus the cross-cutting subjects of trainings. */
export const topics = [
  ...exploitationForms,
  'identification',
  'victim_rights',
  'residence_law',
  'criminal_proceedings',
  'trafficking_basics',
  'other',
] as const;
export type Topic = (typeof topics)[number];

export const speakerFormats = ['talk', 'workshop', 'panel', 'online'] as const;
export const trainingFormats = ['in_person', 'online', 'hybrid'] as const;

/** Languages a speaker can speak in: the counselling languages of the directory (names from Intl). */
export const speakerLanguages = counsellingLanguages;

export const landKeys = LANDS.map((l) => l.key);
export const NATIONWIDE = 'nationwide';
export const regionKeys = [NATIONWIDE, ...landKeys];

export { LANDS };
