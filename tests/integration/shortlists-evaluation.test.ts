import { beforeAll, describe, expect, it } from "vitest";
import { addHiddenOrganization, setVisibility } from "~/domain/candidates.server";
import { CANDIDATE_NOTICE_SUBJECT } from "~/domain/notifications.server";
import { action as entryAction, loader as entryLoader } from "~/routes/cabinet.missions.$id_.candidats.$entryId";
import { loader as cvLoader } from "~/routes/cabinet.missions.$id_.candidats.$entryId_.cv";
import { action as missionsAction, loader as missionsLoader } from "~/routes/candidat.missions";
import { action as refereesAction } from "~/routes/candidat.references";
import { action as vivierAction } from "~/routes/cabinet.vivier";
import type { EntryPage } from "~/domain/evaluations.server";
import { call, db, entryParams, entryUrl, identified, interested, shortlistWorld, talent, type Actor, type Talent, type World } from "./shortlist-fixtures";
import { tag } from "./talent-fixtures";

/**
 * A candidate's page on a mission's shortlist and the cabinet's private evaluation: interviews,
 * scorecards, references with the candidate's consent, the moves and the honest feedback the
 * candidate reads, and the journal lines a revealed identity leaves.
 */

type Page = EntryPage & { today: string };

async function openPage(world: World, who: Actor, entryId: string) {
  return call(entryLoader, who.browser.get(entryUrl(world, entryId)), entryParams(world, entryId));
}

async function page(world: World, who: Actor, entryId: string): Promise<Page> {
  const res = await openPage(world, who, entryId);
  expect(res.status).toBe(200);
  return (await res.json()) as Page;
}

function post(world: World, who: Actor, entryId: string, fields: Record<string, string>) {
  return call(entryAction, who.browser.post(entryUrl(world, entryId), fields), entryParams(world, entryId));
}

async function posted(world: World, who: Actor, entryId: string, fields: Record<string, string>, status = 302) {
  const res = await post(world, who, entryId, fields);
  const text = res.status === 302 ? "" : await res.text();
  expect(res.status, text).toBe(status);
  return text ? (JSON.parse(text) as { error: string | null; fieldErrors: Record<string, string> }) : null;
}

function marks(world: World, scores: [number, number, number], comment = "") {
  return Object.fromEntries(world.criteria.flatMap((c, i) => [[`score.${c.id}`, String(scores[i])], [`comment.${c.id}`, comment]]));
}

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

async function candidateMissions(t: Talent) {
  const res = await call(missionsLoader, t.browser.get("/candidat/missions"));
  expect(res.status).toBe(200);
  const text = await res.text();
  return { text, missions: (JSON.parse(text) as { missions: Array<{ id: string; title: string; employer: string | null; cabinet: string; state: string; feedback: string | null; consents: Array<{ id: string; kind: string; state: string; question: string }> }> }).missions };
}

async function auditRows(profileId: string) {
  return db.auditEvent.findMany({ where: { profileId }, orderBy: { at: "asc" } });
}

let world: World;
beforeAll(async () => {
  world = await shortlistWorld();
}, 60_000);

describe("« Ajouter à la mission » from the talent search", () => {
  function add(who: Actor, profileId: string) {
    return call(vivierAction, who.browser.post(`/cabinet/vivier?mission=${world.mission.id}`, { missionId: world.mission.id, profileId }));
  }

  it("puts a candidate of the pool on the mission's list as identifié, once", async () => {
    const t = await talent();
    const res = await add(world.onMission, t.profile.id);
    expect(res.status).toBe(200);
    const { added, entryId } = (await res.json()) as { added: string; entryId: string };
    expect(added).toBe(t.profile.id);
    const p = await page(world, world.onMission, entryId);
    expect(p.entry).toMatchObject({ stage: "IDENTIFIED", source: "SEARCH", sight: "pseudonym", label: t.pseudonym });
    expect((await add(world.lead, t.profile.id)).status).toBe(409);
  });

  it("is refused for a mission the consultant is not on, and for a candidate who hides from the cabinet", async () => {
    const t = await talent();
    expect((await add(world.colleague, t.profile.id)).status).toBe(404);
    expect((await add(world.otherConsultant, t.profile.id)).status).toBe(404);
    const hiding = await talent({ hiddenFrom: [world.cabinet.officialKey] });
    expect((await add(world.onMission, hiding.profile.id)).status).toBe(409);
    expect(await db.shortlistEntry.count({ where: { profileId: { in: [t.profile.id, hiding.profile.id] } } })).toBe(0);
  });
});

