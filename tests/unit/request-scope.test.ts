import { describe, expect, it } from "vitest";
import { inRequestScope, oncePerRequest } from "~/utils/request-scope.server";

/** Runs `work` inside a request scope, as app/cli/server.ts runs a GET, and returns its result. */
function inScope<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => inRequestScope(() => void work().then(resolve, reject)));
}

describe("oncePerRequest", () => {
  it("reads once per key in a request's scope, however many loaders ask, even at the same time", async () => {
    let reads = 0;
    const read = async () => ++reads;
    const answers = await inScope(() => Promise.all([oncePerRequest("session:a", read), oncePerRequest("session:a", read), oncePerRequest("session:a", read)]));
    expect(answers).toEqual([1, 1, 1]);
    expect(reads).toBe(1);
  });

  it("keeps nothing between requests, between keys, or outside a scope", async () => {
    let reads = 0;
    const read = async () => ++reads;
    expect(await inScope(() => oncePerRequest("session:a", read))).toBe(1);
    expect(await inScope(() => oncePerRequest("session:a", read))).toBe(2);
    expect(await inScope(async () => [await oncePerRequest("session:a", read), await oncePerRequest("session:b", read)])).toEqual([3, 4]);
    // A loader called outside the server (a test, a job): every call reads.
    expect([await oncePerRequest("session:a", read), await oncePerRequest("session:a", read)]).toEqual([5, 6]);
  });

  it("does not keep a failed read: the next loader of the request tries again", async () => {
    let reads = 0;
    const flaky = async () => {
      reads++;
      if (reads === 1) throw new Error("database busy");
      return "user";
    };
    const answers = await inScope(async () => {
      const first = await oncePerRequest("session:a", flaky).catch((e: Error) => e.message);
      const second = await oncePerRequest("session:a", flaky);
      return [first, second];
    });
    expect(answers).toEqual(["database busy", "user"]);
    expect(reads).toBe(2);
  });
});
