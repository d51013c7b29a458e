import { describe, expect, it } from "vitest";
import { action as loginAction } from "~/routes/connexion";
import { action as logoutAction } from "~/routes/deconnexion";
import { action as signupAction } from "~/routes/inscription";
import { action as acceptAction, loader as invitationLoader } from "~/routes/invitation.$token";
import { action as adminOrgAction } from "~/routes/admin.organisations";
import { loader as employerHome } from "~/routes/employeur._index";
import { loader as rootLoader } from "~/root";
import { action as resetRequestAction } from "~/routes/mot-de-passe-oublie";
import { action as resetAction } from "~/routes/mot-de-passe.$token";
import { SIGNED_UP } from "~/schemas/auth";
import { db } from "~/utils/db.server";
import { hashToken } from "~/utils/session.server";
import { Browser, call, createCabinet, createUser, TEST_PASSWORD, uniqueEmail } from "../helpers/http";

async function rootUser(browser: Browser) {
  const res = await call(rootLoader, browser.get("/"));
  return ((await res.json()) as { user: { name: string; role: string } | null }).user;
}

describe("sign-up", () => {
  it("creates a candidate account, dates the privacy consent and sends the candidate to sign in", async () => {
    const browser = await Browser.create();
    const email = uniqueEmail("Signup").toUpperCase();
    const res = await call(signupAction, browser.post("/inscription", { name: "Camille Martin", email: ` ${email} `, password: "un-mot-de-passe-long", privacy: "on" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(SIGNED_UP);
    const user = await db.user.findUniqueOrThrow({ where: { email: email.toLowerCase() } });
    expect(user.role).toBe("CANDIDATE");
    expect(user.privacyAcceptedAt).toBeInstanceOf(Date);
    expect(user.passwordHash).not.toContain("un-mot-de-passe-long");
    const signIn = await call(loginAction, browser.post("/connexion", { email: email.toLowerCase(), password: "un-mot-de-passe-long" }));
    expect(signIn.headers.get("Location")).toBe("/candidat");
    browser.store(signIn.headers.get("Set-Cookie"));
    expect(await rootUser(browser)).toMatchObject({ name: "Camille Martin", role: "CANDIDATE" });
  });

  it("answers a sign-up with a taken address exactly as a new one, creates nothing and tells the owner by e-mail", async () => {
    const cabinet = await createCabinet();
    const taken = [await createUser("CANDIDATE"), await createUser("CONSULTANT", { organizationId: cabinet.id })];
    const answer = async (email: string) => {
      const browser = await Browser.create();
      const res = await call(signupAction, browser.post("/inscription", { name: "Qui Que Ce Soit", email, password: "un-mot-de-passe-long", privacy: "on" }));
      return { status: res.status, location: res.headers.get("Location"), cookie: res.headers.get("Set-Cookie"), body: await res.text() };
    };
    const fresh = await answer(uniqueEmail("fresh"));
    for (const owner of taken) {
      expect(await answer(owner.email)).toEqual(fresh);
      const after = await db.user.findMany({ where: { email: owner.email } });
      expect(after).toHaveLength(1);
      expect(after[0]).toMatchObject({ name: owner.name, role: owner.role, passwordHash: owner.passwordHash });
      const mails = await db.outgoingMail.findMany({ where: { to: owner.email } });
      expect(mails).toHaveLength(1);
      expect(mails[0]?.text).toMatch(/créer un compte/);
      expect(mails[0]?.text).toContain("/connexion");
      expect(mails[0]?.text).toContain("/mot-de-passe-oublie");
    }
  });

  it("refuses a short password and a missing privacy consent, writing nothing", async () => {
    const browser = await Browser.create();
    const email = uniqueEmail("short");
    const res = await call(signupAction, browser.post("/inscription", { name: "Camille Martin", email, password: "court" }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { fieldErrors: Record<string, string>; values: { email: string } };
    expect(body.fieldErrors.password).toContain("12 caractères");
    expect(body.fieldErrors.privacy).toContain("politique de confidentialité");
    expect(body.values.email).toBe(email);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });
});

describe("sign-in", () => {
  it("opens a session with a new id on the right password and lands in the role's space", async () => {
    const user = await createUser("CANDIDATE");
    const browser = await Browser.create();
    const before = await db.session.count({ where: { userId: user.id } });
    const res = await call(loginAction, browser.post("/connexion", { email: user.email, password: TEST_PASSWORD }));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/candidat");
    const cookie = res.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(before + 1);
    // The database keeps only a hash of the cookie's session id.
    const token = decodeURIComponent(cookie.split(";")[0].split("=").slice(1).join("="));
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull();
  });

  it("honours only same-site redirects after sign-in", async () => {
    const user = await createUser("EMPLOYER");
    for (const [redirectTo, expected] of [["/employeur/postes", "/employeur/postes"], ["//evil.example", "/employeur"], ["https://evil.example/", "/employeur"], ["/admin", "/employeur"], ["/\t/evil.example", "/employeur"], ["/\n/evil.example", "/employeur"], ["/x\r\nSet-Cookie: a=b", "/employeur"], ["/\v/evil.example", "/employeur"]]) {
      const browser = await Browser.create();
      const res = await call(loginAction, browser.post("/connexion", { email: user.email, password: TEST_PASSWORD, redirectTo }));
      expect(res.headers.get("Location")).toBe(expected);
    }
  });

  it("answers a wrong password and an unknown e-mail with the same generic message", async () => {
    const user = await createUser("CANDIDATE");
    const browser = await Browser.create();
    const wrong = await call(loginAction, browser.post("/connexion", { email: user.email, password: "pas-le-bon-mot-de-passe" }), {}, "198.51.100.1");
    const unknown = await call(loginAction, browser.post("/connexion", { email: uniqueEmail("nobody"), password: "pas-le-bon-mot-de-passe" }), {}, "198.51.100.1");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = (await wrong.json()) as { error: string };
    const b = (await unknown.json()) as { error: string };
    expect(a.error).toBe("Adresse e-mail ou mot de passe incorrect.");
    expect(b.error).toBe(a.error);
  });

  it("blocks an account from one address after 5 failures there, even with the right password, and says when to retry", async () => {
    const user = await createUser("CANDIDATE");
    const browser = await Browser.create();
    for (let i = 0; i < 5; i++) {
      const res = await call(loginAction, browser.post("/connexion", { email: user.email, password: `mauvais-${i}-xxxxxxxx` }), {}, "192.0.2.10");
      expect(res.status).toBe(401);
    }
    const res = await call(loginAction, browser.post("/connexion", { email: user.email, password: TEST_PASSWORD }), {}, "192.0.2.10");
    expect(res.status).toBe(429);
    expect(((await res.json()) as { error: string }).error).toMatch(/Trop de tentatives.*Réessayez dans \d+ minute/);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });

  it("keeps the owner able to sign in from another address while someone else's failures block theirs", async () => {
    const user = await createUser("CANDIDATE");
    const attacker = await Browser.create();
    for (let i = 0; i < 8; i++) await call(loginAction, attacker.post("/connexion", { email: user.email, password: `mauvais-${i}-xxxxxxxx` }), {}, "192.0.2.20");
    const owner = await Browser.create();
    const res = await call(loginAction, owner.post("/connexion", { email: user.email, password: TEST_PASSWORD }), {}, "198.51.100.20");
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/candidat");
  });

  it("lets the owner in again from a blocked address once they chose a new password through a reset link", async () => {
    const user = await createUser("CANDIDATE");
    const browser = await Browser.create();
    const shared = "192.0.2.30";
    for (let i = 0; i < 5; i++) await call(loginAction, browser.post("/connexion", { email: user.email, password: `mauvais-${i}-xxxxxxxx` }), {}, shared);
    await call(resetRequestAction, browser.post("/mot-de-passe-oublie", { email: user.email }), {}, shared);
    const mail = await db.outgoingMail.findFirstOrThrow({ where: { to: user.email } });
    const token = /\/mot-de-passe\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
    await call(resetAction, browser.post(`/mot-de-passe/${token}`, { password: "nouveau-mot-de-passe" }), { token }, shared);
    const res = await call(loginAction, browser.post("/connexion", { email: user.email, password: "nouveau-mot-de-passe" }), {}, shared);
    expect(res.status).toBe(302);
  });

  it("blocks an address after 20 failures across accounts", async () => {
    const browser = await Browser.create();
    const address = "203.0.113.200";
    for (let i = 0; i < 20; i++) {
      await call(loginAction, browser.post("/connexion", { email: uniqueEmail(`spray${i}`), password: "mot-de-passe-faux" }), {}, address);
    }
    const user = await createUser("CANDIDATE");
    const res = await call(loginAction, browser.post("/connexion", { email: user.email, password: TEST_PASSWORD }), {}, address);
    expect(res.status).toBe(429);
  });
});

describe("sessions", () => {
  it("deletes the session server-side on sign-out", async () => {
    const user = await createUser("CANDIDATE");
    const browser = await Browser.create();
    await browser.signInAs(user.id);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    const res = await call(logoutAction, browser.post("/deconnexion"));
    expect(res.status).toBe(302);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("treats an expired session as signed out and sends the user to /connexion", async () => {
    const user = await createUser("EMPLOYER");
    const browser = await Browser.create();
    await browser.signInAs(user.id);
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await call(employerHome, browser.get("/employeur"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/connexion?redirectTo=%2Femployeur");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("gives a signed-in user of another role the 403 page", async () => {
    const user = await createUser("CANDIDATE");
    const browser = await Browser.create();
    await browser.signInAs(user.id);
    const res = await call(employerHome, browser.get("/employeur"));
    expect(res.status).toBe(403);
  });
});

describe("CSRF", () => {
  it("refuses a POST without a valid token with 403 and writes nothing", async () => {
    const browser = await Browser.create();
    const email = uniqueEmail("csrf");
    const missing = await call(signupAction, browser.post("/inscription", { name: "Sans Jeton", email, password: "un-mot-de-passe-long", privacy: "on" }, { withCsrf: false }));
    expect(missing.status).toBe(403);
    const other = await Browser.create();
    const forged = browser.post("/inscription", { name: "Jeton Faux", email, password: "un-mot-de-passe-long", privacy: "on", csrf: other.csrf });
    const wrong = await call(signupAction, forged);
    expect(wrong.status).toBe(403);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses a form posted from another site with 403, even with a valid token, and writes nothing", async () => {
    const browser = await Browser.create();
    const email = uniqueEmail("foreign");
    for (const origin of ["https://evil.example", "null", "pas une adresse"]) {
      const request = browser.post("/inscription", { name: "Site Tiers", email, password: "un-mot-de-passe-long", privacy: "on" });
      request.headers.set("Origin", origin);
      const res = await call(signupAction, request);
      expect(res.status, origin).toBe(403);
      expect(((await res.json()) as { error: string }).error).toContain("ne provient pas de Vivier");
    }
    const sameSite = browser.post("/inscription", { name: "Même Site", email, password: "un-mot-de-passe-long", privacy: "on" });
    sameSite.headers.set("Origin", "http://localhost:3000");
    expect((await call(signupAction, sameSite)).status).toBe(302);
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toMatchObject({ name: "Même Site" });
  });

  it("refuses a POST without a token in every route action, even from a signed-in user of the space", async () => {
    const fs = await import("node:fs");
    const path = await import("node:path");
    const { spaceOf } = await import("~/access/spaces");
    const ROLE = { employeur: "EMPLOYER", cabinet: "CONSULTANT", candidat: "CANDIDATE", admin: "ADMIN" } as const;
    const dir = path.resolve("app/routes");
    const files = fs.readdirSync(dir).filter((f) => /\.tsx?$/.test(f));
    const cabinet = await createCabinet();
    const checked: string[] = [];
    for (const file of files) {
      const mod = (await import(/* @vite-ignore */ path.join(dir, file))) as { action?: (args: never) => unknown };
      if (!mod.action) continue;
      // employeur.postes.$id_.modifier.tsx → /employeur/postes/x/modifier
      const url = "/" + file.replace(/\.tsx?$/, "").replace(/^_index$/, "").split(".").filter((s) => s !== "_index").map((s) => (s.startsWith("$") ? "x" : s.replace(/_$/, ""))).join("/");
      const space = spaceOf(url);
      const user = await createUser(space ? ROLE[space] : "CANDIDATE", { organizationId: space === "cabinet" ? cabinet.id : undefined, isCabinetLead: space === "cabinet" });
      const browser = await Browser.create();
      await browser.signInAs(user.id);
      const params = Object.fromEntries(file.split(".").filter((s) => s.startsWith("$")).map((s) => [s.slice(1).replace(/_$/, ""), "x"]));
      const res = await call(mod.action as never, browser.post(url, { intent: "delete" }, { withCsrf: false }), params);
      expect([403, 404], `${file} answered ${res.status} to a POST without CSRF token`).toContain(res.status);
      checked.push(file);
    }
    expect(checked).toContain("connexion.tsx");
    expect(checked.length).toBeGreaterThan(8);
  });
});

describe("invitations", () => {
  it("lets an admin invite a cabinet lead, accepted once and refused the second time", async () => {
    const admin = await createUser("ADMIN");
    const cabinet = await createCabinet();
    const browser = await Browser.create();
    await browser.signInAs(admin.id);
    const email = uniqueEmail("lead");
    const res = await call(adminOrgAction, browser.post("/admin/organisations", { intent: "invite", organizationId: cabinet.id, email, name: "Dominique Lead" }));
    expect(res.status).toBe(200);
    const mail = await db.outgoingMail.findFirstOrThrow({ where: { to: email } });
    const token = /\/invitation\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
    expect(token).not.toBe("");
    expect(await db.invitation.findUnique({ where: { tokenHash: hashToken(token) } })).not.toBeNull();

    const invited = await Browser.create();
    const page = await call(invitationLoader, invited.get(`/invitation/${token}`), { token });
    expect(((await page.json()) as { invitation: { email: string } }).invitation.email).toBe(email);
    const first = await call(acceptAction, invited.post(`/invitation/${token}`, { name: "Dominique Lead", password: "mot-de-passe-du-lead" }), { token });
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/cabinet");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "CONSULTANT", organizationId: cabinet.id, isCabinetLead: true });

    const again = await Browser.create();
    const second = await call(acceptAction, again.post(`/invitation/${token}`, { name: "Intrus", password: "mot-de-passe-intrus" }), { token });
    expect(second.status).toBe(410);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("refuses an expired invitation", async () => {
    const admin = await createUser("ADMIN");
    const cabinet = await createCabinet();
    const { createInvitation } = await import("~/domain/accounts.server");
    const email = uniqueEmail("late");
    const result = await createInvitation({ id: admin.id, email: admin.email, name: admin.name, role: "ADMIN", isCabinetLead: false, organization: null }, { email, name: "En Retard", organizationId: cabinet.id });
    expect(result.ok).toBe(true);
    const token = result.ok ? result.link.split("/").pop() ?? "" : "";
    await db.invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1) } });
    const browser = await Browser.create();
    const res = await call(acceptAction, browser.post(`/invitation/${token}`, { name: "En Retard", password: "mot-de-passe-en-retard" }), { token });
    expect(res.status).toBe(410);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("does not let a consultant who is not a lead invite anyone", async () => {
    const cabinet = await createCabinet();
    const consultant = await createUser("CONSULTANT", { organizationId: cabinet.id });
    const { createInvitation } = await import("~/domain/accounts.server");
    const result = await createInvitation(
      { id: consultant.id, email: consultant.email, name: consultant.name, role: "CONSULTANT", isCabinetLead: false, organization: { id: cabinet.id, name: cabinet.name, kind: "CABINET", officialKey: cabinet.officialKey } },
      { email: uniqueEmail("x"), name: "Personne", organizationId: cabinet.id },
    );
    expect(result.ok).toBe(false);
  });
});

describe("password reset", () => {
  it("sends a single-use link that changes the password and closes open sessions", async () => {
    const user = await createUser("CANDIDATE");
    const browser = await Browser.create();
    await browser.signInAs(user.id);
    const res = await call(resetRequestAction, browser.post("/mot-de-passe-oublie", { email: user.email }));
    expect(res.status).toBe(200);
    const mail = await db.outgoingMail.findFirstOrThrow({ where: { to: user.email } });
    const token = /\/mot-de-passe\/([\w-]+)/.exec(mail.text)?.[1] ?? "";
    const done = await call(resetAction, browser.post(`/mot-de-passe/${token}`, { password: "nouveau-mot-de-passe" }), { token });
    expect(((await done.json()) as { done: boolean }).done).toBe(true);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    const reused = await call(resetAction, browser.post(`/mot-de-passe/${token}`, { password: "encore-un-autre-mot" }), { token });
    expect(reused.status).toBe(410);
  });

  it("ends every other reset link of the account once one of them has served", async () => {
    const user = await createUser("CANDIDATE");
    const browser = await Browser.create();
    for (let i = 0; i < 2; i++) await call(resetRequestAction, browser.post("/mot-de-passe-oublie", { email: user.email }));
    const mails = await db.outgoingMail.findMany({ where: { to: user.email }, orderBy: { createdAt: "asc" } });
    const [first, second] = mails.map((m) => /\/mot-de-passe\/([\w-]+)/.exec(m.text)?.[1] ?? "");
    expect(first && second && first !== second).toBeTruthy();
    const done = await call(resetAction, browser.post(`/mot-de-passe/${second}`, { password: "nouveau-mot-de-passe" }), { token: second });
    expect(((await done.json()) as { done: boolean }).done).toBe(true);
    const stale = await call(resetAction, browser.post(`/mot-de-passe/${first}`, { password: "mot-de-passe-de-l-intrus" }), { token: first });
    expect(stale.status).toBe(410);
    expect(await db.passwordReset.count({ where: { userId: user.id, usedAt: null } })).toBe(0);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const browser = await Browser.create();
    const email = uniqueEmail("ghost");
    const res = await call(resetRequestAction, browser.post("/mot-de-passe-oublie", { email }));
    expect(((await res.json()) as { sent: boolean }).sent).toBe(true);
    expect(await db.outgoingMail.count({ where: { to: email } })).toBe(0);
  });
});
