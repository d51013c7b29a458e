import { createHash } from "node:crypto";
import type { PrismaClient } from "~/generated/prisma/client";
import { getMetier } from "~/reference/metiers";
import { getCommune } from "~/reference/territory.server";
import { positionId } from "./positions";

/**
 * The vacancy notices of the demo positions (issue 15): what décret n° 2018-1351 asks that the
 * templates do not say (the reason of the vacancy, the métier, the workplace, who receives the
 * applications, a contractual recruitment's legal ground). Every demo position gets a complete
 * notice but one: dgs@'s draft « Agent d'accueil », whose métier is left out, so that the
 * position page's checklist has a line to show. Written after the plan, deterministic (chosen
 * from each position's id and title), and idempotent.
 */

/** The métier of each template, by its title. */
const METIER_BY_TITLE: Array<[RegExp, string]> = [
  [/^Directeur général des services/, "direction-generale"],
  [/^Directeur général adjoint/, "direction-generale-adjointe"],
  [/^Secrétaire général de mairie/, "secretariat-general-mairie"],
  [/^Directeur des finances/, "direction-finances"],
  [/^Directeur des services techniques/, "direction-services-techniques"],
  [/^Responsable des services techniques/, "responsable-services-techniques"],
  [/^Agent polyvalent/, "agent-polyvalent"],
  [/^Chef d'équipe collecte/, "collecte-dechets"],
  [/^Chef d'équipe espaces verts/, "espaces-verts"],
  [/^Agent d'accueil/, "accueil"],
  [/^Gestionnaire/, "gestion-paie"],
  [/^Chef de service de police/, "police-municipale-chef"],
  [/^Policier municipal/, "police-municipale"],
  [/^Coordinateur enfance/, "enfance-jeunesse"],
  [/ATSEM/, "atsem"],
  [/^Instructeur des autorisations/, "urbanisme-instruction"],
  [/^Puériculteur/, "puericulture"],
  [/^Agent de maintenance des bâtiments/, "maintenance-batiments"],
  [/^Technicien (voirie|bâtiments et voirie)/, "voirie-reseaux"],
  [/^Chef de centre d'exploitation/, "exploitation-routiere"],
  [/^Technicien eau/, "technicien-eau"],
  [/^Responsable du service eau/, "eau-assainissement"],
  [/^Responsable du patrimoine bâti/, "patrimoine-bati"],
  [/transition énergétique/, "transition-energetique"],
];

const CAUSES = ["MUTATION", "RETRAITE", "MUTATION", "DISPONIBILITE", "PROMOTION"] as const;

function pick(id: string, n: number): number {
  return createHash("sha256").update(`notice:${id}`).digest().readUInt32BE(0) % n;
}

/** The demo draft whose notice lacks its métier (Langogne is dgs@'s collectivité). */
export const INCOMPLETE_NOTICE = { place: "langogne", key: "accueil" } as const;

export async function seedNotices(db: PrismaClient, { demoCollectiviteKey }: { demoCollectiviteKey: string }): Promise<{ complete: number; incomplete: number }> {
  const incompleteId = positionId(demoCollectiviteKey, INCOMPLETE_NOTICE.key);
  const positions = await db.position.findMany({
    select: { id: true, title: true, communeCode: true, openToContractuels: true, organization: { select: { name: true, population: true } } },
    orderBy: { id: "asc" },
  });
  let complete = 0;
  let incomplete = 0;
  for (const p of positions) {
    const metier = METIER_BY_TITLE.find(([pattern]) => pattern.test(p.title))?.[1] ?? null;
    // Positions a test or a user wrote (not from the templates) are left as they are.
    if (!metier || !getMetier(metier)) continue;
    const reason = p.openToContractuels && pick(p.id, 4) === 0 ? "RENOUVELLEMENT" : pick(p.id, 3) === 0 ? "CREATION" : "VACANCE";
    const commune = getCommune(p.communeCode)?.name ?? p.communeCode;
    const small = (p.organization.population ?? 0) < 1000;
    const data = {
      vacancyReason: reason,
      vacancyCause: reason === "VACANCE" ? CAUSES[pick(p.id, CAUSES.length)] : null,
      versant: "TERRITORIALE",
      metierCode: p.id === incompleteId ? null : metier,
      workplace: `${p.organization.name}, services de ${commune}`,
      applicationsTo: `L’autorité territoriale de ${p.organization.name}, par Vivier (bouton « Postuler ») ou par courrier au siège de la collectivité, ${commune}.`,
      contractGround: !p.openToContractuels ? null : small ? "L332-8-PETITES-COMMUNES" : "L332-8-2",
    };
    // Written only when it differs, so a second run changes nothing (updatedAt included).
    const current = await db.position.findUnique({ where: { id: p.id }, select: { vacancyReason: true, vacancyCause: true, versant: true, metierCode: true, workplace: true, applicationsTo: true, contractGround: true } });
    if (JSON.stringify(current) !== JSON.stringify(data)) await db.position.update({ where: { id: p.id }, data });
    if (data.metierCode) complete++;
    else incomplete++;
  }
  return { complete, incomplete };
}
