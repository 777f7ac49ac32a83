/** The shared vocabularies of DOMAIN.md that describe a centre (keys are stable; labels live in the catalogue). */
export const targetGroups = ['women', 'men', 'trans_inter_nonbinary', 'minors', 'families'] as const;

export const exploitationForms = [
  'sexual_exploitation',
  'labour_exploitation',
  'forced_labour',
  'forced_begging',
  'forced_criminality',
  'forced_marriage',
  'organ_removal',
  'domestic_servitude',
  'slavery',
] as const;

export const centreServices = [
  'crisis_intervention',
  'outreach',
  'psychosocial_counselling',
  'native_language_counselling',
  'residence_social_law',
  'accommodation',
  'medical_therapy',
  'education_leisure',
  'accompaniment_authorities',
  'accompaniment_court',
  'lawyer_referral',
  'life_perspectives',
  'return_support',
  'online_counselling',
] as const;

export const accessibilityFeatures = [
  'wheelchair',
  'step_free',
  'accessible_toilet',
  'sign_language',
  'easy_language',
] as const;

/** Languages offered in counselling (ISO 639-1); names come from Intl.DisplayNames in the visitor's language. */
export const counsellingLanguages = [
  'de',
  'en',
  'fr',
  'ro',
  'bg',
  'pl',
  'ru',
  'uk',
  'es',
  'pt',
  'ar',
  'vi',
  'tr',
  'hu',
  'cs',
  'sk',
  'sq',
  'sr',
  'hr',
  'it',
  'el',
  'fa',
  'ku',
  'ti',
  'am',
  'so',
  'zh',
  'th',
  'tl',
  'ha',
  'yo',
  'ig',
  'tw',
  'lt',
  'lv',
] as const;

export type TargetGroup = (typeof targetGroups)[number];
export type ExploitationForm = (typeof exploitationForms)[number];
export type CentreService = (typeof centreServices)[number];
export type AccessibilityFeature = (typeof accessibilityFeatures)[number];

export const addressPrivacyLevels = ['public', 'city', 'on_request'] as const;
export type AddressPrivacy = (typeof addressPrivacyLevels)[number];

export const shelterStatuses = ['available', 'limited', 'none', 'unknown'] as const;
export type ShelterStatus = (typeof shelterStatuses)[number];

/** Shelter availability older than this is shown as unknown: an old "available" must not send someone in vain. */
export const SHELTER_STATUS_MAX_AGE_DAYS = 7;

// one Intl.DisplayNames per locale (building one costs ~25 µs) and each name looked up once: a result page names
// about 150 languages
const displayNames = new Map<string, Intl.DisplayNames | null>();
const nameCache = new Map<string, string>();

export function languageName(code: string, locale: string): string {
  const key = `${locale}\u0000${code}`;
  const known = nameCache.get(key);
  if (known !== undefined) return known;
  const name = lookupLanguageName(code, locale);
  if (nameCache.size < 5000) nameCache.set(key, name);
  return name;
}

function lookupLanguageName(code: string, locale: string): string {
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'language' });
    } catch {
      names = null;
    }
    if (displayNames.size < 100) displayNames.set(locale, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}
