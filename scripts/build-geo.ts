/**
 * Builds the offline geodata of the counselling-centre finder from the two public source files described in
 * /work/shared/data/geo/README.md:
 *
 *   node bin/run-ts.js scripts/build-geo.ts /path/to/data/geo
 *
 * Writes into src/modules/directory/geo/:
 *   - postcodes.csv   `plz,place,land,lat,lon` — one row per distinct (plz, place, land), from the GeoNames dump.
 *   - laender.json    the 16 Länder as small SVG paths (projected, merged, simplified) plus the projection.
 *   - ATTRIBUTION.md  the licence lines and what was changed.
 *
 * The output is deterministic: running the script twice gives identical files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LANDS: ReadonlyArray<readonly [string, string]> = [
  ['01', 'Schleswig-Holstein'],
  ['02', 'Hamburg'],
  ['03', 'Niedersachsen'],
  ['04', 'Bremen'],
  ['05', 'Nordrhein-Westfalen'],
  ['06', 'Hessen'],
  ['07', 'Rheinland-Pfalz'],
  ['08', 'Baden-Württemberg'],
  ['09', 'Bayern'],
  ['10', 'Saarland'],
  ['11', 'Berlin'],
  ['12', 'Brandenburg'],
  ['13', 'Mecklenburg-Vorpommern'],
  ['14', 'Sachsen'],
  ['15', 'Sachsen-Anhalt'],
  ['16', 'Thüringen'],
];

/**
 * The `state` column mixes German and English names; its `state_code` column is not the official key, so the Land
 * is taken from the name only.
 */
const STATE_NAMES: Record<string, string> = {
  ...Object.fromEntries(LANDS.map(([key, name]) => [name, key])),
  'Land Berlin': '11',
  'Lower Saxony': '03',
  Bavaria: '09',
  Saxony: '14',
  'Saxony-Anhalt': '15',
  Thuringia: '16',
  'Mecklenburg-Western Pomerania': '13',
};

/** Rows without a state: only Jungholz (Tyrol, Austria), reachable by road only from Bavaria and served by PLZ 87491. */
const STATELESS_PLACES: Record<string, string> = { '87491|Jungholz': '09' };

// --- Tuning of the map ---------------------------------------------------------------------------------------------
const VIEW_HEIGHT = 800;
const PADDING = 10;
const STANDARD_PARALLEL = 51;
/** Douglas–Peucker tolerance in SVG units (1 unit ≈ 0.01° of latitude ≈ 1.1 km). */
const TOLERANCE = 1.2;
/** Rings (islands, enclaves, holes) smaller than this many square SVG units (≈ 1.2 km² each) are dropped. */
const MIN_RING_AREA = 25;

// --- CSV -----------------------------------------------------------------------------------------------------------
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function round4(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}

interface PostcodeRow {
  plz: string;
  place: string;
  land: string;
  lat: number;
  lon: number;
  org: boolean;
}

