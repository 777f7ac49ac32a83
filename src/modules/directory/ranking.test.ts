import { describe, expect, it } from 'vitest';
import { distanceKm } from './geo/geocode.ts';
import { type FinderCriteria, missingCriteria, publicPoint, rankCentres } from './ranking.ts';
import type { CentreRecord, LocationRecord } from './types.ts';

// Reference points (city centres): the search point is Berlin-Mitte.
const BERLIN = { lat: 52.52, lon: 13.405 };
const POTSDAM = { lat: 52.3906, lon: 13.0645 };
const LEIPZIG = { lat: 51.3397, lon: 12.3731 };
const HAMBURG = { lat: 53.5511, lon: 9.9937 };
const MUNICH = { lat: 48.1372, lon: 11.5756 };

let seq = 0;

function location(at: { lat: number; lon: number }, extra: Partial<LocationRecord> = {}): LocationRecord {
  seq++;
  return {
    id: `loc-${seq}`,
    name: '',
    street: `Geheimweg ${seq}`,
    postalCode: '10115',
    city: 'Berlin',
    land: '11',
    latitude: at.lat,
    longitude: at.lon,
    cityLatitude: at.lat,
    cityLongitude: at.lon,
    addressPrivacy: 'public',
    accessibility: [],
    openingHours: [],
    ...extra,
  };
}

function centre(name: string, extra: Partial<CentreRecord> = {}): CentreRecord {
  seq++;
  return {
    id: `c-${seq}`,
    slug: `c-${seq}`,
    name,
    alternateName: '',
    descriptionDe: '',
    descriptionEn: '',
    email: '',
    website: '',
    organisationId: null,
    isMember: false,
    onlineCounselling: false,
    onlineUrl: '',
    shelterStatus: 'unknown',
    shelterUpdatedAt: null,
    targets: ['women'],
    exploitation: ['sexual_exploitation'],
    services: ['crisis_intervention'],
    languages: ['de'],
    lands: ['11'],
    nationwide: false,
    verifiedAt: null,
    published: true,
    isDemo: false,
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    locations: [location(BERLIN)],
    phones: [],
    ...extra,
  };
}

function criteria(extra: Partial<FinderCriteria> = {}): FinderCriteria {
  return {
    point: BERLIN,
    lands: ['11'],
    radiusKm: null,
    target: null,
    exploitation: null,
    language: null,
    service: null,
    accessibility: null,
    online: false,
    openNow: false,
    text: null,
    ...extra,
  };
}

const names = (r: ReturnType<typeof rankCentres>) => r.results.map((x) => x.centre.name);
const NOW = new Date('2026-03-04T10:00:00Z'); // a Wednesday, 11:00 in Berlin

