import { centreOf, containsPoint, DEPARTEMENT_SHAPES, MAP_SIZE, OVERSEAS_TILES, ringsOf } from "~/reference/departement-shapes";
import { getCommune, listCommunes } from "~/reference/territory.server";

/**
 * Where a commune stands on the map of départements (app/reference/departement-shapes.ts). The
 * drawing comes without its projection, so it is measured: the drawing is a Mercator one, and the
 * affine map from Mercator coordinates to the drawing's is fitted (least squares) on the 94
 * mainland départements, pairing each shape's centre of mass with the mean point of its communes. The fit
 * lands a commune within a few units of 613 (a few kilometres) of where it is drawn, inside its
 * own département (tests/unit/departement-map.test.ts checks every préfecture). Computed once.
 */

type Affine = { x: [number, number, number]; y: [number, number, number] };
type Fit = { mainland: Affine; corsica: Affine };

/** Corsica is drawn nearer the mainland than it is, at its own scale. */
const CORSICA = new Set(["2A", "2B"]);

const mercator = (lat: number, lon: number): [number, number] => {
  const rad = Math.PI / 180;
  return [lon * rad, Math.log(Math.tan(Math.PI / 4 + (lat * rad) / 2))];
};

/** Solves the 3×3 system m·v = b (Gauss–Jordan with partial pivoting). */
function solve3(m: number[][], b: number[]): [number, number, number] {
  const a = m.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < 3; c++) {
    let p = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k < 4; k++) a[r][k] -= f * a[c][k];
    }
  }
  return [a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]];
}

function fit(): Fit {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  for (const c of listCommunes()) {
    if (c.approximateLocation) continue;
    const s = sums.get(c.departementCode) ?? { lat: 0, lon: 0, n: 0 };
    s.lat += c.lat;
    s.lon += c.lon;
    s.n++;
    sums.set(c.departementCode, s);
  }
  const pairs = DEPARTEMENT_SHAPES.flatMap((shape) => {
    const s = sums.get(shape.code);
    return s ? [{ code: shape.code, uv: mercator(s.lat / s.n, s.lon / s.n), centre: centreOf(shape.d) }] : [];
  });
  const rows = pairs.filter((p) => !CORSICA.has(p.code));
  const normal = [0, 1, 2].map((i) => [0, 1, 2].map((j) => rows.reduce((s, r) => s + [...r.uv, 1][i] * [...r.uv, 1][j], 0)));
  const rhs = (axis: "x" | "y") => [0, 1, 2].map((i) => rows.reduce((s, r) => s + [...r.uv, 1][i] * r.centre[axis], 0));
  const mainland: Affine = { x: solve3(normal, rhs("x")), y: solve3(normal, rhs("y")) };
  // Corsica: its communes' extent stretched onto its shapes' extent (two centres cannot fit six terms).
  const shapes = DEPARTEMENT_SHAPES.filter((d) => CORSICA.has(d.code)).flatMap((d) => ringsOf(d.d).flat());
  const points = listCommunes().filter((c) => CORSICA.has(c.departementCode) && !c.approximateLocation).map((c) => mercator(c.lat, c.lon));
  const span = (values: number[]) => [Math.min(...values), Math.max(...values)];
  const [x0, x1] = span(shapes.map((p) => p[0]));
  const [y0, y1] = span(shapes.map((p) => p[1]));
  const [u0, u1] = span(points.map((p) => p[0]));
  const [v0, v1] = span(points.map((p) => p[1]));
  const kx = (x1 - x0) / (u1 - u0);
  const ky = (y1 - y0) / (v1 - v0);
  const corsica: Affine = { x: [kx, 0, x0 - kx * u0], y: [0, -ky, y1 + ky * v0] }; // north is up: y falls as latitude rises
  return { mainland, corsica };
}

function apply(a: Affine, [u, v]: [number, number]): [number, number] {
  return [a.x[0] * u + a.x[1] * v + a.x[2], a.y[0] * u + a.y[1] * v + a.y[2]];
}

let fitted: Fit | undefined;

/**
 * A point (latitude, longitude) of a metropolitan département in the drawing's units; null for a
 * point outside the drawing.
 */
export function mapPointOf(lat: number, lon: number, departementCode: string): { x: number; y: number } | null {
  fitted ??= fit();
  const [x, y] = apply(CORSICA.has(departementCode) ? fitted.corsica : fitted.mainland, mercator(lat, lon));
  if (x < 0 || y < 0 || x > MAP_SIZE.width || y > MAP_SIZE.height) return null;
  return { x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
}

export type PostMark = {
  /** « Mulhouse (68) ». */
  label: string;
  departementCode: string;
  /** Where the marker stands: the commune's point, or for an overseas one, beside its tile. */
  x: number;
  y: number;
};

/** The position's marker on the map, or null when its commune is unknown. */
export function postMark(communeCode: string | null | undefined): PostMark | null {
  const commune = communeCode ? getCommune(communeCode) : undefined;
  if (!commune) return null;
  const label = `${commune.name} (${commune.departementCode})`;
  const tile = OVERSEAS_TILES.find((t) => t.code === commune.departementCode);
  if (tile) return { label, departementCode: commune.departementCode, x: tile.x + tile.width + 10, y: tile.y + tile.height / 2 };
  const point = mapPointOf(commune.lat, commune.lon, commune.departementCode);
  const shape = DEPARTEMENT_SHAPES.find((d) => d.code === commune.departementCode);
  if (!point || !shape) return null;
  return { label, departementCode: commune.departementCode, ...insideOf(shape.d, point) };
}

/**
 * The point itself if it falls in its département's shape, else the first point inside on the way
 * to the shape's centre: a coastal town a few units off (Ajaccio, Antibes) must not stand in the sea.
 */
function insideOf(d: string, point: { x: number; y: number }): { x: number; y: number } {
  const centre = centreOf(d);
  for (let t = 0; t <= 1; t += 0.05) {
    const x = Math.round((point.x + t * (centre.x - point.x)) * 10) / 10;
    const y = Math.round((point.y + t * (centre.y - point.y)) * 10) / 10;
    if (containsPoint(d, x, y)) return { x, y };
  }
  return { x: Math.round(centre.x * 10) / 10, y: Math.round(centre.y * 10) / 10 };
}
