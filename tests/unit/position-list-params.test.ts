import { describe, expect, it } from "vitest";
import { formatSalaryRange } from "~/components/positions/format";
import { readTableParams } from "~/components/ui/Table";

const SORTS = ["updatedAt", "title", "state", "deadline", "applications"] as const;
const read = (query: string) => readTableParams(new URLSearchParams(query), { sorts: SORTS, defaultSort: "updatedAt", defaultDesc: true });

describe("the position list's URL state", () => {
  it("defaults to the most recently updated first, 20 a page", () => {
    expect(read("")).toEqual({ sort: "updatedAt", desc: true, page: 1, size: 20 });
  });

  it("reads a sort, a direction, a page and a page size from the URL", () => {
    expect(read("sort=title&dir=asc&page=3&size=50")).toEqual({ sort: "title", desc: false, page: 3, size: 50 });
    expect(read("sort=applications&dir=desc")).toMatchObject({ sort: "applications", desc: true });
  });

  it("falls back to the defaults for anything it does not offer", () => {
    expect(read("sort=organizationId&dir=sideways&page=-2&size=1000")).toEqual({ sort: "updatedAt", desc: true, page: 1, size: 20 });
    expect(read("page=2.5")).toMatchObject({ page: 1 });
    expect(read("sort=title")).toMatchObject({ sort: "title", desc: false });
  });
});

describe("pay as an offer shows it", () => {
  it("writes a range, a floor or a ceiling in French", () => {
    const nbsp = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, " ");
    expect(nbsp(formatSalaryRange(41000, 58000))).toBe("41 000 € à 58 000 € brut par an");
    expect(nbsp(formatSalaryRange(41000, null))).toBe("à partir de 41 000 € brut par an");
    expect(nbsp(formatSalaryRange(null, 58000))).toBe("jusqu’à 58 000 € brut par an");
    expect(formatSalaryRange(null, null)).toBeNull();
  });
});
