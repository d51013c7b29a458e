import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { hidesFrom } from "~/access/rules";
import { exportCandidateData, getOwnProfile } from "~/domain/candidates.server";
import { getCommune, searchOfficialOrganizations } from "~/reference/territory.server";
import { loader as organisationsLoader } from "~/routes/api.organisations";
import { loader as cvDownload } from "~/routes/candidat.cv";
import { action as personalDataAction } from "~/routes/candidat.donnees";
import { loader as exportLoader } from "~/routes/candidat.donnees.export";
import { action as applyAction } from "~/routes/offres.$id_.postuler";
import { action as profileAction, loader as profileLoader } from "~/routes/candidat.profil._index";
import { action as cvAction, loader as cvLoader } from "~/routes/candidat.profil.cv";
import { action as visibilityAction, loader as visibilityLoader } from "~/routes/candidat.profil.visibilite";
import { env } from "~/utils/env.server";
import { MAX_CV_BYTES } from "~/domain/cv.server";
import { storeCv } from "~/utils/uploads.server";
import { getSearchClient, searchErrorCode } from "../../search/client";
import { drainOutbox } from "../../search/outbox";
import { applySettings } from "../../search/settings";
import {
  Browser, body, cabinet, call, collectivite, db, fakePdfFile, pdfFile, position, profileOf, signedIn, signedInCandidate,
  validProfileFields,
} from "../helpers/candidate-requests";
import { TEST_PASSWORD } from "../helpers/http";

type ProfileReply = { ok: boolean; fieldErrors: Record<string, string>; values: Record<string, unknown> | null; hiddenEmployerAdded: string | null };

const LYON_SIREN = getCommune("69123")!.siren;
const VILLEURBANNE_SIREN = getCommune("69266")!.siren;

function uploadsRoot(): string {
  return path.resolve(process.cwd(), env().UPLOAD_DIR);
}

function storedCvFiles(): string[] {
  const dir = path.join(uploadsRoot(), "cv");
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
}

async function saveProfile(browser: Browser, fields: Record<string, string | string[]>) {
  const res = await call(profileAction, browser.post("/candidat/profil", fields));
  return { status: res.status, data: await body<ProfileReply>(res) };
}

