import { registerCabinet, registerCollectivite } from "~/domain/accounts.server";
import { getCommune } from "~/reference/territory.server";
import { db } from "~/utils/db.server";
import { getSessionUser, type SessionUser } from "~/utils/session.server";
import { Browser, call, createUser, uniqueEmail } from "./http";

/**
 * Integration helpers for the candidate's pages: a signed-in candidate (session and CSRF
 * cookies, as a browser holds them), PDF and non-PDF files, published offers of real
 * collectivités, and the JSON of a loader or action.
 */

export { Browser, call, db };

export type SignedIn = { browser: Browser; user: SessionUser; email: string };

/** A new account of the role, signed in: its cookies and the SessionUser the domain takes. */
export async function signedIn(role: "CANDIDATE" | "EMPLOYER" | "CONSULTANT" = "CANDIDATE", extra: { organizationId?: string } = {}): Promise<SignedIn> {
  const created = await createUser(role, { email: uniqueEmail(role.toLowerCase()), ...extra });
  const browser = await Browser.create();
  await browser.signInAs(created.id);
  const user = await getSessionUser(browser.get("/"));
  if (!user) throw new Error("the test session did not open");
  return { browser, user, email: created.email };
}

export const signedInCandidate = () => signedIn("CANDIDATE");

/** A valid PDF of about `size` bytes: what matters is that it starts with "%PDF-". */
export function pdfBytes(size = 2048): Uint8Array<ArrayBuffer> {
  const head = Buffer.from("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n", "latin1");
  const bytes = new Uint8Array(new ArrayBuffer(Math.max(size, head.length + 6)));
  bytes.fill(0x20);
  bytes.set(head, 0);
  bytes.set(Buffer.from("%%EOF\n", "latin1"), bytes.length - 6);
  return bytes;
}

export function pdfFile(name = "cv.pdf", size = 2048): File {
  return new File([pdfBytes(size)], name, { type: "application/pdf" });
}

/** Not a PDF, whatever its name and announced type say (here, a PNG renamed .pdf). */
export function fakePdfFile(name = "cv.pdf"): File {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from("not really a pdf")]);
  return new File([png], name, { type: "application/pdf" });
}

/** The JSON body of a loader's or action's response. */
export async function body<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

/** A collectivité of the official list, registered in Vivier (idempotent). Lyon by default. */
export async function collectivite(communeCode = "69123") {
  const commune = getCommune(communeCode);
  if (!commune) throw new Error(`unknown commune ${communeCode}`);
  const organization = await registerCollectivite(commune.siren);
  if (!organization) throw new Error(`commune ${communeCode} is not in the official list`);
  return organization;
}

export async function cabinet(name = "Cabinet Test") {
  const siren = String(100000000 + Math.floor(Math.random() * 899999999));
  return registerCabinet({ name: `${name} ${siren}`, siren });
}

/** A position of the organisation; published and public unless told otherwise. */
export async function position(organizationId: string, data: { state?: string; confidential?: boolean; title?: string; deadline?: Date } = {}) {
  return db.position.create({
    data: {
      organizationId,
      title: data.title ?? "Directeur général des services",
      filiere: "administrative",
      categorie: "A",
      communeCode: "69123",
      state: data.state ?? "PUBLISHED",
      confidential: data.confidential ?? false,
      deadline: data.deadline,
      publishedAt: (data.state ?? "PUBLISHED") === "PUBLISHED" ? new Date() : null,
    },
  });
}

/** The fields of a complete, valid profile form (a titulaire in Lyon). */
export function validProfileFields(): Record<string, string | string[]> {
  return {
    status: "TITULAIRE",
    cadreEmplois: "attaches",
    grade: "Attaché principal",
    currentEmployerName: "",
    currentEmployerKey: "",
    currentFunction: "Directrice des finances",
    yearsExperience: "12",
    "previousPosts.0.title": "Responsable du budget",
    "previousPosts.0.employer": "Ville de Vienne",
    "previousPosts.0.from": "2012",
    "previousPosts.0.to": "2018",
    "previousPosts.1.title": "",
    "previousPosts.1.employer": "",
    "previousPosts.1.from": "",
    "previousPosts.1.to": "",
    "diplomas.0.title": "Master finances publiques",
    "diplomas.0.year": "2010",
    competencies: "Prospective financière\nDette\nM57",
    languages: "Anglais",
    summary: "Quinze ans de finances locales.",
    wishedFunctions: "Directrice générale adjointe",
    wishedFilieres: ["administrative"],
    wishedCategories: ["A", "A+"],
    homeCommuneCode: "69123",
    maxDistanceKm: "60",
    willingToRelocate: "on",
    salaryExpectation: "52 000",
    remoteDaysWished: "2",
    availableFrom: "2031-01-15",
  };
}

export async function profileOf(userId: string) {
  return db.candidateProfile.findUnique({ where: { userId }, include: { hiddenFrom: true } });
}
