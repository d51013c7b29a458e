import { afterEach, describe, expect, it } from "vitest";
import { loader } from "~/routes/healthz";

function callLoader() {
  return loader({ request: new Request("http://localhost/healthz"), params: {}, context: {} });
}

describe("GET /healthz", () => {
  const meiliUrl = process.env.MEILI_URL;
  afterEach(() => {
    process.env.MEILI_URL = meiliUrl;
  });

  it("answers 200 when the database and the search server are up", async () => {
    const res = await callLoader();
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("no-store");
    expect(await res.json()).toEqual({ db: "ok", search: "ok" });
  });

  it("answers 503 and says which part is down when search does not answer", async () => {
    process.env.MEILI_URL = "http://127.0.0.1:9";
    const res = await callLoader();
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ db: "ok", search: "down" });
  });
});
