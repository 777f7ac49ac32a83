import type { Db, Role } from '../db/types.ts';
import { createUserDirectly } from '../modules/admin/users.ts';
import { seedDemoCaselaw } from '../modules/caselaw/demo.ts';
import { seedDemoEditorial } from '../modules/caselaw/editorial/demo.ts';
import { seedDemoData } from '../modules/datacollection/demo.ts';
import { seedDemoEvents } from '../modules/events/demo.ts';
import { seedDemoGlossary } from '../modules/glossary/demo.ts';
import { seedDemoMemberArea } from '../modules/memberarea/demo.ts';
import { seedDemoMonitoring } from '../modules/monitoring/demo.ts';
import { seedDemoNetwork } from '../modules/network/demo.ts';
import { seedDemoOutreach } from '../modules/outreach/demo.ts';
import { seedDemoProjects } from '../modules/projects/demo.ts';
import { seedDemoPublications } from '../modules/publications/demo.ts';
import { seedDemoReferral } from '../modules/referral/demo.ts';
import { audit } from '../platform/audit.ts';
import { putSetting } from '../platform/site.ts';
import { seedDemoDirectory } from './directory.ts';

/** Fictional member organisations for the demo: 43, as many as the network has, spread over the Länder. */
const demoCities = [
  'Kiel',
  'Lübeck',
  'Hamburg',
  'Hannover',
  'Osnabrück',
  'Oldenburg',
  'Bremen',
  'Köln',
  'Dortmund',
  'Essen',
  'Düsseldorf',
  'Münster',
  'Bielefeld',
  'Duisburg',
  'Frankfurt am Main',
  'Kassel',
  'Wiesbaden',
  'Mainz',
  'Trier',
  'Koblenz',
  'Stuttgart',
  'Freiburg',
  'Mannheim',
  'Karlsruhe',
  'München',
  'Nürnberg',
  'Augsburg',
  'Regensburg',
  'Würzburg',
  'Saarbrücken',
  'Berlin',
  'Potsdam',
  'Cottbus',
  'Rostock',
  'Schwerin',
  'Leipzig',
  'Dresden',
  'Chemnitz',
  'Magdeburg',
  'Halle (Saale)',
  'Erfurt',
  'Jena',
  'Weimar',
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

export const DEMO_PASSWORD = 'demo-passwort-2026';

export interface DemoAccount {
  email: string;
  role: Role;
  organisation?: string;
}

export const demoAccounts: DemoAccount[] = [
  { email: 'admin@demo.kok.invalid', role: 'admin' },
  { email: 'geschaeftsstelle@demo.kok.invalid', role: 'office' },
  { email: 'vorstand@demo.kok.invalid', role: 'board' },
  { email: 'leitung@demo.kok.invalid', role: 'member_admin', organisation: 'demo-fbs-kiel' },
  { email: 'beratung@demo.kok.invalid', role: 'member', organisation: 'demo-fbs-kiel' },
];

/**
 * Demo content on an empty database: organisations and one account per role, all marked as demo. The demo
 * accounts skip the 2FA duty so that a newcomer can look around at once; the banner says it is a demo.
 */
export async function seedDemo(db: Db): Promise<DemoAccount[]> {
  const orgs = await db
    .insertInto('organisations')
    .values(
      demoCities.map((city) => ({
        slug: `demo-fbs-${slugify(city)}`,
        name: `Demo-Fachberatungsstelle ${city}`,
        is_demo: true,
      })),
    )
    .returning(['id', 'slug'])
    .execute();
  const orgId = new Map(orgs.map((o) => [o.slug, o.id]));
  for (const account of demoAccounts) {
    await createUserDirectly(db, {
      email: account.email,
      role: account.role,
      organisationId: account.organisation ? (orgId.get(account.organisation) ?? null) : null,
      password: DEMO_PASSWORD,
      name: `Demo ${account.role}`,
      mfaExempt: true,
      isDemo: true,
    });
  }
  const centres = await seedDemoDirectory(db);
  const dataRecords = await seedDemoData(db);
  const decisions = await seedDemoCaselaw(db);
  const decisionsInReview = await seedDemoEditorial(db);
  const events = await seedDemoEvents(db);
  const referral = await seedDemoReferral(db);
  const network = await seedDemoNetwork(db);
  const outreach = await seedDemoOutreach(db);
  const memberArea = await seedDemoMemberArea(db);
  const monitoring = await seedDemoMonitoring(db);
  const publications = await seedDemoPublications(db);
  const projects = await seedDemoProjects(db, publications);
  const glossary = await seedDemoGlossary(db);
  await putSetting(db, 'demo', true);
  await audit(db, {
    actorLabel: 'system',
    action: 'demo.seed',
    meta: {
      organisations: orgs.length,
      accounts: demoAccounts.length,
      centres,
      decisions,
      decisionsInReview,
      dataRecords,
      network,
      events,
      outreach,
      referral,
      memberArea,
      monitoring,
      publications: publications.length,
      projects,
      glossary,
    },
  });
  return demoAccounts;
}
