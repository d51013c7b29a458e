import { describe, expect, it } from "vitest";
import { action as missionAction, loader as missionLoader } from "~/routes/cabinet.missions.$id";
import { action as exitAction, loader as exitLoader } from "~/routes/cabinet.missions.$id_.sortie";
import { manualMoves, STAGE_LABEL, STAGES, type Stage } from "~/schemas/shortlist";
import type { MissionPage } from "~/domain/missions-page.server";
import { db } from "~/utils/db.server";
import { entry, load, missionWorld, post, type MissionWorld } from "./mission-fixtures";
import { candidate, COLMAR, SAINT_LOUIS, tag } from "./talent-fixtures";

/**
 * The mission page (/cabinet/missions/:id) as its consultants use it: the header, the list and
 * the board, every move through the routes, exits with their reasons, bulk moves, staffing.
 */

type Page = { page: MissionPage };

const page = (w: MissionWorld, query = "", as: keyof MissionWorld["browsers"] = "consultant") =>
  load<Page>(missionLoader, w.browsers[as], `/cabinet/missions/${w.mission.id}${query}`, { id: w.mission.id });

const act = (w: MissionWorld, fields: Record<string, string | string[]>, as: keyof MissionWorld["browsers"] = "consultant") =>
  post(missionAction, w.browsers[as], `/cabinet/missions/${w.mission.id}`, { id: w.mission.id }, fields);

