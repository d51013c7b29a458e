import { beforeAll, describe, expect, it } from "vitest";
import { action as missionAction, loader as missionLoader } from "~/routes/cabinet.missions.$id";
import { action as addAction, loader as addLoader } from "~/routes/cabinet.missions.$id_.ajouter";
import { action as approachAction, loader as approachLoader } from "~/routes/cabinet.missions.$id_.approche";
import { action as briefAction, loader as briefLoader } from "~/routes/cabinet.missions.$id_.cadrage";
import { loader as cvLoader } from "~/routes/cabinet.missions.$id_.cv.$entryId";
import { action as exportAction } from "~/routes/cabinet.missions.$id_.export";
import { loader as marketLoader } from "~/routes/cabinet.missions.$id_.faisabilite";
import { loader as conversationsLoader } from "~/routes/cabinet.missions.$id_.messages._index";
import { action as exitAction, loader as exitLoader } from "~/routes/cabinet.missions.$id_.sortie";
import { action as vivierAction } from "~/routes/cabinet.vivier";
import { db } from "~/utils/db.server";
import { applySettings } from "../../search/settings";
import { pdfFile } from "../helpers/candidate-requests";
import { call, type Browser } from "../helpers/http";
import { searchClient } from "../helpers/meili";
import { ACTORS, entry, missionWorld, type Actor, type MissionWorld } from "./mission-fixtures";
import { candidate, tag } from "./talent-fixtures";

/**
 * The access matrix of every page, action and export of a mission: its consultants and the
 * cabinet's lead get through; a colleague off the mission and another cabinet find nothing (404:
 * an identifier must not tell whether it exists); employers and candidates are refused the
 * cabinet's space (403); an anonymous visitor is sent to sign in. A refused action writes nothing.
 */

type Case = { name: string; run: (w: MissionWorld, b: Browser) => Promise<Response>; ok: number; only?: readonly Actor[] };

const base = (w: MissionWorld) => `/cabinet/missions/${w.mission.id}`;
const get = (loader: Parameters<typeof call>[0], path: (w: MissionWorld) => string, params: (w: MissionWorld) => Record<string, string> = (w) => ({ id: w.mission.id })) =>
  (w: MissionWorld, b: Browser) => call(loader, b.get(path(w)), params(w));
const send = (action: Parameters<typeof call>[0], path: (w: MissionWorld) => string, fields: (w: MissionWorld) => Promise<Record<string, string | string[] | Blob>> | Record<string, string | string[] | Blob>) =>
  async (w: MissionWorld, b: Browser) => call(action, b.post(path(w), await fields(w)), { id: w.mission.id });

const fresh = (w: MissionWorld) => entry(w.mission.id, null, "IDENTIFIED", "MANUAL");
let externalWithCv = "";
let identifiedToApproach = "";

const CASES: Case[] = [
  { name: "page: the list", run: get(missionLoader, (w) => base(w)), ok: 200 },
  { name: "page: the board (?_data= of the board view)", run: get(missionLoader, (w) => `${base(w)}?vue=tableau`), ok: 200 },
  { name: "page: the brief", run: get(briefLoader, (w) => `${base(w)}/cadrage`), ok: 200 },
  { name: "page: the market", run: get(marketLoader, (w) => `${base(w)}/faisabilite`), ok: 200 },
  { name: "page: the conversations", run: get(conversationsLoader, (w) => `${base(w)}/messages`), ok: 200 },
  { name: "page: an exit", run: get(exitLoader, (w) => `${base(w)}/sortie?vers=WITHDREW`), ok: 200 },
  { name: "page: an approach", run: get(approachLoader, (w) => `${base(w)}/approche`), ok: 200 },
  { name: "page: adding a person met elsewhere", run: get(addLoader, (w) => `${base(w)}/ajouter`), ok: 200 },
  { name: "download: a CV typed in", run: get(cvLoader, (w) => `${base(w)}/cv/${externalWithCv}`, (w) => ({ id: w.mission.id, entryId: externalWithCv })), ok: 200 },
  { name: "action: a move", run: send(missionAction, base, async (w) => ({ intent: "move", entryId: (await fresh(w)).id, to: "APPROACHED" })), ok: 302 },
  { name: "action: a bulk move", run: send(missionAction, base, async (w) => ({ intent: "bulk", operation: "move:APPROACHED", ids: [(await fresh(w)).id] })), ok: 302 },
  { name: "action: the presentation date", run: send(missionAction, base, () => ({ intent: "presentation", date: "2030-03-01" })), ok: 302 },
  { name: "action: a new invitation", run: send(missionAction, base, async (w) => ({ intent: "reinvite", entryId: (await fresh(w)).id })), ok: 302 },
  { name: "action: staffing (the lead's)", run: send(missionAction, base, (w) => ({ intent: "staff", userId: w.users.colleague.id })), ok: 302, only: ["lead"] },
  { name: "action: saving the brief", run: send(briefAction, (w) => `${base(w)}/cadrage`, () => ({ intent: "save", context: `Contexte ${tag()}`, targetCollectiviteTypes: [], targetSizes: [], targetRegions: [] })), ok: 302 },
  { name: "action: sharing the brief", run: send(briefAction, (w) => `${base(w)}/cadrage`, () => ({ intent: "share" })), ok: 302 },
  { name: "action: an exit", run: send(exitAction, (w) => `${base(w)}/sortie`, async (w) => ({ to: "WITHDREW", ids: (await fresh(w)).id, exitReason: "PERSONAL" })), ok: 302 },
  { name: "action: an approach", run: send(approachAction, (w) => `${base(w)}/approche`, () => ({ ids: identifiedToApproach, message: "Bonjour, un poste pourrait vous intéresser : parlons-en." })), ok: 200 },
  { name: "action: adding a person met elsewhere", run: send(addAction, (w) => `${base(w)}/ajouter`, () => ({ name: "Personne Ailleurs", email: `ailleurs-${tag()}@perso.test` })), ok: 302 },
  { name: "action: adding a search hit", run: async (w, b) => call(vivierAction, b.post("/cabinet/vivier", { intent: "add-to-mission", missionId: w.mission.id, profileId: (await candidate()).profile.id })), ok: 200 },
  { name: "export: the CSV", run: send(exportAction, (w) => `${base(w)}/export`, () => ({})), ok: 200 },
];

