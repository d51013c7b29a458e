import { uploadCv } from "~/domain/candidates.server";
import { answerContactRequest } from "~/domain/conversations.server";
import { sendContactRequest } from "~/domain/contact-requests.server";
import { addToShortlist } from "~/domain/shortlists.server";
import { db } from "~/utils/db.server";
import { getSessionUser, type SessionUser } from "~/utils/session.server";
import { Browser, call, createCabinet, createUser } from "../helpers/http";
import { candidate, collectivite, missionFor, tag, type ProfileInput } from "./talent-fixtures";

/**
 * The people of a mission's shortlist, each signed in through a browser: the cabinet's lead and
 * a consultant on the mission, a colleague of the same cabinet on none, another cabinet's
 * consultant, the client collectivité's employer, another employer, the admin. The position has
 * three weighted criteria (40, 35, 25). Candidates enter the list the way the domain puts them
 * there: found in the pool and added, or approached and accepting.
 */

export type Actor = { id: string; name: string; browser: Browser; session: SessionUser };

async function actor(role: "EMPLOYER" | "CONSULTANT" | "CANDIDATE" | "ADMIN", name: string, extra: { organizationId?: string; isCabinetLead?: boolean } = {}): Promise<Actor> {
  const created = await createUser(role, extra);
  const user = await db.user.update({ where: { id: created.id }, data: { name: `${name} ${tag()}` } });
  const browser = await Browser.create();
  await browser.signInAs(user.id);
  const session = await getSessionUser(browser.get("/"));
  if (!session) throw new Error("the test session did not open");
  return { id: user.id, name: user.name, browser, session };
}

export async function anonymousBrowser(): Promise<Browser> {
  return Browser.create();
}

export const CRITERIA = [
  { label: "Pilotage des finances", weight: 40 },
  { label: "Management d’équipe", weight: 35 },
  { label: "Connaissance du territoire", weight: 25 },
] as const;

export async function shortlistWorld(options: { confidential?: boolean; criteria?: boolean } = {}) {
  const cabinet = await createCabinet();
  const lead = await actor("CONSULTANT", "Lucie Responsable", { organizationId: cabinet.id, isCabinetLead: true });
  const onMission = await actor("CONSULTANT", "Marc Consultant", { organizationId: cabinet.id });
  const client = await collectivite("Cliente");
  const { position, mission } = await missionFor(cabinet.id, client.id);
  if (options.confidential) await db.position.update({ where: { id: position.id }, data: { confidential: true } });
  if (options.criteria !== false) {
    await db.criterion.createMany({ data: CRITERIA.map((c, sort) => ({ positionId: position.id, label: c.label, weight: c.weight, sort })) });
  }
  const criteria = await db.criterion.findMany({ where: { positionId: position.id }, orderBy: { sort: "asc" } });
  // Joined after the mission was staffed: on none of its missions.
  const colleague = await actor("CONSULTANT", "Paul Collègue", { organizationId: cabinet.id });
  const otherCabinet = await createCabinet();
  const otherConsultant = await actor("CONSULTANT", "Ava Concurrente", { organizationId: otherCabinet.id, isCabinetLead: true });
  const employer = await actor("EMPLOYER", "Denis Employeur", { organizationId: client.id });
  const elsewhere = await collectivite("Ailleurs");
  const otherEmployer = await actor("EMPLOYER", "Eve Employeuse", { organizationId: elsewhere.id });
  const admin = await actor("ADMIN", "Alix Admin");
  const otherCandidate = await actor("CANDIDATE", "Olga Candidate");
  await db.candidateProfile.create({ data: { userId: otherCandidate.id, pseudonym: `Autre-${tag()}`, visibility: "ANONYMOUS" } });
  return { cabinet, client, position, mission, criteria, lead, onMission, colleague, otherCabinet, otherConsultant, employer, otherEmployer, admin, otherCandidate };
}

export type World = Awaited<ReturnType<typeof shortlistWorld>>;

/** A candidate of the pool (anonymous unless told), signed in, with a CV. */
export async function talent(input: ProfileInput = {}) {
  const created = await candidate({ visibility: "ANONYMOUS", ...input });
  const browser = await Browser.create();
  await browser.signInAs(created.user.id);
  const session = (await getSessionUser(browser.get("/")))!;
  await uploadCv(session, Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n", "latin1"));
  return { ...created, browser, session, name: created.user.name, email: created.user.email, pseudonym: created.profile.pseudonym };
}

export type Talent = Awaited<ReturnType<typeof talent>>;

async function entryOf(world: World, profileId: string) {
  return db.shortlistEntry.findUniqueOrThrow({ where: { missionId_profileId: { missionId: world.mission.id, profileId } } });
}

/** Found in the pool and added to the mission: identifié, known by the pseudonym. */
export async function identified(world: World, input: ProfileInput = {}) {
  const t = await talent(input);
  const added = await addToShortlist(world.lead.session, world.mission.id, t.profile.id);
  if (!added.ok) throw new Error(added.error);
  return { ...t, entryId: added.entryId };
}

/** Approached for the mission, without an answer yet: approché. */
export async function approached(world: World, input: ProfileInput = {}) {
  const t = await talent(input);
  const sent = await sendContactRequest(world.lead.session, { profileId: t.profile.id, missionId: world.mission.id, message: "Un poste pour vous" });
  if (!sent.ok) throw new Error(sent.error);
  return { ...t, requestId: sent.id, entryId: (await entryOf(world, t.profile.id)).id };
}

/** Approached and accepting: intéressé, the identity revealed to the cabinet, in the mission's search. */
export async function interested(world: World, input: ProfileInput = {}) {
  const t = await approached(world, input);
  const answer = await answerContactRequest(t.session, t.requestId, true);
  if (answer !== "answered") throw new Error(answer);
  return t;
}

export function entryUrl(world: World, entryId: string): string {
  return `/cabinet/missions/${world.mission.id}/candidats/${entryId}`;
}

export function entryParams(world: World, entryId: string): Record<string, string> {
  return { id: world.mission.id, entryId };
}

export { call, db };
