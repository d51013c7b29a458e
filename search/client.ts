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

const globalForSearch = globalThis as unknown as { __vivierSearch?: { key: string; client: Meilisearch } };

/**
 * The process's client, for the server set in MEILI_URL / MEILI_MASTER_KEY (the start script
 * sets both for the portal process, embedded server or not).
 */
export function getSearchClient(): Meilisearch {
  const url = process.env.MEILI_URL;
  const masterKey = process.env.MEILI_MASTER_KEY;
  if (!url || !masterKey) {
    throw new Error("MEILI_URL and MEILI_MASTER_KEY must be set (the start script sets them; see search/meili-process.ts).");
  }
  const key = `${url}\n${masterKey}`;
  const cached = globalForSearch.__vivierSearch;
  if (cached?.key === key) return cached.client;
  // The environment changed (tests pointing at another server): the old pool is dropped.
  if (cached) void closeSearchClient(cached.client);
  const client = createSearchClient({ url, masterKey });
  globalForSearch.__vivierSearch = { key, client };
  return client;
}
