import { createHmac } from "node:crypto";
import { Meilisearch, MeilisearchApiError, MeilisearchRequestError, type Config } from "meilisearch";
import { Pool } from "undici";

/**
 * The one place that builds the Meilisearch client. Server-only.
 *
 * Every request goes through an undici Pool rather than the global fetch: on our machines the
 * built-in fetch waits ~44 ms per POST (a TCP stall between its separate writes and delayed
 * ACKs), the pool ~1 ms. meilisearch-js 0.62 marks `httpClient` deprecated; a test
 * (tests/integration/search-client.test.ts) fails if an upgrade stops calling it.
 */

type HttpClient = NonNullable<Config["httpClient"]>;

export type SearchClientOptions = {
  url: string;
  /** The API key sent: the master key, or the search key (getSearchReader). */
  masterKey: string;
  /** Sockets kept open to Meilisearch. */
  connections?: number;
  /** Per-request timeout in ms. */
  timeout?: number;
};

type ClientInternals = { pool: Pool; requests: number };
const internals = new WeakMap<Meilisearch, ClientInternals>();

function headersToRecord(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(headers).forEach((value, key) => { out[key] = value; });
  return out;
}

function poolHttpClient(pool: Pool, origin: string, state: ClientInternals): HttpClient {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.origin !== origin) throw new Error(`Search client for ${origin} asked to reach ${url.origin}`);
    state.requests += 1;
    // The client reuses one signal for all the polls of a task wait; a signal of our own per
    // request, linked to it, keeps listeners from piling up on the shared one.
    const outer = init?.signal ?? undefined;
    outer?.throwIfAborted();
    const controller = new AbortController();
    const onAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener("abort", onAbort, { once: true });
    let statusCode: number;
    let text: string;
    try {
      const res = await pool.request({
        path: url.pathname + url.search,
        method: (init?.method ?? "GET") as "GET",
        headers: headersToRecord(init?.headers),
        body: typeof init?.body === "string" ? init.body : undefined,
        signal: controller.signal,
      });
      statusCode = res.statusCode;
      text = await res.body.text();
    } finally {
      outer?.removeEventListener("abort", onAbort);
    }
    const parsed: unknown = text === "" ? undefined : JSON.parse(text);
    if (statusCode >= 400) {
      // The error the client throws with fetch. With a custom httpClient the client wraps
      // whatever is thrown in a MeilisearchRequestError; use searchErrorCode/searchErrorMessage.
      throw new MeilisearchApiError(
        new Response(null, { status: statusCode }),
        parsed as ConstructorParameters<typeof MeilisearchApiError>[1],
      );
    }
    return parsed;
  };
}

/** The Meilisearch API error behind an error of the client, if there is one. */
export function searchApiError(error: unknown): MeilisearchApiError | undefined {
  if (error instanceof MeilisearchApiError) return error;
  if (error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError) return error.cause;
  return undefined;
}

/** Meilisearch's error code (index_not_found, invalid_search_filter…) behind an error, if any. */
export function searchErrorCode(error: unknown): string | undefined {
  return searchApiError(error)?.cause?.code;
}

/** A message saying what went wrong, Meilisearch's own when it answered. */
export function searchErrorMessage(error: unknown): string {
  const api = searchApiError(error);
  if (api) return `${api.response.status}: ${api.message}`;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

/** A client for one server, with its own connection pool. */
export function createSearchClient(options: SearchClientOptions): Meilisearch {
  const origin = new URL(options.url).origin;
  const timeout = options.timeout ?? 15_000;
  const pool = new Pool(origin, {
    connections: options.connections ?? 16,
    keepAliveTimeout: 30_000,
    // The time limit per request lives here rather than in the client's `timeout` option, which
    // with a custom httpClient leaks an abort listener per poll of a task wait (0.62).
    headersTimeout: timeout,
    bodyTimeout: timeout,
  });
  const state: ClientInternals = { pool, requests: 0 };
  const client = new Meilisearch({
    host: origin,
    apiKey: options.masterKey,
    httpClient: poolHttpClient(pool, origin, state),
    defaultWaitOptions: { timeout: 30_000, interval: 25 },
  });
  internals.set(client, state);
  return client;
}

/** How many requests this client sent through its pool (for the test that guards the transport). */
export function searchClientRequestCount(client: Meilisearch): number {
  return internals.get(client)?.requests ?? 0;
}

/** Closes the client's sockets; the client must not be used afterwards. */
export async function closeSearchClient(client: Meilisearch): Promise<void> {
  const state = internals.get(client);
  if (state && !state.pool.closed) await state.pool.close();
}

const globalForSearch = globalThis as unknown as {
  __vivierSearch?: { key: string; client: Meilisearch };
  __vivierSearchReader?: { key: string; client: Meilisearch };
};

function serverFromEnv(): { url: string; masterKey: string } {
  const url = process.env.MEILI_URL;
  const masterKey = process.env.MEILI_MASTER_KEY;
  if (!url || !masterKey) {
    throw new Error("MEILI_URL and MEILI_MASTER_KEY must be set (the start script sets them; see search/meili-process.ts).");
  }
  return { url, masterKey };
}

function cachedClient(slot: "__vivierSearch" | "__vivierSearchReader", url: string, apiKey: string): Meilisearch {
  const key = `${url}\n${apiKey}`;
  const cached = globalForSearch[slot];
  if (cached?.key === key) return cached.client;
  // The environment changed (tests pointing at another server): the old pool is dropped.
  if (cached) void closeSearchClient(cached.client);
  const client = createSearchClient({ url, masterKey: apiKey });
  globalForSearch[slot] = { key, client };
  return client;
}

/**
 * The process's client with the master key, for the server set in MEILI_URL / MEILI_MASTER_KEY
 * (the start script sets both for the portal process, embedded server or not): index settings
 * and updates (the outbox, the reindex). Searches use getSearchReader().
 */
export function getSearchClient(): Meilisearch {
  const { url, masterKey } = serverFromEnv();
  return cachedClient("__vivierSearch", url, masterKey);
}

/**
 * The uid of the key the portal searches with (search/server-setup.ts creates it at start).
 * Meilisearch derives a key's value from its uid and the master key (HMAC-SHA256, hex), so every
 * instance that knows the master key knows this key without asking, and it follows a change of
 * master key by itself.
 */
export const SEARCH_KEY_UID = "3f0b8a52-6c1d-4e27-9a4b-8d2f1c7e5a10";

export function searchKeyFor(masterKey: string): string {
  return createHmac("sha256", masterKey).update(SEARCH_KEY_UID).digest("hex");
}

/**
 * The process's client for searches: it holds the search-only key, never the master key, so
 * that a search, whatever it is made to send, can only search our indexes (docs/decisions/143).
 */
export function getSearchReader(): Meilisearch {
  const { url, masterKey } = serverFromEnv();
  return cachedClient("__vivierSearchReader", url, searchKeyFor(masterKey));
}
