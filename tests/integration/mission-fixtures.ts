import { db } from "~/utils/db.server";
import { Browser, call, createCabinet, createUser } from "../helpers/http";
import { collectivite, missionFor, tag, type PositionInput } from "./talent-fixtures";

/**
 * A mission and everyone around it, each signed in through a browser: the consultant on the
 * mission, the cabinet's lead (not staffed: the lead sees every mission anyway), a colleague of
 * the same cabinet off the mission, another cabinet's lead, the collectivité's employer, another
 * collectivité's employer, a candidate, and an anonymous visitor.
 */

export const ACTORS = ["consultant", "lead", "colleague", "rival", "employer", "otherEmployer", "candidate", "anonymous"] as const;
export type Actor = (typeof ACTORS)[number];
export const ALLOWED: readonly Actor[] = ["consultant", "lead"];

async function signedIn(userId: string | null): Promise<Browser> {
  const b = await Browser.create();
  if (userId) await b.signInAs(userId);
  return b;
}

export async function missionWorld(input: PositionInput & { confidential?: boolean } = {}) {
  const cabinet = await createCabinet();
  const rivalCabinet = await createCabinet();
  const client = await collectivite("Cliente");
  const other = await collectivite("Autre");
  const consultant = await createUser("CONSULTANT", { organizationId: cabinet.id });
  await db.user.update({ where: { id: consultant.id }, data: { name: `Consultante ${tag()}` } });
  // missionFor staffs the cabinet's consultants so far: only `consultant`.
  const { position, mission } = await missionFor(cabinet.id, client.id, input);
  if (input.confidential) await db.position.update({ where: { id: position.id }, data: { confidential: true } });
  const lead = await createUser("CONSULTANT", { organizationId: cabinet.id, isCabinetLead: true });
  const colleague = await createUser("CONSULTANT", { organizationId: cabinet.id });
  await db.user.update({ where: { id: colleague.id }, data: { name: `Collègue ${tag()}` } });
  const rival = await createUser("CONSULTANT", { organizationId: rivalCabinet.id, isCabinetLead: true });
  const employer = await createUser("EMPLOYER", { organizationId: client.id });
  const otherEmployer = await createUser("EMPLOYER", { organizationId: other.id });
  const candidateUser = await createUser("CANDIDATE");
  const users = { consultant, lead, colleague, rival, employer, otherEmployer, candidate: candidateUser };
  const browsers = {} as Record<Actor, Browser>;
  for (const actor of ACTORS) browsers[actor] = await signedIn(actor === "anonymous" ? null : users[actor].id);
  return { cabinet, rivalCabinet, client, other, position, mission, users, browsers };
}

export type MissionWorld = Awaited<ReturnType<typeof missionWorld>>;

/** An entry put on the list as the domain would, with its first event. */
export async function entry(missionId: string, profileId: string | null, stage = "IDENTIFIED", source = "SEARCH", extra: { externalName?: string; externalEmail?: string; stageChangedAt?: Date } = {}) {
  const e = await db.shortlistEntry.create({
    data: {
      missionId, profileId, stage, source, stageChangedAt: extra.stageChangedAt ?? new Date(),
      externalName: extra.externalName ?? (profileId ? null : `Personne ${tag()}`),
      externalEmail: extra.externalEmail ?? (profileId ? null : `personne-${tag()}@ailleurs.test`),
    },
  });
  await db.shortlistEvent.create({ data: { entryId: e.id, toStage: stage } });
  return e;
}

/** What a loader sends to the browser: its status and, for 200, its JSON. */
export async function load<T = unknown>(loader: Parameters<typeof call>[0], browser: Browser, path: string, params: Record<string, string>) {
  const res = await call(loader, browser.get(path), params);
  const text = res.status === 200 ? await res.text() : "";
  return { status: res.status, location: res.headers.get("Location"), text, data: (text ? JSON.parse(text) : null) as T };
}

/** An action's answer: status, redirect and JSON (when it sent some). */
export async function post<T = { error?: string; details?: string[] }>(action: Parameters<typeof call>[0], browser: Browser, path: string, params: Record<string, string>, fields: Record<string, string | string[] | Blob>) {
  const res = await call(action, browser.post(path, fields), params);
  const type = res.headers.get("Content-Type") ?? "";
  const body = type.includes("json") ? ((await res.json()) as T) : null;
  return { status: res.status, location: res.headers.get("Location"), body, res };
}
