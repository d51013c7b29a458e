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