describe("the entry's page", () => {
  it("shows a consultant of the mission who the candidate is, their function, source, stage, timeline and allowed moves", async () => {
    const t = await interested(world);
    const p = await page(world, world.onMission, t.entryId);
    expect(p.entry.sight).toBe("identity");
    expect(p.entry.label).toBe(t.name);
    expect(p.entry.currentFunction).toBe("Chargé de mission");
    expect(p.entry.source).toBe("CONTACT");
    expect(p.entry.stage).toBe("INTERESTED");
    expect(p.timeline.map((e) => [e.from, e.to])).toEqual([[null, "APPROACHED"], ["APPROACHED", "INTERESTED"]]);
    expect(p.timeline[0]!.by).toBe(world.lead.name);
    expect(p.moves).toEqual(["CABINET_INTERVIEW", "NOT_RETAINED", "WITHDREW"]);
    expect(p.evaluation?.hasCv).toBe(true);
  });

  it("moves the candidate with its buttons, each move dated and signed in the timeline", async () => {
    const t = await interested(world);
    await posted(world, world.onMission, t.entryId, { intent: "move", to: "CABINET_INTERVIEW" });
    await posted(world, world.onMission, t.entryId, { intent: "move", to: "PRESENTED" }, 409);
    const p = await page(world, world.lead, t.entryId);
    expect(p.entry.stage).toBe("CABINET_INTERVIEW");
    expect(p.timeline.at(-1)).toMatchObject({ from: "INTERESTED", to: "CABINET_INTERVIEW", by: world.onMission.name });
    expect(p.moves).toEqual(["EVALUATED", "NOT_RETAINED", "WITHDREW"]);
  });

  it("asks the reason of an exit, and for « non retenu » the feedback the candidate will read", async () => {
    const t = await interested(world);
    const refused = await posted(world, world.onMission, t.entryId, { intent: "move", to: "NOT_RETAINED", exitReason: "", feedback: "Merci" }, 400);
    expect(Object.keys(refused!.fieldErrors).sort()).toEqual(["exitReason", "feedback"]);
    expect((await page(world, world.onMission, t.entryId)).entry.stage).toBe("INTERESTED");
    const withdrew = await posted(world, world.onMission, t.entryId, { intent: "move", to: "WITHDREW" }, 400);
    expect(withdrew!.fieldErrors.exitReason).toBe("Choisissez la raison du désistement.");
  });

  it("is not found under another mission's address, even of the same cabinet", async () => {
    const t = await interested(world);
    const other = await shortlistWorld();
    const res = await call(entryLoader, world.lead.browser.get(`/cabinet/missions/${other.mission.id}/candidats/${t.entryId}`), { id: other.mission.id, entryId: t.entryId });
    expect(res.status).toBe(404);
  });
});

describe("interview notes", () => {
  it("records interviews under the three headings and lists them newest first", async () => {
    const t = await interested(world);
    await posted(world, world.onMission, t.entryId, { intent: "interview", heldAt: "2025-01-10", form: "TELEPHONE", competences: "Premier échange : solide en finances.", comportement: "", adhesion: "" });
    await posted(world, world.lead, t.entryId, { intent: "interview", heldAt: yesterday(), form: "PRESENTIEL", competences: "Maîtrise la M57.", comportement: "Posé, écoute.", adhesion: "Connaît la Lozère et ses enjeux." });
    const notes = (await page(world, world.onMission, t.entryId)).evaluation!.interviews;
    expect(notes.map((n) => n.form)).toEqual(["PRESENTIEL", "TELEPHONE"]);
    expect(notes[0]).toMatchObject({ author: world.lead.name, competences: "Maîtrise la M57.", comportement: "Posé, écoute.", adhesion: "Connaît la Lozère et ses enjeux." });
  });

  it("refuses an empty note, or one for an interview still to come, and writes nothing", async () => {
    const t = await interested(world);
    const empty = await posted(world, world.onMission, t.entryId, { intent: "interview", heldAt: yesterday(), form: "VISIO", competences: " ", comportement: "", adhesion: "" }, 400);
    expect(empty!.fieldErrors.competences).toBe("Écrivez au moins une rubrique de vos notes d’entretien.");
    const future = await posted(world, world.onMission, t.entryId, { intent: "interview", heldAt: "2999-01-01", form: "VISIO", competences: "x", comportement: "", adhesion: "" }, 400);
    expect(future!.fieldErrors.heldAt).toBe("L’entretien ne peut pas être à venir : notez-le une fois tenu.");
    expect(await db.interviewNote.count({ where: { entryId: t.entryId } })).toBe(0);
  });

  it("stays closed for a candidate the cabinet knows only by a pseudonym", async () => {
    const t = await identified(world);
    const p = await page(world, world.onMission, t.entryId);
    expect(p.entry.sight).toBe("pseudonym");
    expect(p.evaluation).toBeNull();
    await posted(world, world.onMission, t.entryId, { intent: "interview", heldAt: yesterday(), form: "VISIO", competences: "x", comportement: "", adhesion: "" }, 409);
    expect(await db.interviewNote.count({ where: { entryId: t.entryId } })).toBe(0);
  });
});

