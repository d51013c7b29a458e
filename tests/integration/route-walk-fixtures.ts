import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { createApp, listen } from "~/cli/server";
import { db } from "~/utils/db.server";
import { hashToken } from "~/utils/session.server";
import { storeCv } from "~/utils/uploads.server";
import { applySettings } from "../../search/settings";
import { pdfBytes } from "../helpers/candidate-requests";
import { Browser, createCabinet, createUser } from "../helpers/http";
import { searchClient } from "../helpers/meili";
import { routeTree, serverBuild, type RouteNode } from "../helpers/route-tree";
import { committeeAccount, presentationScene } from "./presentation-fixtures";
import { candidate, collectivite, pushToIndex, tag } from "./talent-fixtures";

/**
 * One scene where every route of the portal has something to show, and everyone who might try
 * it: the collectivité's position, entrusted to a cabinet; a candidate, anonymous in the pool,
 * who hides from another collectivité, accepted the cabinet's proposal for the mission, applied
 * to the position, was evaluated (an interview note), wrote to the consultants and was presented
 * to the collectivité, whose committee has an account. The portal is served by the real Express
 * server over a build made of app/routes (tests/helpers/route-tree.ts).
 */

export const ACTORS = [
  "anonyme",
  "le candidat",
  "un autre candidat",
  "employeur de la collectivité",
  "employeur d’une collectivité masquée",
  "un autre employeur",
  "consultant du cabinet mandaté",
  "responsable du cabinet mandaté",
  "consultant du même cabinet, hors mission",
  "consultant d’un autre cabinet",
  "administrateur",
  "membre du comité",
] as const;
export type Actor = (typeof ACTORS)[number];

/** Each actor's role: the spaces they may enter (app/access/spaces.ts). */
export const ROLE: Record<Actor, "CANDIDATE" | "EMPLOYER" | "CONSULTANT" | "ADMIN" | "COMMITTEE" | null> = {
  "anonyme": null,
  "le candidat": "CANDIDATE",
  "un autre candidat": "CANDIDATE",
  "employeur de la collectivité": "EMPLOYER",
  "employeur d’une collectivité masquée": "EMPLOYER",
  "un autre employeur": "EMPLOYER",
  "consultant du cabinet mandaté": "CONSULTANT",
  "responsable du cabinet mandaté": "CONSULTANT",
  "consultant du même cabinet, hors mission": "CONSULTANT",
  "consultant d’un autre cabinet": "CONSULTANT",
  "administrateur": "ADMIN",
  "membre du comité": "COMMITTEE",
};

