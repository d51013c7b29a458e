import type { PrismaClient } from "~/generated/prisma/client";
import { addMonths, FOLLOW_UP_MONTHS, WITH_WHOM } from "~/schemas/presentation";
import { scorecardTotal } from "~/schemas/scorecard";
import { DEMO_ACCOUNTS } from "./accounts";
import { createClock } from "./dates";
import { positionId } from "./positions";
import { stableId } from "./random";

/**
 * The presentation's demo (issue 12), written after the plan: on dgs@'s DGS search (entrusted
 * to consultant@'s cabinet), two finalists presented with their consent, the cabinet's scores
 * and one committee member's scorecard, so that dgs@ and comite@ see finalists and a comparison;
 * candidat@ évaluée on the same mission, ready to be asked her consent and presented; and on
 * Moirans-en-Montagne's DGS, filled through the cabinet five weeks ago, a hire whose one-month
 * check-ins are due on consultant@'s home.
 *
 * Idempotent: every row has a stable id and is only created when missing (dates relative to the
 * first run's day stay as they were).
 */

export const COMMITTEE_DEMO_EMAIL = "comite@vivier.test";

const SYNTHESES = [
  {
    strengths: "Quinze ans en direction générale de communes rurales ; a conduit deux fusions de services et le passage à la M57. Écoute des élus, méthode, sens du terrain.",
    attention: "N’a jamais encadré de services techniques en régie ; devra s’appuyer sur le responsable des services techniques.",
    salaryExpected: "48 000 € bruts annuels, régime indemnitaire compris",
    housing: "Souhaite louer un T3 dans la commune",
    spouseJob: "Conjoint infirmier : piste à l’hôpital de Langogne",
  },
  {
    strengths: "Secrétaire générale d’une commune de 2 500 habitants depuis huit ans ; solide en finances et en marchés publics, très appréciée des équipes.",
    attention: "Première direction générale : à accompagner sur le pilotage des projets d’investissement.",
    salaryExpected: "44 000 € bruts annuels",
    housing: "Déjà propriétaire à 30 km",
    spouseJob: "Sans objet",
  },
];

type Db = PrismaClient;

async function createIfMissing<T>(exists: () => Promise<unknown>, create: () => Promise<T>): Promise<number> {
  if (await exists()) return 0;
  await create();
  return 1;
}

