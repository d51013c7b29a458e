import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { action as cvAction } from "~/routes/candidat.profil.cv";
import { env } from "~/utils/env.server";
import { CV_STORAGE_UNAVAILABLE, cvFilePath } from "~/utils/uploads.server";
import { body, call, pdfFile, profileOf, signedInCandidate } from "../helpers/candidate-requests";

/**
 * A CV upload when the disk is full (a 64 KiB tmpfs mounted over the CV folder) or the CV folder
 * is read-only (a read-only bind mount of it): a French message in the form, and no row that
 * points to a missing file. Mounting needs root, as the tests and CI run here.
 */

const cvDir = path.join(path.resolve(process.cwd(), env().UPLOAD_DIR), "cv");
let mounted = false;

function mount(args: string[]) {
  execFileSync("mount", args, { stdio: "pipe" });
  mounted = true;
}

afterEach(() => {
  if (mounted) execFileSync("umount", [cvDir], { stdio: "pipe" });
  mounted = false;
});

type CvReply = { ok: boolean; fieldErrors: Record<string, string> };

/**
 * Mounting needs root and the right to mount (a container may refuse it even to root): probed
 * once. Where it is refused the file says so and its two tests are reported as skipped, never
 * passed.
 */
function canMount(): boolean {
  const probe = fs.mkdtempSync(path.join(os.tmpdir(), "vivier-mount-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=16k", "tmpfs", probe], { stdio: "pipe" });
    execFileSync("umount", [probe], { stdio: "pipe" });
    return true;
  } catch {
    console.warn("[faults-upload] mount is not permitted here: the full-disk and read-only tests are skipped");
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

describe.skipIf(!canMount())("a CV upload that cannot be written", () => {
  it("tells the candidate in French when the disk is full, and the profile names no file", async () => {
    const { browser, user } = await signedInCandidate();
    fs.mkdirSync(cvDir, { recursive: true });
    mount(["-t", "tmpfs", "-o", "size=64k", "tmpfs", cvDir]);
    fs.writeFileSync(path.join(cvDir, "filler"), Buffer.alloc(60 * 1024));

    const res = await call(cvAction, browser.post("/candidat/profil/cv", { cv: pdfFile("cv.pdf", 32 * 1024) }));
    expect(res.status).toBe(503);
    expect((await body<CvReply>(res)).fieldErrors.cv).toBe(CV_STORAGE_UNAVAILABLE);
    expect((await profileOf(user.id))?.cvFile ?? null).toBeNull();
    // No half-written file left behind.
    expect(fs.readdirSync(cvDir)).toEqual(["filler"]);
  });

  it("keeps the previous CV, file and row, when the folder is read-only", async () => {
    const { browser, user } = await signedInCandidate();
    const first = await call(cvAction, browser.post("/candidat/profil/cv", { cv: pdfFile("cv.pdf") }));
    expect(first.status).toBe(200);
    const previous = (await profileOf(user.id))!.cvFile!;
    expect(fs.existsSync(cvFilePath(previous))).toBe(true);

    mount(["--bind", cvDir, cvDir]);
    execFileSync("mount", ["-o", "remount,ro,bind", cvDir], { stdio: "pipe" });

    const res = await call(cvAction, browser.post("/candidat/profil/cv", { cv: pdfFile("nouveau.pdf", 4096) }));
    expect(res.status).toBe(503);
    expect((await body<CvReply>(res)).fieldErrors.cv).toBe(CV_STORAGE_UNAVAILABLE);
    const profile = await profileOf(user.id);
    expect(profile!.cvFile).toBe(previous);
    expect(fs.existsSync(cvFilePath(profile!.cvFile!))).toBe(true);
  });
});