describe("scorecards", () => {
  it("keeps one scorecard per consultant, totals each on the weighted criteria, and shows their average", async () => {
    const t = await interested(world);
    // 40 × 4/4 + 35 × 3/4 + 25 × 2/4 = 78.75 → 79
    await posted(world, world.lead, t.entryId, { intent: "scorecard", ...marks(world, [4, 3, 2], "Très solide") });
    // 3 everywhere: 75
    await posted(world, world.onMission, t.entryId, { intent: "scorecard", ...marks(world, [3, 3, 3]) });
    let ev = (await page(world, world.onMission, t.entryId)).evaluation!;
    expect(ev.scorecards.map((s) => [s.consultant, s.total, s.mine])).toEqual([[world.lead.name, 79, false], [world.onMission.name, 75, true]]);
    expect(ev.average).toBe(77);
    expect(ev.scorecards[0]!.marks[0]).toEqual({ criterionId: world.criteria[0]!.id, score: 4, comment: "Très solide" });

    // Revised: still one scorecard for this consultant.
    await posted(world, world.onMission, t.entryId, { intent: "scorecard", ...marks(world, [1, 1, 1]) });
    ev = (await page(world, world.onMission, t.entryId)).evaluation!;
    expect(ev.scorecards.map((s) => s.total)).toEqual([79, 25]);
    expect(ev.average).toBe(52);
    expect(await db.scorecard.count({ where: { entryId: t.entryId } })).toBe(2);
    expect((await db.scorecard.findFirstOrThrow({ where: { entryId: t.entryId, consultantId: world.lead.id } })).total).toBe(79);
  });

  it("refuses a grid with a criterion left unmarked, saying which, and writes nothing", async () => {
    const t = await interested(world);
    const fields = marks(world, [3, 3, 3]);
    fields[`score.${world.criteria[1]!.id}`] = "";
    const refused = await posted(world, world.onMission, t.entryId, { intent: "scorecard", ...fields }, 400);
    expect(refused!.fieldErrors).toEqual({ [`score.${world.criteria[1]!.id}`]: "Choisissez une note de 1 à 4." });
    expect(await db.scorecard.count({ where: { entryId: t.entryId } })).toBe(0);
  });

  it("waits for the position's criteria", async () => {
    const bare = await shortlistWorld({ criteria: false });
    const t = await interested(bare);
    const refused = await posted(bare, bare.lead, t.entryId, { intent: "scorecard" }, 409);
    expect(refused!.error).toMatch(/pas de critères pondérés/);
  });
});

