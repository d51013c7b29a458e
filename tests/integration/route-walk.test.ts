import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "../helpers/http";
import type { RouteNode } from "../helpers/route-tree";
import { ACTORS, browserOf, send, servePortal, walkScene, type Actor, type Scene } from "./route-walk-fixtures";
import { expected, ROUTES, SIGN_IN, type Expect, type RouteSpec } from "./route-walk-table";

/**
 * The whole route tree, for every actor. The routes are read from app/routes/ (as the Remix
 * compiler reads them), so a new route without a row below fails the walk. Each route is asked
 * as a page and as `?_data=` for every route id its URL matches (root and layouts included),
 * and its action is posted, by each actor of the scene (route-walk-fixtures.ts), through the
 * real Express server. Every cell is asserted (the table: route-walk-table.ts):
 *
 * - a public page answers everyone;
 * - a space's page sends the anonymous visitor to sign in, answers 403 to a user of another
 *   space, and 404 to a user of the space for whom the object is not theirs — as to anyone for
 *   a guessed identifier (the second pass): an identifier never tells whether it exists;
 * - a refusal carries nothing of the candidate, and an answer to someone who may not know
 *   them carries neither their name, nor their e-mail, nor what the cabinet or they wrote.
 *
 * Every response must also carry the security headers (docs/decisions/060-security-headers.md).
 */

/** The layout routes above a route (root aside): their loaders run on the page too. */
function ancestors(routes: Map<string, RouteNode>, route: RouteNode): RouteNode[] {
  const chain: RouteNode[] = [];
  for (let id = route.parentId; id && id !== "root"; id = routes.get(id)?.parentId) chain.unshift(routes.get(id)!);
  return chain;
}

/**
 * The status a response says, as the walk compares it: a redirect to sign in as « sign-in »,
 * another redirect as 302, whether a document's (3xx, Location) or a data request's (204,
 * X-Remix-Redirect).
 */
function outcome(res: Response): Expect {
  const to = res.headers.get("x-remix-redirect") ?? (res.status >= 300 && res.status < 400 ? res.headers.get("location") : null);
  if (to && SIGN_IN.test(to)) return "sign-in";
  if (to) return 302;
  return res.status;
}

function matches(want: Expect, got: Expect): boolean {
  if (want === "passed") return typeof got === "number" && got < 500 && ![401, 403, 404].includes(got);
  return want === got;
}

const SECURITY_HEADERS: Array<[string, RegExp]> = [
  ["content-security-policy", /default-src 'self'.*frame-ancestors 'none'/],
  ["x-content-type-options", /^nosniff$/],
  ["referrer-policy", /^same-origin$/],
  ["permissions-policy", /camera=\(\).*microphone=\(\).*geolocation=\(\)/],
  ["x-frame-options", /^DENY$/],
];

type Walk = { scene: Scene; base: string; routes: Map<string, RouteNode>; browsers: Map<Actor, Browser>; close: () => Promise<void> };
let walk: Walk;

beforeAll(async () => {
  const scene = await walkScene();
  const portal = await servePortal();
  const browsers = new Map<Actor, Browser>();
  for (const actor of ACTORS) browsers.set(actor, await browserOf(scene, actor));
  walk = { scene, base: portal.url, routes: new Map(portal.routes.map((r) => [r.id, r])), browsers, close: portal.close };
}, 120_000);

afterAll(async () => {
  await walk?.close();
});

/** What the actor may receive about the candidate, anywhere (`label`: the request). */
function mayReceive(actor: Actor, s: Scene, label: string): string[] {
  const { name, email, pseudonym, note, message } = s.secrets;
  switch (actor) {
    // The mails the portal sent, with their addressees: the admin's log of them (README, « Mail »).
    case "administrateur": return label.includes(" /admin/courriels") ? [name, email] : [];
    case "le candidat": return [name, email, pseudonym, message];
    case "consultant du cabinet mandaté":
    case "responsable du cabinet mandaté": return [name, email, pseudonym, note, message];
    case "employeur de la collectivité":
    case "membre du comité": return [name, email];
    case "consultant du même cabinet, hors mission":
    case "consultant d’un autre cabinet": return [pseudonym];
    default: return [];
  }
}

type Failure = string;

async function check(failures: Failure[], label: string, res: Response, want: Expect, actor: Actor, kind: "loader" | "action" = "loader"): Promise<void> {
  const got = outcome(res);
  if (!matches(want, got)) failures.push(`${label}: expected ${want}, got ${got}`);
  for (const [header, pattern] of SECURITY_HEADERS) {
    if (!pattern.test(res.headers.get(header) ?? "")) failures.push(`${label}: header ${header} is « ${res.headers.get(header)} »`);
  }
  const type = res.headers.get("content-type") ?? "";
  const text = type.includes("pdf") ? "" : await res.text();
  const refused = typeof got === "string" || [401, 403, 404].includes(got);
  const secrets = Object.values(walk.scene.secrets);
  // A refused page carries nothing of the candidate, but its header names whoever is signed in;
  // a refused action answers with the page its actor may read.
  const allowed = refused && kind === "loader" ? (actor === "le candidat" ? [walk.scene.secrets.name] : []) : mayReceive(actor, walk.scene, label);
  for (const secret of secrets) {
    if (!allowed.includes(secret) && text.includes(secret)) failures.push(`${label}: carries « ${secret} »`);
  }
}