function buildPostcodes(file: string): { csv: string; rows: number; sourceRows: number; orgRows: number } {
  const [header, ...records] = parseCsv(fs.readFileSync(file, 'utf8')).filter((r) => r.length > 1);
  const col = (name: string): number => {
    const i = header!.indexOf(name);
    if (i < 0) throw new Error(`column ${name} missing in ${file}`);
    return i;
  };
  const [cPlz, cPlace, cState, cStateCode, cLat, cLon] = [
    'zipcode',
    'place',
    'state',
    'state_code',
    'latitude',
    'longitude',
  ].map(col) as [number, number, number, number, number, number];

  const groups = new Map<string, { rows: PostcodeRow[] }>();
  for (const r of records) {
    const plz = r[cPlz]!.trim();
    const place = r[cPlace]!.trim().replace(/\s+/g, ' ');
    const state = r[cState]!.trim();
    const lat = Number(r[cLat]);
    const lon = Number(r[cLon]);
    if (!/^\d{5}$/.test(plz)) throw new Error(`bad postal code ${plz}`);
    if (!Number.isFinite(lat) || !Number.isFinite(lon))
      throw new Error(`bad coordinates for ${plz} ${place}`);
    const land = state ? STATE_NAMES[state] : STATELESS_PLACES[`${plz}|${place}`];
    if (!land) throw new Error(`unknown state ${JSON.stringify(state)} for ${plz} ${place}`);
    const org = /^\d+$/.test(r[cStateCode]!.trim());
    const key = `${plz}\u0000${place}\u0000${land}`;
    const group = groups.get(key) ?? { rows: [] };
    group.rows.push({ plz, place, land, lat, lon, org });
    groups.set(key, group);
  }

  // Rows with a numeric state_code name organisations with their own postal code (Großkundenpostleitzahlen:
  // authorities, banks, companies), not places; a few such codes are even spread over several Länder (a group of
  // companies sharing one code). They are kept so that the code still resolves, but reduced to one row per code
  // with an empty place: the Land with most of the code's rows, at the mean of those rows' coordinates. Where a code
  // also has real places, its organisation rows are dropped.
  const placeCodes = new Set<string>();
  const orgRowsByCode = new Map<string, PostcodeRow[]>();
  for (const { rows } of groups.values()) {
    for (const r of rows) {
      if (!r.org) placeCodes.add(r.plz);
      else orgRowsByCode.set(r.plz, [...(orgRowsByCode.get(r.plz) ?? []), r]);
    }
  }
  const mean = (rows: PostcodeRow[], pick: (r: PostcodeRow) => number): number =>
    round4(rows.reduce((s, r) => s + pick(r), 0) / rows.length);

  const out: Array<Omit<PostcodeRow, 'org'>> = [];
  for (const { rows } of groups.values()) {
    const places = rows.filter((r) => !r.org);
    if (places.length === 0) continue;
    const first = places[0]!;
    out.push({
      plz: first.plz,
      place: first.place,
      land: first.land,
      lat: mean(places, (r) => r.lat),
      lon: mean(places, (r) => r.lon),
    });
  }
  let orgRows = 0;
  for (const [plz, rows] of orgRowsByCode) {
    if (placeCodes.has(plz)) continue;
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.land, (counts.get(r.land) ?? 0) + 1);
    const land = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    const inLand = rows.filter((r) => r.land === land);
    out.push({ plz, place: '', land, lat: mean(inLand, (r) => r.lat), lon: mean(inLand, (r) => r.lon) });
    orgRows++;
  }
  out.sort((a, b) =>
    a.plz !== b.plz
      ? a.plz < b.plz
        ? -1
        : 1
      : a.place !== b.place
        ? a.place < b.place
          ? -1
          : 1
        : a.land < b.land
          ? -1
          : 1,
  );
  const lines = ['plz,place,land,lat,lon'];
  for (const r of out) lines.push([r.plz, csvField(r.place), r.land, r.lat, r.lon].join(','));
  return { csv: `${lines.join('\n')}\n`, rows: out.length, sourceRows: records.length, orgRows };
}

// --- Geometry ------------------------------------------------------------------------------------------------------
type Pt = [number, number];
interface Vertex {
  key: string;
  x: number;
  y: number;
}
type Ring = Vertex[];

interface Feature {
  properties: { SN_L: string; GEN: string; GF: number };
  geometry: { type: 'Polygon'; coordinates: Pt[][] } | { type: 'MultiPolygon'; coordinates: Pt[][][] };
}

function signedArea(ring: ReadonlyArray<{ x: number; y: number }>): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    a += ring[j]!.x * ring[i]!.y - ring[i]!.x * ring[j]!.y;
  }
  return a / 2;
}

/** Squared distance from p to segment ab. */
function segDist2(
  p: { x: number; y: number },
  a: { x: number; y: number },
  b: { x: number; y: number },
): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = a.x + t * dx - p.x;
  const ey = a.y + t * dy - p.y;
  return ex * ex + ey * ey;
}

