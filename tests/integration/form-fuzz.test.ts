import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RouteNode } from "../helpers/route-tree";
import { ACTORS, browserOf, send, servePortal, walkScene, type Actor, type Scene } from "./route-walk-fixtures";
import { expected, ROUTES } from "./route-walk-table";

/**
 * Every form action of app/routes (found from the route tree: a new one is fuzzed without a line
 * here), posted through the real Express server by an actor the route walk's table lets through,
 * with forms fast-check makes from the fields of the route's own page: wrong types (a file where
 * text goes, words where numbers go), huge strings, fields missing or sent twice, unknown fields,
 * any unicode, HTML and script payloads. Never a 500; and a refused request (4xx) writes
 * nothing: SQLite's data_version, which counts every commit of the portal's connection, is the
 * same before and after it.
 */

// Few runs per form, so that the whole file stays well under two minutes on a busy machine.
const RUNS = 6;

const PAYLOADS = [
  `<script>alert("xss")</script>`,
  `"><img src=x onerror=alert(1)>`,
  `javascript:alert(1)`,
  `' OR 1=1 --`,
  `{"$ne": null}`,
  `\u0000\u0007\u202e\ufeff`,
  `𝕍𝕚𝕧𝕚𝕖𝕣 — œuvre « à l’été » 👩🏽‍💼`,
  `-1`, `1e400`, `NaN`, `99999999999999999999`, `0x10`, `2026-02-30`, `true`, `[]`,
];

/** A value for one field: any of the hostile kinds. */
const hostileValue: fc.Arbitrary<string | Blob> = fc.oneof(
  fc.constantFrom(...PAYLOADS),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom("x".repeat(20_000), "é".repeat(70_000)),
  fc.constant(new Blob(["%PDF-1.4 not really"], { type: "application/pdf" })),
);

type Field = { name: string; value: string };

/** The fields of the page's forms that post to the page itself (`intent` and hidden values kept), per form. */
function formsOf(html: string, url: string): Field[][] {
  const pathname = url.split("?")[0];
  const forms: Field[][] = [];
  for (const [, attributes, inner] of html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
    if (!/method="post"/i.test(attributes ?? "")) continue;
    const action = (/action="([^"]*)"/.exec(attributes ?? "")?.[1] ?? "").replace(/&amp;/g, "&");
    if (action && !action.startsWith("?") && action.split("?")[0] !== pathname) continue;
    const fields: Field[] = [];
    for (const [tag] of (inner ?? "").matchAll(/<(input|select|textarea|button)\b[^>]*>/g)) {
      const name = /\bname="([^"]+)"/.exec(tag)?.[1];
      if (!name || name === "csrf") continue;
      fields.push({ name, value: /\bvalue="([^"]*)"/.exec(tag)?.[1] ?? "" });
    }
    forms.push(fields);
  }
  return forms;
}

/** A hostile form made from a real one: each field kept, replaced, dropped or doubled; unknown fields added. */
function hostileForm(fields: Field[]): fc.Arbitrary<Array<[string, string | Blob]>> {
  const perField = fields.map((f) =>
    fc.oneof(
      // `intent` and hidden ids keep their value more often, so that the action's deeper code is reached.
      { arbitrary: fc.constant([[f.name, f.value]] as Array<[string, string | Blob]>), weight: f.name === "intent" ? 6 : 2 },
      { arbitrary: hostileValue.map((v) => [[f.name, v]] as Array<[string, string | Blob]>), weight: 3 },
      { arbitrary: fc.constant([] as Array<[string, string | Blob]>), weight: 1 },
      { arbitrary: fc.tuple(hostileValue, hostileValue).map(([a, b]) => [[f.name, a], [f.name, b]] as Array<[string, string | Blob]>), weight: 1 },
    ),
  );
  const extra = fc.array(fc.tuple(fc.oneof(fc.constantFrom("role", "organizationId", "userId", "isCabinetLead", "__proto__", "constructor"), fc.string({ maxLength: 12 })), hostileValue), { maxLength: 3 });
  return fc.tuple(fc.tuple(...perField), extra).map(([kept, more]) => [...kept.flat(), ...more]);
}

/**
 * SQLite's count of the commits made by other connections (the portal's): the same before and
 * after a request means the request wrote nothing, in any table.
 */
function dataVersion(database: Database.Database): number {
  return database.pragma("data_version", { simple: true }) as number;
}

/**
 * The sign-in failures counted so far. A refused sign-in (401) writes one by design: the counter
 * is shared by the portal's instances through the database (docs/decisions/141).
 */
