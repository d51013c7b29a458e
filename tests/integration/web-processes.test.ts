import { afterAll, describe, expect, it } from "vitest";
import { findFreePort } from "../../search/meili-process";
import { waitUntil } from "../helpers/meili";
import { startChild, type Child } from "../helpers/processes";

/**
 * WEB_CONCURRENCY > 1 (app/cli/web-processes.ts, decision 144): the web processes share PORT,
 * one killed is replaced, and stopping stops them all. They are asked for a static file, which
 * needs no server build (the pages are the e2e tests' business, served the same way).
 */

let child: Child | undefined;

afterAll(async () => {
  child?.kill("SIGTERM");
  await child?.exited();
}, 30_000);

const pidsOf = (c: Child) =>
  c
    .output()
    .split("\n")
    .filter((l) => l.startsWith("listening "))
    .map((l) => Number(l.slice(10)));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("several web processes (WEB_CONCURRENCY)", () => {
  it("serve on one port, replace one that was killed, and all stop with the portal", async () => {
    const port = await findFreePort();
    const base = `http://127.0.0.1:${port}`;
    child = startChild(["web", "2"], { PORT: String(port) });
    await child.line(/^web-ready/, 90_000);
    const [first, second] = pidsOf(child);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect(first).not.toBe(second);
    for (let i = 0; i < 6; i++) {
      const res = await fetch(`${base}/favicon.svg`);
      expect(res.status).toBe(200);
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    }

    process.kill(first!, "SIGKILL");
    await child.line(new RegExp(`warn Processus web ${first} arrêté \\(SIGKILL\\) : relancé`));
    await waitUntil(async () => pidsOf(child!).length === 3, 60_000, "the replacement to listen");
    const replacement = pidsOf(child)[2]!;
    expect([first, second]).not.toContain(replacement);
    for (let i = 0; i < 6; i++) expect((await fetch(`${base}/favicon.svg`)).status).toBe(200);

    child.kill("SIGTERM");
    await child.line(/^web-stopped/, 30_000);
    await child.exited();
    expect([second, replacement].filter((pid) => alive(pid!))).toEqual([]);
    await expect(fetch(`${base}/favicon.svg`)).rejects.toThrow();
  }, 180_000);
});
