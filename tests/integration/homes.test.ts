import { describe, expect, it } from "vitest";
import { loader as candidateHomeLoader } from "~/routes/candidat._index";
import { loader as candidateApplicationsLoader } from "~/routes/candidat.candidatures._index";
import { action as profileAction } from "~/routes/candidat.profil._index";
import { action as employerApplicationAction } from "~/routes/employeur.candidatures.$applicationId";
import { action as applyAction } from "~/routes/offres.$id_.postuler";
import { candidateHome, employerHome, openHome, VISIT_GAP_MS } from "~/domain/home.server";
import { body, call, collectivite, db, pdfFile, position, signedIn, signedInCandidate, validProfileFields } from "../helpers/candidate-requests";

const HOUR = 60 * 60 * 1000;

describe("« depuis votre dernière visite »", () => {
  it("counts from the previous visit, and keeps the news while the same visit goes on", async () => {
    const { user } = await signedInCandidate();
    const created = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).createdAt;
    const t0 = new Date(created.getTime() + HOUR);
    // A first visit: everything since the account was created.
    expect(await openHome(user, t0)).toEqual(created);
    // A reload an hour later is the same visit: the same news.
    expect(await openHome(user, new Date(t0.getTime() + HOUR))).toEqual(created);
    // Back the next day: what happened since the home was last opened.
    const nextDay = new Date(t0.getTime() + HOUR + VISIT_GAP_MS + 1);
    expect(await openHome(user, nextDay)).toEqual(new Date(t0.getTime() + HOUR));
  });

  it("tells the candidate of a new state, not of the recruiters' note, and links the list that shows the same", async () => {
    const lyon = await collectivite("69123");
    const employer = await signedIn("EMPLOYER", { organizationId: lyon.id });
    const o = await position(lyon.id, { title: "Directeur des finances" });
    const candidate = await signedInCandidate();
    expect((await call(profileAction, candidate.browser.post("/candidat/profil", validProfileFields()))).status).toBeLessThan(400);
    const applied = await call(applyAction, candidate.browser.post(`/offres/${o.id}/postuler`, { letter: "Madame, Monsieur, je souhaite mettre mon expérience au service de votre collectivité.", cv: pdfFile() }), { id: o.id });
    const applicationId = applied.headers.get("Location")!.split("/").pop()!.split("?")[0]!;
    const since = await openHome(candidate.user);

    // The employer's home counts it as new, and as one to read. Lyon is shared with other test
    // files (its positions may have unread applications of their own): only this position's line counts.
    const before = await employerHome(employer.user, new Date(since.getTime() - 1000));
    const mine = (rows: Array<{ positionId: string }>) => rows.filter((r) => r.positionId === o.id);
    expect(mine(before.newApplications)).toEqual([{ positionId: o.id, title: "Directeur des finances", count: 1 }]);
    expect(mine(before.toRead)).toEqual([{ positionId: o.id, title: "Directeur des finances", count: 1 }]);

    const save = (fields: Record<string, string>) => call(employerApplicationAction, employer.browser.post(`/employeur/candidatures/${applicationId}`, fields), { applicationId });
    expect((await save({ state: "", internalNote: "Note seule", score: "" })).status).toBe(302);
    expect((await candidateHome(candidate.user, since)).answered).toBe(0);
    expect((await save({ state: "INTERVIEW", internalNote: "Note seule", score: "" })).status).toBe(302);
    expect((await candidateHome(candidate.user, since)).answered).toBe(1);

    // The home's link: the list of the applications whose state changed since, that one only.
    const home = await body<{ since: string; home: { answered: number } }>(await call(candidateHomeLoader, candidate.browser.get("/candidat")));
    expect(home.home.answered).toBe(1);
    const list = await body<{ applications: Array<{ id: string }> }>(
      await call(candidateApplicationsLoader, candidate.browser.get(`/candidat/candidatures?depuis=${encodeURIComponent(home.since)}`)),
    );
    expect(list.applications.map((a) => a.id)).toEqual([applicationId]);
  });
});
