/**
 * The answers of the finder's JSON API (`/api/v1/directory/...`) as zod schemas: `present.ts` is typed against
 * them, and `/api/openapi.json` describes them from here.
 */
import { z } from 'zod';
import { addressPrivacyLevels, shelterStatuses } from './vocabulary.ts';

const centreLocation = z.object({
  city: z.string().nullable().describe('null when the address is given only on request'),
  land: z.string().describe('Land key 01–16'),
  address_privacy: z.enum(addressPrivacyLevels),
  address: z
    .object({ street: z.string(), postal_code: z.string(), city: z.string() })
    .nullable()
    .describe('only for public addresses'),
  latitude: z
    .number()
    .nullable()
    .describe('the building (public address) or the town (city only); else null'),
  longitude: z.number().nullable(),
});

export const centreJsonSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  distance_km: z.number().int().nullable().describe('from the searched place, rounded; null without a place'),
  lands: z.array(z.string()).describe('Länder served ("00": nationwide)'),
  nationwide: z.boolean(),
  languages: z.array(z.string()).describe('counselling languages (ISO 639 codes)'),
  targets: z.array(z.string()),
  exploitation: z.array(z.string()),
  services: z.array(z.string()),
  online_counselling: z.boolean(),
  is_member: z.boolean().describe('a member organisation of the KOK'),
  shelter: z.object({
    status: z.enum(shelterStatuses).describe('"unknown" once the last update is older than a week'),
    updated_at: z.string().nullable(),
  }),
  verified_at: z.string().nullable(),
  locations: z.array(centreLocation),
  phones: z.array(z.object({ number: z.string(), description: z.string(), languages: z.array(z.string()) })),
  email: z.string().nullable(),
  website: z.string().nullable(),
  match: z.enum(['full', 'partial']).describe('partial: some criteria are not met (listed in `missing`)'),
  missing: z.array(z.string()),
  demo: z.boolean().describe('demo data, not a real centre'),
});

export const directorySearchResponseSchema = z.object({
  results: z.array(centreJsonSchema),
  total: z.number().int(),
  full_matches: z.number().int(),
  page: z.number().int(),
  per_page: z.number().int(),
});

export const placesResponseSchema = z.object({
  places: z.array(
    z.object({
      place: z.string(),
      land: z.string(),
      plz: z.array(z.string()).describe('up to three of its postal codes'),
    }),
  ),
});
