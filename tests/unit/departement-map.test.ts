import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { postMark } from "~/domain/departement-map.server";
import { centreOf, containsPoint, DEPARTEMENT_SHAPES, MAP_SIZE, OVERSEAS_TILES, PARIS_INSET, ringsOf } from "~/reference/departement-shapes";
import { getCommune, getDepartement, listDepartements } from "~/reference/territory.server";

const require = createRequire(import.meta.url);
const officialDepartements = require("@etalab/decoupage-administratif/data/departements.json") as Array<{ code: string; nom: string }>;

const shapeOf = (code: string) => DEPARTEMENT_SHAPES.find((s) => s.code === code)!;

describe("the map's départements", () => {
  it("draws every metropolitan département of the official list (two-character codes), under its INSEE code, and nothing else", () => {
    const metropolitan = officialDepartements.filter((d) => d.code.length === 2).map((d) => d.code).sort();
    expect(metropolitan).toHaveLength(96);
    expect(metropolitan).toContain("2A");
    expect(metropolitan).toContain("2B");
    expect(DEPARTEMENT_SHAPES.map((s) => s.code).sort()).toEqual(metropolitan);
    for (const s of DEPARTEMENT_SHAPES) expect(s.name, s.code).toBe(getDepartement(s.code)!.name);
  });

  it("gives the five overseas départements a tile each, inside the drawing and clear of the mainland", () => {
    expect(OVERSEAS_TILES.map((t) => t.code)).toEqual(["971", "972", "973", "974", "976"]);
    for (const t of OVERSEAS_TILES) {
      expect(t.name).toBe(getDepartement(t.code)!.name);
      expect(t.x + t.width + 24).toBeLessThanOrEqual(MAP_SIZE.width);
      expect(t.y + t.height).toBeLessThanOrEqual(MAP_SIZE.height);
      for (const [x, y] of [[t.x, t.y], [t.x + t.width, t.y], [t.x, t.y + t.height], [t.x + t.width, t.y + t.height]]) {
        expect(DEPARTEMENT_SHAPES.some((s) => containsPoint(s.d, x, y)), `${t.code} ${x},${y}`).toBe(false);
      }
    }
  });

  it("enlarges Paris and its petite couronne in a box of their own, clear of the mainland", () => {
    const { box, scale, dx, dy } = PARIS_INSET;
    expect(scale).toBeGreaterThan(2);
    for (const [x, y] of [[box.x, box.y], [box.x + box.width, box.y], [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]]) {
      expect(DEPARTEMENT_SHAPES.some((s) => containsPoint(s.d, x, y)), `${x},${y}`).toBe(false);
    }
    for (const code of PARIS_INSET.codes) {
      for (const [x, y] of ringsOf(shapeOf(code).d).flat()) {
        expect(x * scale + dx).toBeGreaterThanOrEqual(box.x);
        expect(x * scale + dx).toBeLessThanOrEqual(box.x + box.width);
        expect(y * scale + dy).toBeGreaterThanOrEqual(box.y);
        expect(y * scale + dy).toBeLessThanOrEqual(box.y + box.height);
      }
    }
  });

  it("reads each outline as closed rings within the drawing, with its centre inside it for most", () => {
    let centresInside = 0;
    for (const s of DEPARTEMENT_SHAPES) {
      const rings = ringsOf(s.d);
      expect(rings.length, s.code).toBeGreaterThan(0);
      for (const [x, y] of rings.flat()) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(MAP_SIZE.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(MAP_SIZE.height);
      }
      const c = centreOf(s.d);
      expect(c.area, s.code).toBeGreaterThan(5);
      if (containsPoint(s.d, c.x, c.y)) centresInside++;
    }
    // A label hangs at the centre: a crescent-shaped département may have it just outside.
    expect(centresInside).toBeGreaterThanOrEqual(90);
  });
});

describe("the position's marker", () => {
  it("stands every préfecture inside its own département", () => {
    for (const d of listDepartements().filter((d) => d.code.length === 2)) {
      const mark = postMark(d.chefLieu);
      expect(mark, d.code).not.toBeNull();
      expect(mark!.departementCode).toBe(d.code);
      expect(containsPoint(shapeOf(d.code).d, mark!.x, mark!.y), `${d.code} ${getCommune(d.chefLieu)!.name}`).toBe(true);
    }
  });

  it("says which commune it marks, places an overseas one beside its tile, and none for an unknown commune", () => {
    expect(postMark("68224")).toMatchObject({ label: "Mulhouse (68)", departementCode: "68" });
    const reunion = OVERSEAS_TILES.find((t) => t.code === "974")!;
    const saintDenis = postMark("97411")!;
    expect(saintDenis.label).toBe("Saint-Denis (974)");
    expect(saintDenis.y).toBeGreaterThan(reunion.y);
    expect(saintDenis.y).toBeLessThan(reunion.y + reunion.height);
    expect(postMark("99999")).toBeNull();
    expect(postMark(null)).toBeNull();
  });

  it("keeps west west and north north: Brest left of Strasbourg, Lille above Marseille", () => {
    const at = (code: string) => postMark(code)!;
    expect(at("29019").x).toBeLessThan(at("67482").x);
    expect(at("59350").y).toBeLessThan(at("13055").y);
  });
});