describe("the mission page", () => {
  it("shows the post with its pay and context, the client's committee and criteria, the team, the dates and the list by stage", async () => {
    const w = await missionWorld();
    await db.position.update({
      where: { id: w.position.id },
      data: {
        salaryMin: 48_000, salaryMax: 56_000, ifse: 650, housing: "NAS", remoteDays: 2, territory: "Un plateau de moyenne montagne.",
        deadline: new Date("2030-01-15T12:00:00Z"),
        committee: { create: [{ name: "Jeanne Maire", function: "Maire", role: "DECIDE" }] },
        criteria: { create: [{ label: "Management", weight: 60 }, { label: "Finances", weight: 40 }] },
      },
    });
    const a = await candidate();
    const b = await candidate();
    await entry(w.mission.id, a.profile.id, "IDENTIFIED");
    await entry(w.mission.id, b.profile.id, "INTERESTED");
    await entry(w.mission.id, null, "APPROACHED", "MANUAL");

    const { status, data } = await page(w);
    expect(status).toBe(200);
    const p = data.page;
    expect(p.mission).toMatchObject({ title: w.position.title, collectiviteName: w.client.name, commune: "Mulhouse (68)", deadline: "2030-01-15T12:00:00.000Z", createdAt: w.mission.createdAt.toISOString(), presentationPlannedAt: null });
    expect(p.context).toMatchObject({ salaryMin: 48_000, salaryMax: 56_000, ifse: 650, housing: "NAS", remoteDays: 2, territory: "Un plateau de moyenne montagne." });
    expect(p.committee).toEqual([expect.objectContaining({ name: "Jeanne Maire", function: "Maire", role: "DECIDE" })]);
    expect(p.criteria.map((c) => [c.label, c.weight])).toEqual([["Management", 60], ["Finances", 40]]);
    expect(p.team.consultants.map((c) => c.id)).toEqual([w.users.consultant.id]);
    expect(p.team.canStaff).toBe(false);
    expect(p.total).toBe(3);
    expect(p.counts).toMatchObject({ IDENTIFIED: 1, APPROACHED: 1, INTERESTED: 1, EVALUATED: 0 });
  });

  it("shows an anonymous candidate's distance as a band, a known one's to the km, and never where either lives", async () => {
    const w = await missionWorld();
    const anon = await candidate({ homeCommuneCode: SAINT_LOUIS });
    const known = await candidate({ visibility: "VISIBLE", homeCommuneCode: SAINT_LOUIS });
    await entry(w.mission.id, anon.profile.id);
    await entry(w.mission.id, known.profile.id);
    const { data, text } = await page(w, "?sort=distance");
    const byLabel = Object.fromEntries(data.page.list!.rows.map((r) => [r.label, r.distance?.label]));
    expect(byLabel).toEqual({ [anon.profile.pseudonym]: "20 à 50 km", [known.user.name]: "23 km" });
    expect(text).not.toContain(SAINT_LOUIS);
    expect(text).not.toContain(anon.user.name);
    expect(text).not.toContain(anon.user.email);
  });

  it("filters, sorts and pages the list on what it shows, never on a hidden name", async () => {
    const w = await missionWorld();
    const t = tag();
    const hiddenName = await candidate({ name: `Zoé Secrète ${t}`, currentFunction: "Directrice des finances" });
    // The step the pass over the pool gives a class of five at the finest step (the gate's rule 14).
    await db.candidateProfile.update({ where: { id: hiddenName.profile.id }, data: { anonymousStep: 0 } });
    const visible = await candidate({ visibility: "VISIBLE", name: `Alice Visible ${t}`, currentFunction: "Secrétaire générale" });
    await entry(w.mission.id, hiddenName.profile.id, "APPROACHED");
    await entry(w.mission.id, visible.profile.id, "IDENTIFIED", "CONTACT");
    for (let i = 0; i < 3; i++) await entry(w.mission.id, null, "IDENTIFIED", "MANUAL");

    expect((await page(w, `?q=Secrète`)).data.page.list!.total).toBe(0);
    // Found by the family of functions its card shows, not by its exact title.
    expect((await page(w, `?q=finances`)).data.page.list!.rows.map((r) => r.label)).toEqual([hiddenName.profile.pseudonym]);
    expect((await page(w, `?q=directrice`)).data.page.list!.total).toBe(0);
    expect((await page(w, `?q=alice visible`)).data.page.list!.rows.map((r) => r.label)).toEqual([visible.user.name]);
    expect((await page(w, "?etape=APPROACHED")).data.page.list!.rows.map((r) => r.label)).toEqual([hiddenName.profile.pseudonym]);
    expect((await page(w, "?source=CONTACT")).data.page.list!.rows.map((r) => r.label)).toEqual([visible.user.name]);
    expect((await page(w, "?etape=en-cours")).data.page.list!.total).toBe(5);

    const sorted = (await page(w, "?sort=stage&dir=desc")).data.page.list!.rows.map((r) => r.stage);
    expect(sorted[0]).toBe("APPROACHED");
    const paged = await page(w, "?size=20&page=1");
    expect(paged.data.page.list).toMatchObject({ total: 5, pageCount: 1 });
    // The columns shown are the URL's; the candidate's is always there.
    expect((await page(w, "?cols=stage&cols=contact")).data.page.query.columns).toEqual(["label", "stage", "contact"]);
  });

  it("turns into a board by stage, each card offering its allowed moves only", async () => {
    const w = await missionWorld();
    const a = await candidate();
    await entry(w.mission.id, a.profile.id, "CABINET_INTERVIEW");
    const { data } = await page(w, "?vue=tableau");
    expect(data.page.list).toBeNull();
    expect(data.page.board!.map((c) => c.stage)).toEqual([...STAGES]);
    const column = data.page.board!.find((c) => c.stage === "CABINET_INTERVIEW")!;
    expect(column.cards.map((c) => [c.label, c.moves])).toEqual([[a.profile.pseudonym, ["EVALUATED", "NOT_RETAINED", "WITHDREW"]]]);
  });

  it("shows the first cards of a crowded stage on the board and the rest in the list", async () => {
    const w = await missionWorld();
    for (let i = 0; i < 27; i++) await entry(w.mission.id, null, "IDENTIFIED", "MANUAL");
    const column = (await page(w, "?vue=tableau")).data.page.board!.find((c) => c.stage === "IDENTIFIED")!;
    expect(column).toMatchObject({ count: 27, more: 2 });
    expect(column.cards).toHaveLength(25);
  });
});

