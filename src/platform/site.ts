import { z } from 'zod';
import type { Db } from '../db/types.ts';

/**
 * Names, contact data and the quick-exit target are settings, not code (DOMAIN.md: the platform must also
 * serve similar networks elsewhere). The defaults are the KOK's own.
 */
export const siteSettingsSchema = z.object({
  name: z.string().trim().min(2).max(200),
  shortName: z.string().trim().min(1).max(40),
  street: z.string().trim().max(200),
  addressExtra: z.string().trim().max(200),
  postalCode: z.string().trim().max(20),
  city: z.string().trim().max(100),
  phone: z.string().trim().max(60),
  email: z.string().trim().email().max(200),
  blueskyUrl: z.union([z.literal(''), z.string().trim().url().startsWith('https://')]),
  funderNote: z.string().trim().max(300),
  quickExitUrl: z.string().trim().url().startsWith('https://'),
  securityContact: z.string().trim().email().max(200),
  // The donations page shows these; empty until the office enters them.
  donationAccountHolder: z.string().trim().max(200),
  donationIban: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .transform((v) => v.replace(/\s+/g, '').toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/, 'validation.format')),
  ]),
  donationBic: z.union([
    z.literal(''),
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{8}([A-Za-z0-9]{3})?$/, 'validation.format'),
  ]),
  donationBank: z.string().trim().max(200),
});

export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const defaultSiteSettings: SiteSettings = {
  name: 'KOK – Bundesweiter Koordinierungskreis gegen Menschenhandel e.V.',
  shortName: 'KOK',
  street: 'Lützowstr. 102-104',
  addressExtra: 'Hof 1, Aufgang A',
  postalCode: '10785',
  city: 'Berlin',
  phone: '030 / 263 911 76',
  email: 'info@kok-buero.de',
  blueskyUrl: 'https://bsky.app/profile/kok-gegen-menschenhandel.de',
  funderNote: 'Gefördert vom Bundesministerium für Familie, Senioren, Frauen und Jugend',
  quickExitUrl: 'https://www.google.com/search?q=wetter',
  securityContact: 'info@kok-buero.de',
  donationAccountHolder: '',
  donationIban: '',
  donationBic: '',
  donationBank: '',
};

export interface Site {
  settings: SiteSettings;
  /** A demo installation shows a banner on every page. */
  demo: boolean;
}

let cache: { value: Site; at: number } | null = null;

/** Read on every page, changed rarely: cached for a few seconds per process. */
export async function getSite(db: Db): Promise<Site> {
  if (cache && Date.now() - cache.at < 5000) return cache.value;
  const rows = await db
    .selectFrom('settings')
    .select(['key', 'value'])
    .where('key', 'in', ['site', 'demo'])
    .execute();
  const stored = rows.find((r) => r.key === 'site')?.value as Partial<SiteSettings> | undefined;
  const parsed = siteSettingsSchema.safeParse({ ...defaultSiteSettings, ...(stored ?? {}) });
  const value: Site = {
    settings: parsed.success ? parsed.data : defaultSiteSettings,
    demo: rows.find((r) => r.key === 'demo')?.value === true,
  };
  cache = { value, at: Date.now() };
  return value;
}

export async function saveSiteSettings(db: Db, value: SiteSettings): Promise<void> {
  await putSetting(db, 'site', value);
}

export async function putSetting(db: Db, key: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
  cache = null;
}
