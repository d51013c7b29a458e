import { describe, expect, it } from "vitest";
import { action as exportAction } from "~/routes/cabinet.missions.$id_.export";
import { db } from "~/utils/db.server";
import { call } from "../helpers/http";
import { entry, missionWorld, type MissionWorld } from "./mission-fixtures";
import { candidate, SAINT_LOUIS } from "./talent-fixtures";

/** The shortlist as CSV: what the list shows, cell by cell, and one journal line per identity that leaves. */

async function exported(w: MissionWorld, fields: Record<string, string | string[]> = {}, as: keyof MissionWorld["browsers"] = "consultant") {
  const res = await call(exportAction, w.browsers[as].post(`/cabinet/missions/${w.mission.id}/export`, fields), { id: w.mission.id });
  const bytes = res.status === 200 ? Buffer.from(await res.arrayBuffer()) : Buffer.alloc(0);
  const text = bytes.toString("utf8");
  return { res, text, bom: bytes.subarray(0, 3).toString("hex") === "efbbbf", lines: text.replace(/^\uFEFF/, "").split("\r\n").filter(Boolean) };
}

async function everySight(w: MissionWorld) {
  const known = await candidate({ visibility: "VISIBLE", name: "Bérénice Connue", currentFunction: "Secrétaire générale", grade: "Attaché principal", homeCommuneCode: SAINT_LOUIS });
  const anon = await candidate({ name: "Anatole Anonyme", currentFunction: "Directeur des finances", homeCommuneCode: SAINT_LOUIS });
  // The step the pass over the pool gives a class of five at the finest step (the gate's rule 14).
  await db.candidateProfile.update({ where: { id: anon.profile.id }, data: { anonymousStep: 0 } });
  const gone = await candidate({ visibility: "VISIBLE", name: "Gaston Parti", currentFunction: "DGA", hiddenFrom: [w.client.officialKey] });
  const entries = {
    known: await entry(w.mission.id, known.profile.id, "EVALUATED", "SEARCH", { stageChangedAt: new Date(Date.now() - 3 * 86_400_000) }),
    anon: await entry(w.mission.id, anon.profile.id, "APPROACHED", "CONTACT"),
    gone: await entry(w.mission.id, gone.profile.id, "INTERESTED", "SEARCH"),
    external: await entry(w.mission.id, null, "APPROACHED", "MANUAL", { externalName: "Éric Rencontré", externalEmail: "eric@perso.test" }),
  };
  await db.scorecard.create({ data: { entryId: entries.known.id, consultantId: w.users.consultant.id, total: 72 } });
  return { known, anon, gone, entries };
}

describe("exporting the shortlist", () => {
  it("writes what the list shows for each kind of candidate, in the list's order, and never more", async () => {
    const w = await missionWorld();
    const { anon, gone } = await everySight(w);
    const { res, text, bom, lines } = await exported(w, { sort: "label", dir: "asc" });
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("Content-Disposition")).toMatch(/^attachment; filename="liste-restreinte-poste-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    // UTF-8 with its byte-order mark and « ; »: what a French spreadsheet opens as columns.
    expect(bom).toBe(true);
    expect(lines).toEqual([
      "Candidat;Fonction et grade;Distance du poste;Source;Étape;Jours dans l’étape;Note moyenne /100",
      "Bérénice Connue;Secrétaire générale — Attaché principal;23 km;Recherche dans le vivier;Évalué;3;72",
      "Éric Rencontré;;;Approche directe (hors plateforme);Approché;0;",
      "Retiré par le candidat;;;;Intéressé;;",
      // A pseudonymous candidate: the family of functions of the anonymous card, never the title.
      `${anon.profile.pseudonym};Finances et contrôle de gestion (famille de fonctions);20 à 50 km;Proposition acceptée;Approché;0;`,
    ]);
    for (const secret of [anon.user.name, anon.user.email, "Directeur des finances", gone.user.name, gone.profile.pseudonym, "DGA", SAINT_LOUIS]) expect(text).not.toContain(secret);
  });

  it("journals one line per revealed identity exported, in the cabinet's name, from the client's address", async () => {
    const w = await missionWorld();
    const { known } = await everySight(w);
    await exported(w);
    const lines = await db.auditEvent.findMany({ where: { missionId: w.mission.id } });
    const consultant = await db.user.findUniqueOrThrow({ where: { id: w.users.consultant.id } });
    expect(lines).toEqual([
      expect.objectContaining({
        action: "EXPORT", profileId: known.profile.id, actorId: consultant.id, actorName: consultant.name,
        organizationId: w.cabinet.id, organizationName: w.cabinet.name, detail: w.position.title, clientAddress: "203.0.113.7",
      }),
    ]);
  });

  it("exports the checked candidates only, with the columns chosen", async () => {
    const w = await missionWorld();
    const { known, anon, entries } = await everySight(w);
    const { lines } = await exported(w, { ids: [entries.anon.id, entries.known.id], cols: ["label", "contact"], sort: "label" });
    expect(lines).toEqual(["Candidat;E-mail", `Bérénice Connue;${known.user.email}`, `${anon.profile.pseudonym};`]);
    const { lines: filtered } = await exported(w, { etape: "APPROACHED", cols: ["label"] });
    expect(filtered.slice(1).sort()).toEqual([anon.profile.pseudonym, "Éric Rencontré"].sort());
    expect(await db.auditEvent.count({ where: { missionId: w.mission.id, action: "EXPORT" } })).toBe(1);
  });

  it("keeps a spreadsheet from reading a typed name as a formula", async () => {
    const w = await missionWorld();
    await entry(w.mission.id, null, "IDENTIFIED", "MANUAL", { externalName: '=HYPERLINK("http://evil.test";"x")' });
    const { lines } = await exported(w, { cols: ["label"] });
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://evil.test"";""x"")"`);
  });

  it("exports nothing and journals nothing for a consultant off the mission or another cabinet", async () => {
    const w = await missionWorld();
    await everySight(w);
    for (const who of ["colleague", "rival"] as const) expect((await exported(w, {}, who)).res.status).toBe(404);
    expect(await db.auditEvent.count({ where: { missionId: w.mission.id } })).toBe(0);
  });
});
