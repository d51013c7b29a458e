import { beforeAll, describe, expect, it } from "vitest";
import { action as vivierAction, loader as vivierLoader } from "~/routes/cabinet.vivier";
import { applySettings } from "../../search/settings";
import { call } from "../helpers/http";
import { searchClient } from "../helpers/meili";
import { candidate, consultant, pushToIndex, tag } from "./talent-fixtures";

/** The talent pool's « Fiches » / « Liste compacte »: chosen by a form, remembered by the browser. */

beforeAll(async () => {
  await applySettings(searchClient());
});

const viewOf = async (browser: Awaited<ReturnType<typeof consultant>>["browser"], query: string) =>
  ((await (await call(vivierLoader, browser.get(`/cabinet/vivier?${query}`))).json()) as { view: string; result: { hits: Array<{ id: string }> } });

describe("the talent pool's view", () => {
  it("shows cards until the compact list is chosen, then remembers it for the next searches, and goes back to cards", async () => {
    const { browser } = await consultant();
    const word = `vue${tag()}`;
    const c = await candidate({ competencies: [word] });
    await pushToIndex();
    expect((await viewOf(browser, `q=${word}`)).view).toBe("cards");

    const res = await call(vivierAction, browser.post(`/cabinet/vivier?q=${word}&page=1`, { intent: "view", view: "compact" }));
    // Back to the same search, the choice in a cookie of the browser.
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/cabinet/vivier?q=${word}&page=1`);
    browser.store(res.headers.get("Set-Cookie"));
    const compact = await viewOf(browser, `q=${word}`);
    expect(compact.view).toBe("compact");
    expect(compact.result.hits.map((h) => h.id)).toEqual([c.profile.id]);
    expect((await viewOf(browser, "q=autre")).view).toBe("compact");

    // An unknown value is the cards; so is « Fiches ».
    browser.store((await call(vivierAction, browser.post("/cabinet/vivier", { intent: "view", view: "n'importe" }))).headers.get("Set-Cookie"));
    expect((await viewOf(browser, `q=${word}`)).view).toBe("cards");
    browser.store((await call(vivierAction, browser.post("/cabinet/vivier", { intent: "view", view: "compact" }))).headers.get("Set-Cookie"));
    browser.store((await call(vivierAction, browser.post("/cabinet/vivier", { intent: "view", view: "cards" }))).headers.get("Set-Cookie"));
    expect((await viewOf(browser, `q=${word}`)).view).toBe("cards");
  });

  it("is refused without the form's CSRF field, like every action", async () => {
    const { browser } = await consultant();
    const res = await call(vivierAction, browser.post("/cabinet/vivier", { intent: "view", view: "compact" }, { withCsrf: false }));
    expect(res.status).toBe(403);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });
});