describe("references, with the candidate's consent", () => {
  it("records no check before the candidate agreed, and writes nothing", async () => {
    const t = await interested(world);
    await call(refereesAction, t.browser.post("/candidat/references", { name: "Jeanne Martin", relation: "Ancienne DGS", contact: "04 66 00 00 00" }));
    const referee = await db.referee.findFirstOrThrow({ where: { profileId: t.profile.id } });
    expect((await page(world, world.onMission, t.entryId)).evaluation!.references).toMatchObject({ mayAsk: true, mayRecord: false, referees: [] });
    const refused = await posted(world, world.onMission, t.entryId, { intent: "reference-check", refereeId: referee.id, relation: "Ancienne DGS", checkedAt: yesterday(), summary: "Une collaboratrice fiable et rigoureuse." }, 409);
    expect(refused!.error).toMatch(/n’a pas \(ou plus\) donné son accord/);
    expect(await db.referenceCheck.count({ where: { entryId: t.entryId } })).toBe(0);
  });

  it("asks the candidate, who is told by a discreet e-mail and refuses in their space", async () => {
    const t = await interested(world);
    await posted(world, world.onMission, t.entryId, { intent: "ask-references" });
    const again = await posted(world, world.onMission, t.entryId, { intent: "ask-references" }, 409);
    expect(again!.error).toBe("Votre demande attend déjà la réponse du candidat.");

    const mail = await db.outgoingMail.findFirstOrThrow({ where: { to: t.email }, orderBy: { createdAt: "desc" } });
    expect(mail.subject).toBe(CANDIDATE_NOTICE_SUBJECT);
    expect(mail.text).toContain("/candidat/missions");
    for (const secret of [world.position.title, world.client.name, world.cabinet.name, "référence"]) expect(mail.text).not.toContain(secret);

    const { missions } = await candidateMissions(t);
    const consent = missions.find((m) => m.id === t.entryId)!.consents[0]!;
    expect(consent).toMatchObject({ kind: "REFERENCES", state: "pending", question: "Le cabinet souhaite contacter les références que vous avez indiquées." });
    const res = await call(missionsAction, t.browser.post("/candidat/missions", { consentId: consent.id, answer: "refuse" }));
    expect(res.status).toBe(200);
    const row = await db.consentRequest.findUniqueOrThrow({ where: { id: consent.id } });
    expect(row.granted).toBe(false);
    expect(row.answeredAt).toBeInstanceOf(Date);

    const refs = (await page(world, world.onMission, t.entryId)).evaluation!.references;
    expect(refs.consents[0]!.state).toBe("refused");
    expect(refs.mayRecord).toBe(false);
    expect(refs.referees).toEqual([]);
  });

  it("shows the referees once the candidate agreed, records checks of them, and stops when the consent is withdrawn", async () => {
    const t = await interested(world);
    for (const [name, relation] of [["Jeanne Martin", "Ancienne DGS"], ["Louis Bernard", "Maire de Chanac"]]) {
      const res = await call(refereesAction, t.browser.post("/candidat/references", { name: name!, relation: relation!, contact: "jeanne@example.org" }));
      expect(res.status).toBe(302);
    }
    await posted(world, world.onMission, t.entryId, { intent: "ask-references" });
    const consent = (await candidateMissions(t)).missions.find((m) => m.id === t.entryId)!.consents[0]!;
    expect((await call(missionsAction, t.browser.post("/candidat/missions", { consentId: consent.id, answer: "grant" }))).status).toBe(200);

    const refs = (await page(world, world.onMission, t.entryId)).evaluation!.references;
    expect(refs).toMatchObject({ granted: true, mayRecord: true, mayAsk: false });
    expect(refs.referees.map((r) => r.name)).toEqual(["Jeanne Martin", "Louis Bernard"]);
    const jeanne = refs.referees[0]!;

    // A referee the candidate did not name is refused.
    const stranger = await interested(world);
    await call(refereesAction, stranger.browser.post("/candidat/references", { name: "Quelqu’un d’autre", relation: "Collègue", contact: "06 00 00 00 00" }));
    const notHers = await db.referee.findFirstOrThrow({ where: { profileId: stranger.profile.id } });
    await posted(world, world.onMission, t.entryId, { intent: "reference-check", refereeId: notHers.id, relation: "Collègue", checkedAt: yesterday(), summary: "Un échange qui ne devrait pas exister." }, 400);

    await posted(world, world.onMission, t.entryId, { intent: "reference-check", refereeId: jeanne.id, relation: "Sa DGS de 2016 à 2021", checkedAt: yesterday(), summary: "Fiable, rigoureuse, appréciée des élus comme des équipes." });
    const checks = (await page(world, world.lead, t.entryId)).evaluation!.references.checks;
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ refereeName: "Jeanne Martin", relation: "Sa DGS de 2016 à 2021", by: world.onMission.name });

    expect((await call(missionsAction, t.browser.post("/candidat/missions", { consentId: consent.id, answer: "withdraw" }))).status).toBe(200);
    await posted(world, world.onMission, t.entryId, { intent: "reference-check", refereeId: jeanne.id, relation: "DGS", checkedAt: yesterday(), summary: "Un second échange après le retrait." }, 409);
    expect(await db.referenceCheck.count({ where: { entryId: t.entryId } })).toBe(1);
    const after = (await page(world, world.onMission, t.entryId)).evaluation!.references;
    expect(after.referees).toEqual([]);
    expect(after.consents[0]!.state).toBe("withdrawn");
  });

  it("cannot be asked of a candidate not yet in the search", async () => {
    const t = await identified(world, { visibility: "VISIBLE" });
    const p = await page(world, world.onMission, t.entryId);
    expect(p.entry.sight).toBe("identity");
    expect(p.evaluation!.references.mayAsk).toBe(false);
    const refused = await posted(world, world.onMission, t.entryId, { intent: "ask-references" }, 409);
    expect(refused!.error).toMatch(/accepter votre proposition/);
    expect(await db.consentRequest.count({ where: { entryId: t.entryId } })).toBe(0);
  });

  it("answers a consent once, and only the candidate it was asked of", async () => {
    const t = await interested(world);
    await posted(world, world.onMission, t.entryId, { intent: "ask-references" });
    const consent = (await candidateMissions(t)).missions.find((m) => m.id === t.entryId)!.consents[0]!;
    const other = await call(missionsAction, world.otherCandidate.browser.post("/candidat/missions", { consentId: consent.id, answer: "grant" }));
    expect(other.status).toBe(404);
    expect((await call(missionsAction, t.browser.post("/candidat/missions", { consentId: consent.id, answer: "grant" }))).status).toBe(200);
    expect((await call(missionsAction, t.browser.post("/candidat/missions", { consentId: consent.id, answer: "refuse" }))).status).toBe(409);
    expect((await db.consentRequest.findUniqueOrThrow({ where: { id: consent.id } })).granted).toBe(true);
  });
});