describe("saving the profile", () => {
  it("saves a complete profile and queues it for the talent pool", async () => {
    const { browser, user } = await signedInCandidate();
    const { status, data } = await saveProfile(browser, validProfileFields());
    expect(status).toBe(200);
    expect(data.ok).toBe(true);

    const profile = await profileOf(user.id);
    expect(profile).toMatchObject({
      status: "TITULAIRE", cadreEmplois: "attaches", filiere: "administrative", categorie: "A", grade: "Attaché principal",
      homeCommuneCode: "69123", salaryExpectation: 52000, maxDistanceKm: 60, willingToRelocate: true, visibility: "HIDDEN",
    });
    expect(JSON.parse(profile!.previousPosts)).toEqual([{ title: "Responsable du budget", employer: "Ville de Vienne", from: 2012, to: 2018 }]);
    expect(await db.searchOutbox.count({ where: { indexName: "candidates", entityId: profile!.id } })).toBeGreaterThan(0);

    const page = await body<{ defaults: { salaryExpectation: string; competencies: string }; homeCommune: { label: string } }>(
      await call(profileLoader, browser.get("/candidat/profil")),
    );
    expect(page.defaults.salaryExpectation).toBe("52000");
    expect(page.defaults.competencies).toBe("Prospective financière\nDette\nM57");
    expect(page.homeCommune.label).toBe("Lyon (69)");
  });

  const invalid: Array<[string, Record<string, string | string[]>, string, RegExp]> = [
    ["an unknown commune", { homeCommuneCode: "99999" }, "homeCommuneCode", /Cette commune n’existe pas/],
    ["a commune that is not a code", { homeCommuneCode: "Lyon" }, "homeCommuneCode", /Choisissez une commune/],
    ["a negative salary", { salaryExpectation: "-45000" }, "salaryExpectation", /ne peut pas être négatif/],
    ["a salary in words", { salaryExpectation: "quarante mille" }, "salaryExpectation", /en chiffres/],
    ["negative years of experience", { yearsExperience: "-3" }, "yearsExperience", /négatif/],
    ["a grade of another cadre", { grade: "Ingénieur" }, "grade", /n’appartient pas/],
    ["an unknown cadre d'emplois", { cadreEmplois: "astronautes", grade: "" }, "cadreEmplois", /dans la liste/],
    ["an impossible availability date", { availableFrom: "2031-13-40" }, "availableFrom", /date valide/],
    ["an employer that is not in the official list", { currentEmployerKey: "000000000", currentEmployerName: "Mairie inventée" }, "currentEmployerName", /liste officielle/],
  ];

  for (const [what, change, field, message] of invalid) {
    it(`refuses ${what} with a French message next to the field, keeps what was typed and writes nothing`, async () => {
      const { browser, user } = await signedInCandidate();
      const { status, data } = await saveProfile(browser, { ...validProfileFields(), ...change });
      expect(status).toBe(400);
      expect(data.ok).toBe(false);
      expect(data.fieldErrors[field]).toMatch(message);
      // What the candidate typed comes back into the form.
      const typedField = Object.keys(change)[0];
      expect(data.values?.[typedField]).toBe(change[typedField]);
      expect(data.values?.currentFunction).toBe("Directrice des finances");
      expect(await profileOf(user.id)).toBeNull();
    });
  }

  it("leaves a saved profile untouched when a later save is refused", async () => {
    const { browser, user } = await signedInCandidate();
    await saveProfile(browser, validProfileFields());
    const before = await profileOf(user.id);
    const { status } = await saveProfile(browser, { ...validProfileFields(), currentFunction: "Autre chose", salaryExpectation: "-1" });
    expect(status).toBe(400);
    const after = await profileOf(user.id);
    expect(after?.currentFunction).toBe("Directrice des finances");
    expect(after?.updatedAt).toEqual(before?.updatedAt);
  });

  it("hides the candidate from the current employer as soon as it is chosen, and respects a later removal", async () => {
    const { browser, user } = await signedInCandidate();
    const first = await saveProfile(browser, { ...validProfileFields(), currentEmployerKey: LYON_SIREN, currentEmployerName: "lyon" });
    expect(first.data.hiddenEmployerAdded).toBe("Lyon");
    let profile = await profileOf(user.id);
    expect(profile?.currentEmployerName).toBe("Lyon");
    expect(profile?.hiddenFrom.map((h) => h.officialKey)).toEqual([LYON_SIREN]);

    // The candidate removes it; saving the profile again does not put it back.
    await call(visibilityAction, browser.post("/candidat/profil/visibilite", { intent: "unhide", officialKey: LYON_SIREN }));
    await saveProfile(browser, { ...validProfileFields(), currentEmployerKey: LYON_SIREN, currentEmployerName: "Lyon" });
    profile = await profileOf(user.id);
    expect(profile?.hiddenFrom).toEqual([]);
    const page = await body<{ employerNotHidden: { officialKey: string } | null }>(await call(visibilityLoader, browser.get("/candidat/profil/visibilite")));
    expect(page.employerNotHidden?.officialKey).toBe(LYON_SIREN);
  });

  it("keeps a private employer as free text", async () => {
    const { browser, user } = await signedInCandidate();
    await saveProfile(browser, { ...validProfileFields(), status: "PRIVE", currentEmployerName: "Conseil & Associés SARL" });
    const profile = await profileOf(user.id);
    expect(profile).toMatchObject({ currentEmployerName: "Conseil & Associés SARL", currentEmployerKey: null });
    expect(profile?.hiddenFrom).toEqual([]);
  });

  it("refuses a post without the CSRF field", async () => {
    const { browser, user } = await signedInCandidate();
    const res = await call(profileAction, browser.post("/candidat/profil", validProfileFields(), { withCsrf: false }));
    expect(res.status).toBe(403);
    expect(await profileOf(user.id)).toBeNull();
  });
});

