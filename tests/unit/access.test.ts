import { describe, expect, it } from "vitest";
import { canEnter, HOME_OF_ROLE, ROLES, safeRedirect, SPACES, spaceOf } from "~/access/spaces";

const OWNERS: Record<string, readonly string[]> = { employeur: ["EMPLOYER", "COMMITTEE"], cabinet: ["CONSULTANT"], candidat: ["CANDIDATE"], admin: ["ADMIN"] };

describe("who may enter which space", () => {
  for (const role of ROLES) {
    for (const space of SPACES) {
      const allowed = OWNERS[space]!.includes(role);
      it(`${allowed ? "lets" : "keeps"} a ${role} ${allowed ? "into" : "out of"} /${space}`, () => {
        expect(canEnter(role, space)).toBe(allowed);
      });
    }
  }

  it("keeps unknown roles out of every space", () => {
    for (const space of SPACES) expect(canEnter("INTRUDER", space)).toBe(false);
  });

  it("knows the space of a path, and that public pages have none", () => {
    expect(spaceOf("/employeur/postes/123")).toBe("employeur");
    expect(spaceOf("/cabinet")).toBe("cabinet");
    expect(spaceOf("/offres/1")).toBeNull();
    expect(spaceOf("/candidats")).toBeNull();
  });

  it("sends each role home after sign-in unless a same-site path of its own space was asked", () => {
    for (const role of ROLES) {
      expect(safeRedirect(undefined, role)).toBe(HOME_OF_ROLE[role]);
      expect(safeRedirect("//evil.example/x", role)).toBe(HOME_OF_ROLE[role]);
      expect(safeRedirect("https://evil.example", role)).toBe(HOME_OF_ROLE[role]);
      expect(safeRedirect("/\\evil.example", role)).toBe(HOME_OF_ROLE[role]);
      expect(safeRedirect("/offres?page=2", role)).toBe("/offres?page=2");
    }
    expect(safeRedirect("/admin", "CANDIDATE")).toBe("/candidat");
    expect(safeRedirect("/employeur/postes", "EMPLOYER")).toBe("/employeur/postes");
  });

  it("refuses a path that browsers would turn into another host, and any control character", () => {
    // Browsers drop tabs and newlines from URLs: "/\t/evil.example" becomes "//evil.example".
    for (const to of ["/\t/evil.example", "/\n/evil.example", "/\r/evil.example", "/\v/evil.example", "/%09/x\t", "/\\/evil.example", "/ok\u0000", "/ok\u007f"]) {
      expect(safeRedirect(to, "CANDIDATE"), JSON.stringify(to)).toBe("/candidat");
    }
    // Encoded characters stay encoded: the path they name is on this site.
    expect(safeRedirect("/%2F%09%2Fevil.example", "CANDIDATE")).toBe("/%2F%09%2Fevil.example");
    expect(safeRedirect("/offres/../candidat/profil?x=1#top", "CANDIDATE")).toBe("/candidat/profil?x=1#top");
    expect(safeRedirect("/offres/../admin", "CANDIDATE")).toBe("/candidat");
    expect(safeRedirect("/employeur/postes", "EMPLOYER")).toBe("/employeur/postes");
  });
});
