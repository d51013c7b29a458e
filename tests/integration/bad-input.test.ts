import { beforeAll, describe, expect, it } from "vitest";
import { MAX_LIST_PAGE } from "~/utils/pagination";
import { loader as mailsLoader } from "~/routes/admin.courriels";
import { loader as vivierLoader } from "~/routes/cabinet.vivier";
import { loader as applicationsLoader } from "~/routes/employeur.postes.$id_.candidatures";
import { loader as positionsLoader } from "~/routes/employeur.postes._index";
import { loader as offersLoader } from "~/routes/offres._index";
import { applySettings } from "../../search/settings";
import { collectivite, position, signedIn } from "../helpers/candidate-requests";
import { Browser, call, createCabinet, createUser } from "../helpers/http";
import { searchClient } from "../helpers/meili";

/**
 * Input no form of ours sends, as someone probing the portal types it: every list answers it
 * as a page it can show (never a 500), the page number bounded.
 */

const ABSURD_PAGES = ["1e20", "50000", "99999999999999999999", "1e400", "Infinity", "-3", "0", "2.5", "abc", "0x10", ""];

/** The page number a list's loader settled on, wherever its JSON keeps it. */
function pageOf(data: Record<string, unknown>): number {
  const found = data.page ?? (data.params as { page?: number } | undefined)?.page ?? (data.result as { page?: number } | null | undefined)?.page;
  return typeof found === "number" ? found : 1;
}

type Loader = Parameters<typeof call>[0];

async function expectBounded(loader: Loader, browser: Browser, path: string, params: Record<string, string> = {}) {
  for (const page of ABSURD_PAGES) {
    const separator = path.includes("?") ? "&" : "?";
    const res = await call(loader, browser.get(`${path}${separator}page=${encodeURIComponent(page)}`), params);
    expect(res.status, `${path} page=${page}`).toBeLessThan(500);
    const page_ = pageOf((await res.json()) as Record<string, unknown>);
    expect(page_, `${path} page=${page}`).toBeGreaterThanOrEqual(1);
    expect(page_, `${path} page=${page}`).toBeLessThanOrEqual(MAX_LIST_PAGE);
  }
}

beforeAll(async () => {
  await applySettings(searchClient());
});

describe("page numbers from the address bar", () => {
  it("shows the admin's mail list for any page number", async () => {
    const admin = await createUser("ADMIN");
    const browser = await Browser.create();
    await browser.signInAs(admin.id);
    await expectBounded(mailsLoader, browser, "/admin/courriels");
  });

  it("shows the employer's positions and a position's applications for any page number", async () => {
    const organization = await collectivite();
    const { browser } = await signedIn("EMPLOYER", { organizationId: organization.id });
    const offer = await position(organization.id);
    await expectBounded(positionsLoader, browser, "/employeur/postes");
    await expectBounded(applicationsLoader, browser, `/employeur/postes/${offer.id}/candidatures`, { id: offer.id });
  });

  it("shows the public offers and the consultant's talent pool for any page number", async () => {
    await expectBounded(offersLoader, await Browser.create(), "/offres");
    const { browser } = await signedIn("CONSULTANT", { organizationId: (await createCabinet()).id });
    await expectBounded(vivierLoader, browser, "/cabinet/vivier?q=directeur");
  });
});
