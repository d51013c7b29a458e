import { describe, expect, it } from "vitest";
import { templateValues, type TemplatePosition } from "~/domain/templates";
import { fillTemplate, templateSchema, unknownPlaceholders } from "~/schemas/message-template";

const position: TemplatePosition = {
  title: "Directeur général des services (H/F)",
  confidential: false,
  organization: { name: "Langogne" },
  communeLabel: "Langogne (48)",
  departementLabel: "Lozère (48)",
  salaryMin: 48_000,
  salaryMax: 56_000,
  ifse: 650,
  housing: "NAS",
  housingHelp: false,
  remoteDays: 2,
  deadline: new Date("2026-12-15T12:00:00Z"),
};
const sender = { cabinetName: "Boussole Territoires", consultantName: "Claire Vidal" };
const nbsp = (s: string) => s.replace(/[\u202f\u00a0]/g, " ");

describe("an approach template, filled from the mission's position", () => {
  it("fills every placeholder with what a candidate reads of the post", () => {
    const body = "{poste} à {collectivite} ({commune}) : {salaire}, IFSE {ifse}, {logement}, télétravail {teletravail}, avant le {date_limite}. {consultant}, {cabinet}";
    expect(nbsp(fillTemplate(body, templateValues(position, sender)))).toBe(
      "Directeur général des services (H/F) à Langogne (Langogne (48)) : 48 000 € à 56 000 € brut par an, IFSE 650 € brut par mois, " +
        "logement de fonction pour nécessité absolue de service (NAS), télétravail 2 jours par semaine, avant le 15 décembre 2026. Claire Vidal, Boussole Territoires",
    );
  });

  it("names neither the collectivité nor its commune for a confidential search: the département only", () => {
    const text = fillTemplate("{collectivite} — {commune}", templateValues({ ...position, confidential: true }, sender));
    expect(text).toBe("une collectivité (recherche confidentielle) — Lozère (48)");
    expect(text).not.toContain("Langogne");
  });

  it("says what is missing in words rather than leaving a hole", () => {
    const values = templateValues({ ...position, salaryMin: null, salaryMax: null, ifse: null, housing: "NONE", housingHelp: true, remoteDays: 0, deadline: null }, sender);
    expect(fillTemplate("{salaire} / {ifse} / {logement} / {teletravail} / {date_limite}", values)).toBe(
      "selon profil et grille statutaire / selon profil / une aide à la recherche d’un logement / pas de télétravail / non fixée",
    );
    expect(nbsp(templateValues({ ...position, salaryMax: null }, sender).salaire)).toBe("à partir de 48 000 € brut par an");
    expect(templateValues({ ...position, remoteDays: 1 }, sender).teletravail).toBe("1 jour par semaine");
  });

  it("leaves a word between braces it does not know as it is, and the form refuses it with the known ones", () => {
    expect(fillTemplate("Bonjour {prenom}, {poste}", templateValues(position, sender))).toBe("Bonjour {prenom}, Directeur général des services (H/F)");
    expect(unknownPlaceholders("{prenom} {poste} {nom} {prenom}")).toEqual(["prenom", "nom"]);
    const parsed = templateSchema.safeParse({ name: "Approche", body: "Bonjour {prenom}, un poste de {poste} vous attend." });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/^\{prenom\} : ce mot n’est pas un champ connu\. Utilisez \{poste\}/);
  });
});