describe("the CV", () => {
  it("stores a PDF outside public/ under a random name and serves it to its owner only", async () => {
    const { browser, user } = await signedInCandidate();
    const res = await call(cvAction, browser.post("/candidat/profil/cv", { intent: "upload", cv: pdfFile("Mon CV <script>.pdf", 4096) }));
    expect(res.status).toBe(200);
    const profile = await profileOf(user.id);
    expect(profile?.cvFile).toMatch(/^[a-f0-9]{32}\.pdf$/);
    expect(profile?.cvSize).toBe(4096);
    const file = path.join(uploadsRoot(), "cv", profile!.cvFile!);
    expect(fs.existsSync(file)).toBe(true);
    expect(file.startsWith(path.resolve("public"))).toBe(false);

    const download = await call(cvDownload, browser.get("/candidat/cv"));
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("Cache-Control")).toContain("no-store");
    expect(Buffer.from(await download.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Another candidate asking the same URL gets nothing of it.
    const other = await signedInCandidate();
    expect((await call(cvDownload, other.browser.get("/candidat/cv"))).status).toBe(404);
  });

  it("refuses a file renamed .pdf that is not a PDF, and writes nothing", async () => {
    const { browser, user } = await signedInCandidate();
    const before = storedCvFiles().length;
    const res = await call(cvAction, browser.post("/candidat/profil/cv", { intent: "upload", cv: fakePdfFile("cv.pdf") }));
    expect(res.status).toBe(400);
    expect((await body<{ fieldErrors: Record<string, string> }>(res)).fieldErrors.cv).toBe(
      "Ce fichier n’est pas un PDF. Enregistrez votre CV au format PDF puis recommencez.",
    );
    expect(storedCvFiles().length).toBe(before);
    expect(await profileOf(user.id)).toBeNull();
  });

  it("refuses a 6 MB PDF, and writes nothing", async () => {
    const { browser, user } = await signedInCandidate();
    const before = storedCvFiles().length;
    const res = await call(cvAction, browser.post("/candidat/profil/cv", { intent: "upload", cv: pdfFile("gros.pdf", 6 * 1024 * 1024) }));
    expect(res.status).toBe(400);
    expect((await body<{ fieldErrors: Record<string, string> }>(res)).fieldErrors.cv).toMatch(/dépasse 5 Mo/);
    expect(storedCvFiles().length).toBe(before);
    expect(await profileOf(user.id)).toBeNull();
  });

  it("refuses a request announcing more than a CV can weigh before reading it", async () => {
    const { browser } = await signedInCandidate();
    const request = new Request("http://localhost:3000/candidat/profil/cv", {
      method: "POST",
      headers: { Cookie: browser.cookieHeader(), "Content-Length": String(MAX_CV_BYTES * 3), "Content-Type": "multipart/form-data; boundary=x" },
      body: "--x--",
    });
    const res = await call(cvAction, request);
    expect(res.status).toBe(413);
    expect((await body<{ fieldErrors: Record<string, string> }>(res)).fieldErrors.cv).toMatch(/5 Mo/);
  });

  it("accepts a PDF of exactly 5 MB and replaces the previous file", async () => {
    const { browser, user } = await signedInCandidate();
    await call(cvAction, browser.post("/candidat/profil/cv", { intent: "upload", cv: pdfFile("a.pdf") }));
    const first = (await profileOf(user.id))!.cvFile!;
    const res = await call(cvAction, browser.post("/candidat/profil/cv", { intent: "upload", cv: pdfFile("b.pdf", MAX_CV_BYTES) }));
    expect(res.status).toBe(200);
    const second = (await profileOf(user.id))!.cvFile!;
    expect(second).not.toBe(first);
    expect(storedCvFiles()).not.toContain(first);
    expect(storedCvFiles()).toContain(second);
    const page = await body<{ cv: { size: number } }>(await call(cvLoader, browser.get("/candidat/profil/cv")));
    expect(page.cv.size).toBe(MAX_CV_BYTES);
  });

  it("deletes the CV file when the candidate removes it", async () => {
    const { browser, user } = await signedInCandidate();
    await call(cvAction, browser.post("/candidat/profil/cv", { intent: "upload", cv: pdfFile() }));
    const file = (await profileOf(user.id))!.cvFile!;
    await call(cvAction, browser.post("/candidat/profil/cv", { intent: "delete" }));
    expect((await profileOf(user.id))?.cvFile).toBeNull();
    expect(storedCvFiles()).not.toContain(file);
  });
});

describe("visibility and hidden organisations", () => {
  it("dates the consent when the candidate joins the talent pool and withdraws it when they hide", async () => {
    const { browser, user } = await signedInCandidate();
    await call(visibilityAction, browser.post("/candidat/profil/visibilite", { intent: "visibility", visibility: "ANONYMOUS" }));
    let profile = await profileOf(user.id);
    expect(profile?.visibility).toBe("ANONYMOUS");
    expect(profile?.consentAt).toBeInstanceOf(Date);

    await call(visibilityAction, browser.post("/candidat/profil/visibilite", { intent: "visibility", visibility: "HIDDEN" }));
    profile = await profileOf(user.id);
    expect(profile?.visibility).toBe("HIDDEN");
    expect(profile?.consentAt).toBeNull();
  });

  it("refuses a visibility that does not exist", async () => {
    const { browser, user } = await signedInCandidate();
    const res = await call(visibilityAction, browser.post("/candidat/profil/visibilite", { intent: "visibility", visibility: "PUBLIC" }));
    expect(res.status).toBe(400);
    expect((await body<{ fieldErrors: Record<string, string> }>(res)).fieldErrors.visibility).toMatch(/Choisissez/);
    expect(await profileOf(user.id)).toBeNull();
  });

  it("adds an organisation picked in the list, or typed by name when only one matches", async () => {
    const { browser, user } = await signedInCandidate();
    await call(visibilityAction, browser.post("/candidat/profil/visibilite", { intent: "hide", officialKey: VILLEURBANNE_SIREN, query: "Villeurbanne" }));
    const typed = await call(visibilityAction, browser.post("/candidat/profil/visibilite", { intent: "hide", officialKey: "", query: "Métropole de Lyon" }));
    expect(typed.status).toBe(200);
    const metropole = searchOfficialOrganizations("Métropole de Lyon")[0];
    const hidden = (await profileOf(user.id))!.hiddenFrom.map((h) => [h.officialKey, h.name]);
    expect(hidden.sort()).toEqual([[metropole.officialKey, "Métropole de Lyon"], [VILLEURBANNE_SIREN, "Villeurbanne"]].sort());
  });

  it("offers a choice when several organisations match a typed name", async () => {
    const { browser } = await signedInCandidate();
    const res = await call(visibilityAction, browser.post("/candidat/profil/visibilite", { intent: "hide", query: "Saint" }));
    const data = await body<{ matches: Array<{ officialKey: string }> }>(res);
    expect(data.matches.length).toBeGreaterThan(1);
  });

  it("refuses an official key that is not in the list", async () => {
    const { browser, user } = await signedInCandidate();
    const res = await call(visibilityAction, browser.post("/candidat/profil/visibilite", { intent: "hide", officialKey: "123" }));
    expect(res.status).toBe(400);
    expect(await profileOf(user.id)).toBeNull();
  });

  it("never lets a user of the hidden employer see the candidate", async () => {
    const lyon = await collectivite("69123");
    const { browser, user } = await signedInCandidate();
    await saveProfile(browser, { ...validProfileFields(), currentEmployerKey: LYON_SIREN, currentEmployerName: "Lyon" });
    const profile = (await profileOf(user.id))!;
    const employer = await signedIn("EMPLOYER", { organizationId: lyon.id });
    const villeurbanne = await collectivite("69266");

    expect(hidesFrom(profile, [employer.user.organization!.officialKey])).toBe(true);
    expect(hidesFrom(profile, [villeurbanne.officialKey])).toBe(false);
    // Nor through the candidate's own pages, which are for the candidate alone.
    expect((await call(profileLoader, employer.browser.get("/candidat/profil"))).status).toBe(403);
    expect((await call(cvDownload, employer.browser.get("/candidat/cv"))).status).toBe(403);
    expect((await call(exportLoader, employer.browser.get("/candidat/donnees/export"))).status).toBe(403);
  });
});

describe("the organisation picker", () => {
  it("suggests organisations of the official list to signed-in users only", async () => {
    const anonymous = await Browser.create();
    expect((await call(organisationsLoader, anonymous.get("/api/organisations?q=lyon"))).status).toBe(401);
    const { browser } = await signedInCandidate();
    const data = await body<{ organizations: Array<{ officialKey: string; name: string; type: string }> }>(
      await call(organisationsLoader, browser.get("/api/organisations?q=lyon")),
    );
    expect(data.organizations[0]).toEqual({ officialKey: LYON_SIREN, name: "Lyon", type: "COMMUNE" });
  });

  it("suggests the cabinets registered in Vivier too", async () => {
    const c = await cabinet("Cabinet Hermès Talents");
    const { browser } = await signedInCandidate();
    const data = await body<{ organizations: Array<{ officialKey: string; type: string }> }>(
      await call(organisationsLoader, browser.get(`/api/organisations?q=${encodeURIComponent("Hermès Talents")}`)),
    );
    expect(data.organizations).toContainEqual(expect.objectContaining({ officialKey: c.officialKey, type: "CABINET" }));
  });
});

describe("personal data", () => {
  it("exports the profile, the applications without recruiters' notes, the messages and the contact requests", async () => {
    const { browser, user, email } = await signedInCandidate();
    await saveProfile(browser, validProfileFields());
    const profile = (await profileOf(user.id))!;
    const lyon = await collectivite("69123");
    const offer = await position(lyon.id, { title: "Directeur des finances (export)" });
    await db.application.create({
      data: { profileId: profile.id, positionId: offer.id, letter: "Ma lettre", internalNote: "NOTE-INTERNE-SECRETE", score: 17 },
    });
    const firm = await cabinet();
    const mission = await db.mission.create({ data: { positionId: offer.id, cabinetId: firm.id } });
    await db.contactRequest.create({ data: { profileId: profile.id, cabinetId: firm.id, missionId: mission.id, message: "Une opportunité" } });
    await db.message.create({ data: { missionId: mission.id, profileId: profile.id, authorId: user.id, body: "Quel est le climat social ?" } });

    const res = await call(exportLoader, browser.get("/candidat/donnees/export"));
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toMatch(/attachment; filename="vivier-mes-donnees-\d{4}-\d{2}-\d{2}\.json"/);
    const text = await res.text();
    const data = JSON.parse(text);
    expect(data.account.email).toBe(email);
    expect(data.profile).toMatchObject({ status: "TITULAIRE", grade: "Attaché principal", currentFunction: "Directrice des finances" });
    expect(data.profile.wishes.salaryExpectation).toBe(52000);
    expect(data.applications).toEqual([expect.objectContaining({ position: "Directeur des finances (export)", letter: "Ma lettre", state: "SENT" })]);
    expect(data.contactRequests[0]).toMatchObject({ cabinet: firm.name, message: "Une opportunité" });
    expect(data.messages[0]).toMatchObject({ body: "Quel est le climat social ?", from: "vous" });
    expect(text).not.toContain("NOTE-INTERNE-SECRETE");
    expect(text).not.toMatch(/internalNote|score/);
  });

  it("exports the mails Vivier stored for the candidate and the CV sent with each application", async () => {
    const { browser, user, email } = await signedInCandidate();
    await saveProfile(browser, validProfileFields());
    const profile = (await profileOf(user.id))!;
    const offer = await position((await collectivite("69123")).id, { title: "Directrice générale adjointe (export)" });
    const sentCv = Buffer.from("%PDF-1.4 CV envoyé avec la candidature");
    const cvFile = await storeCv(sentCv);
    await db.application.create({ data: { profileId: profile.id, positionId: offer.id, letter: "Lettre", cvFile } });
    await db.outgoingMail.create({ data: { to: email, subject: "Du nouveau sur votre candidature", text: "Connectez-vous pour lire la suite." } });
    await db.outgoingMail.create({ data: { to: `autre-${email}`, subject: "Courrier d'une autre personne", text: "Pas pour vous." } });

    const text = await (await call(exportLoader, browser.get("/candidat/donnees/export"))).text();
    const data = JSON.parse(text);
    expect(data.mails).toEqual([expect.objectContaining({ subject: "Du nouveau sur votre candidature", text: "Connectez-vous pour lire la suite.", createdAt: expect.any(String) })]);
    expect(text).not.toContain("Courrier d'une autre personne");
    expect(data.applications[0].cv).toMatchObject({ contentType: "application/pdf", contentBase64: sentCv.toString("base64") });
  });

  it("keeps the account when the password is wrong or the confirmation missing", async () => {
    const { browser, user } = await signedInCandidate();
    const wrong = await call(personalDataAction, browser.post("/candidat/donnees", { confirm: "on", password: "pas-le-bon" }));
    expect(wrong.status).toBe(400);
    const unconfirmed = await call(personalDataAction, browser.post("/candidat/donnees", { password: TEST_PASSWORD }));
    expect((await body<{ fieldErrors: Record<string, string> }>(unconfirmed)).fieldErrors.confirm).toMatch(/Cochez/);
    expect(await db.user.findUnique({ where: { id: user.id } })).not.toBeNull();
  });

  it("erases the account, the profile, the CV files (the profile's and the one sent with an application) and the applications, and drops the candidate from search", async () => {
    const client = getSearchClient();
    await applySettings(client);
    const { browser, user, email } = await signedInCandidate();
    await saveProfile(browser, validProfileFields());
    await call(visibilityAction, browser.post("/candidat/profil/visibilite", { intent: "visibility", visibility: "VISIBLE" }));
    await call(cvAction, browser.post("/candidat/profil/cv", { intent: "upload", cv: pdfFile() }));
    const lyon = await collectivite("69123");
    const offer = await position(lyon.id);
    const applied = await call(
      applyAction,
      browser.post(`/offres/${offer.id}/postuler`, { letter: "Madame, Monsieur, voici ma lettre personnelle pour ce poste de direction." }),
      { id: offer.id },
    );
    expect(applied.status).toBe(302);
    const profile = (await profileOf(user.id))!;
    const sentCv = (await db.application.findFirstOrThrow({ where: { profileId: profile.id } })).cvFile;
    expect(sentCv).not.toBe(profile.cvFile);
    expect(storedCvFiles()).toEqual(expect.arrayContaining([sentCv, profile.cvFile]));
    const firm = await cabinet();
    const mission = await db.mission.create({ data: { positionId: offer.id, cabinetId: firm.id } });
    await db.message.create({ data: { missionId: mission.id, profileId: profile.id, authorId: user.id, body: "Question" } });
    await db.contactRequest.create({ data: { profileId: profile.id, cabinetId: firm.id } });
    expect((await drainOutbox({ db, client })).failed).toBe(0);
    expect(await client.index("candidates").getDocument(profile.id)).toMatchObject({ id: profile.id, email });

    const res = await call(personalDataAction, browser.post("/candidat/donnees", { confirm: "on", password: TEST_PASSWORD }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Set-Cookie")).toMatch(/vivier_session=;/);

    expect(await db.user.findUnique({ where: { id: user.id } })).toBeNull();
    expect(await db.candidateProfile.findUnique({ where: { id: profile.id } })).toBeNull();
    expect(await db.application.count({ where: { profileId: profile.id } })).toBe(0);
    expect(await db.message.count({ where: { profileId: profile.id } })).toBe(0);
    expect(await db.contactRequest.count({ where: { profileId: profile.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(storedCvFiles()).not.toContain(profile.cvFile);
    expect(storedCvFiles()).not.toContain(sentCv);
    expect(await db.searchOutbox.count({ where: { indexName: "candidates", entityId: profile.id } })).toBeGreaterThan(0);

    expect((await drainOutbox({ db, client })).failed).toBe(0);
    const gone = await client.index("candidates").getDocument(profile.id).then(() => "found", (e: unknown) => searchErrorCode(e));
    expect(gone).toBe("document_not_found");
  });
});

beforeAll(async () => {
  // The official list is loaded once; the first call takes a moment.
  getCommune("69123");
});

describe("someone who is not a candidate", () => {
  it("gets the 403 page, not a server error, from the functions of a candidate's own profile", async () => {
    const { id: organizationId } = await collectivite();
    const { user: employer } = await signedIn("EMPLOYER", { organizationId });
    for (const attempt of [getOwnProfile(employer), exportCandidateData(employer)]) {
      const refused: unknown = await attempt.then(() => null, (thrown: unknown) => thrown);
      expect(refused).toBeInstanceOf(Response);
      expect((refused as Response).status).toBe(403);
    }
  });
});
