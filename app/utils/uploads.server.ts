import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "./env.server";

/**
 * CV files. A CV is a PDF (recognised by its first bytes, whatever its name says), 5 MB at most,
 * stored under UPLOAD_DIR/cv with a random name, never under public/: it is only ever served by
 * a route that checks who asks (see app/routes/candidat.cv.tsx).
 */

export const MAX_CV_BYTES = 5 * 1024 * 1024;

/** Above this, a request is refused before its body is read (the CV plus the form around it). */
export const MAX_CV_REQUEST_BYTES = MAX_CV_BYTES + 256 * 1024;

const PDF_MAGIC = Buffer.from("%PDF-", "latin1");
const FILE_NAME = /^[a-f0-9]{32}\.pdf$/;

export const CV_ERRORS = {
  missing: "Choisissez votre CV au format PDF.",
  empty: "Ce fichier est vide : choisissez votre CV au format PDF.",
  tooLarge: "Ce fichier dépasse 5 Mo : réduisez-le (par exemple en l’exportant à nouveau en PDF) puis recommencez.",
  notPdf: "Ce fichier n’est pas un PDF. Enregistrez votre CV au format PDF puis recommencez.",
} as const;

function uploadRoot(): string {
  const root = path.resolve(process.cwd(), env().UPLOAD_DIR);
  const publicDir = path.resolve(process.cwd(), "public");
  if (root === publicDir || root.startsWith(publicDir + path.sep)) {
    throw new Error(`UPLOAD_DIR (${root}) must not be inside public/: CVs would be served to anyone`);
  }
  return root;
}

function cvPath(fileName: string): string {
  if (!FILE_NAME.test(fileName)) throw new Error(`Not a stored CV file name: ${fileName}`);
  return path.join(uploadRoot(), "cv", fileName);
}

type UploadedFile = { size: number; arrayBuffer(): Promise<ArrayBuffer> };

function isFile(value: unknown): value is UploadedFile {
  return typeof value === "object" && value !== null && "arrayBuffer" in value && "size" in value;
}

/** True when the request announces a body larger than any CV upload may be. */
export function cvRequestTooLarge(request: Request): boolean {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  return Number.isFinite(length) && length > MAX_CV_REQUEST_BYTES;
}

/** Whether the form carries a file at all (a file input left empty sends an empty file). */
export function hasFile(value: FormDataEntryValue | null): boolean {
  return isFile(value) && value.size > 0;
}

export type CvCheck = { ok: true; bytes: Buffer } | { ok: false; error: string };

/** Checks a posted CV: present, 5 MB at most, and a PDF by its bytes. */
export async function checkCv(value: FormDataEntryValue | null): Promise<CvCheck> {
  if (!isFile(value)) return { ok: false, error: CV_ERRORS.missing };
  if (value.size === 0) return { ok: false, error: CV_ERRORS.empty };
  if (value.size > MAX_CV_BYTES) return { ok: false, error: CV_ERRORS.tooLarge };
  const bytes = Buffer.from(await value.arrayBuffer());
  if (bytes.length > MAX_CV_BYTES) return { ok: false, error: CV_ERRORS.tooLarge };
  if (bytes.length < PDF_MAGIC.length || !bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    return { ok: false, error: CV_ERRORS.notPdf };
  }
  return { ok: true, bytes };
}

/** Writes a checked CV under a new random name and returns that name. */
export async function storeCv(bytes: Buffer): Promise<string> {
  const fileName = `${randomBytes(16).toString("hex")}.pdf`;
  const file = cvPath(fileName);
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await fs.writeFile(file, bytes, { mode: 0o600, flag: "wx" });
  return fileName;
}

/** The stored CV's bytes, or null when the file is gone. */
export async function readCv(fileName: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(cvPath(fileName));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export async function deleteCv(fileName: string): Promise<void> {
  await fs.rm(cvPath(fileName), { force: true });
}

/** Where a stored CV lives on disk, for tests that check it is gone. */
export function cvFilePath(fileName: string): string {
  return cvPath(fileName);
}

/**
 * A stored CV as a download: never cached, never sniffed as anything but a PDF, and sandboxed
 * should a browser open it in place anyway.
 */
export function pdfDownload(bytes: Buffer, downloadName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${downloadName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
    },
  });
}
