import { createRequire } from "node:module";
import type * as RemixRouter from "@remix-run/router";
import { describe, expect, it, vi } from "vitest";

/**
 * `.patches/@remix-run+router+*.patch` (decision 148): on the server, @remix-run/router keeps
 * each routes array's flattened and ranked branches, and each path's compiled pattern, instead of
 * making them again at every match. Loaded as Node loads it for Remix's server (its CommonJS
 * build, the one patched): these fail if `npm ci` did not apply the patch, or if matching after
 * the first time gave anything else than the first time.
 */
const { matchRoutes } = createRequire(import.meta.url)("@remix-run/router") as typeof RemixRouter;

type Route = RemixRouter.AgnosticRouteObject;

const routes: Route[] = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      {
        id: "cabinet",
        path: "cabinet",
        children: [
          { id: "cabinet.index", index: true },
          { id: "cabinet.vivier", path: "vivier" },
          { id: "cabinet.mission", path: "missions/:id" },
          { id: "cabinet.mission.candidate", path: "missions/:id/candidats/:entryId" },
          { id: "cabinet.mission.new", path: "missions/nouvelle" },
        ],
      },
      { id: "offres", path: "offres" },
      { id: "offre", path: "offres/:id" },
      { id: "optional", path: "region/:code?" },
      { id: "csv", path: "postes/:id/declaration.csv" },
      { id: "strict", path: "Strict", caseSensitive: true },
      { id: "splat", path: "*" },
    ],
  },
];

const TABLE: Array<[pathname: string, ids: string[] | null, params: Record<string, string>]> = [
  ["/", ["root", "home"], {}],
  ["/cabinet", ["root", "cabinet", "cabinet.index"], {}],
  ["/cabinet/vivier", ["root", "cabinet", "cabinet.vivier"], {}],
  ["/CABINET/Vivier/", ["root", "cabinet", "cabinet.vivier"], {}],
  ["/cabinet/missions/nouvelle", ["root", "cabinet", "cabinet.mission.new"], {}],
  ["/cabinet/missions/m-42", ["root", "cabinet", "cabinet.mission"], { id: "m-42" }],
  ["/cabinet/missions/m-7/candidats/e-9", ["root", "cabinet", "cabinet.mission.candidate"], { id: "m-7", entryId: "e-9" }],
  ["/offres", ["root", "offres"], {}],
  ["/offres/%C3%A9t%C3%A9", ["root", "offre"], { id: "été" }],
  ["/region", ["root", "optional"], {}],
  ["/region/53", ["root", "optional"], { code: "53" }],
  ["/postes/p-1/declaration.csv", ["root", "csv"], { id: "p-1" }],
  ["/Strict", ["root", "strict"], {}],
  ["/strict", ["root", "splat"], { "*": "strict" }],
  ["/nulle/part", ["root", "splat"], { "*": "nulle/part" }],
];

const ids = (matches: ReturnType<typeof matchRoutes>) => matches?.map((m) => m.route.id) ?? null;
const params = (matches: ReturnType<typeof matchRoutes>) => ({ ...matches?.at(-1)?.params });

describe("route matching (patched @remix-run/router)", () => {
  it("matches every path the same, the first time and every time after, in any order", () => {
    for (const [pathname, expectedIds, expectedParams] of TABLE) {
      const matches = matchRoutes(routes, pathname);
      expect(ids(matches), pathname).toEqual(expectedIds);
      expect(params(matches), pathname).toEqual(expectedParams);
    }
    for (const [pathname, expectedIds, expectedParams] of [...TABLE].reverse()) {
      const matches = matchRoutes(routes, pathname);
      expect(ids(matches), pathname).toEqual(expectedIds);
      expect(params(matches), pathname).toEqual(expectedParams);
    }
  });

  it("gives each match its own parameters, which a later match leaves alone", () => {
    const first = matchRoutes(routes, "/cabinet/missions/a");
    const second = matchRoutes(routes, "/cabinet/missions/b");
    expect(first?.at(-1)?.params).toEqual({ id: "a" });
    expect(second?.at(-1)?.params).toEqual({ id: "b" });
    expect(first?.at(-1)?.params).not.toBe(second?.at(-1)?.params);
  });

  it("compiles a path once: its warning, given at compilation, comes once however often it matches", () => {
    const { matchPath } = createRequire(import.meta.url)("@remix-run/router") as typeof RemixRouter;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      // A path ending in `*` without `/` is compiled as `/compile-once/*`, with a warning.
      for (const pathname of ["/compile-once/a", "/compile-once/b", "/compile-once/c"]) {
        expect(matchPath({ path: "/compile-once*" }, pathname)?.params).toEqual({ "*": pathname.slice("/compile-once/".length) });
      }
      expect(warn.mock.calls.filter(([message]) => String(message).includes("/compile-once*"))).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });

  it("flattens a routes array once: later matches read none of its routes' paths again", () => {
    let reads = 0;
    const counted: Route[] = [
      {
        id: "root",
        get path() {
          reads += 1;
          return "";
        },
        children: [{ id: "a", path: "a" }, { id: "b", path: "b/:x" }],
      },
    ];
    expect(ids(matchRoutes(counted, "/a"))).toEqual(["root", "a"]);
    const afterFirst = reads;
    expect(afterFirst).toBeGreaterThan(0);
    expect(ids(matchRoutes(counted, "/b/1"))).toEqual(["root", "b"]);
    expect(ids(matchRoutes(counted, "/a"))).toEqual(["root", "a"]);
    expect(reads).toBe(afterFirst);
    // Another array (Remix's render builds its own) is flattened on its own.
    const copy: Route[] = counted.map((r) => ({ ...r }));
    expect(ids(matchRoutes(copy, "/b/2"))).toEqual(["root", "b"]);
  });
});