/** Douglas–Peucker on an open polyline whose two ends are kept. */
function douglasPeucker(points: Vertex[], tolerance: number): Vertex[] {
  if (points.length <= 2) return points.slice();
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let maxD = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const d = segDist2(points[i]!, points[first]!, points[last]!);
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (index >= 0 && maxD > tol2) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Merges the rings of one Land (its features touch each other: land with and without municipal structure) by
 * cancelling edges that two rings share in opposite directions, then walking the remaining edges into rings.
 * Expects outer rings with positive and holes with negative signed area (y pointing down).
 */
function mergeRings(rings: Ring[]): Ring[] {
  const vertices = new Map<string, Vertex>();
  const edges = new Map<string, number>();
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i]!;
      const b = ring[(i + 1) % ring.length]!;
      vertices.set(a.key, a);
      const e = `${a.key}>${b.key}`;
      edges.set(e, (edges.get(e) ?? 0) + 1);
    }
  }
  const outgoing = new Map<string, string[]>();
  for (const [e, count] of edges) {
    const [a, b] = e.split('>') as [string, string];
    const back = edges.get(`${b}>${a}`) ?? 0;
    for (let k = 0; k < count - back; k++) {
      const list = outgoing.get(a) ?? [];
      list.push(b);
      outgoing.set(a, list);
    }
  }
  const result: Ring[] = [];
  // Walk in the order the vertices were first seen, so the output is deterministic.
  for (const start of vertices.keys()) {
    while ((outgoing.get(start)?.length ?? 0) > 0) {
      const ring: Ring = [];
      let current = start;
      do {
        ring.push(vertices.get(current)!);
        const next = outgoing.get(current)!.shift();
        if (next === undefined) throw new Error('open ring while merging');
        current = next;
      } while (current !== start);
      if (ring.length >= 3) result.push(ring);
    }
  }
  return result;
}

interface LandShape {
  key: string;
  name: string;
  rings: Ring[];
}

interface Projection {
  type: 'equirectangular';
  standardParallel: number;
  lon0: number;
  lat0: number;
  kx: number;
  ky: number;
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/**
 * Splits every ring at its junctions (vertices where the neighbouring Land changes) and simplifies each piece in a
 * canonical direction, so a border shared by two Länder is simplified identically on both sides: no slivers, no gaps.
 */
function simplifyShared(lands: LandShape[], tolerance: number): void {
  const neighbours = new Map<string, Set<string>>();
  const occurrences = new Map<string, number>();
  for (const land of lands) {
    for (const ring of land.rings) {
      for (let i = 0; i < ring.length; i++) {
        const v = ring[i]!;
        const prev = ring[(i - 1 + ring.length) % ring.length]!.key;
        const next = ring[(i + 1) % ring.length]!.key;
        const pair = prev < next ? `${prev}|${next}` : `${next}|${prev}`;
        const set = neighbours.get(v.key) ?? new Set<string>();
        set.add(pair);
        neighbours.set(v.key, set);
        occurrences.set(v.key, (occurrences.get(v.key) ?? 0) + 1);
      }
    }
  }
  const isJunction = (key: string): boolean =>
    (occurrences.get(key) ?? 0) > 1 && neighbours.get(key)!.size > 1;
  const cmp = (a: Vertex, b: Vertex): number => (a.x !== b.x ? a.x - b.x : a.y - b.y);
  const farthestFrom = (ring: Ring, from: Vertex): number => {
    let best = 0;
    let bestD = -1;
    ring.forEach((v, i) => {
      const d = (v.x - from.x) ** 2 + (v.y - from.y) ** 2;
      if (d > bestD || (d === bestD && cmp(v, ring[best]!) < 0)) {
        bestD = d;
        best = i;
      }
    });
    return best;
  };
  const simplifyPiece = (piece: Vertex[]): Vertex[] => {
    const reversed = cmp(piece[0]!, piece[piece.length - 1]!) > 0;
    const canonical = reversed ? piece.slice().reverse() : piece;
    const simplified = douglasPeucker(canonical, tolerance);
    return reversed ? simplified.reverse() : simplified;
  };

  for (const land of lands) {
    land.rings = land.rings.map((ring) => {
      const fixed = new Set<number>();
      ring.forEach((v, i) => {
        if (isJunction(v.key)) fixed.add(i);
      });
      if (fixed.size === 0) {
        // A ring nobody else shares, or shared as a whole (Berlin inside Brandenburg): fix two canonical points.
        let lowest = 0;
        ring.forEach((v, i) => {
          if (cmp(v, ring[lowest]!) < 0) lowest = i;
        });
        fixed.add(lowest);
      }
      if (fixed.size === 1) {
        const only = [...fixed][0]!;
        fixed.add(farthestFrom(ring, ring[only]!));
      }
      const stops = [...fixed].sort((a, b) => a - b);
      const out: Ring = [];
      for (let s = 0; s < stops.length; s++) {
        const from = stops[s]!;
        const to = stops[(s + 1) % stops.length]!;
        const piece: Vertex[] = [];
        for (let i = from; ; i = (i + 1) % ring.length) {
          piece.push(ring[i]!);
          if (i === to && piece.length > 1) break;
        }
        const simplified = simplifyPiece(piece);
        out.push(...simplified.slice(0, -1));
      }
      return out;
    });
  }
}

/** Even–odd point-in-polygon over all rings of a Land (so holes work). */
function insideRings(x: number, y: number, rings: ReadonlyArray<ReadonlyArray<Pt>>): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i]!;
      const [xj, yj] = ring[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function edgeDistance(x: number, y: number, rings: ReadonlyArray<ReadonlyArray<Pt>>): number {
  let best = Number.POSITIVE_INFINITY;
  const p = { x, y };
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = { x: ring[j]![0], y: ring[j]![1] };
      const b = { x: ring[i]![0], y: ring[i]![1] };
      best = Math.min(best, segDist2(p, a, b));
    }
  }
  return Math.sqrt(best);
}