export async function walkScene() {
  await applySettings(searchClient());
  const scene = await presentationScene();
  const hidden = await collectivite("Masquée");
  const other = await collectivite("Autre");
  const otherCabinet = await createCabinet();
  const users = {
    otherCandidate: await createUser("CANDIDATE"),
    hiddenEmployer: await createUser("EMPLOYER", { organizationId: hidden.id }),
    otherEmployer: await createUser("EMPLOYER", { organizationId: other.id }),
    onMission: await createUser("CONSULTANT", { organizationId: scene.cabinet.id }),
    colleague: await createUser("CONSULTANT", { organizationId: scene.cabinet.id }),
    otherConsultant: await createUser("CONSULTANT", { organizationId: otherCabinet.id, isCabinetLead: true }),
    admin: await createUser("ADMIN"),
  };
  await db.candidateProfile.create({ data: { userId: users.otherCandidate.id, pseudonym: `Autre-${tag()}`, visibility: "ANONYMOUS" } });
  await db.missionConsultant.create({ data: { missionId: scene.mission.id, userId: users.onMission.id } });
  const committee = await committeeAccount(scene.members.evaluate.id);

  // The candidate, and what the walk looks for in every answer that should not know them.
  const t = tag();
  const created = await candidate({ visibility: "ANONYMOUS", name: `Séverine Marchetti ${t}`, hiddenFrom: [hidden.officialKey], salaryExpectation: 52000 });
  const cvFile = await storeCv(Buffer.from(pdfBytes()));
  await db.candidateProfile.update({ where: { id: created.profile.id }, data: { cvFile } });
  const secrets = {
    name: created.user.name,
    email: created.user.email,
    pseudonym: created.profile.pseudonym,
    note: `note-d-entretien-${t}`,
    message: `message-au-cabinet-${t}`,
  };
  await db.contactRequest.create({
    data: { profileId: created.profile.id, cabinetId: scene.cabinet.id, consultantId: scene.consultant.id, missionId: scene.mission.id, status: "ACCEPTED", answeredAt: new Date(), message: "Un poste pour vous" },
  });
  const application = await db.application.create({
    data: { profileId: created.profile.id, positionId: scene.position.id, state: "SENT", letter: "Madame, Monsieur,", cvFile: await storeCv(Buffer.from(pdfBytes())) },
  });
  const entry = await db.shortlistEntry.create({ data: { missionId: scene.mission.id, profileId: created.profile.id, stage: "PRESENTED", source: "CONTACT" } });
  await db.interviewNote.create({ data: { entryId: entry.id, authorId: scene.consultant.id, heldAt: new Date(), form: "VISIO", competences: secrets.note } });
  await db.message.create({ data: { missionId: scene.mission.id, profileId: created.profile.id, authorId: created.user.id, body: secrets.message } });
  const consent = await db.consentRequest.create({
    data: { entryId: entry.id, kind: "PRESENTATION", organizationName: scene.client.name, positionTitle: scene.position.title, answeredAt: new Date(), granted: true },
  });
  const presentation = await db.presentation.create({
    data: {
      entryId: entry.id, missionId: scene.mission.id, positionId: scene.position.id, consentId: consent.id, strengths: "Solide.", attention: "Aucun.",
      cvFile: await storeCv(Buffer.from(pdfBytes())), presentedById: scene.consultant.id,
    },
  });
  const referencesConsent = await db.consentRequest.create({ data: { entryId: entry.id, kind: "REFERENCES", requestedById: scene.consultant.id } });

  // Links a mail would carry: an invitation (to someone else) and a password reset (of the other candidate).
  const invitationToken = `invitation-${t}`;
  await db.invitation.create({
    data: { tokenHash: hashToken(invitationToken), email: `invite-${t}@test.vivier`, name: "Invitée", role: "CONSULTANT", organizationId: scene.cabinet.id, expiresAt: new Date(Date.now() + 86_400_000) },
  });
  const resetToken = `reinit-${t}`;
  await db.passwordReset.create({ data: { tokenHash: hashToken(resetToken), userId: users.otherCandidate.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  const template = await db.messageTemplate.create({ data: { cabinetId: scene.cabinet.id, name: "Première approche", body: "Bonjour, un poste pourrait vous intéresser." } });
  await pushToIndex();

  const ids: Record<Actor, string | null> = {
    "anonyme": null,
    "le candidat": created.user.id,
    "un autre candidat": users.otherCandidate.id,
    "employeur de la collectivité": scene.employer.id,
    "employeur d’une collectivité masquée": users.hiddenEmployer.id,
    "un autre employeur": users.otherEmployer.id,
    "consultant du cabinet mandaté": users.onMission.id,
    "responsable du cabinet mandaté": scene.consultant.id,
    "consultant du même cabinet, hors mission": users.colleague.id,
    "consultant d’un autre cabinet": users.otherConsultant.id,
    "administrateur": users.admin.id,
    "membre du comité": committee.id,
  };

  return {
    ...scene,
    hidden, other, otherCabinet, users, committee, ids, secrets,
    candidate: { ...created, cvFile },
    application, entry, consent, presentation, referencesConsent, invitationToken, resetToken, template,
  };
}

export type Scene = Awaited<ReturnType<typeof walkScene>>;

/** A browser of the actor: signed in (a session of its own), or anonymous. */
export async function browserOf(scene: Scene, actor: Actor): Promise<Browser> {
  const browser = await Browser.create();
  const id = scene.ids[actor];
  if (id) await browser.signInAs(id);
  return browser;
}

/** The portal, served by the real Express server over a build of app/routes, on a free port. */
export async function servePortal(options: { secure?: boolean; trustProxy?: string } = {}): Promise<{ url: string; routes: RouteNode[]; close: () => Promise<void> }> {
  const routes = await routeTree();
  const build = await serverBuild(routes);
  const server: Server = await listen(createApp({ dev: false, secure: options.secure ?? false, build: () => Promise.resolve(build), trustProxy: options.trustProxy }), 0);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    routes,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Sends a request as the browser would (its cookies; a form with its CSRF field, as an object or
 * as entries in order, a name possibly repeated), without following a redirect.
 */
export function send(base: string, browser: Browser, path: string, form?: Record<string, string | Blob> | Array<[string, string | Blob]>): Promise<Response> {
  const headers: Record<string, string> = { Cookie: browser.cookieHeader() };
  if (!form) return fetch(`${base}${path}`, { headers, redirect: "manual" });
  const body = new FormData();
  body.set("csrf", browser.csrf);
  for (const [key, value] of Array.isArray(form) ? form : Object.entries(form)) body.append(key, value);
  headers.Origin = base;
  return fetch(`${base}${path}`, { method: "POST", headers, body, redirect: "manual" });
}
