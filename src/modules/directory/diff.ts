import { contentLocale, type Locale, type MessageKey, type Translate } from '../../platform/i18n/index.ts';
import {
  type EntryContent,
  type EntryField,
  entryFields,
  type FormState,
  type LocationContent,
} from './edit-schema.ts';
import { landName, lookupPostalCode } from './geo/geocode.ts';
import { formatSlots } from './opening-hours.ts';
import { labelList, landList, languageList } from './present.ts';
import type { CentreRecord } from './types.ts';

/** The editable content of a stored centre, in the same shape the forms produce. */
export function contentOf(centre: CentreRecord): EntryContent {
  return {
    name: centre.name,
    alternate_name: centre.alternateName,
    description_de: centre.descriptionDe,
    description_en: centre.descriptionEn,
    email: centre.email,
    website: centre.website,
    online_counselling: centre.onlineCounselling,
    online_url: centre.onlineUrl,
    targets: centre.targets,
    exploitation: centre.exploitation,
    services: centre.services,
    languages: centre.languages,
    lands: centre.lands,
    nationwide: centre.nationwide,
    locations: centre.locations.map((l) => ({
      name: l.name,
      street: l.street,
      postal_code: l.postalCode,
      city: l.city,
      land: l.land,
      address_privacy: l.addressPrivacy,
      accessibility: l.accessibility,
      opening_hours: l.openingHours,
      city_latitude: l.cityLatitude,
      city_longitude: l.cityLongitude,
    })),
    phones: centre.phones.map((p) => ({
      number: p.number,
      description: p.description,
      languages: p.languages,
    })),
  };
}

type Flat = string | boolean | string[];

const sorted = (v: string[]) => [...v].sort();

/**
 * One entry per detail a person can see: `name`, `locations.0.street`, … Lists of vocabulary keys compare as
 * sets; opening hours compare by their written form. Coordinates follow from the postal code and are left out.
 */
export function flatten(content: EntryContent, locale: Locale = 'de'): Array<[string, Flat]> {
  const out: Array<[string, Flat]> = [];
  for (const field of entryFields) {
    if (field === 'locations') {
      content.locations.forEach((l, i) => {
        for (const [k, v] of Object.entries(flatLocation(l, locale))) out.push([`locations.${i}.${k}`, v]);
      });
    } else if (field === 'phones') {
      content.phones.forEach((p, i) => {
        out.push([`phones.${i}.number`, p.number]);
        out.push([`phones.${i}.description`, p.description]);
        out.push([`phones.${i}.languages`, sorted(p.languages)]);
      });
    } else {
      const v = content[field];
      out.push([field, Array.isArray(v) ? sorted(v) : v]);
    }
  }
  return out;
}

function flatLocation(l: LocationContent, locale: Locale): Record<string, Flat> {
  return {
    name: l.name,
    street: l.street,
    postal_code: l.postal_code,
    city: l.city,
    land: l.land,
    address_privacy: l.address_privacy,
    accessibility: sorted(l.accessibility),
    opening_hours: formatSlots(l.opening_hours, contentLocale(locale)),
  };
}

export interface DiffRow {
  path: string;
  old: Flat | undefined;
  new: Flat | undefined;
}

/** The details that differ, in form order; a removed location shows its old values against nothing. */
export function diffRows(before: EntryContent, after: EntryContent, locale: Locale = 'de'): DiffRow[] {
  const a = new Map(flatten(before, locale));
  const b = new Map(flatten(after, locale));
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  const order = (p: string) => entryFields.indexOf(p.split('.')[0] as EntryField);
  return paths
    .filter((p) => JSON.stringify(a.get(p) ?? '') !== JSON.stringify(b.get(p) ?? ''))
    .sort((x, y) => order(x) - order(y) || paths.indexOf(x) - paths.indexOf(y))
    .map((p) => ({ path: p, old: a.get(p), new: b.get(p) }));
}

/** The top-level fields that changed: what a change request stores and the audit log names. */
export function changedFields(before: EntryContent, after: EntryContent): EntryField[] {
  const changed = new Set(diffRows(before, after).map((r) => r.path.split('.')[0] as EntryField));
  return entryFields.filter((f) => changed.has(f));
}

export function pick(content: EntryContent, fields: readonly EntryField[]): Partial<EntryContent> {
  return Object.fromEntries(fields.map((f) => [f, content[f]])) as Partial<EntryContent>;
}

/** A change request's stored fields, keeping only known ones (the JSON comes from our own database). */
export function storedChanges(json: unknown): Partial<EntryContent> {
  const value = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>;
  return pick(
    value as unknown as EntryContent,
    entryFields.filter((f) => f in value),
  );
}

export function fieldLabel(t: Translate, path: string): string {
  const [field, index, sub] = path.split('.');
  if (index === undefined) return t(`directory.field.${field}` as MessageKey);
  const kind = field === 'locations' ? 'location' : 'phone';
  const row = t(`directory.field.${kind}_n` as MessageKey, { n: Number(index) + 1 });
  return sub ? `${row}: ${t(`directory.field.${kind}.${sub}` as MessageKey)}` : row;
}

/** A flattened value as a reader sees it: labels instead of keys. */
export function displayValue(t: Translate, locale: Locale, path: string, value: Flat | undefined): string {
  if (value === undefined) return '–';
  if (typeof value === 'boolean') return t(value ? 'directory.yes' : 'directory.no');
  const leaf = path.split('.').at(-1)!;
  if (Array.isArray(value)) {
    if (value.length === 0) return '–';
    if (leaf === 'languages') return languageList(value, locale);
    if (leaf === 'lands') return landList(value);
    const prefix = {
      targets: 'directory.target',
      exploitation: 'directory.exploitation',
      services: 'directory.service',
      accessibility: 'directory.accessibility',
    }[leaf] as Parameters<typeof labelList>[1] | undefined;
    return prefix ? labelList(t, prefix, value) : value.join(', ');
  }
  if (leaf === 'land') return landName(value) ?? value;
  if (leaf === 'address_privacy') return t(`directory.privacy.${value}` as MessageKey);
  return value || '–';
}

/** The form fields of an entry, to prefill a form. */
export function formStateOf(content: EntryContent, locale: Locale): FormState {
  const state: FormState = {};
  for (const field of entryFields) {
    const v = content[field];
    if (field === 'locations' || field === 'phones') continue;
    state[field] = typeof v === 'boolean' ? (v ? 'on' : '') : (v as string | string[]);
  }
  content.locations.forEach((l, i) => {
    const p = `locations.${i}.`;
    Object.assign(state, {
      [`${p}name`]: l.name,
      [`${p}street`]: l.street,
      [`${p}postal_code`]: l.postal_code,
      [`${p}city`]: l.city,
      // a Land that follows from the postal code stays "automatic", so a new postal code brings its own Land
      [`${p}land`]: lookupPostalCode(l.postal_code)?.lands[0] === l.land ? '' : l.land,
      [`${p}address_privacy`]: l.address_privacy,
      [`${p}accessibility`]: l.accessibility,
      [`${p}opening_hours`]: formatSlots(l.opening_hours, contentLocale(locale)),
    });
  });
  content.phones.forEach((ph, i) => {
    Object.assign(state, {
      [`phones.${i}.number`]: ph.number,
      [`phones.${i}.description`]: ph.description,
      [`phones.${i}.languages`]: ph.languages.join(', '),
    });
  });
  return state;
}