/** Pole of inaccessibility, approximated by a coarse grid search refined three times around the best cell. */
function labelPoint(outer: ReadonlyArray<Pt>, rings: ReadonlyArray<ReadonlyArray<Pt>>): Pt {
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of outer) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  let best: Pt = [(minX + maxX) / 2, (minY + maxY) / 2];
  let bestD = -1;
  let cell = Math.max(maxX - minX, maxY - minY) / 24;
  let [cx, cy] = best;
  let half = Math.max(maxX - minX, maxY - minY) / 2;
  for (let round = 0; round < 4; round++) {
    for (let x = cx - half; x <= cx + half; x += cell) {
      for (let y = cy - half; y <= cy + half; y += cell) {
        if (!insideRings(x, y, rings)) continue;
        const d = edgeDistance(x, y, rings);
        if (d > bestD) {
          bestD = d;
          best = [x, y];
        }
      }
    }
    [cx, cy] = best;
    half = cell * 2;
    cell /= 6;
  }
  return best;
}

/** Formats integer tenths compactly: 12 → "1.2", -5 → "-.5", 30 → "3". */
function tenths(n: number): string {
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  const int = Math.floor(abs / 10);
  const frac = abs % 10;
  if (frac === 0) return `${sign}${int}`;
  return `${sign}${int === 0 ? '' : int}.${frac}`;
}

/** Joins numbers with a space unless the next one starts with a minus sign. */
function joinNumbers(values: string[]): string {
  let out = '';
  for (const v of values) out += out === '' || v.startsWith('-') ? v : ` ${v}`;
  return out;
}

function ringToPath(ring: ReadonlyArray<[number, number]>): string {
  // ring: integer tenths. Absolute move, then relative lines.
  const [x0, y0] = ring[0]!;
  let d = `M${joinNumbers([tenths(x0), tenths(y0)])}l`;
  const deltas: string[] = [];
  for (let i = 1; i < ring.length; i++) {
    deltas.push(tenths(ring[i]![0] - ring[i - 1]![0]), tenths(ring[i]![1] - ring[i - 1]![1]));
  }
  d += `${joinNumbers(deltas)}Z`;
  return d;
}