/** What a refused actor must not have changed. */
async function footprint(w: MissionWorld) {
  const where = { entry: { missionId: w.mission.id } };
  const [mission, events, briefs, staff, requests, messages, audit, entries, stages] = await Promise.all([
    db.mission.findUniqueOrThrow({ where: { id: w.mission.id }, select: { presentationPlannedAt: true, briefSharedAt: true } }),
    db.shortlistEvent.count({ where }),
    db.missionBrief.count({ where: { missionId: w.mission.id } }),
    db.missionConsultant.count({ where: { missionId: w.mission.id } }),
    db.contactRequest.count({ where: { missionId: w.mission.id } }),
    db.message.count({ where: { missionId: w.mission.id } }),
    db.auditEvent.count({ where: { missionId: w.mission.id } }),
    db.shortlistEntry.count({ where: { missionId: w.mission.id, profileId: { not: null } } }),
    db.shortlistEntry.groupBy({ by: ["stage"], where: { missionId: w.mission.id }, _count: { _all: true } }),
  ]);
  return { mission, events, briefs, staff, requests, messages, audit, entries, stages: Object.fromEntries(stages.map((s) => [s.stage, s._count._all])) };
}

function expected(actor: Actor, c: Case): number | "sign-in" {
  if (actor === "anonymous") return "sign-in";
  if (actor === "employer" || actor === "otherEmployer" || actor === "candidate") return 403;
  if (actor === "colleague" || actor === "rival") return 404;
  if (c.only && !c.only.includes(actor)) return 403;
  return c.ok;
}

describe("who reaches the pages, actions and export of a mission", () => {
  let w: MissionWorld;
  beforeAll(async () => {
    await applySettings(searchClient());
    w = await missionWorld();
    await entry(w.mission.id, (await candidate({ visibility: "VISIBLE" })).profile.id, "INTERESTED");
    const added = await call(addAction, w.browsers.consultant.post(`${base(w)}/ajouter`, { name: "Avec Cv", email: `cv-${tag()}@perso.test`, cv: pdfFile() }), { id: w.mission.id });
    expect(added.status).toBe(302);
    externalWithCv = (await db.shortlistEntry.findFirstOrThrow({ where: { missionId: w.mission.id, externalCvFile: { not: null } } })).id;
    identifiedToApproach = (await entry(w.mission.id, (await candidate()).profile.id, "IDENTIFIED")).id;
  }, 60_000);

  const refused = ACTORS.filter((a) => a !== "consultant" && a !== "lead");
  it(`refuses ${refused.join(", ")} everywhere, and they change nothing`, async () => {
    const before = await footprint(w);
    for (const actor of refused) {
      for (const c of CASES) {
        const res = await c.run(w, w.browsers[actor]);
        const want = expected(actor, c);
        if (want === "sign-in") {
          expect(res.status, `${actor} × ${c.name}`).toBe(302);
          expect(res.headers.get("Location"), `${actor} × ${c.name}`).toMatch(/^\/connexion\?redirectTo=/);
        } else {
          expect(res.status, `${actor} × ${c.name}`).toBe(want);
        }
      }
    }
    // The fresh entries made to try the moves on stay identifié; nothing else moved.
    const after = await footprint(w);
    expect({ ...after, events: undefined, stages: { ...after.stages, IDENTIFIED: 0 } }).toEqual({ ...before, events: undefined, stages: { ...before.stages, IDENTIFIED: 0 } });
  }, 300_000);

  for (const actor of ["consultant", "lead"] as const) {
    it(`lets the ${actor === "lead" ? "cabinet's lead" : "consultant on the mission"} through every one`, async () => {
      for (const c of CASES) {
        const res = await c.run(w, w.browsers[actor]);
        expect(res.status, `${actor} × ${c.name}`).toBe(expected(actor, c));
        if (res.status === 302) expect(res.headers.get("Location"), `${actor} × ${c.name}`).not.toMatch(/^\/connexion/);
      }
    }, 300_000);
  }
});