export async function seedPresentations(db: Db, opts: { now: Date; passwordHash: string; demoCollectiviteKey: string; firstCabinetKey: string; moiransKey: string }): Promise<{ created: number }> {
  const clock = createClock(opts.now);
  let created = 0;
  const cabinet = await db.organization.findUniqueOrThrow({ where: { officialKey: opts.firstCabinetKey } });
  const consultant = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.consultant } });
  const demoPositionId = positionId(opts.demoCollectiviteKey, "dgs");
  const mission = await db.mission.findUniqueOrThrow({ where: { positionId_cabinetId: { positionId: demoPositionId, cabinetId: cabinet.id } } });
  const position = await db.position.findUniqueOrThrow({
    where: { id: demoPositionId },
    include: { organization: true, criteria: { orderBy: { sort: "asc" } }, committee: { orderBy: { sort: "asc" } } },
  });
  const scores = (values: number[]) => position.criteria.map((c, i) => ({ criterionId: c.id, score: values[i % values.length]!, comment: "" }));

  // comite@: the first evaluating member's account.
  const seat = position.committee.find((m) => m.role === "EVALUATE") ?? position.committee[0]!;
  created += await createIfMissing(
    () => db.user.findUnique({ where: { email: COMMITTEE_DEMO_EMAIL } }),
    () => db.user.create({ data: { id: stableId("user", COMMITTEE_DEMO_EMAIL), email: COMMITTEE_DEMO_EMAIL, name: seat.name, role: "COMMITTEE", passwordHash: opts.passwordHash, privacyAcceptedAt: clock.days(-10) } }),
  );
  const member = await db.user.findUniqueOrThrow({ where: { email: COMMITTEE_DEMO_EMAIL } });
  if (!seat.userId) await db.committeeMember.update({ where: { id: seat.id }, data: { userId: member.id, email: COMMITTEE_DEMO_EMAIL, invitedAt: clock.days(-10) } });

  // Two finalists presented on the demo search: visible candidates who hide from neither the cabinet nor the client.
  const finalists = await db.candidateProfile.findMany({
    where: { visibility: "VISIBLE", user: { role: "CANDIDATE", email: { not: DEMO_ACCOUNTS.candidate } }, hiddenFrom: { none: { officialKey: { in: [opts.demoCollectiviteKey, opts.firstCabinetKey, opts.moiransKey] } } } },
    orderBy: { user: { email: "asc" } },
    take: 3,
    include: { user: true },
  });
  for (const [i, profile] of finalists.slice(0, 2).entries()) {
    const entryId = stableId("entry", `${mission.id}:${profile.id}`);
    const presentationId = stableId("presentation", entryId);
    if (await db.presentation.findUnique({ where: { id: presentationId } })) continue;
    const consentId = stableId("consent", entryId);
    await db.$transaction(async (tx) => {
      await tx.shortlistEntry.upsert({
        where: { missionId_profileId: { missionId: mission.id, profileId: profile.id } },
        update: { stage: "PRESENTED", stageChangedAt: clock.days(-5) },
        create: { id: entryId, missionId: mission.id, profileId: profile.id, source: "SEARCH", stage: "PRESENTED", stageChangedAt: clock.days(-5), createdById: consultant.id, createdAt: clock.days(-30) },
      });
      const entry = await tx.shortlistEntry.findUniqueOrThrow({ where: { missionId_profileId: { missionId: mission.id, profileId: profile.id } } });
      await tx.shortlistEvent.createMany({
        data: [
          { entryId: entry.id, actorId: consultant.id, fromStage: null, toStage: "IDENTIFIED", at: clock.days(-30) },
          { entryId: entry.id, actorId: consultant.id, fromStage: "IDENTIFIED", toStage: "EVALUATED", reason: "Entretien cabinet", at: clock.days(-12) },
          { entryId: entry.id, actorId: consultant.id, fromStage: "EVALUATED", toStage: "PRESENTED", reason: "Présenté à la collectivité, avec son accord", at: clock.days(-5) },
        ],
      });
      const cabinetScores = scores(i === 0 ? [4, 3, 3, 4] : [3, 3, 4, 2]);
      const total = scorecardTotal(position.criteria, cabinetScores);
      await tx.scorecard.create({ data: { entryId: entry.id, consultantId: consultant.id, scores: JSON.stringify(cabinetScores), total } });
      await tx.consentRequest.create({
        data: { id: consentId, entryId: entry.id, kind: "PRESENTATION", organizationName: position.organization.name, positionTitle: position.title, requestedById: consultant.id, requestedAt: clock.days(-8), answeredAt: clock.days(-7), granted: true },
      });
      await tx.presentation.create({
        data: {
          id: presentationId, entryId: entry.id, missionId: mission.id, positionId: position.id, consentId, ...SYNTHESES[i]!,
          availableFrom: clock.monthStartAfter(60), cabinetScore: total,
          cabinetCriteria: JSON.stringify(position.criteria.map((c) => ({ criterionId: c.id, label: c.label, weight: c.weight, average: cabinetScores.find((s) => s.criterionId === c.id)!.score }))),
          presentedAt: clock.days(-5), presentedById: consultant.id,
        },
      });
      // comite@ has scored the first finalist: the comparison has a member's column.
      if (i === 0) {
        const memberScores = scores([3, 4, 3, 3]);
        await tx.committeeScore.create({ data: { presentationId, memberId: seat.id, scores: JSON.stringify(memberScores), total: scorecardTotal(position.criteria, memberScores)!, submittedAt: clock.days(-2) } });
      }
    });
    created += 1;
  }

  // candidat@, évaluée on the demo search and named to the cabinet (she accepted its proposal).
  const demo = await db.candidateProfile.findFirstOrThrow({ where: { user: { email: DEMO_ACCOUNTS.candidate } } });
  created += await createIfMissing(
    () => db.shortlistEntry.findUnique({ where: { missionId_profileId: { missionId: mission.id, profileId: demo.id } } }),
    () =>
      db.$transaction(async (tx) => {
        await tx.contactRequest.create({ data: { id: stableId("contact", `${mission.id}:${demo.id}`), profileId: demo.id, cabinetId: cabinet.id, consultantId: consultant.id, missionId: mission.id, message: "Un poste de DGS en Lozère pourrait vous intéresser.", status: "ACCEPTED", createdAt: clock.days(-20), answeredAt: clock.days(-19) } });
        const entry = await tx.shortlistEntry.create({ data: { id: stableId("entry", `${mission.id}:${demo.id}`), missionId: mission.id, profileId: demo.id, source: "CONTACT", stage: "EVALUATED", stageChangedAt: clock.days(-6), createdById: consultant.id, createdAt: clock.days(-20) } });
        await tx.shortlistEvent.createMany({
          data: [
            { entryId: entry.id, actorId: consultant.id, fromStage: null, toStage: "APPROACHED", reason: "Proposition envoyée", at: clock.days(-20) },
            { entryId: entry.id, actorId: null, fromStage: "APPROACHED", toStage: "INTERESTED", reason: "Proposition acceptée par le candidat", at: clock.days(-19) },
            { entryId: entry.id, actorId: consultant.id, fromStage: "INTERESTED", toStage: "CABINET_INTERVIEW", at: clock.days(-10) },
            { entryId: entry.id, actorId: consultant.id, fromStage: "CABINET_INTERVIEW", toStage: "EVALUATED", at: clock.days(-6) },
          ],
        });
        const s = scores([4, 4, 3, 3]);
        await tx.scorecard.create({ data: { entryId: entry.id, consultantId: consultant.id, scores: JSON.stringify(s), total: scorecardTotal(position.criteria, s) } });
      }),
  );

  // A hire through the cabinet five weeks ago, on Moirans-en-Montagne's DGS (filled): its check-ins.
  const hire = finalists[2];
  const moiransPositionId = positionId(opts.moiransKey, "dgs");
  const moirans = await db.position.findUnique({ where: { id: moiransPositionId }, include: { organization: true } });
  if (hire && moirans) {
    const hireMissionId = stableId("mission", `${moiransPositionId}:${opts.firstCabinetKey}:hire`);
    const presentationId = stableId("presentation", `${hireMissionId}:${hire.id}`);
    if (!(await db.presentation.findUnique({ where: { id: presentationId } }))) {
      const start = clock.days(-35, 0);
      await db.$transaction(async (tx) => {
        const existing = await tx.mission.findUnique({ where: { positionId_cabinetId: { positionId: moiransPositionId, cabinetId: cabinet.id } } });
        const m = existing ?? (await tx.mission.create({ data: { id: hireMissionId, positionId: moiransPositionId, cabinetId: cabinet.id, createdAt: clock.days(-120) } }));
        const entry = await tx.shortlistEntry.create({ data: { id: stableId("entry", `${m.id}:${hire.id}`), missionId: m.id, profileId: hire.id, source: "SEARCH", stage: "HIRED", stageChangedAt: clock.days(-60), createdById: consultant.id, createdAt: clock.days(-110) } });
        await tx.shortlistEvent.create({ data: { entryId: entry.id, actorId: consultant.id, fromStage: "FINALIST", toStage: "HIRED", reason: "Retenu par le comité", at: clock.days(-60) } });
        const consent = await tx.consentRequest.create({ data: { entryId: entry.id, kind: "PRESENTATION", organizationName: moirans.organization.name, positionTitle: moirans.title, requestedAt: clock.days(-80), answeredAt: clock.days(-79), granted: true } });
        await tx.presentation.create({
          data: {
            id: presentationId, entryId: entry.id, missionId: m.id, positionId: moiransPositionId, consentId: consent.id,
            strengths: "Directeur général adjoint expérimenté, à l’aise avec les élus et les partenaires.", attention: "Arrive d’une grande collectivité : adaptation à l’échelle d’une commune.",
            presentedAt: clock.days(-75), presentedById: consultant.id, decision: "HIRED", decidedAt: clock.days(-60), decidedByName: "Le maire", startDate: start,
          },
        });
        await tx.followUp.createMany({
          data: FOLLOW_UP_MONTHS.flatMap((months) => WITH_WHOM.map((withWhom) => ({ presentationId, missionId: m.id, months, withWhom, dueOn: addMonths(start, months) }))),
        });
      });
      created += 1;
    }
  }
  return { created };
}
