/**
 * The server-rendered map of Germany for the finder: one link per Land, one link per marker. Pure SVG markup with
 * CSS classes only — no style attributes, no scripts, no event handlers (the Content-Security-Policy forbids inline
 * styles). Classes to style: `germany-map`, `lands`, `land`, `land active`, `markers`, `marker marker-exact`,
 * `marker marker-city`.
 *
 * The svg is a labelled `group`, not an `img`: an image's children are presentational, which would hide the links
 * from assistive technology (axe: nested-interactive).
 *
 * Map data: © GeoBasis-DE / BKG 2018 (Daten verändert) — see ATTRIBUTION.md.
 */
import { loadLaender, projectToMap } from './geocode.ts';

export { projectToMap };

export interface MapMarker {
  id: string;
  lat: number;
  lon: number;
  label: string;
  href: string;
  /** 'exact': the address's position; 'city': only the place is known or shown (address kept private). */
  kind?: 'exact' | 'city';
}

export interface GermanyMapOptions {
  markers: MapMarker[];
  /** Land keys ('01'…'16') drawn with the class `active`. */
  activeLands?: string[];
  landHref: (key: string) => string;
  /** The accessible name of a Land's link, e.g. name → `${name}: Beratungsstellen anzeigen`. */
  landLabel: (name: string) => string;
  /** The accessible name of the whole map. */
  title: string;
  /** Prefix for element ids, when a page shows more than one map. */
  id?: string;
}

const MARKER_RADIUS = { exact: 6, city: 5 } as const;

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) =>
    c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : c === '"' ? '&quot;' : '&#39;',
  );
}

function coordinate(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function renderGermanyMap(opts: GermanyMapOptions): string {
  const data = loadLaender();
  const id = opts.id ?? 'germany-map';
  const titleId = `${id}-title`;
  const active = new Set(opts.activeLands ?? []);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${data.viewBox}" class="germany-map" role="group" aria-labelledby="${escapeXml(titleId)}">`,
    `<title id="${escapeXml(titleId)}">${escapeXml(opts.title)}</title>`,
    '<g class="lands">',
  ];
  for (const land of data.lands) {
    const cls = active.has(land.key) ? 'land active' : 'land';
    parts.push(
      `<a href="${escapeXml(opts.landHref(land.key))}"><title>${escapeXml(opts.landLabel(land.name))}</title>` +
        `<path class="${cls}" d="${land.path}"/></a>`,
    );
  }
  parts.push('</g>');
  if (opts.markers.length > 0) {
    parts.push('<g class="markers">');
    for (const m of opts.markers) {
      if (!Number.isFinite(m.lat) || !Number.isFinite(m.lon)) continue;
      const kind = m.kind ?? 'exact';
      const { x, y } = projectToMap(m.lat, m.lon);
      parts.push(
        `<a href="${escapeXml(m.href)}" id="${escapeXml(`${id}-marker-${m.id}`)}">` +
          `<circle class="marker marker-${kind}" cx="${coordinate(x)}" cy="${coordinate(y)}" r="${MARKER_RADIUS[kind]}">` +
          `<title>${escapeXml(m.label)}</title></circle></a>`,
      );
    }
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('');
}
