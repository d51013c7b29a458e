import { getSessionUser, type SessionUser } from "~/utils/session.server";
import { db } from "~/utils/db.server";
import { storeCv } from "~/utils/uploads.server";
import { Browser, createCabinet, createUser } from "../helpers/http";
import { pdfBytes } from "../helpers/candidate-requests";
import { candidate, collectivite, missionFor } from "./talent-fixtures";

/**
 * Data of the presentation tests: a collectivité with a position whose committee (a member who
 * decides, one who evaluates, one who contributes) and weighted criteria are agreed, entrusted to
 * a cabinet, whose shortlist holds candidates évalués with a CV and the cabinet's scorecards.
 */

export type Actor = { browser: Browser; user: SessionUser; id: string; email: string };

export async function actor(userId: string): Promise<Actor> {
  const browser = await Browser.create();
  await browser.signInAs(userId);
  const user = (await getSessionUser(browser.get("/")))!;
  return { browser, user, id: userId, email: user.email };
}

/** A committee account (as an accepted invitation makes it) seated on `memberId`. */
export async function committeeAccount(memberId: string): Promise<Actor> {
  const created = await createUser("ADMIN");
  await db.user.update({ where: { id: created.id }, data: { role: "COMMITTEE", organizationId: null } });
  await db.committeeMember.update({ where: { id: memberId }, data: { userId: created.id, email: created.email, invitedAt: new Date() } });
  return actor(created.id);
}

export async function presentationScene() {
  const client = await collectivite("Cliente");
  const cabinet = await createCabinet();
  const consultantUser = await createUser("CONSULTANT", { organizationId: cabinet.id, isCabinetLead: true });
  const { position, mission } = await missionFor(cabinet.id, client.id);
  const criteria = await Promise.all([
    db.criterion.create({ data: { positionId: position.id, label: "Pilotage budgétaire", weight: 60, sort: 0 } }),
    db.criterion.create({ data: { positionId: position.id, label: "Management", weight: 40, sort: 1 } }),
  ]);
  const members = {
    decide: await db.committeeMember.create({ data: { positionId: position.id, name: "Maire Décide", function: "Maire", role: "DECIDE", sort: 0 } }),
    evaluate: await db.committeeMember.create({ data: { positionId: position.id, name: "DRH Évalue", function: "DRH", role: "EVALUATE", sort: 1 } }),
    contribute: await db.committeeMember.create({ data: { positionId: position.id, name: "Chef Contribue", function: "Chef de service", role: "CONTRIBUTE", sort: 2 } }),
  };
  const employer = await actor((await createUser("EMPLOYER", { organizationId: client.id })).id);
  const consultant = await actor(consultantUser.id);
  return { client, cabinet, position, mission, criteria, members, employer, consultant };
}

export type Scene = Awaited<ReturnType<typeof presentationScene>>;

/** A candidate with a CV, évalué on the scene's mission (identity known to the cabinet), scored by the consultant. */
export async function evaluatedCandidate(scene: Scene, name?: string) {
  const created = await candidate({ visibility: "VISIBLE", name });
  const cvFile = await storeCv(Buffer.from(pdfBytes()));
  await db.candidateProfile.update({ where: { id: created.profile.id }, data: { cvFile, salaryExpectation: 52000 } });
  const entry = await db.shortlistEntry.create({ data: { missionId: scene.mission.id, profileId: created.profile.id, source: "SEARCH", stage: "EVALUATED" } });
  const [a, b] = scene.criteria;
  await db.scorecard.create({
    data: { entryId: entry.id, consultantId: scene.consultant.id, scores: JSON.stringify([{ criterionId: a!.id, score: 4, comment: "" }, { criterionId: b!.id, score: 3, comment: "" }]), total: 93 },
  });
  const me = await actor(created.user.id);
  return { ...created, entry, me };
}

export const SYNTHESIS = {
  strengths: "Dix ans de pilotage budgétaire d’une commune de 20 000 habitants, une équipe de douze personnes.",
  attention: "N’a pas encore dirigé de services techniques.",
  salaryExpected: "52 000 € bruts annuels",
  housing: "Cherche un T3 en location",
  spouseJob: "Conjoint enseignant, mutation demandée",
  availableFrom: "2027-03-01",
};