describe("the match score on the list's rows and the board's cards", () => {
  it("shows each person's score and reasons beside the evaluation, a pseudonym's distance as a band, and nothing for a withdrawn candidate or a person met elsewhere", async () => {
    const word = `rapprochement${tag()}`;
    const w = await missionWorld({ cadresEmplois: ["attaches"], competencies: [{ label: word, level: "INDISPENSABLE" }] });
    const anon = await candidate({ grade: "Attaché", competencies: [word], homeCommuneCode: COLMAR });
    const known = await candidate({ visibility: "VISIBLE", grade: "Attaché", competencies: [word], homeCommuneCode: COLMAR });
    const lacking = await candidate({ visibility: "VISIBLE", grade: "Attaché", homeCommuneCode: COLMAR });
    const hiding = await candidate({ grade: "Attaché", competencies: [word], hiddenFrom: [w.client.officialKey] });
    for (const c of [anon, known, lacking, hiding]) await db.candidateProfile.update({ where: { id: c.profile.id }, data: { maxDistanceKm: 60 } });
    const entries = {
      anon: await entry(w.mission.id, anon.profile.id),
      known: await entry(w.mission.id, known.profile.id),
      lacking: await entry(w.mission.id, lacking.profile.id),
      hiding: await entry(w.mission.id, hiding.profile.id),
      external: await entry(w.mission.id, null, "IDENTIFIED", "MANUAL"),
    };
    await db.scorecard.create({ data: { entryId: entries.known.id, consultantId: w.users.consultant.id, total: 72 } });

    const texts = (m: { reasons: Array<{ text: string }> } | null) => m?.reasons.map((r) => r.text) ?? [];
    for (const view of ["", "?vue=tableau"]) {
      const { data, text } = await page(w, view);
      const rows = data.page.list ? data.page.list.rows : data.page.board!.flatMap((c) => c.cards);
      const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
      expect(Object.keys(byId).sort()).toEqual(Object.values(entries).map((e) => e.id).sort());
      // The evaluation and the match side by side on the same row.
      expect(byId[entries.known.id]).toMatchObject({ score: 72, match: { capped: null } });
      expect(byId[entries.known.id].match!.score).toBeGreaterThan(40);
      expect(texts(byId[entries.known.id].match)).toEqual(expect.arrayContaining([expect.stringMatching(/^Domicile à \d+ km ; rayon accepté 60 km$/)]));
      expect(texts(byId[entries.anon.id].match)).toEqual(expect.arrayContaining([expect.stringMatching(/^Domicile : entre \d+ et \d+ km ; rayon accepté 60 km$/)]));
      expect(texts(byId[entries.anon.id].match).join(" ")).not.toMatch(/Domicile à \d/);
      // A missing indispensable competency caps the score, and says so.
      expect(byId[entries.lacking.id].match).toMatchObject({ capped: "competence" });
      expect(texts(byId[entries.lacking.id].match)).toContain(`Compétence indispensable absente : ${word}`);
      expect(byId[entries.lacking.id].match!.score).toBeLessThan(byId[entries.known.id].match!.score);
      // Hiding from the client: « retiré », nothing scored; a person met elsewhere has no profile.
      expect(byId[entries.hiding.id]).toMatchObject({ sight: "withdrawn", match: null });
      expect(byId[entries.external.id]).toMatchObject({ sight: "external", match: null });
      expect(text).not.toContain(hiding.profile.pseudonym);
      expect(text).not.toContain(anon.user.name);
    }
  });
});

