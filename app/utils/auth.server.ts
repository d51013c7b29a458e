import { redirect } from "@remix-run/node";
import { canEnter, type Space } from "~/access/spaces";
import { getSessionUser, type SessionUser } from "./session.server";

/** A 403 response whose French page the nearest error boundary renders. */
export function forbidden(): Response {
  return new Response("Accès refusé", { status: 403, statusText: "Forbidden" });
}

export function notFound(): Response {
  return new Response("Introuvable", { status: 404, statusText: "Not Found" });
}

/**
 * The user allowed in `space`: anonymous visitors are sent to /connexion (and back here after),
 * a signed-in user of another role gets the 403 page.
 */
export async function requireUser(request: Request, space: Space): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (!user) {
    const url = new URL(request.url);
    throw redirect(`/connexion?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (!canEnter(user.role, space)) throw forbidden();
  return user;
}
