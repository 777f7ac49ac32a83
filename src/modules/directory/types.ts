import type { OpeningSlot } from './opening-hours.ts';
import type { AddressPrivacy, ShelterStatus } from './vocabulary.ts';

/** A centre as the finder works with it: everything needed to filter, rank and present, already joined. */
export interface CentreRecord {
  id: string;
  slug: string;
  name: string;
  alternateName: string;
  descriptionDe: string;
  descriptionEn: string;
  email: string;
  website: string;
  organisationId: string | null;
  isMember: boolean;
  onlineCounselling: boolean;
  onlineUrl: string;
  shelterStatus: ShelterStatus;
  shelterUpdatedAt: Date | null;
  targets: string[];
  exploitation: string[];
  services: string[];
  languages: string[];
  lands: string[];
  nationwide: boolean;
  verifiedAt: string | null;
  published: boolean;
  isDemo: boolean;
  updatedAt: Date;
  locations: LocationRecord[];
  phones: PhoneRecord[];
}

export interface LocationRecord {
  id: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  land: string;
  latitude: number | null;
  longitude: number | null;
  cityLatitude: number | null;
  cityLongitude: number | null;
  addressPrivacy: AddressPrivacy;
  accessibility: string[];
  openingHours: OpeningSlot[];
}

export interface PhoneRecord {
  id: string;
  number: string;
  description: string;
  languages: string[];
}
