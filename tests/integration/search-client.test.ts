import { MeilisearchApiError, MeilisearchRequestError } from "meilisearch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  closeSearchClient,
  createSearchClient,
  getSearchClient,
  searchApiError,
  searchClientRequestCount,
  searchErrorCode,
  searchErrorMessage,
} from "../../search/client";

describe("the search client", () => {
  const realFetch = globalThis.fetch;
  beforeEach(() => {
    // The client must never fall back to the global fetch (~44 ms a call on our machines).
    globalThis.fetch = () => Promise.reject(new Error("the search client used the global fetch"));
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it("sends every request through its undici pool, not the global fetch", async () => {
    const client = getSearchClient();
    const before = searchClientRequestCount(client);
    expect((await client.health()).status).toBe("available");
    const version = await client.getVersion();
    expect(version.pkgVersion).toMatch(/^\d+\.\d+/);
    expect(searchClientRequestCount(client)).toBe(before + 2);
  });

  it("writes, waits for tasks and searches through the pool", async () => {
    const client = getSearchClient();
    const uid = `client_test_${Date.now()}`;
    await client.createIndex(uid, { primaryKey: "id" }).waitTask();
    const task = await client.index(uid).addDocuments([{ id: "a", title: "Directeur des finances" }]).waitTask();
    expect(task.status).toBe("succeeded");
    const res = await client.index(uid).search("finances");
    expect(res.hits.map((h) => h.id)).toEqual(["a"]);
    await client.deleteIndex(uid).waitTask();
  });

  it("gives Meilisearch's own message and code on a 4xx", async () => {
    const client = getSearchClient();
    const error = await client.index("no_such_index_here").getRawInfo().catch((e: unknown) => e);
    // The client wraps what a custom httpClient throws; the API error is its cause.
    expect(error).toBeInstanceOf(MeilisearchRequestError);
    const api = searchApiError(error);
    expect(api).toBeInstanceOf(MeilisearchApiError);
    expect(api?.response.status).toBe(404);
    expect(searchErrorCode(error)).toBe("index_not_found");
    expect(searchErrorMessage(error)).toMatch(/^404: Index `no_such_index_here` not found/);
  });

  it("handles an answer without a body (204)", async () => {
    const client = getSearchClient();
    const key = await client.createKey({ actions: ["search"], indexes: ["*"], expiresAt: null, description: "test key" });
    await expect(client.deleteKey(key.key)).resolves.toBeUndefined();
  });

  it("reports a server that does not answer as a request error", async () => {
    const client = createSearchClient({ url: "http://127.0.0.1:9", masterKey: "0123456789abcdef0123" });
    const error = await client.health().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchRequestError);
    expect(searchErrorCode(error)).toBeUndefined();
    expect(searchErrorMessage(error)).toMatch(/Request to http:\/\/127\.0\.0\.1:9\/health has failed: .*ECONNREFUSED/);
    await closeSearchClient(client);
  });
});
