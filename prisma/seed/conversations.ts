import { DEMO_ACCOUNTS } from "./accounts";
import type { Clock } from "./dates";
import type { CandidatePlan, ContactRequestPlan, MessagePlan, PositionPlan } from "./plan";
import { positionId } from "./positions";
import { stableId } from "./random";

/**
 * What passes between consultant@'s cabinet and the candidates, so that every page of both
 * spaces has something to show: proposals ("prises de contact") on the confidential search in
 * every state, the demo candidate's one still waiting for her answer, and two conversations.
 *
 * - The confidential DGS search: a proposal accepted by one candidate (then a conversation), one
 *   declined by another, and one sent yesterday to the demo candidate, pending.
 * - The demo DGS (Langogne), to which the demo candidate applied: after her interview (see
 *   evaluation.ts), the consultant wrote to her and she answered.
 */

export function generateConversations(args: {
  clock: Clock;
  candidates: readonly CandidatePlan[];
  positions: readonly PositionPlan[];
  demoCollectiviteKey: string;
}): { contactRequests: ContactRequestPlan[]; messages: MessagePlan[] } {
  const { clock, candidates, positions, demoCollectiviteKey } = args;
  const consultant = DEMO_ACCOUNTS.consultant;
  const demoDgs = positions.find((p) => p.id === positionId(demoCollectiviteKey, "dgs"));
  const confidential = positions.find((p) => p.confidential && p.state === "PUBLISHED" && p.missionCabinetKey);
  if (!demoDgs?.missionCabinetKey || !demoDgs.missionCreatedAt || !confidential?.missionCabinetKey || !confidential.missionCreatedAt) {
    throw new Error("Seed: the cabinet's missions for the conversations are missing");
  }
  const cabinetKey = confidential.missionCabinetKey;
  const demo = candidates.find((c) => c.user.email === DEMO_ACCOUNTS.candidate);
  if (!demo) throw new Error("Seed: the demo candidate is missing");

  // Candidates the cabinet could have found in the pool for a DGS: shown (not hidden), hiding
  // from neither the cabinet nor the collectivité, wishing for a catégorie A administrative post.
  const [accepting, declining] = candidates.filter((c) => {
    const p = c.profile;
    return (
      c !== demo &&
      p.visibility !== "HIDDEN" &&
      !p.hiddenFrom.some((h) => h.officialKey === cabinetKey || h.officialKey === confidential.orgKey) &&
      (JSON.parse(p.wishedFilieres) as string[]).includes("administrative") &&
      (JSON.parse(p.wishedCategories) as string[]).some((k) => k === "A" || k === "A+")
    );
  });
  if (!accepting || !declining) throw new Error("Seed: no candidates for the cabinet's proposals");

  const on = (p: PositionPlan) => ({ positionId: p.id, cabinetKey: p.missionCabinetKey! });
  const proposal =
    "Bonjour, je mène pour une commune une recherche confidentielle de directeur ou directrice générale des services. " +
    "Votre parcours correspond à ce que nous cherchons : accepteriez-vous que nous en parlions ?";
  const answers: Array<Pick<ContactRequestPlan, "email" | "status" | "createdAt" | "answeredAt">> = [
    { email: accepting.user.email, status: "ACCEPTED", createdAt: clock.days(-3, 14), answeredAt: clock.days(-2, 9) },
    { email: declining.user.email, status: "DECLINED", createdAt: clock.days(-3, 15), answeredAt: clock.days(-2, 19) },
    { email: demo.user.email, status: "PENDING", createdAt: clock.days(-1, 11), answeredAt: null },
  ];
  const contactRequests: ContactRequestPlan[] = answers.map((r) => ({
    id: stableId("contact-request", `${r.email}:${confidential.id}:${cabinetKey}`),
    ...r,
    ...on(confidential),
    consultantEmail: consultant,
    message: proposal,
  }));

  const message = (p: PositionPlan, email: string, authorEmail: string, at: Date, body: string): MessagePlan => ({
    id: stableId("message", `${p.id}:${email}:${at.toISOString()}`),
    ...on(p),
    email,
    authorEmail,
    body,
    createdAt: at,
  });
  const messages: MessagePlan[] = [
    message(confidential, accepting.user.email, consultant, clock.days(-2, 15),
      "Merci pour votre réponse. Le poste est celui de DGS d’une ville moyenne ; je vous propose un premier échange téléphonique cette semaine. Quels créneaux vous conviendraient ?"),
    message(confidential, accepting.user.email, accepting.user.email, clock.days(-1, 10),
      "Bonjour, jeudi après 17 heures ou vendredi matin me conviendraient. Pouvez-vous me dire d’ici là si un logement est envisageable ?"),
    message(demoDgs, demo.user.email, consultant, clock.days(-1, 15),
      "Bonjour, merci pour notre entretien. Je présenterai votre candidature au maire de Langogne avec mon évaluation ; je vous tiens informée de la suite dans la semaine."),
    message(demoDgs, demo.user.email, demo.user.email, clock.days(-1, 19),
      "Merci à vous pour cet échange. Je reste disponible si le maire souhaite me rencontrer, de préférence en fin de semaine."),
  ];

  // The story must follow the search: nothing before the mission was entrusted to the cabinet,
  // nothing today (a run in the morning would show it in the future).
  const missionStart = new Map([[demoDgs.id, demoDgs.missionCreatedAt], [confidential.id, confidential.missionCreatedAt]]);
  for (const row of [...contactRequests, ...messages]) {
    if (row.createdAt.getTime() <= missionStart.get(row.positionId)!.getTime() || row.createdAt.getTime() >= clock.today.getTime()) {
      throw new Error(`Seed: a proposal or message of ${row.email} is dated outside its mission`);
    }
  }
  return { contactRequests, messages };
}
