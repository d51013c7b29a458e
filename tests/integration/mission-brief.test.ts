import { describe, expect, it } from "vitest";
import { action as briefAction, loader as briefLoader } from "~/routes/cabinet.missions.$id_.cadrage";
import { loader as missionLoader } from "~/routes/cabinet.missions.$id";
import { action as positionAction, loader as positionLoader } from "~/routes/employeur.postes.$id";
import type { BriefVersion } from "~/domain/mission-brief.server";
import type { MissionPage } from "~/domain/missions-page.server";
import { db } from "~/utils/db.server";
import { entry, load, missionWorld, post, type MissionWorld } from "./mission-fixtures";
import { candidate } from "./talent-fixtures";

/** The brief (cadrage): versions and their history, sharing with the collectivité, its agreement. */

const fields = {
  intent: "save",
  context: "Départ en retraite du DGS après vingt ans.",
  transformation: "Structurer une direction resserrée.",
  offer: "Logement possible.",
  targetFunctions: "Directeur général des services\nSecrétaire général de mairie",
  targetCollectiviteTypes: ["COMMUNE", "EPCI"],
  targetSizes: ["2 000 à 10 000 habitants"],
  targetRegions: ["76"],
  priorityCompetencies: "Finances locales",
  careerPaths: "",
  atypicalTerms: "",
};

type BriefPageData = { current: { context: string; targetRegions: string[] }; versions: BriefVersion[]; mission: { sharedAt: string | null; agreedAt: string | null; agreedByName: string | null }; searchUrl: string | null };

const save = (w: MissionWorld, values: Record<string, string | string[]>, as: keyof MissionWorld["browsers"] = "consultant") =>
  post<{ error: string | null; fieldErrors: Record<string, string> }>(briefAction, w.browsers[as], `/cabinet/missions/${w.mission.id}/cadrage`, { id: w.mission.id }, values);
const briefOf = (w: MissionWorld, as: keyof MissionWorld["browsers"] = "consultant") => load<BriefPageData>(briefLoader, w.browsers[as], `/cabinet/missions/${w.mission.id}/cadrage`, { id: w.mission.id });
const positionPage = (w: MissionWorld, as: "employer" | "otherEmployer" = "employer") => load<{ briefs: Array<{ missionId: string; agreedAt: string | null; agreedByName: string | null; content: { context: string; targetRegions: string[] } }> }>(positionLoader, w.browsers[as], `/employeur/postes/${w.position.id}`, { id: w.position.id });