describe("what the candidate reads of the mission", () => {
  it("is a plain-French state, the cabinet, the position and the employer — never the stage names, notes, scores or reasons", async () => {
    const t = await interested(world);
    const secret = tag();
    await posted(world, world.onMission, t.entryId, { intent: "move", to: "CABINET_INTERVIEW", reason: `motif-interne-${secret}` });
    await posted(world, world.onMission, t.entryId, { intent: "interview", heldAt: yesterday(), form: "VISIO", competences: `note-competences-${secret}`, comportement: `note-comportement-${secret}`, adhesion: `note-adhesion-${secret}` });
    await posted(world, world.onMission, t.entryId, { intent: "scorecard", ...marks(world, [2, 3, 4], `commentaire-grille-${secret}`) });
    await posted(world, world.onMission, t.entryId, { intent: "move", to: "EVALUATED", reason: `motif-evalue-${secret}` });

    const { text, missions } = await candidateMissions(t);
    const mine = missions.find((m) => m.id === t.entryId)!;
    expect(mine).toMatchObject({ state: "Votre candidature est étudiée", cabinet: world.cabinet.name, title: world.position.title, employer: world.client.name, feedback: null });
    for (const hidden of [secret, "EVALUATED", "CABINET_INTERVIEW", "Évalué", "Entretien cabinet", "Intéressé", world.onMission.name, world.lead.name, "total", "score"]) {
      expect(text, hidden).not.toContain(hidden);
    }
  });

  it("carries the honest feedback once the cabinet does not go on, not the reason it gave itself", async () => {
    const t = await interested(world);
    const feedback = "Votre parcours en finances est solide ; il manquait une expérience de direction générale pour ce poste.";
    await posted(world, world.onMission, t.entryId, { intent: "move", to: "NOT_RETAINED", exitReason: "EXPERIENCE", feedback, reason: "entre nous : trop junior" });
    const { text, missions } = await candidateMissions(t);
    expect(missions.find((m) => m.id === t.entryId)).toMatchObject({ state: "Le cabinet ne poursuit pas", feedback });
    expect(text).not.toContain("trop junior");
    expect(text).not.toContain("Expérience insuffisante");
  });

  it("names a confidential search's employer to a candidate who is in it, and lists no mission they are not in", async () => {
    const secretWorld = await shortlistWorld({ confidential: true });
    const t = await interested(secretWorld);
    expect((await candidateMissions(t)).missions.find((m) => m.id === t.entryId)!.employer).toBe(secretWorld.client.name);
    const pseudonymous = await identified(secretWorld);
    const { text, missions } = await candidateMissions(pseudonymous);
    expect(missions).toEqual([]);
    expect(text).not.toContain(secretWorld.client.name);
  });
});

