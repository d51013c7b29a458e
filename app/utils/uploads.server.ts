import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { json } from "@remix-run/node";
import { env } from "./env.server";

/**
 * Where CV files are kept: under UPLOAD_DIR/cv with a random name, never under public/: a CV is
 * only ever served by a route that checks who asks (see app/routes/candidat.cv.tsx). What a CV
 * must be to be accepted, and how it is handed out, is app/domain/cv.server.ts.
 */

const FILE_NAME = /^[a-f0-9]{32}\.pdf$/;

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

export const CV_STORAGE_UNAVAILABLE =
  "Votre CV n’a pas pu être enregistré : l’espace de stockage du portail est momentanément indisponible. Rien n’a été modifié ; réessayez plus tard.";

/** The disk is full, read-only or refuses us: nothing the person can fix but waiting. */
const STORAGE_FAILURES = new Set(["ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM", "EIO"]);

/**
 * Writes a checked CV under a new random name and returns that name. Callers write the row
 * that names the file only after this returned, so a failure leaves no row pointing to a
 * missing file; a partly written file is removed here. A full or read-only disk becomes the
 * French 503 (a thrown Response: the page's error boundary, or the form, shows its `error`).
 */
export async function storeCv(bytes: Buffer): Promise<string> {
  const fileName = `${randomBytes(16).toString("hex")}.pdf`;
  const file = cvPath(fileName);
  try {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    await fs.writeFile(file, bytes, { mode: 0o600, flag: "wx" });
  } catch (error) {
    await fs.rm(file, { force: true }).catch(() => {});
    const code = (error as NodeJS.ErrnoException).code ?? "";
    if (STORAGE_FAILURES.has(code)) {
      console.error(`[uploads] a CV could not be written (${code}): ${String(error)}`);
      throw json({ error: CV_STORAGE_UNAVAILABLE }, { status: 503 });
    }
    throw error;
  }
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
