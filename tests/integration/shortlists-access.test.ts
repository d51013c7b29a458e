import { beforeAll, describe, expect, it } from "vitest";
import { action as entryAction, loader as entryLoader } from "~/routes/cabinet.missions.$id_.candidats.$entryId";
import { loader as cvLoader } from "~/routes/cabinet.missions.$id_.candidats.$entryId_.cv";
import { loader as adminJournalLoader } from "~/routes/admin.journal";
import { action as vivierAction } from "~/routes/cabinet.vivier";
import { loader as journalLoader } from "~/routes/candidat.journal";
import { action as missionsAction, loader as missionsLoader } from "~/routes/candidat.missions";
import { action as refereesAction, loader as refereesLoader } from "~/routes/candidat.references";
import type { Browser } from "../helpers/http";
import { anonymousBrowser, call, db, entryParams, entryUrl, interested, shortlistWorld, talent, type Talent, type World } from "./shortlist-fixtures";
import { tag } from "./talent-fixtures";

/**
 * Who reaches the new routes of the shortlists, as a table: every actor × every route (page,
 * loader JSON, action, file), the status each gets, and that a refusal carries nothing of the
 * candidate. 404 for a consultant who is not on the mission (same cabinet or another): the entry
 * does not exist for them; 403 for a user of another space; the sign-in page for the anonymous.
 */

const ACTORS = [
  "consultant on the mission",
  "cabinet's lead",
  "consultant of the same cabinet, not on it",
  "another cabinet's consultant",
  "the collectivité's employer",
  "another employer",
  "the candidate",
  "another candidate",
  "the admin",
  "anonymous",
] as const;
type ActorName = (typeof ACTORS)[number];

const ROUTES = [
  "entry page",
  "entry action",
  "entry CV",
  "candidate's missions",
  "candidate's consent answer",
  "candidate's referees",
  "candidate's referee added",
  "candidate's journal",
  "admin's journal",
  "talent search's « Ajouter à la mission »",
] as const;
type Route = (typeof ROUTES)[number];