describe("the journal of identities seen", () => {
  it("writes one IDENTITY_VIEW line for each view of a revealed identity, and none for a pseudonym", async () => {
    const known = await interested(world);
    const before = (await auditRows(known.profile.id)).length;
    await page(world, world.onMission, known.entryId);
    await page(world, world.onMission, known.entryId);
    const rows = (await auditRows(known.profile.id)).slice(before);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      action: "IDENTITY_VIEW", actorId: world.onMission.id, actorName: world.onMission.name,
      organizationId: world.cabinet.id, organizationName: world.cabinet.name, missionId: world.mission.id, clientAddress: "203.0.113.7",
    });
    expect(rows[0]!.detail).toContain(world.position.title);

    const anonymous = await identified(world);
    await page(world, world.onMission, anonymous.entryId);
    expect(await auditRows(anonymous.profile.id)).toEqual([]);
  });

  it("serves the CV of a revealed identity with a CV_DOWNLOAD line, and nothing of a pseudonymous candidate's", async () => {
    const known = await interested(world);
    const res = await call(cvLoader, world.onMission.browser.get(`${entryUrl(world, known.entryId)}/cv`), entryParams(world, known.entryId));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect((await auditRows(known.profile.id)).filter((r) => r.action === "CV_DOWNLOAD")).toHaveLength(1);

    const anonymous = await identified(world);
    const denied = await call(cvLoader, world.onMission.browser.get(`${entryUrl(world, anonymous.entryId)}/cv`), entryParams(world, anonymous.entryId));
    expect(denied.status).toBe(404);
    expect(await auditRows(anonymous.profile.id)).toEqual([]);
  });
});

describe("when the candidate steps back", () => {
  it("shows an entry that hides from the cabinet as « retiré par le candidat », with its stage and nothing else", async () => {
    const t = await interested(world, { name: `Hélène Retrait ${tag()}` });
    const secret = tag();
    await posted(world, world.onMission, t.entryId, { intent: "interview", heldAt: yesterday(), form: "VISIO", competences: `note-${secret}`, comportement: "", adhesion: "" });
    expect(await addHiddenOrganization(t.session, world.cabinet.officialKey)).toMatchObject({ ok: true });
    const before = (await auditRows(t.profile.id)).length;

    const res = await openPage(world, world.onMission, t.entryId);
    const text = await res.text();
    const p = JSON.parse(text) as Page;
    expect(p.entry).toMatchObject({ sight: "withdrawn", label: "Retiré par le candidat", stage: "INTERESTED" });
    expect(p.evaluation).toBeNull();
    expect(p.timeline).toEqual([]);
    for (const hidden of [t.name, t.email, t.pseudonym, secret]) expect(text).not.toContain(hidden);
    const cv = await call(cvLoader, world.onMission.browser.get(`${entryUrl(world, t.entryId)}/cv`), entryParams(world, t.entryId));
    expect(cv.status).toBe(404);
    expect(await auditRows(t.profile.id)).toHaveLength(before);
    // They read, in their space, why the cabinet no longer sees them.
    const mine = (await candidateMissions(t)).missions.find((m) => m.id === t.entryId) as unknown as { standing: string };
    expect(mine.standing).toMatch(/ne voit plus votre profil/);
  });

  it("takes a candidate who sets their profile to caché out of the mission", async () => {
    const t = await interested(world);
    await setVisibility(t.session, "HIDDEN");
    expect((await openPage(world, world.onMission, t.entryId)).status).toBe(404);
    expect((await call(cvLoader, world.onMission.browser.get(`${entryUrl(world, t.entryId)}/cv`), entryParams(world, t.entryId))).status).toBe(404);
  });
});
