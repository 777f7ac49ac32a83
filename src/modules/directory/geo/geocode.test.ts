import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  distanceKm,
  GEO_ATTRIBUTION,
  geocodePlace,
  LANDS,
  landForPoint,
  landName,
  lookupPostalCode,
  searchPlaces,
} from './geocode.ts';

describe('lookupPostalCode', () => {
  it.each([
    ['10785', 'Berlin', '11'],
    ['80331', 'München', '09'],
    ['20095', 'Hamburg', '02'],
    ['01067', 'Dresden', '14'],
  ])('%s → %s (%s)', (plz, place, land) => {
    const result = lookupPostalCode(plz);
    expect(result).not.toBeNull();
    expect(result!.plz).toBe(plz);
    expect(result!.places).toContain(place);
    expect(result!.lands).toEqual([land]);
    expect(landForPoint(result!.lat, result!.lon)).toBe(land);
  });

  it('gives both Länder of a postal code that spans a border', () => {
    // 07919: Mühltroff (Sachsen) and Kirschkau (Thüringen); 12529: Berlin and Schönefeld (Brandenburg).
    const vogtland = lookupPostalCode('07919')!;
    expect(vogtland.lands).toHaveLength(2);
    expect([...vogtland.lands].sort()).toEqual(['14', '16']);
    const schoenefeld = lookupPostalCode('12529')!;
    expect(schoenefeld.lands).toHaveLength(2);
    expect([...schoenefeld.lands].sort()).toEqual(['11', '12']);
    // the position is the mean of the rows: between the two places
    expect(schoenefeld.lat).toBeGreaterThan(52.389);
    expect(schoenefeld.lat).toBeLessThan(52.5167);
  });

  it('sorts the Länder by how many rows lie in them', () => {
    // 22145: one row in Hamburg, four in Schleswig-Holstein (as the source has it)
    expect(lookupPostalCode('22145')!.lands).toEqual(['01', '02']);
  });

  it('resolves an organisation’s own postal code without inventing a place', () => {
    // 10875 is shared by companies in four Länder in the source; it resolves to Berlin, where most of them are.
    const daimler = lookupPostalCode('10875')!;
    expect(daimler.lands).toEqual(['11']);
    expect(daimler.places).toEqual([]);
    expect(distanceKm(daimler, { lat: 52.52, lon: 13.405 })).toBeLessThan(20);
  });

  it('returns null for unknown or invalid codes', () => {
    expect(lookupPostalCode('00000')).toBeNull();
    expect(lookupPostalCode('abc')).toBeNull();
    expect(lookupPostalCode('1078')).toBeNull();
    expect(lookupPostalCode('107850')).toBeNull();
    expect(lookupPostalCode('')).toBeNull();
  });

  it('accepts surrounding white space', () => {
    expect(lookupPostalCode(' 80331 ')?.lands).toEqual(['09']);
  });
});

describe('searchPlaces', () => {
  it.each(['münch', 'muench', 'MÜNCH', 'Munch'])('finds München first for %s', (query) => {
    const [first] = searchPlaces(query);
    expect(first?.place).toBe('München');
    expect(first?.land).toBe('09');
    expect(first?.plz).toContain('80331');
    expect(first!.plz.length).toBeGreaterThan(50);
  });

  it('finds both Frankfurts, the bigger one first', () => {
    const results = searchPlaces('frankfurt');
    expect(results.map((r) => r.place)).toEqual(['Frankfurt am Main', 'Frankfurt (Oder)']);
    expect(results.map((r) => r.land)).toEqual(['06', '12']);
  });

  it('puts exact matches first and groups by place and Land', () => {
    const results = searchPlaces('berlin', 5);
    expect(results[0]?.place).toBe('Berlin');
    expect(results[0]?.plz.length).toBeGreaterThan(100);
    const muenster = searchPlaces('münster', 20).filter((r) => r.place === 'Münster');
    expect(muenster.length).toBeGreaterThanOrEqual(2);
    expect(new Set(muenster.map((r) => r.land)).size).toBe(muenster.length);
  });

  it('ignores punctuation and respects the limit', () => {
    expect(searchPlaces('frankfurt oder')[0]?.place).toBe('Frankfurt (Oder)');
    expect(searchPlaces('b', 3)).toHaveLength(3);
    expect(searchPlaces('b', 0)).toEqual([]);
    expect(searchPlaces('  ')).toEqual([]);
    expect(searchPlaces('xyzxyz')).toEqual([]);
  });

  it('does not offer organisations as places', () => {
    expect(searchPlaces('stadtverwaltung')).toEqual([]);
    expect(searchPlaces('finanzamt')).toEqual([]);
    expect(searchPlaces('daimler')).toEqual([]);
  });
});

