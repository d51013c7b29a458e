import { timingSafeEqual } from "node:crypto";
import { createCookie, json } from "@remix-run/node";
import { cookieName, env, secureCookies } from "./env.server";
import { FOREIGN_ORIGIN_HEADER, isForeignOrigin } from "./security-headers.server";
import { newToken } from "./session.server";

/**
 * CSRF protection by double submit: a random token lives in an httpOnly cookie and in a hidden
 * field of every form (<CsrfField />); a POST whose field does not match the cookie is refused
 * with 403 before anything is read or written. Every action starts with `readForm(request)`.
 */

export const CSRF_FIELD = "csrf";

const csrfCookie = createCookie(cookieName("vivier_csrf"), {
  httpOnly: true,
  sameSite: "lax",
  secure: secureCookies(),
  path: "/",
  secrets: [env().SESSION_SECRET],
});

/** The request's token, and the Set-Cookie header to send when a new one was made. */
export async function getCsrfToken(request: Request): Promise<{ token: string; setCookie: string | null }> {
  const existing = await csrfCookie.parse(request.headers.get("Cookie"));
  if (typeof existing === "string" && existing.length >= 32) return { token: existing, setCookie: null };
  const token = newToken();
  return { token, setCookie: await csrfCookie.serialize(token) };
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function csrfForbidden(): Response {
  return json(
    { error: "Le formulaire a expiré ou ne provient pas de Vivier. Rechargez la page et recommencez." },
    { status: 403 },
  );
}

function fromAnotherOrigin(request: Request): boolean {
  return request.headers.has(FOREIGN_ORIGIN_HEADER) || isForeignOrigin(request.headers.get("Origin"), new URL(request.url).host);
}

/**
 * Reads the form data of a POST after checking where it comes from and its CSRF token. Throws a
 * 403 response when another site sent it or the token is missing or wrong, so the action goes
 * no further.
 */
export async function readForm(request: Request): Promise<FormData> {
  if (fromAnotherOrigin(request)) throw csrfForbidden();
  const expected = await csrfCookie.parse(request.headers.get("Cookie"));
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw csrfForbidden();
  }
  const given = form.get(CSRF_FIELD);
  if (typeof expected !== "string" || typeof given !== "string" || !same(expected, given)) throw csrfForbidden();
  return form;
}
