import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/utils/env.server";

const base = { SESSION_SECRET: "x".repeat(40) };

describe("configuration", () => {
  it("fills sensible defaults", () => {
    const env = parseEnv(base);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe("file:./data/vivier.db");
  });

  it("stops with a message naming the wrong variable", () => {
    expect(() => parseEnv({ ...base, PORT: "quatre" })).toThrow(/PORT/);
    expect(() => parseEnv({ ...base, DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ SESSION_SECRET: "court" })).toThrow(/SESSION_SECRET/);
    expect(() => parseEnv({ ...base, MEILI_URL: "http://127.0.0.1:7700" })).toThrow(/MEILI_MASTER_KEY/);
  });

  it("takes a PostgreSQL URL as the database", () => {
    expect(parseEnv({ ...base, DATABASE_URL: "postgresql://vivier:secret@db:5432/vivier" }).DATABASE_URL).toBe("postgresql://vivier:secret@db:5432/vivier");
  });

  it("serves from one process unless told how many web processes, or one per core with auto", () => {
    expect(parseEnv(base).WEB_CONCURRENCY).toBe(1);
    expect(parseEnv({ ...base, WEB_CONCURRENCY: "4" }).WEB_CONCURRENCY).toBe(4);
    expect(parseEnv({ ...base, WEB_CONCURRENCY: "auto" }).WEB_CONCURRENCY).toBe(Math.min(64, availableParallelism()));
    for (const wrong of ["0", "65", "1.5", "deux"]) expect(() => parseEnv({ ...base, WEB_CONCURRENCY: wrong })).toThrow(/WEB_CONCURRENCY: must be a number of processes from 1 to 64, or "auto"/);
  });

  it("requires a session secret outside tests", () => {
    expect(() => parseEnv({})).toThrow(/SESSION_SECRET/);
    expect(parseEnv({ NODE_ENV: "test" }).SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });
});
