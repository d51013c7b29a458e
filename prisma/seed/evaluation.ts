import type { PrismaClient } from "~/generated/prisma/client";
import { scorecardTotal } from "~/schemas/scorecard";
import { DEMO_ACCOUNTS } from "./accounts";
import type { Clock } from "./dates";
import type { SeedPlan } from "./plan";
import { positionId } from "./positions";
import { stableId } from "./random";
import type { Counts } from "./write";

/**
 * The demo candidate on the shortlist of the demo DGS search (Langogne), entrusted to consultant@'s
 * cabinet: she applied, the cabinet met her and evaluated her. So that every page of the
 * evaluation has something to show for the demo accounts: the entry's page with its timeline, an
 * interview, a scorecard, a referee of hers and the consent to contact them, still waiting for
 * her answer in /candidat/missions; and the journal lines consultant@'s views left, which
 * /admin/journal and « Qui a vu mon identité » read.
 *
 * Dated between her application and the start of the day (never today: a morning run would show
 * it in the future), in proportion of that window, so the story holds whatever day the seed runs.
 */

export type DemoEvaluationPlan = ReturnType<typeof planDemoEvaluation>;

export function planDemoEvaluation(args: { clock: Clock; plan: SeedPlan; demoCollectiviteKey: string }) {
  const { clock, plan, demoCollectiviteKey } = args;
  const candidate = DEMO_ACCOUNTS.candidate;
  const consultant = DEMO_ACCOUNTS.consultant;
  const dgs = plan.positions.find((p) => p.id === positionId(demoCollectiviteKey, "dgs"));
  const application = plan.applications.find((a) => a.email === candidate && a.positionId === dgs?.id);
  if (!dgs?.missionCabinetKey || !application || dgs.criteria.length === 0) throw new Error("Seed: the demo DGS search or the demo candidate's application is missing");
  const key = `${candidate}:${dgs.id}`;
  const start = application.createdAt.getTime();
  const window = clock.today.getTime() - 30 * 60_000 - start;
  const at = (share: number) => new Date(start + Math.round(window * share));

  // 30 × 3/4 + 25 × 4/4 + 20 × 3/4 + 15 × 3/4 + 10 × 2/4 = 22.5 + 25 + 15 + 11.25 + 5 = 78.75 → 79
  const marks = [3, 4, 3, 3, 2];
  const comments = [
    "Secrétaire générale de mairie quatre ans, puis responsable des finances d’une intercommunalité : la direction générale est la suite logique.",
    "Excellente : prospective, M57, préparation budgétaire avec les élus.",
    "Encadre aujourd’hui six agents ; peu d’expérience du dialogue social formel.",
    "A conduit deux opérations d’investissement de bout en bout.",
    "Connaît la Lozère, moins le bassin de Langogne et ses partenaires.",
  ];
  const scores = dgs.criteria.map((c, i) => ({ criterionId: c.id, score: marks[i] ?? 3, comment: comments[i] ?? "" }));

  return {
    candidateEmail: candidate,
    consultantEmail: consultant,
    positionId: dgs.id,
    cabinetKey: dgs.missionCabinetKey,
    positionTitle: dgs.title,
    entry: { id: stableId("shortlist-entry", key), source: "APPLICATION", stage: "EVALUATED", stageChangedAt: at(0.6), createdAt: at(0) },
    events: [
      { id: stableId("shortlist-event", `${key}:interested`), fromStage: null, toStage: "INTERESTED", reason: "Candidature reçue", at: at(0), byConsultant: false },
      { id: stableId("shortlist-event", `${key}:interview`), fromStage: "INTERESTED", toStage: "CABINET_INTERVIEW", reason: "Entretien en visioconférence convenu", at: at(0.2), byConsultant: true },
      { id: stableId("shortlist-event", `${key}:evaluated`), fromStage: "CABINET_INTERVIEW", toStage: "EVALUATED", reason: "Grille remplie après l’entretien", at: at(0.6), byConsultant: true },
    ],
    interview: {
      id: stableId("interview-note", key),
      heldAt: at(0.45),
      form: "VISIO",
      competences: "Solide en finances locales (M57, prospective, dette) et en ressources humaines. A déjà préparé des budgets avec les élus et présenté des délibérations au conseil.",
      comportement: "Posée, précise, écoute avant de répondre. Parle de son équipe avec respect ; sait dire non à un élu avec des arguments.",
      adhesion: "Vit en Lozère et veut y rester : connaît les contraintes d’une petite commune rurale (saisonnalité, voirie, école). Veut porter le projet de maison de santé.",
      createdAt: at(0.46),
    },
    scorecard: { id: stableId("scorecard", key), scores: JSON.stringify(scores), total: scorecardTotal(dgs.criteria, scores), createdAt: at(0.55), updatedAt: at(0.55) },
    referee: {
      id: stableId("referee", `${candidate}:1`),
      name: "Martine Chabert",
      relation: "Directrice générale des services de la communauté de communes où j’étais responsable des finances",
      contact: "04 66 00 00 00",
      createdAt: clock.days(-40, 18),
    },
    consent: { id: stableId("consent-request", `${key}:references`), kind: "REFERENCES", requestedAt: at(0.7) },
    audit: [0.1, 0.46, 0.58].map((share, i) => ({ id: stableId("audit-event", `${key}:${i}`), at: at(share), action: "IDENTITY_VIEW" })),
  };
}