/**
 * `.patches/react-router-dom+*.patch`: the static router Remix renders with converts a routes
 * array to data routes once, and still gives each render its own matches.
 */
describe("the static router of a render (patched react-router-dom/server)", () => {
  const { createStaticRouter } = createRequire(import.meta.url)("react-router-dom/server") as typeof import("react-router-dom/server");
  const { createStaticHandler } = createRequire(import.meta.url)("@remix-run/router") as typeof RemixRouter;
  const handler = createStaticHandler(routes);

  async function contextOf(pathname: string) {
    const context = await handler.query(new Request(`http://localhost${pathname}`));
    if (context instanceof Response) throw new Error(`${pathname}: ${context.status}`);
    return context;
  }

  it("converts the same routes once, and matches each render's own location", async () => {
    const [a, b] = [await contextOf("/cabinet/missions/a"), await contextOf("/offres/b")];
    const [ra, rb] = [createStaticRouter(routes, a), createStaticRouter(routes, b)];
    expect(ra.routes).toBe(rb.routes);
    expect(ra.state.matches.map((m) => [m.route.id, m.params])).toEqual([
      ["root", { id: "a" }],
      ["cabinet", { id: "a" }],
      ["cabinet.mission", { id: "a" }],
    ]);
    expect(rb.state.matches.map((m) => [m.route.id, m.params])).toEqual([
      ["root", { id: "b" }],
      ["offre", { id: "b" }],
    ]);
    // The matches point at the converted routes, as without the patch.
    expect(ra.routes[0]!.children!.find((r) => r.id === "cabinet")).toBe(ra.state.matches[1]!.route);
  });
});

/**
 * `.patches/@remix-run+react+*.patch`: Remix's render gives the static router the same routes at
 * every render of a build, so that the conversion above is kept. A build of two routes rendered
 * twice by RemixServer, as app/entry.server.tsx does, loaded as Node loads it for the server.
 */
describe("Remix's render (patched @remix-run/react)", () => {
  it("hands the static router the same routes at every render, and each render its own page", async () => {
    const require = createRequire(import.meta.url);
    const React = require("react") as typeof import("react");
    const { renderToString } = require("react-dom/server") as typeof import("react-dom/server");
    const { RemixServer, Outlet } = require("@remix-run/react") as typeof import("@remix-run/react");
    const staticRouter = require("react-router-dom/server") as { createStaticRouter: (...args: unknown[]) => unknown };
    const { createStaticHandler } = require("@remix-run/router") as typeof RemixRouter;

    const manifestRoute = (id: string, parentId: string | undefined, path: string | undefined, index?: boolean) => ({
      id, parentId, path, index, caseSensitive: undefined, module: `/build/${id}.js`, imports: [],
      hasAction: false, hasLoader: false, hasClientAction: false, hasClientLoader: false, hasErrorBoundary: false,
    });
    const manifest = {
      entry: { module: "/build/entry.client.js", imports: [] },
      routes: { root: manifestRoute("root", undefined, ""), home: manifestRoute("home", "root", undefined, true), page: manifestRoute("page", "root", "pages/:slug") },
      version: "test", url: "/build/manifest.js",
    };
    const routeModules = {
      root: { default: () => React.createElement("main", null, React.createElement(Outlet)) },
      home: { default: () => React.createElement("h1", null, "Accueil") },
      page: { default: () => React.createElement("h1", null, "Une page") },
    };
    const handler = createStaticHandler([{ id: "root", path: "", children: [{ id: "home", index: true }, { id: "page", path: "pages/:slug" }] }]);

    const seen: unknown[] = [];
    const original = staticRouter.createStaticRouter;
    staticRouter.createStaticRouter = (...args: unknown[]) => {
      seen.push(args[0]);
      return original(...args);
    };
    try {
      const html: string[] = [];
      for (const pathname of ["/", "/pages/a", "/pages/b"]) {
        const staticHandlerContext = await handler.query(new Request(`http://localhost${pathname}`));
        if (staticHandlerContext instanceof Response) throw new Error(`${pathname}: ${staticHandlerContext.status}`);
        const context = {
          manifest, routeModules, staticHandlerContext, serverHandoffString: "{}", future: { v3_fetcherPersist: false, v3_relativeSplatPath: false, v3_throwAbortReason: false, v3_routeConfig: false, v3_singleFetch: false, v3_lazyRouteDiscovery: false, unstable_optimizeDeps: false },
          isSpaMode: false, criticalCss: undefined,
        };
        html.push(renderToString(React.createElement(RemixServer, { context: context as never, url: `http://localhost${pathname}` })));
      }
      expect(html[0]).toContain("<h1>Accueil</h1>");
      expect(html[1]).toContain("<h1>Une page</h1>");
      expect(html[2]).toContain("<h1>Une page</h1>");
      expect(seen).toHaveLength(3);
      expect(seen[1]).toBe(seen[0]);
      expect(seen[2]).toBe(seen[0]);
    } finally {
      staticRouter.createStaticRouter = original;
    }
  });
});
