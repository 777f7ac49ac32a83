import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type LaenderData, landForPoint, pathToRings } from './geocode.ts';
import { escapeXml, projectToMap, renderGermanyMap } from './map.ts';

const laender = JSON.parse(
  fs.readFileSync(new URL('./laender.json', import.meta.url), 'utf8'),
) as LaenderData;

function render(extra: Partial<Parameters<typeof renderGermanyMap>[0]> = {}): string {
  return renderGermanyMap({
    markers: [
      { id: 'a', lat: 52.52, lon: 13.405, label: 'Beratung <Berlin> & "Umland"', href: '/fbs/a?x=1&y=2' },
      { id: 'b', lat: 48.137, lon: 11.575, label: 'München', href: '/fbs/b', kind: 'city' },
    ],
    activeLands: ['09', '11'],
    landHref: (key) => `/fachberatungsstellen?land=${key}&sort=name`,
    landLabel: (name) => `${name}: Beratungsstellen anzeigen`,
    title: 'Karte der Beratungsstellen',
    ...extra,
  });
}

/** A small well-formedness check: every tag closed in order, attributes quoted, no stray `<` or `&`. */
function assertWellFormed(xml: string): void {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    expect(text, `bad text ${text}`).not.toMatch(/&(?!(?:lt|gt|amp|quot|#39);)|>/);
    if (lt < 0) break;
    tag.lastIndex = lt;
    const m = tag.exec(xml);
    expect(m, `malformed tag at ${xml.slice(lt, lt + 60)}`).not.toBeNull();
    const [whole, closing, name, attrs, selfClosing] = m!;
    for (const [, value] of attrs!.matchAll(/="([^"]*)"/g)) {
      expect(value).not.toMatch(/&(?!(?:lt|gt|amp|quot|#39);)/);
    }
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
    i = lt + whole.length;
  }
  expect(stack).toEqual([]);
}

describe('renderGermanyMap', () => {
  it('is well-formed XML with a title', () => {
    const svg = render();
    assertWellFormed(svg);
    expect(svg).toMatch(
      /^<svg [^>]*viewBox="0 0 \d+ \d+"[^>]*role="group"[^>]*aria-labelledby="germany-map-title"/,
    );
    expect(svg).toContain('<title id="germany-map-title">Karte der Beratungsstellen</title>');
  });

  it('links each of the 16 Länder, with an accessible name', () => {
    const svg = render();
    const links = [
      ...svg.matchAll(
        /<a href="\/fachberatungsstellen\?land=(\d\d)&amp;sort=name"><title>([^<]*)<\/title><path class="([^"]*)" d="M[^"]*Z"\/><\/a>/g,
      ),
    ];
    expect(links).toHaveLength(16);
    expect(new Set(links.map((l) => l[1])).size).toBe(16);
    expect(links.find((l) => l[1] === '09')?.[2]).toBe('Bayern: Beratungsstellen anzeigen');
    expect(links.filter((l) => l[3] === 'land active').map((l) => l[1])).toEqual(['09', '11']);
    expect(links.filter((l) => l[3] === 'land')).toHaveLength(14);
  });

  it('uses classes only: no style attributes, no event handlers, no scripts', () => {
    const svg = render();
    expect(svg).not.toMatch(/\sstyle=/i);
    expect(svg).not.toMatch(/\son[a-z]+=/i);
    expect(svg).not.toMatch(/<script|<style|javascript:/i);
  });

  it('escapes text and attributes', () => {
    const svg = render({ title: 'A & B <C> "D"' });
    expect(svg).toContain('<title>Beratung &lt;Berlin&gt; &amp; &quot;Umland&quot;</title>');
    expect(svg).toContain('href="/fbs/a?x=1&amp;y=2"');
    expect(svg).toContain('A &amp; B &lt;C&gt; &quot;D&quot;');
    expect(escapeXml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;');
  });

  it('draws markers as links at the projected position', () => {
    const svg = render();
    const markers = [
      ...svg.matchAll(
        /<a href="([^"]*)"[^>]*><circle class="marker (marker-\w+)" cx="([\d.]+)" cy="([\d.]+)" r="\d+"><title>/g,
      ),
    ];
    expect(markers.map((m) => m[2])).toEqual(['marker-exact', 'marker-city']);
    const berlin = projectToMap(52.52, 13.405);
    expect(Number(markers[0]![3])).toBeCloseTo(berlin.x, 0);
    expect(Number(markers[0]![4])).toBeCloseTo(berlin.y, 0);
    expect(render({ markers: [] })).not.toContain('<circle');
  });

  it('places projected cities inside their Land on the map', () => {
    const rings = new Map(laender.lands.map((l) => [l.key, pathToRings(l.path)]));
    const [, , width, height] = laender.viewBox.split(' ').map(Number) as [number, number, number, number];
    for (const [lat, lon, key] of [
      [52.52, 13.405, '11'],
      [48.137, 11.575, '09'],
      [53.55, 10.0, '02'],
      [50.938, 6.96, '05'],
    ] as const) {
      const { x, y } = projectToMap(lat, lon);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(width);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(height);
      expect(rings.get(key)!.length).toBeGreaterThan(0);
      expect(landForPoint(lat, lon)).toBe(key);
    }
  });
});

describe('laender.json', () => {
  it('has the 16 Länder with small paths and label points inside the view', () => {
    expect(laender.lands.map((l) => l.key)).toEqual(
      Array.from({ length: 16 }, (_, i) => String(i + 1).padStart(2, '0')),
    );
    const total = laender.lands.reduce((sum, l) => sum + l.path.length, 0);
    expect(total).toBeLessThan(30_000);
    const [, , width, height] = laender.viewBox.split(' ').map(Number) as [number, number, number, number];
    expect(width).toBeGreaterThan(500);
    expect(height).toBeGreaterThan(700);
    for (const land of laender.lands) {
      expect(land.path).toMatch(/^M[-\d. lMZ]+Z$/);
      expect(land.labelX).toBeGreaterThan(0);
      expect(land.labelX).toBeLessThan(width);
      expect(land.labelY).toBeGreaterThan(0);
      expect(land.labelY).toBeLessThan(height);
    }
  });

  it('keeps the city states visible', () => {
    for (const key of ['02', '04', '11']) {
      const land = laender.lands.find((l) => l.key === key)!;
      expect(pathToRings(land.path)[0]!.length).toBeGreaterThanOrEqual(8);
    }
  });
});
