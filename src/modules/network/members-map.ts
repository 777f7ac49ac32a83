import { geocodePlace, landForPoint } from '../directory/geo/geocode.ts';
import { renderGermanyMap } from '../directory/geo/map.ts';

/**
 * The members on the map of Germany: one dot per member at its town (never an address — some members run
 * shelters), the Länder with members highlighted. Members abroad and towns the gazetteer does not know are in the
 * list only.
 */
export function membersMap(
  members: ReadonlyArray<{ slug: string; name: string; city: string; country: string }>,
  opts: {
    title: string;
    memberHref: (slug: string) => string;
    landHref: (key: string) => string;
    landLabel: (name: string) => string;
  },
): string {
  const markers = [];
  const lands = new Set<string>();
  for (const m of members) {
    if (m.country !== 'DE' || !m.city) continue;
    const place = geocodePlace(m.city);
    if (!place) continue;
    const land = landForPoint(place.lat, place.lon);
    if (land) lands.add(land);
    markers.push({
      id: m.slug,
      lat: place.lat,
      lon: place.lon,
      label: `${m.name}, ${m.city}`,
      href: opts.memberHref(m.slug),
      kind: 'city' as const,
    });
  }
  return renderGermanyMap({
    id: 'members-map',
    markers,
    activeLands: [...lands],
    landHref: opts.landHref,
    landLabel: opts.landLabel,
    title: opts.title,
  });
}