describe("moving a candidate through the routes", () => {
  it("allows exactly the moves of the table, and refuses the others in French, changing nothing", async () => {
    const w = await missionWorld();
    for (const from of STAGES) {
      for (const to of STAGES) {
        const e = await entry(w.mission.id, null, from, "MANUAL");
        const r = await act(w, { intent: "move", entryId: e.id, to, retour: "vue=tableau" });
        const after = await db.shortlistEntry.findUniqueOrThrow({ where: { id: e.id }, select: { stage: true } });
        const label = `${from} → ${to}`;
        if (manualMoves(from).includes(to) && to !== "NOT_RETAINED" && to !== "WITHDREW") {
          expect(r.status, label).toBe(302);
          expect(r.location, label).toBe(`/cabinet/missions/${w.mission.id}?vue=tableau&ok=deplace&deplace=${e.id}`);
          expect(after.stage, label).toBe(to);
          expect(await db.shortlistEvent.count({ where: { entryId: e.id, fromStage: from, toStage: to, actorId: w.users.consultant.id } }), label).toBe(1);
        } else if (to === "NOT_RETAINED" || to === "WITHDREW") {
          // An exit asks its reason first: the card's button leads to the exit page.
          expect(r.location, label).toBe(`/cabinet/missions/${w.mission.id}/sortie?vers=${to}&ids=${e.id}`);
          expect(after.stage, label).toBe(from);
        } else {
          expect(r.status, label).toBe(409);
          expect(r.body?.error, label).toBe(
            to === "PRESENTED" ? "La présentation à la collectivité se fait depuis la fiche du candidat, avec son accord." : `Impossible de passer de « ${STAGE_LABEL[from]} » à « ${STAGE_LABEL[to]} ».`,
          );
          expect(after.stage, label).toBe(from);
          expect(await db.shortlistEvent.count({ where: { entryId: e.id } }), label).toBe(1);
        }
      }
    }
  }, 120_000);

  it("takes a candidate out as non retenu only with a reason and the feedback they will read", async () => {
    const w = await missionWorld();
    const a = await candidate();
    const e = await entry(w.mission.id, a.profile.id, "CABINET_INTERVIEW");
    const path = `/cabinet/missions/${w.mission.id}/sortie`;
    const shown = await load<{ entries: Array<{ label: string; allowed: boolean }> }>(exitLoader, w.browsers.consultant, `${path}?vers=NOT_RETAINED&ids=${e.id}`, { id: w.mission.id });
    expect(shown.data.entries).toEqual([expect.objectContaining({ label: a.profile.pseudonym, allowed: true })]);

    const missing = await post<{ fieldErrors: Record<string, string> }>(exitAction, w.browsers.consultant, path, { id: w.mission.id }, { to: "NOT_RETAINED", ids: e.id, feedback: "Trop court" });
    expect(missing.status).toBe(400);
    expect(missing.body?.fieldErrors).toEqual({
      exitReason: "Choisissez la raison pour laquelle le candidat n’est pas retenu.",
      feedback: "Écrivez le retour que le candidat lira (au moins quelques phrases) : un retour honnête est dû à chacun.",
    });
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: e.id } })).stage).toBe("CABINET_INTERVIEW");

    const feedback = "Merci pour cet entretien : la collectivité cherche une expérience plus longue de direction générale.";
    const done = await post(exitAction, w.browsers.consultant, path, { id: w.mission.id }, { to: "NOT_RETAINED", ids: e.id, exitReason: "EXPERIENCE", feedback, reason: "Vu avec le maire" });
    expect(done.location).toBe(`/cabinet/missions/${w.mission.id}?ok=sortie`);
    expect(await db.shortlistEntry.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ stage: "NOT_RETAINED", exitReason: "EXPERIENCE", feedback });
    const event = await db.shortlistEvent.findFirstOrThrow({ where: { entryId: e.id, toStage: "NOT_RETAINED" } });
    expect(event.reason).toBe("Expérience insuffisante sur les enjeux du poste — Vu avec le maire");
  });

  it("records a withdrawal with its reason, and says which candidates cannot leave that way", async () => {
    const w = await missionWorld();
    const open = await entry(w.mission.id, null, "APPROACHED", "MANUAL");
    const hired = await entry(w.mission.id, null, "HIRED", "MANUAL");
    const path = `/cabinet/missions/${w.mission.id}/sortie`;
    const r = await post(exitAction, w.browsers.consultant, path, { id: w.mission.id }, { to: "WITHDREW", ids: [open.id, hired.id], exitReason: "OTHER_OFFER" });
    expect(r.status).toBe(409);
    expect(r.body?.details).toEqual([expect.stringMatching(/ — Impossible de passer de « Retenu » à « Désisté »\.$/)]);
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: open.id } })).stage).toBe("WITHDREW");
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: hired.id } })).stage).toBe("HIRED");
  });

  it("moves the checked candidates together, and names those the table refuses", async () => {
    const w = await missionWorld();
    const a = await entry(w.mission.id, null, "IDENTIFIED", "MANUAL");
    const b = await entry(w.mission.id, null, "IDENTIFIED", "MANUAL");
    const c = await entry(w.mission.id, null, "EVALUATED", "MANUAL");
    const ok = await act(w, { intent: "bulk", operation: "move:APPROACHED", ids: [a.id, b.id] });
    expect(ok.status).toBe(302);
    const mixed = await act(w, { intent: "bulk", operation: "move:INTERESTED", ids: [a.id, c.id] });
    expect(mixed.status).toBe(409);
    expect(mixed.body).toEqual({ error: "1 déplacé, 1 non déplacé :", details: [`${c.externalName} — Impossible de passer de « Évalué » à « Intéressé ».`] });
    const stages = await db.shortlistEntry.findMany({ where: { id: { in: [a.id, b.id, c.id] } }, orderBy: { createdAt: "asc" }, select: { stage: true } });
    expect(stages.map((s) => s.stage)).toEqual(["INTERESTED", "APPROACHED", "EVALUATED"]);
    // Exits and approaches go to their own pages with the checked ids.
    expect((await act(w, { intent: "bulk", operation: "exit:NOT_RETAINED", ids: [a.id, b.id] })).location).toBe(`/cabinet/missions/${w.mission.id}/sortie?vers=NOT_RETAINED&ids=${a.id}&ids=${b.id}`);
    expect((await act(w, { intent: "bulk", operation: "message", ids: [a.id] })).location).toBe(`/cabinet/missions/${w.mission.id}/approche?ids=${a.id}`);
    expect((await act(w, { intent: "bulk", operation: "move:APPROACHED" })).body?.error).toBe("Cochez au moins un candidat dans la liste.");
  });

  it("changes nothing on a mission that has ended", async () => {
    const w = await missionWorld({ missionStatus: "CLOSED" });
    const e = await entry(w.mission.id, null, "IDENTIFIED", "MANUAL");
    const r = await act(w, { intent: "move", entryId: e.id, to: "APPROACHED" });
    expect(r.status).toBe(409);
    expect(r.body?.error).toBe("Cette mission est terminée : sa liste ne change plus.");
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: e.id } })).stage).toBe("IDENTIFIED");
  });

  it("does not move another mission's candidate from this page", async () => {
    const w = await missionWorld();
    const other = await missionWorld();
    const e = await entry(other.mission.id, null, "IDENTIFIED", "MANUAL");
    expect((await act(w, { intent: "move", entryId: e.id, to: "APPROACHED" })).status).toBe(404);
    expect((await db.shortlistEntry.findUniqueOrThrow({ where: { id: e.id } })).stage).toBe("IDENTIFIED");
  });
});