const SIGN_IN = "sign-in";
//                                               page  action  cv  missions  consent  referees  add  journal  admin  vivier-add
const EXPECTED: Record<ActorName, ReadonlyArray<number | typeof SIGN_IN>> = {
  "consultant on the mission":                 [200, 302, 200, 403, 403, 403, 403, 403, 403, 200],
  "cabinet's lead":                            [200, 302, 200, 403, 403, 403, 403, 403, 403, 200],
  "consultant of the same cabinet, not on it": [404, 404, 404, 403, 403, 403, 403, 403, 403, 404],
  "another cabinet's consultant":              [404, 404, 404, 403, 403, 403, 403, 403, 403, 404],
  "the collectivité's employer":               [403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  "another employer":                          [403, 403, 403, 403, 403, 403, 403, 403, 403, 403],
  "the candidate":                             [403, 403, 403, 200, 200, 200, 302, 200, 403, 403],
  "another candidate":                         [403, 403, 403, 200, 404, 200, 302, 200, 403, 403],
  "the admin":                                 [403, 403, 403, 403, 403, 403, 403, 403, 200, 403],
  "anonymous":                                 [SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN, SIGN_IN],
};

let world: World;
let candidate: Talent & { entryId: string };
let consentId: string;
const secret = `note-${tag()}`;
const browsers = {} as Record<ActorName, Browser>;

beforeAll(async () => {
  world = await shortlistWorld();
  candidate = await interested(world);
  await db.interviewNote.create({ data: { entryId: candidate.entryId, authorId: world.onMission.id, heldAt: new Date(), form: "VISIO", competences: secret } });
  consentId = (await db.consentRequest.create({ data: { entryId: candidate.entryId, kind: "REFERENCES", requestedById: world.lead.id } })).id;
  Object.assign(browsers, {
    "consultant on the mission": world.onMission.browser,
    "cabinet's lead": world.lead.browser,
    "consultant of the same cabinet, not on it": world.colleague.browser,
    "another cabinet's consultant": world.otherConsultant.browser,
    "the collectivité's employer": world.employer.browser,
    "another employer": world.otherEmployer.browser,
    "the candidate": candidate.browser,
    "another candidate": world.otherCandidate.browser,
    "the admin": world.admin.browser,
    "anonymous": await anonymousBrowser(),
  });
}, 60_000);

async function request(route: Route, browser: Browser): Promise<Response> {
  const url = entryUrl(world, candidate.entryId);
  const params = entryParams(world, candidate.entryId);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  switch (route) {
    case "entry page": return call(entryLoader, browser.get(url), params);
    case "entry action": return call(entryAction, browser.post(url, { intent: "interview", heldAt: yesterday, form: "TELEPHONE", competences: "Un appel de plus.", comportement: "", adhesion: "" }), params);
    case "entry CV": return call(cvLoader, browser.get(`${url}/cv`), params);
    case "candidate's missions": return call(missionsLoader, browser.get("/candidat/missions"));
    // Granting, then withdrawing: the candidate's own row stays answerable for the next run of the loop.
    case "candidate's consent answer": return call(missionsAction, browser.post("/candidat/missions", { consentId, answer: "grant" }));
    case "candidate's referees": return call(refereesLoader, browser.get("/candidat/references"));
    case "candidate's referee added": return call(refereesAction, browser.post("/candidat/references", { name: "Jeanne Martin", relation: "Ancienne DGS", contact: "04 66 00 00 00" }));
    case "candidate's journal": return call(journalLoader, browser.get("/candidat/journal"));
    case "admin's journal": return call(adminJournalLoader, browser.get("/admin/journal"));
    // A new candidate of the pool each time: adding one twice is refused for its own reason.
    case "talent search's « Ajouter à la mission »": {
      const someone = await talent();
      return call(vivierAction, browser.post(`/cabinet/vivier?mission=${world.mission.id}`, { missionId: world.mission.id, profileId: someone.profile.id }));
    }
  }
}

describe("who reaches the shortlists' new routes", () => {
  for (const actor of ACTORS) {
    it(`${actor}: each route answers as the table says, and a refusal carries nothing of the candidate`, async () => {
      for (const route of ROUTES) {
        const expected = EXPECTED[actor][ROUTES.indexOf(route)];
        // The consent answered by its candidate is reopened, so each pass meets it pending.
        await db.consentRequest.update({ where: { id: consentId }, data: { answeredAt: null, granted: null, withdrawnAt: null } });
        const res = await request(route, browsers[actor]);
        if (expected === SIGN_IN) {
          expect(res.status, `${actor} × ${route}`).toBe(302);
          expect(res.headers.get("Location"), `${actor} × ${route}`).toMatch(/^\/connexion\?redirectTo=/);
        } else {
          expect(res.status, `${actor} × ${route}`).toBe(expected);
        }
        const text = res.headers.get("Content-Type")?.includes("pdf") ? "" : await res.text();
        const mayKnow = (actor === "consultant on the mission" || actor === "cabinet's lead") && route.startsWith("entry");
        if (!mayKnow && actor !== "the candidate") {
          // The admin's journal names the post a consultant looked at, never the candidate.
          const post = route === "admin's journal" ? [] : [world.position.title];
          for (const hidden of [candidate.name, candidate.email, candidate.pseudonym, secret, ...post]) {
            expect(text.includes(hidden), `${actor} × ${route} must not carry « ${hidden} »`).toBe(false);
          }
        }
      }
    }, 120_000);
  }

  it("shows the candidate their mission and keeps the cabinet's notes out of it", async () => {
    const text = await (await call(missionsLoader, candidate.browser.get("/candidat/missions"))).text();
    expect(text).toContain(world.position.title);
    expect(text).not.toContain(secret);
  });
});
