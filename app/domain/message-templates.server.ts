import { assertConsultant } from "~/access/guards.server";
import { fillTemplate, type TemplateInput } from "~/schemas/message-template";
import { STAGE_LABEL } from "~/schemas/shortlist";
import { db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { postConsultantMessage, sendContactRequest } from "./contact-requests.server";
import { readEntries, shortlistScope, type ShortlistRow } from "./shortlists.server";
import { templateValues } from "./templates";
import { getCommune, getDepartement } from "~/reference/territory.server";

/**
 * The cabinet's approach templates (/cabinet/modeles), and « Approcher »: one message, from a
 * template filled with the mission's position (app/domain/templates.ts), sent to the chosen
 * entries the way a consultant reaches each of them — a contact request to a candidate still
 * « identifié » (which makes them « approché »), a message in the mission's conversation to one
 * who accepted or applied. Templates belong to the cabinet: any of its consultants may use and
 * edit them; another cabinet finds none of them.
 */

export type TemplateResult = { ok: true; id: string } | { ok: false; status: 404; error: string };
const NOT_FOUND = { ok: false, status: 404, error: "Ce modèle n’existe pas (ou plus)." } as const;

export async function listTemplates(user: SessionUser) {
  assertConsultant(user);
  const rows = await db.messageTemplate.findMany({ where: { cabinetId: user.organization.id }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, body: true, createdAt: true } });
  return rows.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() }));
}

export async function getTemplate(user: SessionUser, id: string) {
  assertConsultant(user);
  return db.messageTemplate.findFirst({ where: { id, cabinetId: user.organization.id }, select: { id: true, name: true, body: true } });
}

export async function createTemplate(user: SessionUser, input: TemplateInput): Promise<TemplateResult> {
  assertConsultant(user);
  const t = await db.messageTemplate.create({ data: { cabinetId: user.organization.id, name: input.name, body: input.body }, select: { id: true } });
  return { ok: true, id: t.id };
}

export async function updateTemplate(user: SessionUser, id: string, input: TemplateInput): Promise<TemplateResult> {
  assertConsultant(user);
  const changed = await db.messageTemplate.updateMany({ where: { id, cabinetId: user.organization.id }, data: { name: input.name, body: input.body } });
  return changed.count === 1 ? { ok: true, id } : NOT_FOUND;
}

export async function deleteTemplate(user: SessionUser, id: string): Promise<TemplateResult> {
  assertConsultant(user);
  const removed = await db.messageTemplate.deleteMany({ where: { id, cabinetId: user.organization.id } });
  return removed.count === 1 ? { ok: true, id } : NOT_FOUND;
}

// ---------------------------------------------------------------------------------------------
// « Approcher » (/cabinet/missions/:id/approche)

export type ApproachWay = "request" | "message" | null;

/** How a message reaches this entry, or why it cannot (French, for the page). */
export function approachWay(entry: Pick<ShortlistRow, "sight" | "stage">): { way: ApproachWay; why: string | null } {
  if (entry.sight === "withdrawn") return { way: null, why: "retiré par le candidat" };
  if (entry.sight === "external") return { way: null, why: "hors plateforme : renvoyez-lui plutôt l’invitation" };
  if (entry.stage === "IDENTIFIED") return { way: "request", why: null };
  if (entry.stage === "APPROACHED") return { way: null, why: "proposition déjà envoyée, en attente de sa réponse" };
  if (["HIRED", "NOT_RETAINED", "WITHDREW"].includes(entry.stage)) return { way: null, why: `étape « ${STAGE_LABEL[entry.stage]} »` };
  return { way: "message", why: null };
}

async function approachContext(user: SessionUser, missionId: string) {
  const scope = await shortlistScope(user, missionId);
  if (!scope) return null;
  assertConsultant(user);
  const position = await db.position.findUniqueOrThrow({
    where: { id: scope.mission.positionId },
    select: { title: true, confidential: true, communeCode: true, salaryMin: true, salaryMax: true, ifse: true, housing: true, housingHelp: true, remoteDays: true, deadline: true, organization: { select: { name: true } } },
  });
  const commune = getCommune(position.communeCode);
  const departement = commune ? getDepartement(commune.departementCode) : undefined;
  const values = templateValues(
    {
      ...position,
      communeLabel: commune ? `${commune.name} (${commune.departementCode})` : position.communeCode,
      departementLabel: departement ? `${departement.name} (${departement.code})` : "",
    },
    { cabinetName: user.organization.name, consultantName: user.name },
  );
  return { scope, values, open: scope.mission.status === "ACTIVE" };
}

/** The approach page: the chosen entries and how each is reached, the templates, the filled message. */
export async function approachPage(user: SessionUser, missionId: string, ids: string[], templateId: string | null) {
  const context = await approachContext(user, missionId);
  if (!context) return null;
  assertConsultant(user);
  const [entries, templates] = await Promise.all([
    ids.length ? readEntries(db, user, context.scope, { id: { in: ids } }) : Promise.resolve([]),
    listTemplates(user),
  ]);
  const template = templateId ? templates.find((t) => t.id === templateId) : undefined;
  return {
    mission: { id: context.scope.mission.id, open: context.open, title: context.scope.mission.position.title },
    entries: entries.map((e) => ({ id: e.id, label: e.label, stage: e.stage, ...approachWay(e) })),
    templates: templates.map((t) => ({ id: t.id, name: t.name })),
    templateId: template?.id ?? null,
    message: template ? fillTemplate(template.body, context.values) : "",
  };
}

export type ApproachResult =
  | { ok: true; requests: number; messages: number; skipped: number; failures: string[] }
  | { ok: false; status: 404 | 409; error: string };

/** Sends the message (its placeholders filled again) to each chosen entry that can be reached. */
export async function sendApproach(user: SessionUser, missionId: string, ids: string[], text: string): Promise<ApproachResult> {
  const context = await approachContext(user, missionId);
  if (!context) return { ok: false, status: 404, error: "Cette mission n’existe pas ou ne vous est pas confiée." };
  if (!context.open) return { ok: false, status: 409, error: "Cette mission est terminée : on n’y approche plus de candidat." };
  assertConsultant(user);
  const message = fillTemplate(text, context.values);
  const entries = await readEntries(db, user, context.scope, { id: { in: ids } });
  let requests = 0;
  let messages = 0;
  let skipped = ids.length - entries.length;
  const failures: string[] = [];
  for (const e of entries) {
    const { way } = approachWay(e);
    if (!way || !e.profileId) {
      skipped++;
      continue;
    }
    if (way === "request") {
      const sent = await sendContactRequest(user, { profileId: e.profileId, missionId: context.scope.mission.id, message });
      if (sent.ok) requests++;
      else failures.push(`${e.label} : ${sent.error}`);
    } else {
      const posted = await postConsultantMessage(user, { missionId: context.scope.mission.id, profileId: e.profileId, body: message });
      if (posted === "sent") messages++;
      else failures.push(`${e.label} : la conversation avec ce candidat n’est pas ouverte.`);
    }
  }
  return { ok: true, requests, messages, skipped, failures };
}
