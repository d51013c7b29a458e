import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anonymousCard,
  CARD_STEPS,
  cardSteps,
  experienceBandLabel,
  fitsCard,
  functionFamily,
  K_ANONYMITY,
  LAST_STEP,
  type QuasiFacts,
} from "~/access/anonymous-card";

const dgsLozere: QuasiFacts = {
  currentFunction: "Directrice générale des services",
  status: "TITULAIRE",
  filiere: "administrative",
  categorie: "A",
  cadreEmplois: "attaches",
  yearsExperience: 17,
  departementCode: "48",
  regionCode: "76",
};

describe("the facts of an anonymous card (the gate's rule 14)", () => {
  it("names a family of functions, never the title", () => {
    expect(functionFamily("Directrice générale des services")).toBe("Direction générale");
    expect(functionFamily("Secrétaire de mairie")).toBe("Direction générale");
    expect(functionFamily("Directeur général des services techniques")).toBe("Services techniques");
    expect(functionFamily("Responsable des finances")).toBe("Finances et contrôle de gestion");
    expect(functionFamily("Directrice des ressources humaines")).toBe("Ressources humaines");
    expect(functionFamily("Juriste marchés publics")).toBe("Commande publique et affaires juridiques");
    expect(functionFamily("Bibliothécaire")).toBe("Culture, sport et jeunesse");
    expect(functionFamily("Policier municipal")).toBe("Sécurité et police municipale");
    expect(functionFamily("Astronaute")).toBe("Autre fonction");
    expect(functionFamily(null)).toBeNull();
  });

  it("tells experience in bands", () => {
    expect(experienceBandLabel(anonymousCard(dgsLozere, 0).experience!)).toBe("15 à 19 ans");
    expect(experienceBandLabel(anonymousCard(dgsLozere, 2).experience!)).toBe("10 à 19 ans");
    expect(experienceBandLabel(anonymousCard({ ...dgsLozere, yearsExperience: 3 }, 0).experience!)).toBe("moins de 5 ans");
    expect(experienceBandLabel(anonymousCard({ ...dgsLozere, yearsExperience: 34 }, 0).experience!)).toBe("30 ans et plus");
  });

  it("coarsens one fact at a time over the first steps, and shows nothing at the last", () => {
    const cards = CARD_STEPS.map((_, s) => anonymousCard(dgsLozere, s));
    expect(cards[0]).toMatchObject({ functionFamily: "Direction générale", cadreEmplois: "attaches", departementCode: "48", regionCode: "76" });
    expect(cards[1]).toMatchObject({ departementCode: null, regionCode: "76" });
    expect(cards[4]).toMatchObject({ cadreEmplois: null, regionCode: null, area: "Sud-Ouest" });
    expect(cards[LAST_STEP]).toMatchObject({ functionFamily: null, status: null, categorie: null, experience: null, departementCode: null, regionCode: null, area: null });
    // Over the first seven steps, each fact once hidden stays hidden.
    const chain = cards.slice(0, 7);
    for (const key of ["functionFamily", "status", "filiere", "categorie", "cadreEmplois", "experience", "departementCode", "regionCode", "area"] as const) {
      const hiddenAt = chain.findIndex((c) => c[key] === null);
      if (hiddenAt >= 0) expect(chain.slice(hiddenAt).every((c) => c[key] === null), key).toBe(true);
    }
  });

  it("shows an unknown or out-of-range step as the last one (fails closed)", () => {
    expect(anonymousCard(dgsLozere, null).step).toBe(LAST_STEP);
    expect(anonymousCard(dgsLozere, 42).step).toBe(LAST_STEP);
    expect(anonymousCard(dgsLozere, -1).step).toBe(LAST_STEP);
  });

  it("gives every profile of any pool a card that at least k anonymous profiles fit", () => {
    const facts = fc.record({
      currentFunction: fc.constantFrom(null, "Directeur général des services", "Responsable des finances", "Agent d'accueil", "Technicien voirie"),
      status: fc.constantFrom(null, "TITULAIRE", "CONTRACTUEL"),
      filiere: fc.constantFrom(null, "administrative", "technique"),
      categorie: fc.constantFrom(null, "A", "B", "C"),
      cadreEmplois: fc.constantFrom(null, "attaches", "redacteurs", "techniciens"),
      yearsExperience: fc.option(fc.integer({ min: 0, max: 40 })),
      departementCode: fc.constantFrom("48", "12", "75", "971"),
      regionCode: fc.constantFrom("76", "11", "01"),
    });
    fc.assert(
      fc.property(fc.array(facts, { minLength: K_ANONYMITY, maxLength: 60 }), (list) => {
        const pool = list.map((f, i) => ({ id: `p${i}`, ...f }));
        const steps = cardSteps(pool);
        for (const p of pool) {
          const card = anonymousCard(p, steps.get(p.id));
          expect(pool.filter((q) => fitsCard(card, q)).length).toBeGreaterThanOrEqual(K_ANONYMITY);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("shows the département of a profile in a thick class, and hides that of one alone", () => {
    const crowd = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, ...dgsLozere, departementCode: "12", yearsExperience: 15 + (i % 4) }));
    const alone = { id: "alone", ...dgsLozere };
    const steps = cardSteps([...crowd, alone]);
    expect(anonymousCard(crowd[0], steps.get("c0")).departementCode).toBe("12");
    const card = anonymousCard(alone, steps.get("alone"));
    expect(card.departementCode).toBeNull();
    expect(card.regionCode).toBe("76");
    expect(card.functionFamily).toBe("Direction générale");
  });
});
