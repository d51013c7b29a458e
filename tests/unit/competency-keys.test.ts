import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { competencyKey, competencyKeys } from "../../search/competency-keys";
import { SYNONYM_GROUPS } from "../../search/settings";

describe("competency keys", () => {
  it("gives one key to a label whatever its case, accents, plurals and small words", () => {
    const key = competencyKey("Marchés publics");
    expect(key).toBe("marche public");
    for (const variant of ["MARCHES PUBLICS", "marché public", "  Marchés   publics ", "Marchés-publics", "les marchés publics"]) {
      expect(competencyKey(variant)).toBe(key);
    }
    expect(competencyKey("Œuvres d’art")).toBe("oeuvre art");
  });

  it("writes the trade's synonyms as their group's one term", () => {
    // The finances group: « finances », « finance », « budget », « budgétaire ».
    expect(competencyKey("Gestion budgétaire")).toBe("gestion finance");
    expect(competencyKey("Gestion du budget")).toBe("gestion finance");
    expect(competencyKey("GESTION DES FINANCES")).toBe("gestion finance");
    expect(competencyKey("Commande publique")).toBe(competencyKey("Marchés publics"));
    expect(competencyKey("Achats publics")).toBe(competencyKey("Marchés publics"));
    expect(competencyKey("Pilotage RH")).toBe(competencyKey("Pilotage des ressources humaines"));
  });

  it("keeps apart what is not the same competency", () => {
    expect(competencyKey("Gestion budgétaire")).not.toBe(competencyKey("Gestion des ressources humaines"));
    expect(competencyKey("Gestion budgétaire")).not.toBe(competencyKey("Budget"));
    expect(competencyKey("Gestion budgétaire")).not.toBe(competencyKey("Budget de gestion"));
    expect(competencyKey("Urbanisme")).not.toBe(competencyKey("Urbanisme opérationnel"));
  });

  it("reads a group's term again where its short form meets the next words", () => {
    // « directrice » is « directeur », and « directeur général des services » is « dgs ».
    expect(competencyKey("Directrice général des services")).toBe("dgs");
    expect(competencyKey("Secrétaire de mairie")).toBe("dgs");
  });

  it("keeps a label of small words as it is, and gives nothing to one without a letter", () => {
    expect(competencyKey("De la")).toBe("de la");
    expect(competencyKey("— ! —")).toBe("");
    expect(competencyKeys(["Budget", "budgets", "—", "Finances", "Urbanisme"])).toEqual(["finance", "urbanisme"]);
  });

  it("gives every term of a synonym group the same key, and two groups two keys", () => {
    const keys = SYNONYM_GROUPS.map((group) => new Set(group.map(competencyKey)));
    for (const k of keys) expect(k.size).toBe(1);
    expect(new Set(keys.map((k) => [...k][0])).size).toBe(SYNONYM_GROUPS.length);
  });

  // Labels made of the trade's words (synonym terms, small words, plurals), punctuation and case,
  // where the passes and the plurals could disagree; and any text at all.
  const tradeWord = fc.constantFrom(
    ...SYNONYM_GROUPS.flat().flatMap((t) => t.split(" ")),
    "de", "des", "du", "d'", "la", "et", "à", "aux", "les", "gestion", "process", "réseaux", "locaux", "eaux", "xs", "ss", "Œ", "ÉTÉ", "İ", "ﬁ", "²",
  );
  const tradeLabel = fc
    .array(fc.tuple(tradeWord, fc.constantFrom(" ", "  ", "-", ", ", "’", "/", "s ", "x ", "S ")), { maxLength: 8 })
    .map((parts) => parts.map(([w, sep]) => w + sep).join(""))
    .chain((label) => fc.constantFrom(label, label.toUpperCase(), label.normalize("NFD")));

  it("is its own key: the key of a key is the key (idempotent)", () => {
    fc.assert(fc.property(tradeLabel, (label) => competencyKey(competencyKey(label)) === competencyKey(label)), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (label) => competencyKey(competencyKey(label)) === competencyKey(label)), { numRuns: 3000 });
  });

  it("does not care about case, accents nor spacing", () => {
    fc.assert(
      fc.property(tradeLabel, (label) => {
        const key = competencyKey(label);
        return competencyKey(label.toUpperCase()) === key && competencyKey(label.normalize("NFD")) === key && competencyKey(` ${label.replace(/ /g, "   ")} `) === key;
      }),
      { numRuns: 2000 },
    );
  });
});
