import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import type { ServerRouteModule } from "@remix-run/server-runtime/dist/routeModules";

/**
 * The portal's route tree, read from app/routes/ the way the Remix compiler reads it (its own
 * flatRoutes, with remix.config.js's ignored files), and a server build made of the route
 * modules themselves: what `remix build` would bundle, without the bundling. Integration tests
 * hand it to the real Express server (app/cli/server.ts), so that a request goes through the
 * security headers, Remix's route matching, every matched loader, the action and the page's
 * rendering, as in production, against the test database.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const APP = path.join(ROOT, "app");
const IGNORED = ["**/.*", "**/*.test.{ts,tsx}"];

export type RouteNode = {
  id: string;
  parentId: string | undefined;
  /** The full URL pattern, e.g. /cabinet/missions/:id/candidats/:entryId. */
  pattern: string;
  /** Its own path segment(s), as Remix's manifest holds them. */
  path: string | undefined;
  index: boolean;
  file: string;
  module: ServerRouteModule;
};

/** Every route of app/routes/ (root aside), with its module and its full URL pattern. */
export async function routeTree(): Promise<RouteNode[]> {
  const manifest = flatRoutes(APP, IGNORED);
  const nodes: RouteNode[] = [];
  const fullPath = (id: string): string => {
    const route = manifest[id];
    if (!route) return "";
    const own = route.path ?? "";
    const parent = route.parentId && route.parentId !== "root" ? fullPath(route.parentId) : "";
    return [parent, own].filter(Boolean).join("/");
  };
  for (const route of Object.values(manifest)) {
    const module = (await import(path.join(APP, route.file))) as ServerRouteModule;
    nodes.push({ id: route.id, parentId: route.parentId, pattern: `/${fullPath(route.id)}`, path: route.path, index: route.index ?? false, file: route.file, module });
  }
  return nodes.sort((a, b) => a.id.localeCompare(b.id));
}

/** A server build of the routes (with app/root.tsx and app/entry.server.tsx), as `remix build` makes it. */
export async function serverBuild(routes: RouteNode[]): Promise<ServerBuild> {
  const root = (await import(path.join(APP, "root.tsx"))) as ServerRouteModule;
  const entry = (await import(path.join(APP, "entry.server.tsx"))) as ServerBuild["entry"]["module"];
  const all = [{ id: "root", parentId: undefined, path: "", index: false, module: root }, ...routes.map((r) => ({ id: r.id, parentId: r.parentId, path: r.path, index: r.index, module: r.module }))];
  return {
    mode: "production",
    entry: { module: entry },
    routes: Object.fromEntries(all.map((r) => [r.id, { id: r.id, parentId: r.parentId, path: r.path, index: r.index || undefined, caseSensitive: undefined, module: r.module }])),
    assets: {
      entry: { module: "/build/entry.client.js", imports: [] },
      url: "/build/manifest-test.js",
      version: "test",
      routes: Object.fromEntries(
        all.map((r) => [
          r.id,
          {
            id: r.id, parentId: r.parentId, path: r.path, index: r.index || undefined, module: `/build/${r.id}.js`,
            hasLoader: Boolean(r.module.loader), hasAction: Boolean(r.module.action), hasClientLoader: false, hasClientAction: false,
            hasErrorBoundary: Boolean(r.module.ErrorBoundary),
          },
        ]),
      ),
    },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: false, v3_relativeSplatPath: false, v3_throwAbortReason: false, v3_lazyRouteDiscovery: false, v3_singleFetch: false },
    isSpaMode: false,
  };
}