describe('distance', () => {
  it('is the great-circle distance: Berlin–Munich about 504 km, Berlin–Hamburg about 255 km', () => {
    expect(distanceKm(BERLIN, MUNICH)).toBeGreaterThan(495);
    expect(distanceKm(BERLIN, MUNICH)).toBeLessThan(510);
    expect(distanceKm(BERLIN, HAMBURG)).toBeGreaterThan(250);
    expect(distanceKm(BERLIN, HAMBURG)).toBeLessThan(260);
    expect(distanceKm(BERLIN, BERLIN)).toBe(0);
    expect(distanceKm(BERLIN, MUNICH)).toBeCloseTo(distanceKm(MUNICH, BERLIN), 9);
  });

  it('orders full matches by distance, rounded to 0.1 km, ties by name', () => {
    const result = rankCentres(
      [
        centre('Leipzig', { locations: [location(LEIPZIG)] }),
        centre('Potsdam', { locations: [location(POTSDAM)] }),
        centre('Mitte B', { locations: [location(BERLIN)] }),
        centre('Mitte A', { locations: [location(BERLIN)] }),
        centre('Hamburg', { locations: [location(HAMBURG)] }),
      ],
      criteria(),
      NOW,
    );
    expect(names(result)).toEqual(['Mitte A', 'Mitte B', 'Potsdam', 'Leipzig', 'Hamburg']);
    expect(result.fullMatches).toBe(5);
    const potsdam = result.results[2]!;
    expect(potsdam.distanceKm).toBe(Math.round(distanceKm(BERLIN, POTSDAM) * 10) / 10);
    expect(potsdam.match).toBe('full');
    expect(potsdam.missing).toEqual([]);
  });

  it('measures to the nearest location that may be shown', () => {
    const far = location(MUNICH);
    const near = location(POTSDAM);
    const hidden = location(BERLIN, { addressPrivacy: 'on_request' });
    const [r] = rankCentres(
      [centre('Zwei Standorte', { locations: [far, hidden, near] })],
      criteria(),
      NOW,
    ).results;
    expect(r!.nearest?.id).toBe(near.id);
    expect(r!.distanceKm).toBeCloseTo(distanceKm(BERLIN, POTSDAM), 1);
  });

  it('without a point there is no distance, and the order is by name', () => {
    const result = rankCentres(
      [centre('Beta'), centre('Alpha', { locations: [location(MUNICH)] })],
      criteria({ point: null, lands: [] }),
      NOW,
    );
    expect(names(result)).toEqual(['Alpha', 'Beta']);
    expect(result.results.every((r) => r.distanceKm === null && !r.responsible)).toBe(true);
    // the first location that may be shown is still the one for the map
    expect(result.results[0]!.nearest).not.toBeNull();
  });

  it('a radius makes farther centres partial matches that lack "radius_km"', () => {
    const result = rankCentres(
      [centre('Hamburg', { locations: [location(HAMBURG)] })],
      criteria({ radiusKm: 100 }),
      NOW,
    );
    expect(result.fullMatches).toBe(0);
    expect(result.results[0]!.missing).toEqual(['radius_km']);
    const inside = rankCentres(
      [centre('Potsdam', { locations: [location(POTSDAM)] })],
      criteria({ radiusKm: 100 }),
      NOW,
    );
    expect(inside.fullMatches).toBe(1);
  });
});

describe('responsibility', () => {
  it('puts centres responsible for the searched Land first, even when others are closer', () => {
    const result = rankCentres(
      [
        centre('Potsdam (Brandenburg)', { lands: ['12'], locations: [location(POTSDAM)] }),
        centre('Hamburg (Berlin zuständig)', { lands: ['02', '11'], locations: [location(HAMBURG)] }),
        centre('Leipzig (Sachsen)', { lands: ['14'], locations: [location(LEIPZIG)] }),
        centre('Berlin', { lands: ['11'], locations: [location(BERLIN)] }),
      ],
      criteria({ lands: ['11'] }),
      NOW,
    );
    expect(names(result)).toEqual([
      'Berlin',
      'Hamburg (Berlin zuständig)',
      'Potsdam (Brandenburg)',
      'Leipzig (Sachsen)',
    ]);
    expect(result.results.map((r) => r.responsible)).toEqual([true, true, false, false]);
  });

  it('counts nationwide centres as responsible everywhere', () => {
    const result = rankCentres(
      [
        centre('Nah', { lands: ['12'], locations: [location(POTSDAM)] }),
        centre('Bundesweit', { lands: [], nationwide: true, locations: [location(MUNICH)] }),
      ],
      criteria({ lands: ['11'] }),
      NOW,
    );
    expect(names(result)).toEqual(['Bundesweit', 'Nah']);
  });

  it('a postal code spanning two Länder prefers centres responsible for either', () => {
    const result = rankCentres(
      [
        centre('Sachsen', { lands: ['14'], locations: [location(BERLIN)] }),
        centre('Brandenburg', { lands: ['12'], locations: [location(LEIPZIG)] }),
        centre('Berlin', { lands: ['11'], locations: [location(HAMBURG)] }),
      ],
      criteria({ lands: ['11', '12'] }),
      NOW,
    );
    expect(names(result)).toEqual(['Brandenburg', 'Berlin', 'Sachsen']);
  });

  it('without a Land nobody is preferred', () => {
    const result = rankCentres(
      [centre('Weit', { locations: [location(MUNICH)] }), centre('Nah', { lands: ['12'] })],
      criteria({ lands: [] }),
      NOW,
    );
    expect(names(result)).toEqual(['Nah', 'Weit']);
    expect(result.results.every((r) => !r.responsible)).toBe(true);
  });
});

