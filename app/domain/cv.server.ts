import type { SessionUser } from "~/utils/session.server";
import { readCv } from "~/utils/uploads.server";
import { getApplicationCvForEmployer } from "./employer-applications.server";

/**
 * CV files as the portal accepts and hands them out. A CV is a PDF (recognised by its first
 * bytes, whatever its name says), 5 MB at most; the bytes are kept by app/utils/uploads.server.ts.
 */

export const MAX_CV_BYTES = 5 * 1024 * 1024;

/** Above this, a request is refused before its body is read (the CV plus the form around it). */
export const MAX_CV_REQUEST_BYTES = MAX_CV_BYTES + 256 * 1024;

const PDF_MAGIC = Buffer.from("%PDF-", "latin1");

export const CV_ERRORS = {
  missing: "Choisissez votre CV au format PDF.",
  empty: "Ce fichier est vide : choisissez votre CV au format PDF.",
  tooLarge: "Ce fichier dépasse 5 Mo : réduisez-le (par exemple en l’exportant à nouveau en PDF) puis recommencez.",
  notPdf: "Ce fichier n’est pas un PDF. Enregistrez votre CV au format PDF puis recommencez.",
} as const;

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

/**
 * The CV sent with an application to one of the employer's positions, and only that: another
 * collectivité's application, a candidate who hides from this one or a withdrawn application
 * gives null, as does a file that is gone.
 */
export async function readApplicationCvForEmployer(user: SessionUser, applicationId: string): Promise<Buffer | null> {
  const fileName = await getApplicationCvForEmployer(user, applicationId);
  return fileName ? readCv(fileName) : null;
}
