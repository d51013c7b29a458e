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

  it("requires a session secret outside tests", () => {
    expect(() => parseEnv({})).toThrow(/SESSION_SECRET/);
    expect(parseEnv({ NODE_ENV: "test" }).SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
  });
});