describe('partial matches', () => {
  it('shows only full matches when there are any', () => {
    const result = rankCentres(
      [centre('Mit Rumänisch', { languages: ['de', 'ro'] }), centre('Ohne')],
      criteria({ language: 'ro' }),
      NOW,
    );
    expect(names(result)).toEqual(['Mit Rumänisch']);
    expect(result.fullMatches).toBe(1);
  });

  it('when nothing matches every filter, lists the closest partial matches with what they lack', () => {
    const result = rankCentres(
      [
        centre('Fehlt Sprache, nah', { targets: ['women', 'men'], languages: ['de'] }),
        centre('Fehlt Zielgruppe, weit', {
          targets: ['women'],
          languages: ['de', 'ro'],
          locations: [location(HAMBURG)],
        }),
        centre('Fehlt beides', { targets: ['women'], languages: ['de'], locations: [location(POTSDAM)] }),
      ],
      criteria({ target: 'men', language: 'ro' }),
      NOW,
    );
    expect(result.fullMatches).toBe(0);
    expect(result.results.map((r) => [r.centre.name, r.match, r.missing])).toEqual([
      ['Fehlt Sprache, nah', 'partial', ['language']],
      ['Fehlt Zielgruppe, weit', 'partial', ['target']],
      ['Fehlt beides', 'partial', ['target', 'language']],
    ]);
  });

  it('names every criterion a centre fails', () => {
    const c = centre('Nichts passt', {
      locations: [location(HAMBURG, { openingHours: [] })],
    });
    const missing = missingCriteria(
      c,
      criteria({
        target: 'minors',
        exploitation: 'forced_begging',
        language: 'vi',
        service: 'accommodation',
        accessibility: 'wheelchair',
        online: true,
        openNow: true,
        text: 'Zwangsprostitution',
        radiusKm: 10,
      }),
      distanceKm(BERLIN, HAMBURG),
      NOW,
    );
    expect(missing).toEqual([
      'target',
      'exploitation',
      'language',
      'service',
      'accessibility',
      'online',
      'open_now',
      'q',
      'radius_km',
    ]);
  });

  it('accessibility and opening hours count on any location', () => {
    const c = centre('Zwei Standorte', {
      locations: [
        location(BERLIN),
        location(POTSDAM, {
          accessibility: ['wheelchair'],
          openingHours: [{ byday: ['WE'], opensAt: '09:00', closesAt: '17:00' }],
        }),
      ],
    });
    expect(missingCriteria(c, criteria({ accessibility: 'wheelchair', openNow: true }), 1, NOW)).toEqual([]);
    // Wednesday 19:00 in Berlin: closed
    expect(missingCriteria(c, criteria({ openNow: true }), 1, new Date('2026-03-04T18:00:00Z'))).toEqual([
      'open_now',
    ]);
  });

  it('keeps the fewest gaps first, then responsibility, then distance; at most ten', () => {
    const many = Array.from({ length: 14 }, (_, i) =>
      centre(`Fern ${String(i).padStart(2, '0')}`, {
        lands: ['09'],
        languages: ['de'],
        // south of Munich: each one farther from Berlin
        locations: [location({ lat: MUNICH.lat - i * 0.01, lon: MUNICH.lon })],
      }),
    );
    const responsibleFar = centre('Zuständig, aber weit', {
      lands: ['11'],
      languages: ['de'],
      locations: [location(MUNICH)],
    });
    const twoGaps = centre('Zwei Lücken, ganz nah', { languages: ['de'], targets: ['men'] });
    const result = rankCentres(
      [twoGaps, ...many, responsibleFar],
      criteria({ language: 'ro', target: 'women' }),
      NOW,
    );
    expect(result.fullMatches).toBe(0);
    expect(result.results).toHaveLength(10);
    expect(result.results[0]!.centre.name).toBe('Zuständig, aber weit');
    expect(result.results.map((r) => r.centre.name)).not.toContain('Zwei Lücken, ganz nah');
    const rest = result.results.slice(1).map((r) => r.distanceKm!);
    expect(rest).toEqual([...rest].sort((a, b) => a - b));
    expect(result.results.every((r) => r.match === 'partial' && r.missing.length > 0)).toBe(true);
  });

  it('returns nothing for an empty directory', () => {
    expect(rankCentres([], criteria({ language: 'ro' }), NOW)).toEqual({ results: [], fullMatches: 0 });
  });
});

