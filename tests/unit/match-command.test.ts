import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runMatch, unknownCommunes } from "~/domain/matching.server";
import { matchInputSchema } from "~/schemas/matching";

/** `npm run match`'s function, on the smallest input the README documents. */
describe("npm run match", () => {
  const input = matchInputSchema.parse({
    today: "2026-12-01",
    positions: [{ id: "dgs", title: "Directeur général des services (H/F)", filiere: "administrative", categorie: "A", cadresEmplois: ["attaches"], emploiFonctionnel: "DGS", communeCode: "35012",
      competencies: [{ label: "Finances locales", level: "INDISPENSABLE" }] }],
    profiles: [
      { id: "b", status: "TITULAIRE", categorie: "A", cadreEmplois: "attaches", grade: "Attaché", competencies: ["Finances locales"], homeCommuneCode: "35136", maxDistanceKm: 30 },
      { id: "a", status: "TITULAIRE", categorie: "B", cadreEmplois: "redacteurs", grade: "Rédacteur", competencies: ["Finances locales"], homeCommuneCode: "35136", anonymous: true },
    ],
  });

  it("fills what the input leaves out with the documented defaults, the employer from the commune", () => {
    expect(input.positions[0]).toMatchObject({ openToTitulaires: true, openToContractuels: false, housing: "NONE", remoteDays: 0, startDate: null });
    expect(input.profiles[1]).toMatchObject({ willingToRelocate: false, previousFunctions: [], availableFrom: null });
  });

  it("ranks every profile for every position with its score and reasons, the commune's population deciding the emploi fonctionnel", () => {
    const run = runMatch(input);
    expect(run.today).toBe("2026-12-01");
    expect(run.positions[0].candidates.map((c) => [c.id, c.capped])).toEqual([["b", null], ["a", "statut"]]);
    expect(run.positions[0].candidates[0].reasons.map((r) => r.text)).toContain("Attaché : détachement possible sur l’emploi fonctionnel de DGS (commune de 7\u202f674 habitants)");
    expect(run.positions[0].candidates[1].reasons.map((r) => r.text)).toContain("Domicile : moins de 20 km ; rayon non précisé");
  });

  it("refuses what is not its format, and names unknown INSEE codes", () => {
    expect(matchInputSchema.safeParse({ positions: [] }).success).toBe(false);
    expect(matchInputSchema.safeParse({ positions: [{ id: "x", title: "x", filiere: "a", categorie: "D", communeCode: "35012" }], profiles: [] }).success).toBe(false);
    expect(unknownCommunes(matchInputSchema.parse({ positions: [{ id: "x", title: "x", filiere: "a", categorie: "A", communeCode: "99999" }], profiles: [{ id: "p", homeCommuneCode: "35012" }] }))).toEqual(["99999"]);
  });
});

/** The command itself, as `npm run match -- --input …` runs it: on the labelled fixture, and on a bad file. */
describe("npm run match -- --input", () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "app/cli/match.ts", ...args], { encoding: "utf8", timeout: 120_000 });

  it("prints every position of the fixture with its candidates ranked, as JSON", () => {
    const r = run("--input", path.join("tests", "fixtures", "matching", "pairs.json"));
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { positions: Array<{ id: string; candidates: Array<{ id: string; score: number; reasons: unknown[] }> }> };
    expect(out.positions).toHaveLength(5);
    for (const p of out.positions) {
      expect(p.candidates.length).toBeGreaterThan(0);
      const scores = p.candidates.map((c) => c.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(p.candidates.every((c) => c.reasons.length > 0)).toBe(true);
    }
  }, 130_000);

  it("exits 2 saying why on a file that is not its format", () => {
    const r = run("--input", "package.json");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/does not match the input schema/);
  }, 130_000);
});