function loginFailuresCounted(database: Database.Database): number {
  return database.prepare(`SELECT coalesce(sum(points), 0) FROM "RateLimitBucket"`).pluck().get() as number;
}

/** Who posts to the route: the actor a form would be in front of (the table's first who gets through). */
/**
 * Actions no actor of the scene can reach with a valid address, each with why: the walk only
 * knows an unknown unsubscribe token (the token is signed per user and kind; its own tests,
 * tests/integration/notifications.test.ts, post forged and foreign ones).
 */
const NOT_FUZZED: Record<string, string> = {
  "routes/desabonnement.$token": "no valid token in the scene; forged and foreign tokens are tested in notifications.test.ts",
};

function poster(id: string): Actor | null {
  const spec = ROUTES[id];
  if (!spec) return null;
  const preferred: Record<string, Actor> = {
    // Someone who has not applied yet: the form is on their page.
    "routes/offres.$id_.postuler": "un autre candidat",
    // A member who scores: the employer's page has no scorecard.
    "routes/employeur.postes.$id_.finalistes_.$presentationId": "membre du comité",
  };
  return preferred[id] ?? ACTORS.find((a) => expected(spec, a, "action") === "passed" && expected(spec, a, "loader") === 200) ?? ACTORS.find((a) => expected(spec, a, "action") === "passed") ?? null;
}

let scene: Scene;
let portal: Awaited<ReturnType<typeof servePortal>>;
let database: Database.Database;

beforeAll(async () => {
  scene = await walkScene();
  portal = await servePortal();
  database = new Database(new URL(process.env.DATABASE_URL!.replace(/^file:/, "file://")).pathname, { readonly: true });
}, 120_000);

afterAll(async () => {
  database?.close();
  await portal?.close();
});

describe("hostile forms, every action", () => {
  it("finds an actor to post every action of the route tree", () => {
    const actions = portal.routes.filter((r) => r.module.action);
    expect(actions.filter((r) => !poster(r.id) && !NOT_FUZZED[r.id]).map((r) => r.id)).toEqual([]);
  });

  it("answers every hostile form without a 500, and a refused one without writing anything", async () => {
    const failures: string[] = [];
    let written = 0;
    const actions: RouteNode[] = portal.routes.filter((r) => r.module.action);
    for (const route of actions) {
      const actor = poster(route.id);
      const spec = ROUTES[route.id];
      if (!actor || !spec) continue;
      const url = spec.url(scene);
      // Posted as the page's script posts it (a data request: the action alone, without the
      // loaders that run after it to show the page again, which may write, e.g. the journal).
      const path = `${url}${url.includes("?") ? "&" : "?"}${route.index ? "index&" : ""}_data=${encodeURIComponent(route.id)}`;
      const page = route.module.default ? await send(portal.url, await browserOf(scene, actor), url) : null;
      const found = page?.status === 200 ? formsOf(await page.text(), url) : [];
      // A form the page does not show to this actor (a fetcher's, a form in a dialog): the walk's own fields.
      const forms = found.length ? found : [Object.entries(spec.post?.form?.(scene) ?? {}).map(([name, value]) => ({ name, value }))];
      for (const fields of forms) {
        await fc.assert(
          fc.asyncProperty(hostileForm(fields), async (entries) => {
            // A session of its own each time: a form may sign out, or change what the next one meets.
            const browser = await browserOf(scene, actor);
            const before = dataVersion(database);
            const countedBefore = loginFailuresCounted(database);
            const res = await send(portal.url, browser, path, entries).catch((e: unknown) => { throw new Error(`${actor} × POST ${path}: ${String(e)}`, { cause: e }); });
            await res.arrayBuffer();
            const label = `${actor} × POST ${path} ${JSON.stringify(entries.map(([k, v]) => [k, typeof v === "string" ? v.slice(0, 40) : "<file>"]))}`;
            if (res.status >= 500) failures.push(`${label}: ${res.status}`);
            const failedSignIn = route.id === "routes/connexion" && res.status === 401 && loginFailuresCounted(database) > countedBefore;
            if (res.status >= 400 && res.status < 500) {
              if (dataVersion(database) !== before && !failedSignIn) failures.push(`${label}: answered ${res.status} but wrote to the database`);
            } else if (dataVersion(database) !== before) written++;
            await spec.post?.after?.(scene);
          }),
          { numRuns: RUNS, seed: 16 },
        );
      }
    }
    expect(failures).toEqual([]);
    // The watch on writes sees the forms that were accepted (it would see a refused one's too).
    expect(written).toBeGreaterThan(0);
  }, 600_000);
});
