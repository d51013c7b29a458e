/**
 * Who may enter which space: the one table of it. Pure, so the browser-free unit tests cover
 * every role × every space. Finer rules (whose position, whose profile) live with the data, in
 * the domain modules, which always take the acting user.
 */

export const ROLES = ["EMPLOYER", "CONSULTANT", "CANDIDATE", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const SPACES = ["employeur", "cabinet", "candidat", "admin"] as const;
export type Space = (typeof SPACES)[number];

const SPACE_ROLE: Record<Space, Role> = {
  employeur: "EMPLOYER",
  cabinet: "CONSULTANT",
  candidat: "CANDIDATE",
  admin: "ADMIN",
};

export const HOME_OF_ROLE: Record<Role, string> = {
  EMPLOYER: "/employeur",
  CONSULTANT: "/cabinet",
  CANDIDATE: "/candidat",
  ADMIN: "/admin",
};

export const ROLE_LABEL: Record<Role, string> = {
  EMPLOYER: "Employeur",
  CONSULTANT: "Consultant",
  CANDIDATE: "Candidat",
  ADMIN: "Administrateur",
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
  return SPACE_ROLE[space] === role;
}

/**
 * Where to go after signing in: the requested path if it is a same-site path (never another
 * host, never a protocol-relative "//evil"), else the role's home.
 */
export function safeRedirect(to: unknown, role: Role): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return HOME_OF_ROLE[role];
  const space = spaceOf(to);
  if (space && !canEnter(role, space)) return HOME_OF_ROLE[role];
  return to;
}