function buildLaender(file: string): {
  json: string;
  pathChars: number;
  points: number;
  rings: number;
  droppedRings: number;
} {
  const geo = JSON.parse(fs.readFileSync(file, 'utf8')) as { features: Feature[] };
  const landNames = new Map(LANDS);
  // Land areas only (GF 3, 4); GF 1 and 2 are water (North Sea, Baltic, Lake Constance, Elbe estuary, lagoons).
  const features = geo.features.filter((f) => f.properties.GF === 3 || f.properties.GF === 4);

  let minLon = Number.POSITIVE_INFINITY;
  let maxLon = Number.NEGATIVE_INFINITY;
  let minLat = Number.POSITIVE_INFINITY;
  let maxLat = Number.NEGATIVE_INFINITY;
  const polygonsOf = (f: Feature): Pt[][][] =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const f of features) {
    for (const poly of polygonsOf(f)) {
      for (const [lon, lat] of poly[0]!) {
        minLon = Math.min(minLon, lon);
        maxLon = Math.max(maxLon, lon);
        minLat = Math.min(minLat, lat);
        maxLat = Math.max(maxLat, lat);
      }
    }
  }
  const k = Math.cos((STANDARD_PARALLEL * Math.PI) / 180);
  const scale = (VIEW_HEIGHT - 2 * PADDING) / (maxLat - minLat);
  const projection: Projection = {
    type: 'equirectangular',
    standardParallel: STANDARD_PARALLEL,
    lon0: round6(minLon - PADDING / (k * scale)),
    lat0: round6(maxLat + PADDING / scale),
    kx: round6(k * scale),
    ky: round6(scale),
  };
  const width = Math.ceil((maxLon - projection.lon0) * projection.kx + PADDING);
  const height = VIEW_HEIGHT;
  const project = (lon: number, lat: number): { x: number; y: number } => ({
    x: (lon - projection.lon0) * projection.kx,
    y: (projection.lat0 - lat) * projection.ky,
  });

  const lands: LandShape[] = [];
  for (const [key, name] of LANDS) {
    const rings: Ring[] = [];
    for (const f of features.filter((f) => f.properties.SN_L === key)) {
      for (const poly of polygonsOf(f)) {
        poly.forEach((coords, index) => {
          const closed =
            coords.length > 1 && coords[0]![0] === coords.at(-1)![0] && coords[0]![1] === coords.at(-1)![1];
          const open = closed ? coords.slice(0, -1) : coords;
          let ring: Ring = open.map(([lon, lat]) => ({ key: `${lon},${lat}`, ...project(lon, lat) }));
          // Outer rings positive, holes negative (screen coordinates, y down).
          const wantPositive = index === 0;
          if (signedArea(ring) > 0 !== wantPositive) ring = ring.reverse();
          rings.push(ring);
        });
      }
    }
    if (rings.length === 0) throw new Error(`no geometry for Land ${key}`);
    if (!landNames.has(key)) throw new Error(`unknown Land ${key}`);
    lands.push({ key, name, rings: mergeRings(rings) });
  }

  simplifyShared(lands, TOLERANCE);

  let points = 0;
  let ringCount = 0;
  let droppedRings = 0;
  let pathChars = 0;
  const out = lands.map((land) => {
    const rounded = land.rings
      .map((ring) => {
        const r: Array<[number, number]> = [];
        for (const v of ring) {
          const p: [number, number] = [Math.round(v.x * 10), Math.round(v.y * 10)];
          const last = r.at(-1);
          if (!last || last[0] !== p[0] || last[1] !== p[1]) r.push(p);
        }
        while (r.length > 1 && r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1]) r.pop();
        return r;
      })
      .filter((r) => r.length >= 3);
    const areaOf = (r: Array<[number, number]>): number => signedArea(r.map(([x, y]) => ({ x, y }))) / 100;
    const largest = rounded.reduce((best, r) => (areaOf(r) > areaOf(best) ? r : best), rounded[0]!);
    const kept = rounded.filter((r) => r === largest || Math.abs(areaOf(r)) >= MIN_RING_AREA);
    droppedRings += rounded.length - kept.length;
    ringCount += kept.length;
    points += kept.reduce((s, r) => s + r.length, 0);
    const d = kept.map(ringToPath).join('');
    pathChars += d.length;
    const units = kept.map((r) => r.map(([x, y]) => [x / 10, y / 10] as Pt));
    const [labelX, labelY] = labelPoint(
      largest.map(([x, y]) => [x / 10, y / 10] as Pt),
      units,
    );
    return {
      key: land.key,
      name: land.name,
      path: d,
      labelX: Math.round(labelX * 10) / 10,
      labelY: Math.round(labelY * 10) / 10,
    };
  });

  const json = {
    viewBox: `0 0 ${width} ${height}`,
    projection: {
      ...projection,
      formula: 'x = (lon - lon0) * kx; y = (lat0 - lat) * ky; kx = ky * cos(standardParallel)',
    },
    lands: out,
  };
  return { json: `${JSON.stringify(json, null, 2)}\n`, pathChars, points, rings: ringCount, droppedRings };
}

