/**
 * Vivier's lint: the layering of the code (who may import whom, docs/decisions/008-layering-checked-by-eslint.md),
 * React's rules of hooks, floating promises and typescript-eslint's recommended set.
 * `npm run lint` runs it (`eslint --config .ci/eslint.config.js`); `npm test` runs that first.
 *
 * It lives in .ci/ because the top level of the repository holds only what the README lists;
 * ESLint finds it through --config, so an editor needs the same setting (VS Code:
 * "eslint.options": { "overrideConfigFile": ".ci/eslint.config.js" }).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import boundaries from "eslint-plugin-boundaries";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { vivierPlugin } from "./eslint-server-values.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

// ---------------------------------------------------------------------------------------------
// The layers. Every file gets its layer (the first pattern that matches) and, before that, the
// tags that say what kind of module it is. Patterns are relative to the repository's top.

/** Tags: kept alongside the layer. */
const TAGS = [
  // A module the browser bundle leaves out (Remix replaces it by an empty module there).
  { category: "server", pattern: "**/*.server.{ts,tsx}" },
  // The Prisma client: only the domain, the gate, search/, the seed and the commands hold it.
  { category: "db", pattern: "app/utils/db.server.ts" },
  // Request helpers a route may call itself: the session, the CSRF check, requireUser.
  { category: "edge", pattern: "app/utils/{session,csrf,auth}.server.ts" },
];

/** Layers, first match wins. */
export const LAYERS = [
  { category: "generated", pattern: "app/generated/**" }, // the Prisma client, generated
  { category: "reference", pattern: "app/reference/**" }, // the ground floor: statute, territory
  // The gate: every rule about who may see or do what (docs/decisions/010-the-gate.md).
  { category: "access", pattern: ["app/access/**"] },
  { category: "domain", pattern: "app/domain/**" },
  { category: "schemas", pattern: "app/schemas/**" },
  { category: "ui", pattern: "app/components/ui/**" },
  { category: "components", pattern: "app/components/**" },
  { category: "routes", pattern: "app/routes/**" },
  { category: "utils", pattern: "app/utils/**" },
  { category: "cli", pattern: "app/cli/**" },
  { category: "root", pattern: ["app/root.tsx", "app/entry.client.tsx", "app/entry.server.tsx"] },
  { category: "styles", pattern: "app/styles/**" },
  { category: "bench", pattern: ["search/bench.ts", "search/bench-*.ts", "search/bench/**"] },
  { category: "search", pattern: "search/**" },
  { category: "seed", pattern: ["prisma/seed.ts", "prisma/seed/**"] },
  { category: "data", pattern: "prisma/data/**" },
  { category: "tests", pattern: "tests/**" },
  { category: "config", pattern: ["prisma.config.ts", "remix.config.js", ".ci/**"] },
];

const layer = (...names) => ({ file: { categories: names } });
const browserSafeUtils = { file: { categories: { allOf: ["utils"], noneOf: ["server"] } } };
const edgeUtils = { file: { categories: { allOf: ["utils", "edge"] } } };

/**
 * Who may import whom. Anything not allowed here is refused; when several policies match an
 * import, the last one decides (so the "never" policies come last).
 */
