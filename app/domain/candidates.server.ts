import { randomInt } from "node:crypto";
import { jsonArray } from "~/utils/json";
import { Prisma } from "~/generated/prisma/client";
import { assertCandidate } from "~/access/guards.server";
import { db } from "~/utils/db.server";
import { verifyPassword } from "~/utils/password.server";
import type { SessionUser } from "~/utils/session.server";
import { deleteCv, readCv, storeCv } from "~/utils/uploads.server";
import { enqueue } from "../../search/outbox";
import { quasiFacts } from "../../search/quasi-facts";
import { anonymousCard, cardKey } from "~/access/anonymous-card";
import type { ProfileInput, StoredProfile, Visibility } from "~/schemas/profile";
import { getCommune, getOfficialOrganization, searchOfficialOrganizations, normalizeName } from "~/reference/territory.server";
import { listOwnMissions, listOwnReferees } from "./candidate-missions.server";
import { identityViewsForExport } from "./journal.server";

/**
 * A candidate's own profile: read, save, visibility, "ne pas me montrer à", CV, export and
 * deletion. Every function takes the acting user and only ever touches that user's profile.
 * Every write that changes what the talent pool may show goes through one transaction with its
 * search outbox row, so the index follows (or drops the candidate) without anything lost.
 */

export type Tx = Prisma.TransactionClient;

// ---------------------------------------------------------------------------------------------
// Reading

function strings(text: string): string[] {
  return jsonArray(text).filter((v): v is string => typeof v === "string");
}

function intOrNull(v: unknown): number | null {
  return typeof v === "number" && Number.isInteger(v) ? v : null;
}

function posts(text: string): StoredProfile["previousPosts"] {
  return jsonArray(text)
    .filter((r): r is Record<string, unknown> => !!r && typeof r === "object")
    .map((r) => ({ title: String(r.title ?? ""), employer: String(r.employer ?? ""), from: intOrNull(r.from), to: intOrNull(r.to) }));
}

function diplomas(text: string): StoredProfile["diplomas"] {
  return jsonArray(text)
    .filter((r): r is Record<string, unknown> => !!r && typeof r === "object")
    .map((r) => ({ title: String(r.title ?? ""), year: intOrNull(r.year) }));
}

/** Everything of the profile the candidate sees about themselves (their own data, all of it). */
const ownProfileSelect = {
  id: true, pseudonym: true, visibility: true,
  status: true, filiere: true, categorie: true, cadreEmplois: true, grade: true, laureateCadre: true, laureateYear: true,
  currentEmployerKey: true, currentEmployerName: true, currentFunction: true, yearsExperience: true,
  previousPosts: true, diplomas: true, competencies: true, languages: true, summary: true,
  wishedFunctions: true, wishedFilieres: true, wishedCategories: true,
  homeCommuneCode: true, maxDistanceKm: true, willingToRelocate: true, needsHousing: true,
  salaryExpectation: true, remoteDaysWished: true, availableFrom: true,
  cvFile: true, cvSize: true, cvUploadedAt: true,
  consentAt: true, lastActivityAt: true, createdAt: true, updatedAt: true,
  hiddenFrom: { select: { officialKey: true, name: true }, orderBy: { name: "asc" } },
} satisfies Prisma.CandidateProfileSelect;

type OwnProfileRow = Prisma.CandidateProfileGetPayload<{ select: typeof ownProfileSelect }>;

