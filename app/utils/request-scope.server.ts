import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What one HTTP request of the portal's server has already read, for the loaders that serve it
 * (the root's, the space's and the page's each ask who is signed in). Remix hands each loader
 * its own copy of the Request, so the request object cannot carry it; the server
 * (app/cli/server.ts) runs each GET in a scope of its own instead. Only reads that cannot change
 * during a GET are kept, and a POST gets no scope: its action may open or close a session before
 * its loaders run. Outside a scope (tests calling a loader, background jobs) nothing is kept.
 *
 * One store for the whole process, on globalThis: the server (loaded by tsx) and the Remix build
 * (a bundle with its own copy of this module) must share it.
 */
const KEY = Symbol.for("vivier.requestScope");
const holder = globalThis as unknown as Record<symbol, AsyncLocalStorage<Map<string, Promise<unknown>>> | undefined>;
const scope = (holder[KEY] ??= new AsyncLocalStorage<Map<string, Promise<unknown>>>());

/** Runs `next` (the rest of a GET's handling) in a scope of its own. */
export function inRequestScope(next: () => void): void {
  scope.run(new Map(), next);
}

/** `read()` once per request scope and key; a failed read is not kept (the next caller tries again). */
export function oncePerRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const store = scope.getStore();
  if (!store) return read();
  let value = store.get(key) as Promise<T> | undefined;
  if (!value) {
    value = read();
    store.set(key, value);
    value.catch(() => store.delete(key));
  }
  return value;
}
