import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ESLint, type Linter } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";

/**
 * The layering rules of .ci/eslint.config.js bite: small sources, given the path of a file in
 * each layer, are linted with the very settings `npm run lint` uses (imported from the config
 * module), without type information so that the paths need not exist. Their imports name real
 * files, as the rules judge what an import resolves to.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
type LintConfigModule = { layering: Linter.Config; routeModules: Linter.Config; serverPackages: Linter.Config };
const configModule = pathToFileURL(path.join(root, ".ci", "eslint.config.js")).href;
const { layering, routeModules, serverPackages } = (await import(configModule)) as LintConfigModule;

const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ["**/*.{ts,tsx}"], languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ["**/*.{ts,tsx}"], plugins: { "@typescript-eslint": tseslint.plugin } },
    layering,
    routeModules,
    serverPackages,
  ],
});

/** The rules an imaginary file at `filePath` with `code` breaks, with their messages. */
async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result.messages.map((m) => ({ rule: m.ruleId, message: m.message }));
}

async function brokenRules(filePath: string, code: string) {
  const found = await problems(filePath, code);
  expect(found.filter((p) => p.rule === null), "the fixture must parse").toEqual([]);
  return found.map((p) => p.rule);
}

describe("the layering", () => {
  it("keeps the Prisma client out of components", async () => {
    expect(await brokenRules("app/components/talent/Fixture.tsx", `import { db } from "~/utils/db.server";\nexport const n = db;\n`)).toContain(
      "boundaries/dependencies",
    );
  });

  it("refuses a component a value from a .server module, and allows it the type of what a loader returns", async () => {
    const value = await problems(
      "app/components/candidates/Fixture.tsx",
      `import { listOwnContactRequests } from "~/domain/conversations.server";\nexport const f = listOwnContactRequests;\n`,
    );
    expect(value.map((p) => p.message).join("\n")).toMatch(/never imports a value from a \.server module/);
    expect(
      await brokenRules("app/components/positions/Fixture.tsx", `import type { Offer } from "~/domain/positions.server";\nexport type O = Offer;\n`),
    ).toEqual([]);
  });

  it("refuses a component the search client and the search module, even their types", async () => {
    expect(await brokenRules("app/components/talent/Fixture.tsx", `import { getSearchClient } from "../../../search/client";\nexport const c = getSearchClient;\n`)).toContain(
      "boundaries/dependencies",
    );
    expect(await brokenRules("app/components/talent/Fixture.tsx", `import type { CandidateHit } from "../../../search/candidate-search";\nexport type H = CandidateHit;\n`)).toContain(
      "boundaries/dependencies",
    );
  });

  it("keeps search/ from calling the domain or a route", async () => {
    expect(await brokenRules("search/fixture.ts", `import { getOffer } from "../app/domain/positions.server";\nexport const g = getOffer;\n`)).toContain(
      "boundaries/dependencies",
    );
    expect(await brokenRules("search/fixture.ts", `import { loader } from "../app/routes/offres._index";\nexport const l = loader;\n`)).toContain(
      "boundaries/dependencies",
    );
  });

  it("keeps the database and the search engine away from routes", async () => {
    expect(await brokenRules("app/routes/fixture.tsx", `import { db } from "~/utils/db.server";\nexport const loader = () => db;\n`)).toContain(
      "boundaries/dependencies",
    );
    expect(await brokenRules("app/routes/fixture.tsx", `import { getSearchClient } from "../../search/client";\nexport const loader = () => getSearchClient();\n`)).toContain(
      "boundaries/dependencies",
    );
    expect(await brokenRules("app/routes/fixture.tsx", `import { Meilisearch } from "meilisearch";\nexport const loader = () => new Meilisearch({ host: "" });\n`)).toContain(
      "@typescript-eslint/no-restricted-imports",
    );
  });

  it("keeps the gate and the ground floor below the domain", async () => {
    expect(await brokenRules("app/access/fixture.ts", `import { getOffer } from "~/domain/positions.server";\nexport const g = getOffer;\n`)).toContain(
      "boundaries/dependencies",
    );
    expect(await brokenRules("app/reference/fixture.ts", `import { getOffer } from "~/domain/positions.server";\nexport const g = getOffer;\n`)).toContain(
      "boundaries/dependencies",
    );
  });

  it("lets nothing but tests import a route", async () => {
    const importsARoute = `import { loader } from "~/routes/offres._index";\nexport const l = loader;\n`;
    for (const file of ["app/domain/fixture.server.ts", "app/components/Fixture.tsx", "app/routes/fixture.tsx", "app/utils/fixture.ts"]) {
      expect(await brokenRules(file, importsARoute), file).toContain("boundaries/dependencies");
    }
    expect(await brokenRules("tests/integration/fixture.test.ts", importsARoute)).toEqual([]);
  });

  it("refuses a route's page a value that only its loader may use (the /candidat/contacts defect)", async () => {
    // The route as it was: its page rendered a label map imported from a .server module.
    const page = (use: string) => `import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CONTACT_STATUS_LABEL, listOwnContactRequests } from "~/domain/conversations.server";
export async function loader() {
  return json({ rows: await listOwnContactRequests({} as never), labels: ${use === "loader" ? "CONTACT_STATUS_LABEL" : "null"} });
}
export default function Page() {
  const { rows } = useLoaderData<typeof loader>();
  return <ul>{rows.map((r) => <li key={r.id}>{${use === "page" ? "CONTACT_STATUS_LABEL[r.status]" : "r.status"}}</li>)}</ul>;
}
`;
    const inPage = await problems("app/routes/candidat.fixture.tsx", page("page"));
    expect(inPage.map((p) => p.rule)).toContain("vivier/server-values-stay-on-server");
    expect(inPage.map((p) => p.message).join("\n")).toMatch(/CONTACT_STATUS_LABEL/);
    expect(await brokenRules("app/routes/candidat.fixture.tsx", page("loader"))).toEqual([]);
  });

  it("lets each layer import what is below it", async () => {
    const allowed: Array<[string, string]> = [
      ["app/routes/fixture.tsx", `import { getOffer } from "~/domain/positions.server";\nimport { OfferList } from "~/components/positions/OfferList";\nimport { requireUser } from "~/utils/auth.server";\nimport { FILIERES } from "~/reference/statute";\nexport const loader = () => [getOffer, requireUser];\nexport default function Page() {\n  return <OfferList hits={[]} />;\n}\nexport const filieres = FILIERES;\n`],
      ["app/components/Fixture.tsx", `import { FILIERES } from "~/reference/statute";\nimport { positionSchema } from "~/schemas/position";\nimport { Field } from "~/components/ui/Field";\nexport const a = [FILIERES, positionSchema, Field];\n`],
      ["app/domain/fixture.server.ts", `import { db } from "~/utils/db.server";\nimport { getCommune } from "~/reference/territory.server";\nimport { searchOffers } from "../../search/offer-search";\nexport const a = [db, getCommune, searchOffers];\n`],
      ["app/access/fixture.ts", `import { getCommune } from "~/reference/territory.server";\nimport { jsonArray } from "~/utils/json";\nimport type { Prisma } from "~/generated/prisma/client";\nexport type P = Prisma.PositionWhereInput;\nexport const a = [getCommune, jsonArray];\n`],
      ["search/fixture.ts", `import { getCadre } from "../app/reference/statute";\nimport { canEnter } from "../app/access/spaces";\nexport const a = [getCadre, canEnter];\n`],
      ["app/reference/fixture.ts", `import { getCadre } from "./statute";\nexport const a = [getCadre];\n`],
    ];
    for (const [file, code] of allowed) expect(await brokenRules(file, code), file).toEqual([]);
  });
});
