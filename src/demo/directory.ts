import type { Db } from '../db/types.ts';
import { lookupPostalCode } from '../modules/directory/geo/geocode.ts';
import type { OpeningSlot } from '../modules/directory/opening-hours.ts';
import {
  accessibilityFeatures,
  centreServices,
  exploitationForms,
  targetGroups,
} from '../modules/directory/vocabulary.ts';
import { pick, seededRandom } from './random.ts';

/** Fictional centres (clearly marked demo) with realistic variety. Deterministic: the same data on every start. */
const memberCities: Array<[string, string]> = [
  ['Kiel', '24103'],
  ['Lübeck', '23552'],
  ['Hamburg', '20095'],
  ['Hannover', '30159'],
  ['Osnabrück', '49074'],
  ['Oldenburg', '26122'],
  ['Bremen', '28195'],
  ['Köln', '50667'],
  ['Dortmund', '44137'],
  ['Essen', '45127'],
  ['Düsseldorf', '40213'],
  ['Münster', '48143'],
  ['Bielefeld', '33602'],
  ['Duisburg', '47051'],
  ['Frankfurt am Main', '60311'],
  ['Kassel', '34117'],
  ['Wiesbaden', '65183'],
  ['Mainz', '55116'],
  ['Trier', '54290'],
  ['Koblenz', '56068'],
  ['Stuttgart', '70173'],
  ['Freiburg', '79098'],
  ['Mannheim', '68159'],
  ['Karlsruhe', '76133'],
  ['München', '80331'],
  ['Nürnberg', '90402'],
  ['Augsburg', '86150'],
  ['Regensburg', '93047'],
  ['Würzburg', '97070'],
  ['Saarbrücken', '66111'],
  ['Berlin', '10785'],
  ['Potsdam', '14467'],
  ['Cottbus', '03046'],
  ['Rostock', '18055'],
  ['Schwerin', '19053'],
  ['Leipzig', '04109'],
  ['Dresden', '01067'],
  ['Chemnitz', '09111'],
  ['Magdeburg', '39104'],
  ['Halle (Saale)', '06108'],
  ['Erfurt', '99084'],
  ['Jena', '07743'],
  ['Weimar', '99423'],
];
const otherCities: Array<[string, string]> = [
  ['Flensburg', '24937'],
  ['Göttingen', '37073'],
  ['Bonn', '53111'],
  ['Darmstadt', '64283'],
  ['Heidelberg', '69117'],
  ['Ulm', '89073'],
  ['Passau', '94032'],
  ['Neubrandenburg', '17033'],
  ['Frankfurt (Oder)', '15230'],
  ['Görlitz', '02826'],
  ['Dessau-Roßlau', '06844'],
  ['Gera', '07545'],
  ['Ludwigshafen', '67059'],
  ['Kaiserslautern', '67655'],
  ['Bremerhaven', '27568'],
  ['Hildesheim', '31134'],
  ['Aachen', '52062'],
];

const neighbours: Record<string, string[]> = {
  '11': ['12'],
  '12': ['11'],
  '02': ['01'],
  '04': ['03'],
  '10': ['07'],
  '16': ['15'],
  '13': ['12'],
};

const languagePool = [
  'en',
  'ro',
  'bg',
  'pl',
  'ru',
  'uk',
  'es',
  'pt',
  'ar',
  'vi',
  'fr',
  'tr',
  'hu',
  'th',
  'zh',
  'fa',
  'ti',
  'yo',
];

function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function hours(rnd: () => number): OpeningSlot[] {
  const variant = Math.floor(rnd() * 4);
  if (variant === 0) return [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR'], opensAt: '09:00', closesAt: '17:00' }];
  if (variant === 1) {
    return [
      { byday: ['MO', 'WE', 'FR'], opensAt: '10:00', closesAt: '16:00' },
      { byday: ['TU', 'TH'], opensAt: '13:00', closesAt: '19:00' },
    ];
  }
  if (variant === 2)
    return [{ byday: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], opensAt: '00:00', closesAt: '24:00' }];
  return [
    { byday: ['MO', 'TU', 'WE', 'TH'], opensAt: '09:00', closesAt: '15:00' },
    { byday: ['FR'], opensAt: '09:00', closesAt: '12:00' },
  ];
}