export const LAYER_POLICIES = [
  // A route parses, calls the domain (or the gate) and renders with components.
  { from: layer("routes", "root"), allow: { to: layer("domain", "access", "components", "ui", "schemas", "reference") } },
  { from: layer("routes", "root"), allow: { to: edgeUtils } },
  { from: layer("routes", "root", "components", "ui", "schemas"), allow: { to: browserSafeUtils } },
  { from: layer("root", "routes"), allow: { to: layer("styles") } },

  // Components render: schemas, reference, other components, and the shapes of what loaders
  // return, as types only (docs/decisions/009-type-only-imports.md).
  { from: layer("components"), allow: { to: layer("components", "ui", "schemas", "reference") } },
  // …and the gate's browser-safe rules (spaces, the anonymous distance's bands); its .server
  // modules stay out by the rule on server values below.
  { from: layer("components", "ui"), allow: { to: { file: { path: ["app/access/spaces.ts", "app/access/anonymous-distance.ts"] } } } },
  { from: layer("ui"), allow: { to: layer("ui") } },
  { from: layer("components", "ui"), allow: { to: layer("domain", "access"), dependency: { kind: "type" } } },

  // The business.
  { from: layer("domain"), allow: { to: layer("domain", "access", "reference", "schemas", "utils", "search", "generated") } },
  // The gate decides from the data and the ground floor, never from the business above it.
  { from: layer("access"), allow: { to: layer("access", "reference", "schemas", "utils", "generated") } },
  // Schemas run in the browser too.
  // The schemas read the gate's browser-safe rules (the anonymous-distance radius of the URL schema).
  { from: layer("schemas"), allow: { to: layer("schemas", "reference", "access") } },
  // The ground floor stands on its data only.
  { from: layer("reference"), allow: { to: layer("reference", "data") } },
  // requireUser (auth.server.ts) asks the gate which space a role may enter.
  { from: layer("utils"), allow: { to: layer("utils", "generated", "access") } },
  // search/ applies the gate's filters to what the domain asks; it never calls the domain.
  { from: layer("search"), allow: { to: layer("search", "access", "reference", "schemas", "utils", "generated") } },
  // `npm run search:reindex` prepares the environment the way `npm start` does (see decision 008).
  { from: { file: { path: "search/reindex.ts" } }, allow: { to: { file: { path: "app/cli/prepare.ts" } }, dependency: { kind: "value", nodeKind: "dynamic-import" } } },
  // The benchmarks measure the portal's own functions, the domain's suggestions included, and the
  // mission page's loaders as Remix calls them (search/bench-missions.ts); bench:load's floor
  // renders its rows with the portal's own components (decision 092).
  { from: layer("bench"), allow: { to: layer("bench", "search", "seed", "domain", "access", "reference", "schemas", "utils", "generated", "routes", "components") } },
  // bench:load starts PostgreSQL as `npm run test:postgres` does, from the same helper.
  { from: layer("bench"), allow: { to: { file: { path: "tests/helpers/postgres.ts" } } } },
  { from: layer("seed"), allow: { to: layer("seed", "reference", "schemas", "utils", "generated", "data") } },
  { from: layer("cli"), allow: { to: layer("cli", "domain", "access", "reference", "schemas", "utils", "search", "seed", "generated") } },
  { from: layer("config"), allow: { to: layer("config") } },
  { from: layer("config"), allow: { to: browserSafeUtils } },
  { from: layer("tests"), allow: { to: { file: { isUnknown: false } } } },

  // Never, whatever is allowed above:
  {
    from: layer("components", "ui"),
    disallow: { to: layer("server"), dependency: { kind: "value" } },
    message: "A component never imports a value from a .server module: the browser bundle leaves that module out, so the value is undefined there.",
  },
  {
    from: layer("routes", "root", "components", "ui", "schemas", "reference", "config"),
    disallow: { to: layer("db") },
    message: "The Prisma client (app/utils/db.server.ts) is for the domain, the gate, search/, the seed and the commands: call a domain function.",
  },
  {
    from: { file: { categories: { noneOf: ["tests", "bench"] } } },
    disallow: { to: layer("routes") },
    message: "Nothing imports a route (tests and benchmarks excepted): move what is shared to the domain, a component or a schema.",
  },
];

/** The boundaries plugin's settings and rule: the same object for `npm run lint` and tests/unit/layering.test.ts. */
export const layering = {
  name: "vivier/layering",
  files: ["**/*.{ts,tsx,js}"],
  plugins: { boundaries },
  settings: {
    "boundaries/root-path": ROOT,
    "boundaries/files": [...TAGS, ...LAYERS.map((l) => ({ ...l, stopMatching: true }))],
    "boundaries/dependency-nodes": ["import", "export", "dynamic-import"],
    "import/resolver": {
      typescript: { project: path.join(ROOT, "tsconfig.json") },
      node: { extensions: [".ts", ".tsx", ".js", ".json"] },
    },
  },
  rules: {
    "boundaries/dependencies": ["error", { default: "disallow", checkUnknownLocals: true, policies: LAYER_POLICIES }],
  },
};

/** A route's browser part uses no value of a .server module (.ci/eslint-server-values.js). */
export const routeModules = {
  name: "vivier/route-modules",
  files: ["app/routes/**/*.{ts,tsx}", "app/root.tsx"],
  plugins: { vivier: vivierPlugin },
  rules: { "vivier/server-values-stay-on-server": "error" },
};

/** Server packages stay out of the layers that reach the browser or only parse and render. */
export const serverPackages = {
  name: "vivier/server-packages",
  files: ["app/routes/**/*.{ts,tsx}", "app/root.tsx", "app/components/**/*.{ts,tsx}", "app/schemas/**/*.{ts,tsx}"],
  rules: {
    "@typescript-eslint/no-restricted-imports": [
      "error",
      {
        paths: [
          { name: "meilisearch", message: "Only search/ talks to Meilisearch: call a domain function.", allowTypeImports: true },
          { name: "better-sqlite3", message: "Only the domain and its helpers reach the database: call a domain function.", allowTypeImports: true },
        ],
        patterns: [{ group: ["@prisma/*", "**/generated/prisma/*"], message: "The Prisma client is the domain's: call a domain function.", allowTypeImports: true }],
      },
    ],
  },
};

const config = [
  { name: "vivier/ignores", ignores: ["node_modules/", "build/", "public/build/", ".cache/", "app/generated/", "tests/.tmp/", "data/", "search/bench/floor/build/", "search/bench/floor/public/build/", "search/bench/floor/.cache/"] },
  { ...js.configs.recommended, files: ["**/*.{ts,tsx,js}"] },
  ...tseslint.configs.recommended.map((c) => ({ ...c, files: ["**/*.{ts,tsx}"] })),
  {
    name: "vivier/typescript",
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: ROOT },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // A type-only import written `import { type X }` is still a value import for bundlers and
      // for the layering rules: write `import type { X }`.
      "@typescript-eslint/no-import-type-side-effects": "error",
      // A name starting with _ is unused on purpose (a field dropped by destructuring, a required parameter).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    name: "vivier/javascript",
    files: ["**/*.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: "vivier/react-hooks",
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  layering,
  routeModules,
  serverPackages,
];

// Patterns relative to the repository's top, wherever ESLint is started from.
export default config.map((c) => ({ basePath: ROOT, ...c }));
