import { getCsrfToken } from "~/utils/csrf.server";
import { createUserSession } from "~/utils/session.server";
import { db } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { randomUUID } from "node:crypto";

/**
 * Requests as a browser sends them, for calling route loaders and actions directly in
 * integration tests: cookies (session, CSRF) and a form body carrying the CSRF field.
 */

const ORIGIN = "http://localhost:3000";

/** "name=value" from a Set-Cookie header. */
export function cookiePair(setCookie: string): string {
  return setCookie.split(";")[0] ?? "";
}

export class Browser {
  private cookies = new Map<string, string>();
  csrf = "";

  static async create(): Promise<Browser> {
    const browser = new Browser();
    const { token, setCookie } = await getCsrfToken(new Request(ORIGIN));
    browser.csrf = token;
    if (setCookie) browser.store(setCookie);
    return browser;
  }

  store(setCookie: string | null): void {
    if (!setCookie) return;
    for (const part of setCookie.split(/,(?=\s*vivier_)/)) {
      const [pair] = part.split(";");
      const [name, ...rest] = (pair ?? "").trim().split("=");
      if (!name) continue;
      const value = rest.join("=");
      if (value === "" || /max-age=0/i.test(part) || /expires=thu, 01 jan 1970/i.test(part)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async signInAs(userId: string): Promise<void> {
    this.store(await createUserSession(userId));
  }

  get(path: string): Request {
    return new Request(`${ORIGIN}${path}`, { headers: { Cookie: this.cookieHeader() } });
  }

  /** A POST with the CSRF field (unless withCsrf is false) and the given fields. */
  post(path: string, fields: Record<string, string | Blob | string[]> = {}, { withCsrf = true } = {}): Request {
    const body = new FormData();
    if (withCsrf) body.set("csrf", this.csrf);
    for (const [key, value] of Object.entries(fields)) {
      if (Array.isArray(value)) for (const v of value) body.append(key, v);
      else body.set(key, value);
    }
    return new Request(`${ORIGIN}${path}`, { method: "POST", body, headers: { Cookie: this.cookieHeader() } });
  }
}

/** Runs a loader or action; a thrown Response (redirect, 403, 404) is returned, not thrown. */
export async function call(fn: (args: { request: Request; params: Record<string, string>; context: { clientAddress: string } }) => unknown, request: Request, params: Record<string, string> = {}, clientAddress = "203.0.113.7"): Promise<Response> {
  try {
    const result = await fn({ request, params, context: { clientAddress } });
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), { status: 200, headers: { "Content-Type": "application/json" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@test.vivier.test`;
}

let passwordHash: Promise<string> | undefined;
export const TEST_PASSWORD = "mot-de-passe-de-test";

/** A user of the given role (with an organisation for employers and consultants). */
export async function createUser(role: "EMPLOYER" | "CONSULTANT" | "CANDIDATE" | "ADMIN", extra: { organizationId?: string; isCabinetLead?: boolean; email?: string } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: extra.email ?? uniqueEmail(role.toLowerCase()),
      name: `Test ${role}`,
      role,
      passwordHash: await passwordHash,
      organizationId: extra.organizationId,
      isCabinetLead: extra.isCabinetLead ?? false,
    },
  });
}

export async function createCabinet() {
  const siren = String(Math.floor(100000000 + Math.random() * 899999999));
  return db.organization.create({ data: { kind: "CABINET", name: `Cabinet ${siren}`, officialKey: `CAB-${siren}`, siren } });
}
