import { z } from "zod";

/**
 * A cabinet's approach templates (/cabinet/modeles): the placeholders a template may hold, filled
 * from the mission's position when the message is sent (app/domain/templates.ts), and the form's
 * schema. Browser-safe.
 */

export const PLACEHOLDERS = ["poste", "collectivite", "commune", "salaire", "ifse", "logement", "teletravail", "date_limite", "cabinet", "consultant"] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const PLACEHOLDER_LABEL: Record<Placeholder, string> = {
  poste: "l’intitulé du poste",
  collectivite: "la collectivité (« une collectivité » pour une recherche confidentielle)",
  commune: "le lieu (le département seul pour une recherche confidentielle)",
  salaire: "la fourchette de rémunération brute annuelle",
  ifse: "l’IFSE mensuelle",
  logement: "le logement proposé",
  teletravail: "les jours de télétravail",
  date_limite: "la date limite de candidature",
  cabinet: "le nom de votre cabinet",
  consultant: "votre nom",
};

export const TEMPLATE_NAME_MAX = 80;
/** A template becomes a contact request's message: the same bound. */
export const TEMPLATE_BODY_MAX = 2000;

const PLACEHOLDER_PATTERN = /\{([a-z_]+)\}/g;

/** The `{…}` words of a text that are not placeholders we fill, each once. */
export function unknownPlaceholders(body: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of body.matchAll(PLACEHOLDER_PATTERN)) if (!(PLACEHOLDERS as readonly string[]).includes(name)) unknown.add(name);
  return [...unknown];
}

export const templateSchema = z
  .object({
    name: z
      .string({ error: "Donnez un nom au modèle." })
      .trim()
      .min(1, "Donnez un nom au modèle (exemple : Première approche DGS).")
      .max(TEMPLATE_NAME_MAX, `Le nom ne peut dépasser ${TEMPLATE_NAME_MAX} caractères.`),
    body: z
      .string({ error: "Écrivez le message." })
      .trim()
      .min(20, "Écrivez le message du modèle (quelques phrases au moins).")
      .max(TEMPLATE_BODY_MAX, "Le message ne peut dépasser 2 000 caractères."),
  })
  .superRefine((v, ctx) => {
    const unknown = unknownPlaceholders(v.body);
    if (unknown.length) {
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: `${unknown.map((u) => `{${u}}`).join(", ")} : ${unknown.length > 1 ? "ces mots ne sont pas des champs connus" : "ce mot n’est pas un champ connu"}. Utilisez ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}.`,
      });
    }
  });
export type TemplateInput = z.output<typeof templateSchema>;

/** Replaces each known placeholder by its value; pure, and the same on server and browser. */
export function fillTemplate(body: string, values: Record<Placeholder, string>): string {
  return body.replace(PLACEHOLDER_PATTERN, (whole, name: string) => ((PLACEHOLDERS as readonly string[]).includes(name) ? values[name as Placeholder] : whole));
}