function toView(p: OwnProfileRow) {
  const commune = p.homeCommuneCode ? getCommune(p.homeCommuneCode) : undefined;
  const stored: StoredProfile = {
    status: p.status,
    cadreEmplois: p.cadreEmplois,
    grade: p.grade,
    laureateCadre: p.laureateCadre,
    laureateYear: p.laureateYear,
    currentEmployerKey: p.currentEmployerKey,
    currentEmployerName: p.currentEmployerName,
    currentFunction: p.currentFunction,
    yearsExperience: p.yearsExperience,
    previousPosts: posts(p.previousPosts),
    diplomas: diplomas(p.diplomas),
    competencies: strings(p.competencies),
    languages: strings(p.languages),
    summary: p.summary,
    wishedFunctions: strings(p.wishedFunctions),
    wishedFilieres: strings(p.wishedFilieres),
    wishedCategories: strings(p.wishedCategories),
    homeCommuneCode: p.homeCommuneCode,
    maxDistanceKm: p.maxDistanceKm,
    willingToRelocate: p.willingToRelocate,
    needsHousing: p.needsHousing,
    salaryExpectation: p.salaryExpectation,
    remoteDaysWished: p.remoteDaysWished,
    availableFrom: p.availableFrom?.toISOString() ?? null,
  };
  return {
    ...stored,
    id: p.id,
    pseudonym: p.pseudonym,
    visibility: p.visibility as Visibility,
    filiere: p.filiere,
    categorie: p.categorie,
    homeCommune: commune ? { code: commune.code, name: commune.name, departementCode: commune.departementCode } : null,
    hiddenFrom: p.hiddenFrom,
    cv: p.cvFile && p.cvUploadedAt ? { size: p.cvSize ?? 0, uploadedAt: p.cvUploadedAt.toISOString() } : null,
    consentAt: p.consentAt?.toISOString() ?? null,
    lastActivityAt: p.lastActivityAt.toISOString(),
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export type OwnProfile = ReturnType<typeof toView>;

/** The acting candidate's profile, or null before they first save anything. */
export async function getOwnProfile(user: SessionUser): Promise<OwnProfile | null> {
  assertCandidate(user);
  const row = await db.candidateProfile.findUnique({ where: { userId: user.id }, select: ownProfileSelect });
  return row ? toView(row) : null;
}

// ---------------------------------------------------------------------------------------------
// Creating and saving

const PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** What consultants see instead of a name: random, so it says nothing about the person. */
export function newPseudonym(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += PSEUDONYM_ALPHABET[randomInt(PSEUDONYM_ALPHABET.length)];
  return `Candidat ${code}`;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * The candidate's profile id, creating an empty, hidden profile the first time (uploading a CV
 * or applying before filling the profile in is allowed).
 */
export async function ensureProfile(tx: Tx, userId: string): Promise<{ id: string; cvFile: string | null }> {
  for (let attempt = 0; ; attempt++) {
    const existing = await tx.candidateProfile.findUnique({ where: { userId }, select: { id: true, cvFile: true } });
    if (existing) return existing;
    try {
      return await tx.candidateProfile.create({ data: { userId, pseudonym: newPseudonym() }, select: { id: true, cvFile: true } });
    } catch (error) {
      // A pseudonym already taken (or the profile created meanwhile): look again, then retry.
      if (!isUniqueViolation(error) || attempt >= 4) throw error;
    }
  }
}

const quasiFactsSelect = { currentFunction: true, status: true, filiere: true, categorie: true, cadreEmplois: true, yearsExperience: true, homeCommuneCode: true, laureateCadre: true } as const;

export type SaveResult = { ok: true; hiddenEmployerAdded: string | null } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Saves the profile. What the schema cannot know (is it a real commune, an employer of the
 * official list) is checked here; nothing is written unless everything is right. A newly chosen
 * current employer is added to "ne pas me montrer à" (the candidate may remove it).
 */
export async function saveProfile(user: SessionUser, input: ProfileInput): Promise<SaveResult> {
  assertCandidate(user);
  const fieldErrors: Record<string, string> = {};
  if (input.homeCommuneCode && !getCommune(input.homeCommuneCode)) {
    fieldErrors.homeCommuneCode = "Cette commune n’existe pas : choisissez-la dans la liste.";
  }
  let employerName = input.currentEmployerName;
  if (input.currentEmployerKey) {
    const official = getOfficialOrganization(input.currentEmployerKey);
    if (!official) fieldErrors.currentEmployerName = "Cet employeur n’est pas dans la liste officielle : choisissez-le dans la liste, ou laissez le nom seul pour un employeur privé.";
    else employerName = official.name;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const now = new Date();
  const data = {
    status: input.status,
    filiere: input.filiere,
    categorie: input.categorie,
    cadreEmplois: input.cadreEmplois,
    grade: input.grade,
    laureateCadre: input.laureateCadre,
    laureateYear: input.laureateCadre ? input.laureateYear : null,
    currentEmployerKey: input.currentEmployerKey,
    currentEmployerName: employerName,
    currentFunction: input.currentFunction,
    yearsExperience: input.yearsExperience,
    previousPosts: JSON.stringify(input.previousPosts),
    diplomas: JSON.stringify(input.diplomas),
    competencies: JSON.stringify(input.competencies),
    languages: JSON.stringify(input.languages),
    summary: input.summary,
    wishedFunctions: JSON.stringify(input.wishedFunctions),
    wishedFilieres: JSON.stringify(input.wishedFilieres),
    wishedCategories: JSON.stringify(input.wishedCategories),
    homeCommuneCode: input.homeCommuneCode,
    maxDistanceKm: input.maxDistanceKm,
    willingToRelocate: input.willingToRelocate,
    needsHousing: input.needsHousing,
    salaryExpectation: input.salaryExpectation,
    remoteDaysWished: input.remoteDaysWished,
    availableFrom: input.availableFrom,
    lastActivityAt: now,
  } satisfies Prisma.CandidateProfileUpdateInput;

  return db.$transaction(async (tx) => {
    const before = await tx.candidateProfile.findUnique({ where: { userId: user.id }, select: { currentEmployerKey: true, anonymousStep: true, ...quasiFactsSelect } });
    const profile = await ensureProfile(tx, user.id);
    // Its anonymous card's step was computed for the facts it had (the gate's rule 14): if the
    // card at that step changes, the step goes until the next pass (the last step meanwhile).
    const stepStale = before?.anonymousStep != null && cardKey(anonymousCard(quasiFacts(before), before.anonymousStep)) !== cardKey(anonymousCard(quasiFacts(data), before.anonymousStep));
    await tx.candidateProfile.update({ where: { id: profile.id }, data: stepStale ? { ...data, anonymousStep: null } : data });
    let hiddenEmployerAdded: string | null = null;
    if (input.currentEmployerKey && employerName && input.currentEmployerKey !== before?.currentEmployerKey) {
      const already = await tx.hiddenOrganization.findUnique({
        where: { profileId_officialKey: { profileId: profile.id, officialKey: input.currentEmployerKey } },
        select: { id: true },
      });
      if (!already) {
        await tx.hiddenOrganization.create({ data: { profileId: profile.id, officialKey: input.currentEmployerKey, name: employerName } });
        hiddenEmployerAdded = employerName;
      }
    }
    await enqueue(tx, "candidates", profile.id);
    return { ok: true as const, hiddenEmployerAdded };
  });
}

/** Marks the candidate active (searches sort on it); call inside the write's transaction. */
export async function touchProfile(tx: Tx, profileId: string): Promise<void> {
  await tx.candidateProfile.update({ where: { id: profileId }, data: { lastActivityAt: new Date() } });
  await enqueue(tx, "candidates", profileId);
}

// ---------------------------------------------------------------------------------------------
// Visibility and "ne pas me montrer à"

/**
 * Sets who may find the profile. Leaving HIDDEN is the candidate's consent to the talent pool:
 * its date is kept; going back to HIDDEN withdraws it.
 */
export async function setVisibility(user: SessionUser, visibility: Visibility): Promise<void> {
  assertCandidate(user);
  await db.$transaction(async (tx) => {
    const profile = await ensureProfile(tx, user.id);
    const current = await tx.candidateProfile.findUniqueOrThrow({ where: { id: profile.id }, select: { visibility: true, consentAt: true } });
    const now = new Date();
    const consentAt = visibility === "HIDDEN" ? null : current.visibility === visibility && current.consentAt ? current.consentAt : now;
    // Who the card must fit changes with the visibility: the step waits for the next pass (rule 14).
    const anonymousStep = current.visibility === visibility ? undefined : null;
    await tx.candidateProfile.update({ where: { id: profile.id }, data: { visibility, consentAt, lastActivityAt: now, anonymousStep } });
    await enqueue(tx, "candidates", profile.id);
  });
}

export type HideableOrganization = { officialKey: string; name: string; type: string };

/**
 * Organisations a candidate may hide from: collectivités of the official list (registered in
 * Vivier or not) and the cabinets registered in Vivier.
 */
export async function searchHideableOrganizations(query: string, limit = 12): Promise<HideableOrganization[]> {
  const official = searchOfficialOrganizations(query, limit).map((o) => ({ officialKey: o.officialKey, name: o.name, type: o.type as string }));
  const q = normalizeName(query);
  if (q.length < 2) return official;
  const cabinets = await db.organization.findMany({ where: { kind: "CABINET" }, select: { officialKey: true, name: true }, take: 500 });
  const matching = cabinets
    .filter((c) => normalizeName(c.name).includes(q))
    .slice(0, 5)
    .map((c) => ({ officialKey: c.officialKey, name: c.name, type: "CABINET" }));
  return [...official, ...matching];
}

async function resolveHideable(officialKey: string): Promise<{ officialKey: string; name: string } | null> {
  const official = getOfficialOrganization(officialKey);
  if (official) return { officialKey, name: official.name };
  const registered = await db.organization.findUnique({ where: { officialKey }, select: { name: true } });
  return registered ? { officialKey, name: registered.name } : null;
}

export type HideResult = { ok: true; name: string } | { ok: false; error: string };

export async function addHiddenOrganization(user: SessionUser, officialKey: string): Promise<HideResult> {
  assertCandidate(user);
  const organization = await resolveHideable(officialKey);
  if (!organization) return { ok: false, error: "Cette organisation n’est pas dans la liste : tapez son nom puis choisissez-la parmi les propositions." };
  await db.$transaction(async (tx) => {
    const profile = await ensureProfile(tx, user.id);
    await tx.hiddenOrganization.upsert({
      where: { profileId_officialKey: { profileId: profile.id, officialKey } },
      update: {},
      create: { profileId: profile.id, officialKey, name: organization.name },
    });
    await touchProfile(tx, profile.id);
  });
  return { ok: true, name: organization.name };
}

export async function removeHiddenOrganization(user: SessionUser, officialKey: string): Promise<void> {
  assertCandidate(user);
  await db.$transaction(async (tx) => {
    const profile = await tx.candidateProfile.findUnique({ where: { userId: user.id }, select: { id: true } });
    if (!profile) return;
    const removed = await tx.hiddenOrganization.deleteMany({ where: { profileId: profile.id, officialKey } });
    if (removed.count > 0) await touchProfile(tx, profile.id);
  });
}

// ---------------------------------------------------------------------------------------------
// CV

/** Replaces the candidate's CV with checked PDF bytes (see checkCv). */
export async function uploadCv(user: SessionUser, bytes: Buffer): Promise<void> {
  assertCandidate(user);
  const fileName = await storeCv(bytes);
  let previous: string | null = null;
  try {
    await db.$transaction(async (tx) => {
      const profile = await ensureProfile(tx, user.id);
      previous = profile.cvFile;
      await tx.candidateProfile.update({
        where: { id: profile.id },
        data: { cvFile: fileName, cvSize: bytes.length, cvUploadedAt: new Date(), lastActivityAt: new Date() },
      });
      await enqueue(tx, "candidates", profile.id);
    });
  } catch (error) {
    await deleteCv(fileName);
    throw error;
  }
  if (previous) await deleteCv(previous);
}

export async function deleteOwnCv(user: SessionUser): Promise<void> {
  assertCandidate(user);
  const fileName = await db.$transaction(async (tx) => {
    const profile = await tx.candidateProfile.findUnique({ where: { userId: user.id }, select: { id: true, cvFile: true } });
    if (!profile?.cvFile) return null;
    await tx.candidateProfile.update({ where: { id: profile.id }, data: { cvFile: null, cvSize: null, cvUploadedAt: null } });
    await enqueue(tx, "candidates", profile.id);
    return profile.cvFile;
  });
  if (fileName) await deleteCv(fileName);
}

/** The candidate's own CV, with a file name for the download, or null when there is none. */
export async function getOwnCv(user: SessionUser): Promise<{ bytes: Buffer; downloadName: string } | null> {
  assertCandidate(user);
  const profile = await db.candidateProfile.findUnique({ where: { userId: user.id }, select: { cvFile: true } });
  if (!profile?.cvFile) return null;
  const bytes = await readCv(profile.cvFile);
  return bytes ? { bytes, downloadName: "CV.pdf" } : null;
}

// ---------------------------------------------------------------------------------------------
// Personal data (RGPD)

/** Everything Vivier holds about the candidate, as they may take it away (right of access and portability). */
export async function exportCandidateData(user: SessionUser) {
  assertCandidate(user);
  const account = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { name: true, email: true, createdAt: true, privacyAcceptedAt: true, lastActiveAt: true },
  });
  const row = await db.candidateProfile.findUnique({ where: { userId: user.id }, select: ownProfileSelect });
  const profileId = row?.id ?? "";
  const [applications, contactRequests, messages, mails, cvBytes] = await Promise.all([
    db.application.findMany({
      where: { profileId },
      orderBy: { createdAt: "asc" },
      // The recruiters' internal note and score are theirs, not the candidate's data: never exported.
      select: {
        letter: true, state: true, createdAt: true, updatedAt: true, withdrawnAt: true, cvFile: true,
        position: { select: { title: true, organization: { select: { name: true } } } },
      },
    }),
    db.contactRequest.findMany({
      where: { profileId },
      orderBy: { createdAt: "asc" },
      select: {
        message: true, status: true, createdAt: true, answeredAt: true,
        cabinet: { select: { name: true } },
        mission: { select: { position: { select: { title: true } } } },
      },
    }),
    db.message.findMany({
      where: { profileId },
      orderBy: { createdAt: "asc" },
      select: {
        body: true, createdAt: true, authorId: true,
        author: { select: { name: true } },
        mission: { select: { cabinet: { select: { name: true } }, position: { select: { title: true } } } },
      },
    }),
    // Every mail Vivier stored for the address (OutgoingMail keeps them until the account goes).
    db.outgoingMail.findMany({
      where: { to: account.email },
      orderBy: { createdAt: "asc" },
      select: { subject: true, text: true, createdAt: true, sentAt: true },
    }),
    row?.cvFile ? readCv(row.cvFile) : Promise.resolve(null),
  ]);
  const [identityViews, referees, missions] = row
    ? await Promise.all([identityViewsForExport(user, row.id), listOwnReferees(user), listOwnMissions(user)])
    : [[], [], []];
  // The CV as sent with each application, embedded like the profile's so the file stands alone.
  const sentCvs = await Promise.all(applications.map((a) => (a.cvFile ? readCv(a.cvFile) : Promise.resolve(null))));
  const profile = row ? toView(row) : null;
  return {
    exportedAt: new Date().toISOString(),
    about: "Toutes les données que Vivier détient sur vous, au format JSON (RGPD, articles 15 et 20).",
    account: {
      name: account.name,
      email: account.email,
      createdAt: account.createdAt.toISOString(),
      privacyAcceptedAt: account.privacyAcceptedAt?.toISOString() ?? null,
      lastActiveAt: account.lastActiveAt?.toISOString() ?? null,
    },
    profile: profile && {
      pseudonym: profile.pseudonym,
      visibility: profile.visibility,
      status: profile.status,
      filiere: profile.filiere,
      categorie: profile.categorie,
      cadreEmplois: profile.cadreEmplois,
      grade: profile.grade,
      currentEmployer: profile.currentEmployerName ? { name: profile.currentEmployerName, officialKey: profile.currentEmployerKey } : null,
      currentFunction: profile.currentFunction,
      yearsExperience: profile.yearsExperience,
      previousPosts: profile.previousPosts,
      diplomas: profile.diplomas,
      competencies: profile.competencies,
      languages: profile.languages,
      summary: profile.summary,
      wishes: {
        functions: profile.wishedFunctions,
        filieres: profile.wishedFilieres,
        categories: profile.wishedCategories,
        homeCommune: profile.homeCommune,
        maxDistanceKm: profile.maxDistanceKm,
        willingToRelocate: profile.willingToRelocate,
        needsHousing: profile.needsHousing,
        salaryExpectation: profile.salaryExpectation,
        remoteDaysWished: profile.remoteDaysWished,
        availableFrom: profile.availableFrom,
      },
      hiddenFrom: profile.hiddenFrom,
      cv: profile.cv && cvBytes ? { ...profile.cv, contentType: "application/pdf", contentBase64: cvBytes.toString("base64") } : profile.cv,
      consentAt: profile.consentAt,
      lastActivityAt: profile.lastActivityAt,
      createdAt: profile.createdAt,
      updatedAt: profile.updatedAt,
    },
    applications: applications.map((a, i) => {
      const cv = sentCvs[i];
      return {
        position: a.position.title,
        employer: a.position.organization.name,
        letter: a.letter,
        state: a.state,
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
        withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
        cv: cv ? { contentType: "application/pdf", contentBase64: cv.toString("base64") } : null,
      };
    }),
    contactRequests: contactRequests.map((c) => ({
      cabinet: c.cabinet.name,
      position: c.mission?.position.title ?? null,
      message: c.message,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      answeredAt: c.answeredAt?.toISOString() ?? null,
    })),
    messages: messages.map((m) => ({
      cabinet: m.mission.cabinet.name,
      position: m.mission.position.title,
      from: m.authorId === user.id ? "vous" : (m.author?.name ?? "consultant"),
      body: m.body,
      createdAt: m.createdAt.toISOString(),
    })),
    // The missions as the candidate reads them: never the cabinet's notes or scores.
    missions: missions.map((m) => ({
      cabinet: m.cabinet,
      position: m.title,
      employer: m.employer,
      state: m.state,
      feedback: m.feedback,
      consents: m.consents.map((c) => ({ question: c.question, state: c.state, requestedAt: c.requestedAt, answeredAt: c.answeredAt, withdrawnAt: c.withdrawnAt })),
    })),
    referees: referees.map((r) => ({ name: r.name, relation: r.relation, contact: r.contact, createdAt: r.createdAt })),
    // Who saw the identity or the CV: the organisation, never the staff member.
    identityViews,
    mails: mails.map((m) => ({
      subject: m.subject,
      text: m.text,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
  };
}

export type DeleteResult = { ok: true } | { ok: false; fieldErrors: Record<string, string> };

/** The candidate's own « Supprimer mon compte », confirmed by their password. */
export async function deleteCandidateAccount(user: SessionUser, password: string): Promise<DeleteResult> {
  assertCandidate(user);
  const account = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  if (!account) return { ok: true };
  if (!(await verifyPassword(password, account.passwordHash))) {
    return { ok: false, fieldErrors: { password: "Mot de passe incorrect : votre compte n’a pas été supprimé." } };
  }
  await eraseCandidateAccount(user.id);
  return { ok: true };
}

/** What eraseCandidateAccount reads again, inside its transaction, before erasing for retention. */
export type ErasureCheck = {
  createdAt: Date;
  lastActiveAt: Date | null;
  retentionWarnedAt: Date | null;
  profile: { lastActivityAt: Date } | null;
};

/**
 * Erases a candidate's account: the user, the profile and everything hanging from it
 * (applications with their letters, contact requests, messages, "ne pas me montrer à",
 * sessions), the mails sent to the address, then the CV files (the profile's and those sent with
 * applications). The outbox row written in the same transaction removes the candidate from the
 * talent pool at the worker's next pass. The one path for the candidate's own request and for
 * the retention of inactive accounts (retention.server.ts), whose `stillDue` reads the account
 * again in the transaction so that a sign-in just before is not erased. True when erased.
 */
export async function eraseCandidateAccount(userId: string, { stillDue }: { stillDue?: (row: ErasureCheck) => boolean } = {}): Promise<boolean> {
  const cvFiles = await db.$transaction(async (tx) => {
    const account = await tx.user.findUnique({
      where: { id: userId },
      select: { email: true, role: true, createdAt: true, lastActiveAt: true, retentionWarnedAt: true, profile: { select: { lastActivityAt: true } } },
    });
    if (!account || account.role !== "CANDIDATE") return null;
    if (stillDue && !stillDue(account)) return null;
    const profile = await tx.candidateProfile.findUnique({
      where: { userId },
      select: { id: true, cvFile: true, applications: { select: { cvFile: true } } },
    });
    if (profile) {
      await enqueue(tx, "candidates", profile.id);
      // Explicit rather than left to the cascade: these rows carry the candidate's words.
      await tx.message.deleteMany({ where: { profileId: profile.id } });
      await tx.contactRequest.deleteMany({ where: { profileId: profile.id } });
      // The cabinets' notes, scores and reference checks on them go with their entries.
      await tx.shortlistEntry.deleteMany({ where: { profileId: profile.id } });
      await tx.application.deleteMany({ where: { profileId: profile.id } });
      await tx.hiddenOrganization.deleteMany({ where: { profileId: profile.id } });
      // The journal keeps who looked (the organisations answer for it), no longer at whom.
      await tx.auditEvent.updateMany({ where: { profileId: profile.id }, data: { profileId: null } });
      await tx.candidateProfile.delete({ where: { id: profile.id } });
    }
    await tx.outgoingMail.deleteMany({ where: { to: account.email } });
    await tx.user.delete({ where: { id: userId } });
    return profile ? [profile.cvFile, ...profile.applications.map((a) => a.cvFile)].filter((f): f is string => !!f) : [];
  });
  if (cvFiles === null) return false;
  for (const file of cvFiles) await deleteCv(file);
  return true;
}