describe("the mission brief", () => {
  it("keeps every save as a new version and says who changed what, and when", async () => {
    const w = await missionWorld();
    expect((await save(w, fields)).location).toBe(`/cabinet/missions/${w.mission.id}/cadrage?ok=cadrage`);
    // Saving the same brief again makes no version.
    expect((await save(w, fields)).location).toBe(`/cabinet/missions/${w.mission.id}/cadrage?ok=cadrage-inchange`);
    await db.missionConsultant.create({ data: { missionId: w.mission.id, userId: w.users.colleague.id } });
    await save(w, { ...fields, targetRegions: ["76", "75"], context: "Départ en retraite du DGS ; projet de maison de santé." }, "colleague");

    const { data } = await briefOf(w);
    expect(data.versions.map((v) => [v.version, v.author])).toEqual([[2, await name(w.users.colleague.id)], [1, await name(w.users.consultant.id)]]);
    expect(data.versions[0].changes).toEqual([
      expect.objectContaining({ field: "context", kind: "text" }),
      { field: "targetRegions", label: "Régions visées", kind: "list", added: ["Nouvelle-Aquitaine"], removed: [] },
    ]);
    expect(data.versions[1].changes.map((c) => c.field)).toEqual(["context", "transformation", "offer", "targetFunctions", "targetCollectiviteTypes", "targetSizes", "targetRegions", "priorityCompetencies"]);
    expect(data.current.targetRegions).toEqual(["76", "75"]);
    // « Lancer la recherche »: the talent search of the mission, its words and régions from the brief.
    expect(data.searchUrl).toBe(`/cabinet/vivier?mission=${w.mission.id}&q=Directeur+g%C3%A9n%C3%A9ral+des+services+Secr%C3%A9taire+g%C3%A9n%C3%A9ral+de+mairie&region=76&region=75`);
    const missionData = (await load<{ page: MissionPage }>(missionLoader, w.browsers.consultant, `/cabinet/missions/${w.mission.id}`, { id: w.mission.id })).data.page;
    expect(missionData.brief).toMatchObject({ version: 2, targetRegions: ["Occitanie", "Nouvelle-Aquitaine"], searchUrl: data.searchUrl });
  });

  it("refuses an unknown région and an atypical profile welcome on no terms, saving nothing", async () => {
    const w = await missionWorld();
    const bad = await save(w, { ...fields, atypicalWelcome: "on", atypicalTerms: "" });
    expect(bad.status).toBe(400);
    expect(bad.body?.fieldErrors.atypicalTerms).toMatch(/^Précisez à quelles conditions/);
    expect((await save(w, { ...fields, targetRegions: ["999"] })).body?.error).toBe("Choisissez les régions dans la liste.");
    expect(await db.missionBrief.count({ where: { missionId: w.mission.id } })).toBe(0);
  });

  it("is shared with the collectivité's employers, who read it and agree; a new version asks for their agreement again", async () => {
    const w = await missionWorld();
    expect((await save(w, { intent: "share" })).body?.error).toBe("Écrivez et enregistrez le cadrage avant de le partager avec la collectivité.");
    await save(w, fields);
    expect((await positionPage(w)).data.briefs).toEqual([]);

    expect((await save(w, { intent: "share" })).location).toBe(`/cabinet/missions/${w.mission.id}/cadrage?ok=partage`);
    const shared = (await positionPage(w)).data.briefs;
    expect(shared).toEqual([expect.objectContaining({ missionId: w.mission.id, agreedAt: null, content: expect.objectContaining({ context: fields.context, targetRegions: ["Occitanie"] }) })]);

    const agreed = await post(positionAction, w.browsers.employer, `/employeur/postes/${w.position.id}`, { id: w.position.id }, { intent: "agree-brief", missionId: w.mission.id });
    expect(agreed.location).toBe(`/employeur/postes/${w.position.id}?ok=cadrage-valide`);
    const employerName = await name(w.users.employer.id);
    expect((await briefOf(w)).data.mission).toMatchObject({ agreedByName: employerName, agreedAt: expect.any(String) });
    expect((await positionPage(w)).data.briefs[0]).toMatchObject({ agreedByName: employerName });

    await save(w, { ...fields, offer: "Logement de fonction et aide au déménagement." });
    expect((await briefOf(w)).data.mission).toMatchObject({ sharedAt: expect.any(String), agreedAt: null, agreedByName: null });
  });

  it("shows the employer the brief and nothing of the shortlist", async () => {
    const w = await missionWorld();
    const visible = await candidate({ visibility: "VISIBLE" });
    const anon = await candidate();
    await entry(w.mission.id, visible.profile.id, "EVALUATED");
    await entry(w.mission.id, anon.profile.id, "INTERESTED");
    await entry(w.mission.id, null, "APPROACHED", "MANUAL", { externalName: "Personne Rencontrée Ailleurs", externalEmail: "rencontree@ailleurs.test" });
    await save(w, fields);
    await save(w, { intent: "share" });
    const { text } = await positionPage(w);
    expect(text).toContain(fields.context);
    for (const secret of [visible.user.name, visible.user.email, visible.profile.pseudonym, anon.profile.pseudonym, anon.user.name, "Personne Rencontrée Ailleurs", "rencontree@ailleurs.test", "EVALUATED", "INTERESTED"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("lets no other collectivité read or agree to it", async () => {
    const w = await missionWorld();
    await save(w, fields);
    await save(w, { intent: "share" });
    expect((await positionPage(w, "otherEmployer")).status).toBe(404);
    const r = await post(positionAction, w.browsers.otherEmployer, `/employeur/postes/${w.position.id}`, { id: w.position.id }, { intent: "agree-brief", missionId: w.mission.id });
    expect(r.status).toBe(404);
    expect((await db.mission.findUniqueOrThrow({ where: { id: w.mission.id } })).briefAgreedAt).toBeNull();
  });
});

async function name(userId: string): Promise<string> {
  return (await db.user.findUniqueOrThrow({ where: { id: userId } })).name;
}