type Row = { id: string } & Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

/** Creates the row, or updates the columns that differ; a second run writes nothing. */
async function put(counts: Counts, existing: Row | null, desired: Row, create: () => Promise<unknown>, update: (data: Record<string, unknown>) => Promise<unknown>, passive: readonly string[] = []) {
  counts.total++;
  if (!existing) {
    await create();
    counts.created++;
    return;
  }
  const changed = Object.fromEntries(Object.entries(desired).filter(([k, v]) => k !== "id" && !passive.includes(k) && !same(v, existing[k])));
  if (Object.keys(changed).length === 0) return;
  for (const k of passive) changed[k] = desired[k];
  await update(changed);
  counts.updated++;
}

export async function writeDemoEvaluation(db: PrismaClient, p: DemoEvaluationPlan): Promise<Counts> {
  const counts: Counts = { total: 0, created: 0, updated: 0, deleted: 0 };
  await db.$transaction(async (tx) => {
    const [candidate, consultant, cabinet] = await Promise.all([
      tx.user.findUniqueOrThrow({ where: { email: p.candidateEmail }, select: { profile: { select: { id: true } } } }),
      tx.user.findUniqueOrThrow({ where: { email: p.consultantEmail }, select: { id: true, name: true } }),
      tx.organization.findUniqueOrThrow({ where: { officialKey: p.cabinetKey }, select: { id: true, name: true } }),
    ]);
    const profileId = candidate.profile?.id;
    if (!profileId) throw new Error("Seed: the demo candidate has no profile");
    const mission = await tx.mission.findUniqueOrThrow({ where: { positionId_cabinetId: { positionId: p.positionId, cabinetId: cabinet.id } }, select: { id: true, position: { select: { organization: { select: { name: true } } } } } });

    // Keyed by (mission, profile), the list's own key: an entry written by another part of the seed is this one.
    const entryRow = { ...p.entry, missionId: mission.id, profileId, createdById: null };
    const existingEntry = await tx.shortlistEntry.findUnique({ where: { missionId_profileId: { missionId: mission.id, profileId } } });
    const entryId = existingEntry?.id ?? p.entry.id;
    await put(counts, existingEntry, { ...entryRow, id: entryId }, () => tx.shortlistEntry.create({ data: entryRow }), (data) => tx.shortlistEntry.update({ where: { id: entryId }, data }), ["updatedAt"]);

    for (const e of p.events) {
      const { byConsultant, ...row } = e;
      const desired = { ...row, entryId, actorId: byConsultant ? consultant.id : null };
      await put(counts, await tx.shortlistEvent.findUnique({ where: { id: e.id } }), desired, () => tx.shortlistEvent.create({ data: desired }), (data) => tx.shortlistEvent.update({ where: { id: e.id }, data }));
    }
    const note = { ...p.interview, entryId, authorId: consultant.id };
    await put(counts, await tx.interviewNote.findUnique({ where: { id: note.id } }), note, () => tx.interviewNote.create({ data: note }), (data) => tx.interviewNote.update({ where: { id: note.id }, data }));

    const card = { ...p.scorecard, entryId, consultantId: consultant.id };
    const existingCard = await tx.scorecard.findUnique({ where: { entryId_consultantId: { entryId, consultantId: consultant.id } } });
    await put(counts, existingCard, { ...card, id: existingCard?.id ?? card.id }, () => tx.scorecard.create({ data: card }), (data) => tx.scorecard.update({ where: { id: existingCard!.id }, data }), ["updatedAt"]);

    const referee = { ...p.referee, profileId };
    await put(counts, await tx.referee.findUnique({ where: { id: referee.id } }), referee, () => tx.referee.create({ data: referee }), (data) => tx.referee.update({ where: { id: referee.id }, data }));

    // Pending: her answer is hers to give in the demo; a rerun does not take back one she gave.
    const consent = { ...p.consent, entryId, requestedById: consultant.id };
    const existingConsent = await tx.consentRequest.findUnique({ where: { id: consent.id } });
    await put(counts, existingConsent, consent, () => tx.consentRequest.create({ data: consent }), (data) => tx.consentRequest.update({ where: { id: consent.id }, data }));

    for (const a of p.audit) {
      const line = {
        ...a, actorId: consultant.id, actorName: consultant.name, organizationId: cabinet.id, organizationName: cabinet.name,
        profileId, missionId: mission.id, detail: `${p.positionTitle} — ${mission.position.organization.name}`, clientAddress: "127.0.0.1",
      };
      await put(counts, await tx.auditEvent.findUnique({ where: { id: a.id } }), line, () => tx.auditEvent.create({ data: line }), (data) => tx.auditEvent.update({ where: { id: a.id }, data }));
    }
  }, { timeout: 60_000, maxWait: 20_000 });
  return counts;
}