export async function seedDemoDirectory(db: Db): Promise<number> {
  const rnd = seededRandom(20261128);
  const orgs = await db.selectFrom('organisations').select(['id', 'slug']).execute();
  const orgBySlug = new Map(orgs.map((o) => [o.slug, o.id]));
  const entries = [
    ...memberCities.map((c) => ({ city: c[0], plz: c[1], member: true })),
    ...otherCities.map((c) => ({ city: c[0], plz: c[1], member: false })),
  ];
  let n = 0;
  for (const entry of entries) {
    const geo = lookupPostalCode(entry.plz);
    if (!geo) continue;
    const land = geo.lands[0]!;
    const slug = entry.member ? `demo-fbs-${slugify(entry.city)}` : `demo-beratung-${slugify(entry.city)}`;
    const exploitation = pick(rnd, exploitationForms, 1, 4);
    if (!exploitation.includes('sexual_exploitation') && rnd() < 0.6)
      exploitation.push('sexual_exploitation');
    if (!exploitation.includes('labour_exploitation') && rnd() < 0.5)
      exploitation.push('labour_exploitation');
    const targets = rnd() < 0.45 ? ['women'] : pick(rnd, targetGroups, 2, 5);
    if (!targets.includes('women') && rnd() < 0.7) targets.push('women');
    const services = pick(rnd, centreServices, 4, 10);
    if (!services.includes('crisis_intervention')) services.push('crisis_intervention');
    const languages = ['de', ...pick(rnd, languagePool, 1, 6)];
    const nationwide = n === 30 || n === 47;
    const online = rnd() < 0.35;
    if (online && !services.includes('online_counselling')) services.push('online_counselling');
    const shelterStatus = (['available', 'limited', 'none', 'unknown'] as const)[Math.floor(rnd() * 4)]!;
    const privacy = (['public', 'city', 'city', 'on_request'] as const)[Math.floor(rnd() * 4)]!;
    const name = entry.member
      ? `Demo-Fachberatungsstelle ${entry.city}`
      : `Demo-Beratungsstelle für Betroffene ${entry.city}`;
    const centre = await db
      .insertInto('directory_centres')
      .values({
        slug,
        name,
        alternate_name:
          rnd() < 0.3 ? `Demo – Beratung gegen Menschenhandel und Ausbeutung in ${entry.city}` : '',
        description_de: `Fiktive Beispiel-Beratungsstelle (Demo) in ${entry.city}. Vertrauliche und kostenlose Beratung für Betroffene von Menschenhandel und Ausbeutung, unabhängig vom Aufenthaltsstatus.`,
        description_en: `Fictional sample counselling centre (demo) in ${entry.city}. Confidential, free counselling for people affected by trafficking and exploitation, regardless of residence status.`,
        email: `beratung@${slug}.demo.invalid`,
        website: rnd() < 0.6 ? `https://${slug}.example.org` : '',
        organisation_id: entry.member ? (orgBySlug.get(slug) ?? null) : null,
        is_member: entry.member,
        online_counselling: online,
        online_url: online ? `https://${slug}.example.org/online-beratung` : '',
        shelter_status: services.includes('accommodation') ? shelterStatus : 'unknown',
        shelter_updated_at:
          services.includes('accommodation') && shelterStatus !== 'unknown'
            ? new Date(Date.now() - Math.floor(rnd() * 10) * 86_400_000)
            : null,
        targets,
        exploitation,
        services,
        languages,
        lands: nationwide ? [] : [land, ...(neighbours[land] ?? [])],
        nationwide,
        verified_at: new Date(Date.now() - Math.floor(rnd() * 500) * 86_400_000).toISOString().slice(0, 10),
        is_demo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('directory_locations')
      .values({
        centre_id: centre.id,
        name: 'Beratungsstelle',
        street: privacy === 'public' ? `Musterstraße ${1 + Math.floor(rnd() * 120)}` : '',
        postal_code: entry.plz,
        city: entry.city,
        land,
        latitude: geo.lat + (rnd() - 0.5) * 0.02,
        longitude: geo.lon + (rnd() - 0.5) * 0.03,
        city_latitude: geo.lat,
        city_longitude: geo.lon,
        address_privacy: privacy,
        accessibility: pick(rnd, accessibilityFeatures, 0, 3),
        opening_hours: JSON.stringify(hours(rnd)),
      })
      .execute();
    await db
      .insertInto('directory_phones')
      .values({
        centre_id: centre.id,
        number: `+49 ${100 + n} 555 ${String(1000 + n * 37).slice(0, 4)}`,
        description: rnd() < 0.4 ? 'Krisentelefon' : 'Beratung',
        languages: languages.slice(0, 3),
      })
      .execute();
    n++;
  }
  return n;
}
