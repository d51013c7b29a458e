import { beforeAll, describe, expect, it } from "vitest";
import { offerSearchLoader } from "~/domain/offer-search.server";
import { getSearchClient, getSearchReader, SEARCH_KEY_UID, searchClientRequestCount, searchErrorCode, searchKeyFor } from "../../search/client";
import { checkVersion, ensureSearchKey, SEARCH_KEY_ACTIONS, SearchServerError } from "../../search/server-setup";
import { applySettings, INDEX_NAMES } from "../../search/settings";

/**
 * External Meilisearch (issue 17): the portal checks the server's version at start and searches
 * with a key of its own that can only search, never with the master key (docs/decisions/143).
 */

beforeAll(async () => {
  // Both indexes exist, as after a start.
  await applySettings(getSearchClient());
});

describe("the search-only key", () => {
  it("is not the master key, and is the key the server holds for our uid, with search rights on our indexes only", async () => {
    const masterKey = process.env.MEILI_MASTER_KEY!;
    const value = await ensureSearchKey(getSearchClient());
    expect(value).not.toBe(masterKey);
    expect(searchKeyFor(masterKey)).toBe(value);
    const key = await getSearchClient().getKey(SEARCH_KEY_UID);
    expect([...key.actions].sort()).toEqual([...SEARCH_KEY_ACTIONS].sort());
    expect([...key.indexes].sort()).toEqual([...INDEX_NAMES].sort());
    expect(key.expiresAt).toBeNull();
    // Asked again (another instance starting), it is the same key.
    expect(await ensureSearchKey(getSearchClient())).toBe(value);
  });

  it("carries the domain's searches: the reader's requests grow, the master client's do not", async () => {
    const reader = getSearchReader();
    const master = getSearchClient();
    const [readerBefore, masterBefore] = [searchClientRequestCount(reader), searchClientRequestCount(master)];
    // The public offer search, as /offres runs it.
    const res = await offerSearchLoader({ request: new Request("http://localhost/offres?q=urbanisme"), params: {}, context: {} });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { result: unknown }).result).toBeTruthy();
    expect(searchClientRequestCount(reader)).toBeGreaterThan(readerBefore);
    expect(searchClientRequestCount(master)).toBe(masterBefore);
  });

  it("can search, and can neither write a document, nor read another index, nor see the keys", async () => {
    const reader = getSearchReader();
    const res = await reader.index("candidates").search("", { limit: 1 });
    expect(Array.isArray(res.hits)).toBe(true);
    const refused = async (attempt: () => Promise<unknown>) => {
      try {
        await attempt();
        return "accepted";
      } catch (error) {
        return searchErrorCode(error);
      }
    };
    expect(await refused(() => reader.index("candidates").addDocuments([{ id: "intrus" }]))).toBe("invalid_api_key");
    expect(await refused(() => reader.index("candidates").getDocuments({ limit: 1 }))).toBe("invalid_api_key");
    expect(await refused(() => reader.index("autre-index").search(""))).toBe("invalid_api_key");
    expect(await refused(() => reader.getKeys())).toBe("invalid_api_key");
  });
});

describe("the server's version", () => {
  it("accepts 1.21.x, warns for a later 1.x, and refuses older or 2.x servers with a message in French and English", () => {
    expect(checkVersion("1.21.0")).toEqual({});
    expect(checkVersion("1.21.7")).toEqual({});
    expect(checkVersion("1.24.0").warning).toMatch(/testé avec 1\.21\.x/);
    for (const version of ["1.20.3", "0.30.0", "2.0.0", "nightly"]) {
      expect(() => checkVersion(version), version).toThrow(SearchServerError);
    }
    expect(() => checkVersion("1.12.0")).toThrow(/n’est pas pris en charge.*1\.21\.x[\s\S]*is not supported/);
  });

  it("is read from the server the tests run against, which passes", async () => {
    const { pkgVersion } = await getSearchClient().getVersion();
    expect(checkVersion(pkgVersion)).toEqual({});
  });
});
