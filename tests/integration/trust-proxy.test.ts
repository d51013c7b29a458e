import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, createUser, TEST_PASSWORD } from "../helpers/http";
import { servePortal } from "./route-walk-fixtures";

/**
 * Behind the reverse proxy of a deployment with several instances (README, « Déploiement »):
 * TRUST_PROXY makes the sign-in limit count per client address as the proxy saw it, and without
 * it a forged X-Forwarded-For changes nothing (docs/decisions/141).
 */

let behindProxy: Awaited<ReturnType<typeof servePortal>>;
let direct: Awaited<ReturnType<typeof servePortal>>;

beforeAll(async () => {
  [behindProxy, direct] = await Promise.all([servePortal({ trustProxy: "loopback" }), servePortal()]);
}, 120_000);

afterAll(async () => {
  await behindProxy?.close();
  await direct?.close();
});

const freshAddress = () => `10.${Array.from({ length: 3 }, () => Math.floor(Math.random() * 250) + 1).join(".")}`;

async function signIn(base: string, email: string, password: string, forwardedFor: string): Promise<number> {
  const browser = await Browser.create();
  const body = new FormData();
  body.set("csrf", browser.csrf);
  body.set("email", email);
  body.set("password", password);
  const res = await fetch(`${base}/connexion?_data=routes%2Fconnexion`, {
    method: "POST",
    headers: { Cookie: browser.cookieHeader(), Origin: base, "X-Forwarded-For": forwardedFor },
    body,
    redirect: "manual",
  });
  await res.arrayBuffer();
  return res.status;
}

describe("the client's address behind a reverse proxy", () => {
  it("counts failures per address the proxy saw: blocked from that address, the owner still gets in from another", async () => {
    const user = await createUser("CANDIDATE");
    const stranger = freshAddress();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await signIn(behindProxy.url, user.email, `mauvais-${i}-xxxxxxxx`, stranger));
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    expect(await signIn(behindProxy.url, user.email, TEST_PASSWORD, stranger)).toBe(429);
    // Signed in: a data request's redirect is a 204 that names where to go.
    expect(await signIn(behindProxy.url, user.email, TEST_PASSWORD, freshAddress())).toBe(204);
  });

  it("ignores X-Forwarded-For when no proxy is trusted: a forged address per attempt does not escape the limit", async () => {
    const user = await createUser("CANDIDATE");
    for (let i = 0; i < 5; i++) await signIn(direct.url, user.email, `mauvais-${i}-xxxxxxxx`, freshAddress());
    expect(await signIn(direct.url, user.email, TEST_PASSWORD, freshAddress())).toBe(429);
  });
});