describe('address privacy', () => {
  const exact = { lat: 52.5301, lon: 13.3801 }; // a street in Berlin, not the city centre

  it('public: the exact position', () => {
    expect(publicPoint(location(exact, { cityLatitude: BERLIN.lat, cityLongitude: BERLIN.lon }))).toEqual(
      exact,
    );
  });

  it('city: the city centre, never the exact position', () => {
    const l = location(exact, {
      addressPrivacy: 'city',
      cityLatitude: BERLIN.lat,
      cityLongitude: BERLIN.lon,
    });
    expect(publicPoint(l)).toEqual(BERLIN);
    const [r] = rankCentres([centre('Stadt', { locations: [l] })], criteria({ point: POTSDAM }), NOW).results;
    expect(r!.distanceKm).toBe(Math.round(distanceKm(POTSDAM, BERLIN) * 10) / 10);
    expect(r!.distanceKm).not.toBe(Math.round(distanceKm(POTSDAM, exact) * 10) / 10);
  });

  it('city without city coordinates: no position at all', () => {
    const l = location(exact, { addressPrivacy: 'city', cityLatitude: null, cityLongitude: null });
    expect(publicPoint(l)).toBeNull();
  });

  it('public without exact coordinates falls back to the city centre', () => {
    const l = location(exact, {
      latitude: null,
      longitude: null,
      cityLatitude: BERLIN.lat,
      cityLongitude: BERLIN.lon,
    });
    expect(publicPoint(l)).toEqual(BERLIN);
  });

  it('on_request: no position and no distance; listed after centres with a distance', () => {
    const hidden = location(BERLIN, { addressPrivacy: 'on_request' });
    expect(publicPoint(hidden)).toBeNull();
    const result = rankCentres(
      [centre('Auf Anfrage', { locations: [hidden] }), centre('Hamburg', { locations: [location(HAMBURG)] })],
      criteria(),
      NOW,
    );
    expect(names(result)).toEqual(['Hamburg', 'Auf Anfrage']);
    const onRequest = result.results[1]!;
    expect(onRequest.distanceKm).toBeNull();
    expect(onRequest.nearest).toBeNull();
  });

  it('on_request fails a radius filter: its distance is unknown', () => {
    const hidden = centre('Auf Anfrage', { locations: [location(BERLIN, { addressPrivacy: 'on_request' })] });
    const [r] = rankCentres([hidden], criteria({ radiusKm: 50 }), NOW).results;
    expect(r!.missing).toEqual(['radius_km']);
  });
});

describe('free text', () => {
  const berlin = centre('Fachberatungsstelle für Mädchen und Frauen', {
    descriptionDe: 'Beratung für Betroffene von Menschenhandel und Zwangsarbeit in Berlin.',
    descriptionEn: 'Counselling for survivors of trafficking.',
  });
  const munich = centre('Beratungsstelle Süd', {
    descriptionDe: 'Unterstützung bei Arbeitsausbeutung.',
    locations: [location(MUNICH, { city: 'München' })],
  });
  const rank = (text: string) =>
    rankCentres([berlin, munich], criteria({ text }), NOW).results.filter((r) => r.match === 'full');

  it.each([
    ['Mädchen', 'umlaut'],
    ['Maedchen', 'umlaut written out'],
    ['madchen', 'umlaut without dots (one typo)'],
    ['Fachberatungsstellen', 'plural (stemming)'],
    ['Menschenhandels', 'genitive (stemming)'],
    ['Menschnhandel', 'a letter missing'],
    ['Zwangsarbiet', 'two letters swapped'],
    ['frau', 'lower case, singular'],
    ['Menschenh', 'prefix while typing'],
    ['trafficking', 'English description'],
    ['Beratung Frauen', 'several words, all present'],
  ])('finds the Berlin centre by "%s" (%s)', (text) => {
    expect(rank(text).map((r) => r.centre.name)).toContain(berlin.name);
    expect(rank(text).map((r) => r.centre.name)).not.toContain(munich.name);
  });

  it('searches the cities of the locations too', () => {
    expect(rank('Muenchen').map((r) => r.centre.name)).toEqual([munich.name]);
  });

  it('needs every word: a missing word makes a partial match lacking "q"', () => {
    const result = rankCentres([berlin], criteria({ text: 'Frauen Kinderschutz' }), NOW);
    expect(result.fullMatches).toBe(0);
    expect(result.results[0]!.missing).toEqual(['q']);
  });

  it('short words need to be exact', () => {
    expect(rank('Xy')).toEqual([]);
  });
});