// --- Attribution ---------------------------------------------------------------------------------------------------
function attribution(stats: { rows: number; sourceRows: number; orgRows: number }): string {
  return `# Geodata: sources, licences, changes

These files are generated by \`scripts/build-geo.ts\`; do not edit them by hand.
Show the two attribution lines below wherever the data is shown or shipped (finder pages with the map, exports).

## postcodes.csv

Postal code data: © GeoNames (geonames.org), CC BY 4.0

Source: GeoNames postal-code dump for Germany, as converted by the public repository
zauberware/postal-codes-json-xml-csv (commit a6e8df1, \`data/DE.zip\`). Licence: CC BY 4.0,
https://creativecommons.org/licenses/by/4.0/

Changes: reduced to the columns plz, place, land, lat, lon (${stats.sourceRows} source rows → ${stats.rows} rows, one per
distinct postal code, place and Land; coordinates rounded to 4 decimals). The Land is taken from the state name
(German and English names occur) and written as the official two-digit key (01–16); the source's \`state_code\`
column is not used for that. The one row without a state (87491 Jungholz, an Austrian municipality served by a
German postal code) is assigned to Bayern (09). Rows naming an organisation with its own postal code
(Großkundenpostleitzahl; in the source the rows with a numeric \`state_code\`) are reduced to one row per code
with an empty place (${stats.orgRows} codes): the Land with most of the code's rows, at the mean position of those rows;
where such a code also has real places, only the places are kept.

## laender.json

© GeoBasis-DE / BKG 2018 (Daten verändert)

Source: BKG VG250 (administrative areas, Länder), as simplified by the public repository
SBejga/germany-administrative-geojson (\`geojson/germany_states_simplify200.geojson\`). Licence: Datenlizenz
Deutschland / GeoNutzV.

Changes: only land areas kept (GF 3 and 4; water areas GF 1 and 2 — North Sea, Baltic Sea, Lake Constance, the Elbe
estuary and similar — dropped); the features of each Land merged; projected with an equirectangular projection
(x = (lon − lon0) · kx, y = (lat0 − lat) · ky, kx = ky · cos 51°; parameters in \`projection\`); simplified with
Douglas–Peucker (tolerance ${TOLERANCE} SVG units ≈ ${(TOLERANCE / 100).toFixed(3)}° of latitude) with shared borders simplified identically;
islands, enclaves and holes smaller than ${MIN_RING_AREA} square units (≈ 30 km²) dropped, except each Land's largest part;
coordinates rounded to 0.1 SVG units. Label points are approximate poles of inaccessibility of each Land's largest part.
`;
}

// --- Main ----------------------------------------------------------------------------------------------------------
const sourceDir = process.argv[2];
if (!sourceDir) {
  console.error('usage: node bin/run-ts.js scripts/build-geo.ts /path/to/data/geo');
  process.exit(2);
}
const outDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/modules/directory/geo');
fs.mkdirSync(outDir, { recursive: true });

const postcodes = buildPostcodes(path.join(sourceDir, 'plz-de-geonames.csv'));
fs.writeFileSync(path.join(outDir, 'postcodes.csv'), postcodes.csv);
const laender = buildLaender(path.join(sourceDir, 'bundeslaender-vg250-simplified.geojson'));
fs.writeFileSync(path.join(outDir, 'laender.json'), laender.json);
fs.writeFileSync(path.join(outDir, 'ATTRIBUTION.md'), attribution(postcodes));

console.log(
  `postcodes.csv: ${postcodes.sourceRows} source rows → ${postcodes.rows} rows (${postcodes.orgRows} organisations), ` +
    `${(Buffer.byteLength(postcodes.csv) / 1024).toFixed(1)} KiB`,
);
console.log(
  `laender.json: ${laender.rings} rings (${laender.droppedRings} small ones dropped), ${laender.points} points, ` +
    `path data ${laender.pathChars} chars, file ${(Buffer.byteLength(laender.json) / 1024).toFixed(1)} KiB`,
);