describe("staffing and dates", () => {
  it("lets the lead put a colleague on the mission and take them off; the colleague sees it only meanwhile", async () => {
    const w = await missionWorld();
    expect((await page(w, "", "colleague")).status).toBe(404);
    const leadView = (await page(w, "", "lead")).data.page.team;
    expect(leadView.canStaff).toBe(true);
    expect(leadView.available.map((c) => c.id)).toContain(w.users.colleague.id);

    expect((await act(w, { intent: "staff", userId: w.users.colleague.id }, "lead")).location).toBe(`/cabinet/missions/${w.mission.id}?ok=equipe`);
    expect((await page(w, "", "colleague")).status).toBe(200);
    expect((await act(w, { intent: "staff", userId: w.users.colleague.id }, "lead")).body?.error).toBe("Ce consultant est déjà sur la mission.");

    expect((await act(w, { intent: "unstaff", userId: w.users.colleague.id }, "lead")).status).toBe(302);
    expect((await page(w, "", "colleague")).status).toBe(404);
  });

  it("refuses staffing to a consultant who is not the lead, and a consultant of another cabinet", async () => {
    const w = await missionWorld();
    const byConsultant = await act(w, { intent: "staff", userId: w.users.colleague.id });
    expect(byConsultant.status).toBe(403);
    expect(byConsultant.body?.error).toBe("Seul le responsable du cabinet affecte les consultants aux missions.");
    const outsider = await act(w, { intent: "staff", userId: w.users.rival.id }, "lead");
    expect(outsider.status).toBe(400);
    expect(await db.missionConsultant.count({ where: { missionId: w.mission.id } })).toBe(1);
  });

  it("records the planned presentation to the committee", async () => {
    const w = await missionWorld();
    expect((await act(w, { intent: "presentation", date: "2030-02-30" })).body?.error).toBe("Indiquez la date de présentation au format jj/mm/aaaa.");
    expect((await act(w, { intent: "presentation", date: "2030-02-14" })).status).toBe(302);
    expect((await page(w)).data.page.mission.presentationPlannedAt).toBe("2030-02-14T12:00:00.000Z");
    await act(w, { intent: "presentation", date: "" });
    expect((await page(w)).data.page.mission.presentationPlannedAt).toBeNull();
  });
});

export type { Stage };
