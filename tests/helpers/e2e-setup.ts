import type { ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startPortal, stopPortal } from "./portal-process";

/**
 * End-to-end tests run against the real portal (tests/helpers/portal-process.ts), with its own
 * database and search data in tests/.tmp/.
 */

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The master key of the portal's Meilisearch, to check that no page ever carries it. */
    meiliMasterKey: string;
    /** The portal's SQLite file, for a test to read what it cannot see in a page (a mail's link). */
    databaseFile: string;
    /** The portal's session secret, to make a signed link (an unsubscribe link) as its mails do. */
    sessionSecret: string;
  }
}

let portal: ChildProcess | undefined;

export default async function setup(project: TestProject) {
  const dir = path.resolve("tests", ".tmp", `e2e-${process.pid}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const started = await startPortal(dir, "e2e-secret-0123456789-0123456789-0123456789");
  portal = started.child;
  // The production setting (two web processes) is what the suite exercises: say so if it did not
  // start. /healthz answers from the first web process; the line comes once both listen.
  const log = path.join(dir, "portal.log");
  const deadline = Date.now() + 120_000;
  while (!/Vivier est prêt/.test(fs.readFileSync(log, "utf8")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
  if (!fs.readFileSync(log, "utf8").includes("(2 processus web)")) {
    await stopPortal(portal);
    throw new Error(`The e2e portal did not start its two web processes; see ${log}`);
  }
  project.provide("baseUrl", started.baseUrl);
  project.provide("databaseFile", path.join(dir, "vivier.db"));
  project.provide("sessionSecret", started.env.SESSION_SECRET ?? "");
  project.provide("meiliMasterKey", fs.readFileSync(path.join(dir, "meili", "master.key"), "utf8").trim());

  return async () => {
    if (portal) await stopPortal(portal);
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
