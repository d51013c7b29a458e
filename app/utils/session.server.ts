import { createHash, randomBytes } from "node:crypto";
import { createCookie, redirect } from "@remix-run/node";
import { isRole, type Role } from "~/access/spaces";
import { db } from "./db.server";
import { cookieName, env, secureCookies } from "./env.server";
import { oncePerRequest } from "./request-scope.server";

/** A session lasts 14 days from sign-in; past that the user signs in again. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

const sessionCookie = createCookie(cookieName("vivier_session"), {
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies(),
  path: "/",
  secrets: [env().SESSION_SECRET],
  maxAge: SESSION_TTL_MS / 1000,
});

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  isCabinetLead: boolean;
  organization: { id: string; name: string; kind: string; officialKey: string } | null;
};

/**
 * The signed-in user, or null (no cookie, unknown or expired session). Read once per GET request
 * (app/utils/request-scope.server.ts): its loaders all ask.
 */
export async function getSessionUser(request: Request): Promise<SessionUser | null> {
  const token = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof token !== "string" || !token) return null;
  return oncePerRequest(`session:${token}`, () => readSessionUser(token));
}

type SessionRow = {
  expiresAt: Date | string | number;
  id: string;
  email: string;
  name: string;
  role: string;
  isCabinetLead: boolean | number;
  organizationId: string | null;
  organizationName: string | null;
  organizationKind: string | null;
  organizationKey: string | null;
};

/**
 * The session, its user and organisation in one statement, written in SQL (the same for SQLite
 * and PostgreSQL, docs/decisions/132): it runs for every page of a signed-in user, and Prisma's
 * nested read costs three statements and about five times its CPU (docs/decisions/146).
 */
async function readSessionUser(token: string): Promise<SessionUser | null> {
  const id = hashToken(token);
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s."expiresAt", u."id", u."email", u."name", u."role", u."isCabinetLead",
           o."id" AS "organizationId", o."name" AS "organizationName", o."kind" AS "organizationKind", o."officialKey" AS "organizationKey"
    FROM "Session" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Organization" o ON o."id" = u."organizationId"
    WHERE s."id" = ${id}`;
  const row = rows[0];
  if (!row) return null;
  if (new Date(row.expiresAt) <= new Date()) {
    await db.session.deleteMany({ where: { id } });
    return null;
  }
  // The column is a plain string: a role the code does not know opens nothing.
  if (!isRole(row.role)) return null;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    isCabinetLead: Boolean(row.isCabinetLead),
    organization: row.organizationId
      ? { id: row.organizationId, name: row.organizationName!, kind: row.organizationKind!, officialKey: row.organizationKey! }
      : null,
  };
}

/** Opens a new session (a new id at every sign-in) and returns the Set-Cookie header. */
export async function createUserSession(userId: string): Promise<string> {
  const token = newToken();
  await db.session.create({ data: { id: hashToken(token), userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) } });
  await db.user.update({ where: { id: userId }, data: { lastActiveAt: new Date() } });
  return sessionCookie.serialize(token);
}

/** Deletes the session server-side and clears the cookie. */
export async function logout(request: Request): Promise<Response> {
  const token = await sessionCookie.parse(request.headers.get("Cookie"));
  if (typeof token === "string" && token) await db.session.deleteMany({ where: { id: hashToken(token) } });
  return redirect("/", { headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}

// ---------------------------------------------------------------------------------------------
// Preferences of the screen

/**
 * How a consultant likes the talent pool's results: « fiches » (a card per profile, every fact)
 * or « liste compacte » (a line per profile, a screen holds ten times more). Remembered in a
 * cookie of the browser, a year: a preference of the screen in front of them rather than of the
 * account, and nothing to store or erase about a person. Unsigned: its only values are these two.
 */

export const TALENT_VIEWS = ["cards", "compact"] as const;
export type TalentView = (typeof TALENT_VIEWS)[number];

const talentViewCookie = createCookie(cookieName("vivier_vue_vivier"), {
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies(),
  path: "/",
  maxAge: 365 * 24 * 60 * 60,
});

/** The view the request's cookie asks for: « fiches » unless « compact » was chosen. */
export async function talentView(request: Request): Promise<TalentView> {
  return (await talentViewCookie.parse(request.headers.get("Cookie"))) === "compact" ? "compact" : "cards";
}

/** The Set-Cookie header that remembers a view. */
export function rememberTalentView(view: TalentView): Promise<string> {
  return talentViewCookie.serialize(view);
}
