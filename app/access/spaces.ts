/**
 * The gate, browser-safe part: who may enter which space, the one table of it, and where to go
 * after signing in. Pure, so the unit tests cover every role × every space and the browser may
 * import it. The finer rules (whose position, which candidate, which identity) are the gate's
 * other modules: app/access/rules.ts and app/access/guards.server.ts.
 */

export const ROLES = ["EMPLOYER", "CONSULTANT", "CANDIDATE", "ADMIN", "COMMITTEE"] as const;
export type Role = (typeof ROLES)[number];

export const SPACES = ["employeur", "cabinet", "candidat", "admin"] as const;
export type Space = (typeof SPACES)[number];

/**
 * A committee member's account (COMMITTEE) enters the employer space, where only the finalists
 * pages of the positions whose committee they sit on let them in: every other employer page
 * calls asEmployer, which refuses them (docs/decisions/050-committee-accounts.md).
 */
const SPACE_ROLES: Record<Space, readonly Role[]> = {
  employeur: ["EMPLOYER", "COMMITTEE"],
  cabinet: ["CONSULTANT"],
  candidat: ["CANDIDATE"],
  admin: ["ADMIN"],
};

export const HOME_OF_ROLE: Record<Role, string> = {
  EMPLOYER: "/employeur",
  CONSULTANT: "/cabinet",
  CANDIDATE: "/candidat",
  ADMIN: "/admin",
  COMMITTEE: "/employeur/comite",
};

export const ROLE_LABEL: Record<Role, string> = {
  EMPLOYER: "Employeur",
  CONSULTANT: "Consultant",
  CANDIDATE: "Candidat",
  ADMIN: "Administrateur",
  COMMITTEE: "Membre de comité",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** The space a path belongs to, or null for public pages. */
export function spaceOf(pathname: string): Space | null {
  const first = pathname.split("/")[1] ?? "";
  return (SPACES as readonly string[]).includes(first) ? (first as Space) : null;
}

export function canEnter(role: string, space: Space): boolean {
  return (SPACE_ROLES[space] as readonly string[]).includes(role);
}

/**
 * Where to go after signing in: the requested path if it stays on this site once the URL parser
 * has normalised it (browsers drop tabs and newlines, so "/\t/evil" would become "//evil"), else
 * the role's home. Any control character refuses the value outright.
 */
export function safeRedirect(to: unknown, role: Role): string {
  const home = HOME_OF_ROLE[role];
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (typeof to !== "string" || !to.startsWith("/") || /[\u0000-\u001f\u007f]/.test(to)) return home;
  const base = "https://vivier.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return home;
  }
  if (url.origin !== base || to.startsWith("//") || to.startsWith("/\\")) return home;
  const path = url.pathname + url.search + url.hash;
  const space = spaceOf(path);
  if (space && !canEnter(role, space)) return home;
  return path;
}