describe('geocodePlace', () => {
  it('takes the exact place with most postal codes', () => {
    expect(geocodePlace('Köln')?.land).toBe('05');
    expect(geocodePlace('koeln')?.place).toBe('Köln');
    expect(geocodePlace('Münster')?.land).toBe('05');
    expect(geocodePlace('munchen')?.place).toBe('München');
  });

  it('returns null without an exact match', () => {
    expect(geocodePlace('Münch')).toBeNull();
    expect(geocodePlace('')).toBeNull();
  });
});

describe('Länder', () => {
  it('lists the 16 Länder with their official keys', () => {
    expect(LANDS).toHaveLength(16);
    expect(LANDS.map((l) => l.key)).toEqual(
      Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    expect(landName('09')).toBe('Bayern');
    expect(landName('16')).toBe('Thüringen');
    expect(landName('17')).toBeUndefined();
  });

  it('finds the Land of a point', () => {
    expect(landForPoint(52.52, 13.405)).toBe('11'); // Berlin
    expect(landForPoint(48.137, 11.575)).toBe('09'); // München
    expect(landForPoint(53.55, 10.0)).toBe('02'); // Hamburg
    expect(landForPoint(50.938, 6.96)).toBe('05'); // Köln
    expect(landForPoint(52.39, 13.06)).toBe('12'); // Potsdam, next to Berlin
    expect(landForPoint(53.079, 8.802)).toBe('04'); // Bremen, inside Niedersachsen
    expect(landForPoint(53.54, 8.581)).toBe('04'); // Bremerhaven
  });

  it('handles islands left off the map and points abroad', () => {
    expect(landForPoint(54.18, 7.89)).toBe('01'); // Helgoland
    expect(landForPoint(53.59, 6.67)).toBe('03'); // Borkum
    expect(landForPoint(48.85, 2.35)).toBeNull(); // Paris
    expect(landForPoint(Number.NaN, 10)).toBeNull();
  });
});

describe('distanceKm', () => {
  it('measures Berlin–München at about 504 km', () => {
    const berlin = geocodePlace('Berlin')!;
    const muenchen = geocodePlace('München')!;
    expect(Math.abs(distanceKm(berlin, muenchen) - 504)).toBeLessThan(10);
    // Brandenburger Tor – Marienplatz
    expect(distanceKm({ lat: 52.5163, lon: 13.3777 }, { lat: 48.1374, lon: 11.5755 })).toBeCloseTo(503.4, 1);
    // one degree along a meridian is R·π/180
    expect(distanceKm({ lat: 50, lon: 10 }, { lat: 51, lon: 10 })).toBeCloseTo(
      (6371.0088 * Math.PI) / 180,
      6,
    );
    expect(distanceKm(berlin, berlin)).toBe(0);
  });
});

describe('shipped data', () => {
  it('carries the attribution lines verbatim', () => {
    const text = fs.readFileSync(new URL('./ATTRIBUTION.md', import.meta.url), 'utf8');
    for (const line of GEO_ATTRIBUTION) expect(text).toContain(line);
  });

  it('keeps postcodes.csv small and in the documented format', () => {
    const file = new URL('./postcodes.csv', import.meta.url);
    expect(fs.statSync(file).size).toBeLessThan(800_000);
    const [header, first] = fs.readFileSync(file, 'utf8').split('\n');
    expect(header).toBe('plz,place,land,lat,lon');
    expect(first).toMatch(/^\d{5},.*,(0[1-9]|1[0-6]),-?\d+(\.\d{1,4})?,-?\d+(\.\d{1,4})?$/);
  });
});