/** `guessed`: the position of the identifier replaced by a guessed one (0 for the first), or null. */
async function walkRoute(failures: Failure[], route: RouteNode, spec: RouteSpec, actor: Actor, guessedParam: number | null) {
  const { base, routes } = walk;
  let browser = walk.browsers.get(actor)!;
  const guessed = guessedParam !== null;
  const url = guessed ? guess(spec.url(walk.scene), route, guessedParam) : spec.url(walk.scene);
  const chain = [...ancestors(routes, route), route];
  const own = expected(spec, actor, "loader", guessed);
  // The page: the first layout that refuses decides; else the route's own loader.
  const layouts = chain.slice(0, -1).map((r) => expected(ROUTES[r.id]!, actor, "loader"));
  // A cell of the table is the page's answer too (the export's address: 404 before any layout's check).
  const cell = spec.cells?.[actor];
  const page = cell !== undefined && (!guessed || cell === 404) ? own : (layouts.find((e) => e !== 200) ?? own);
  // A layout's address is its index route's page, asked there.
  const layout = [...routes.values()].some((r) => r.parentId === route.id);
  if ((route.module.loader || route.module.default) && !layout) {
    await check(failures, `${actor} × GET ${url}`, await send(base, browser, url), route.module.loader ? page : (layouts.find((e) => e !== 200) ?? 200), actor);
  }
  const sep = url.includes("?") ? "&" : "?";
  await check(failures, `${actor} × GET ${url} _data=root`, await send(base, browser, `${url}${sep}_data=root`), 200, actor);
  for (const r of chain) {
    if (!r.module.loader) continue;
    const want = r === route ? own : expected(ROUTES[r.id]!, actor, "loader");
    await check(failures, `${actor} × GET ${url} _data=${r.id}`, await send(base, browser, `${url}${sep}_data=${encodeURIComponent(r.id)}`), want, actor);
  }
  if (route.module.action) {
    const form = spec.post?.form?.(walk.scene) ?? {};
    const path = route.index ? `${url}${sep}index` : url;
    const want = expected(spec, actor, "action", guessed);
    await check(failures, `${actor} × POST ${path}`, await send(base, browser, path, form), want, actor, "action");
    await spec.post?.after?.(walk.scene);
    if (spec.endsSession) {
      browser = await browserOf(walk.scene, actor);
      walk.browsers.set(actor, browser);
    }
  }
}

/** The URL with its `which`-th identifier replaced by one nobody was given. */
function guess(url: string, route: RouteNode, which: number): string {
  const segments = url.split("?")[0]!.split("/");
  const position = route.pattern.split("/").map((seg, i) => (seg.startsWith(":") ? i : -1)).filter((i) => i >= 0)[which];
  if (position === undefined) return url;
  segments[position] = "cm0000000000000000devine";
  return segments.join("/");
}

/** How many identifiers the route's address takes. */
function paramCount(route: RouteNode): number {
  return route.pattern.split("/").filter((seg) => seg.startsWith(":")).length;
}

describe("the route walk: every route, every actor", () => {
  it("has an expectation for every route of app/routes, and none for a route that is gone", () => {
    const found = [...walk.routes.keys()].sort();
    expect(found.filter((id) => !ROUTES[id]), "routes without an expectation").toEqual([]);
    expect(Object.keys(ROUTES).filter((id) => !walk.routes.has(id)), "expectations of no route").toEqual([]);
  });

  for (const actor of ACTORS) {
    it(`${actor}: every route answers as its space and its owners say, and a refusal carries nothing`, async () => {
      const failures: Failure[] = [];
      for (const [id, route] of walk.routes) {
        const spec = ROUTES[id];
        if (!spec) continue;
        await walkRoute(failures, route, spec, actor, null);
      }
      expect(failures).toEqual([]);
    }, 300_000);
  }

  it("answers 404 to a guessed identifier, each identifier of each route in turn, for every actor who may enter its space", async () => {
    const failures: Failure[] = [];
    for (const [id, route] of walk.routes) {
      const spec = ROUTES[id];
      if (!spec || route.pattern.includes(":token")) continue;
      for (let which = 0; which < paramCount(route); which++) {
        for (const actor of ACTORS) await walkRoute(failures, route, spec, actor, which);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
