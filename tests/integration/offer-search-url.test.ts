import { describe, expect, it } from "vitest";
import { effectiveSort, isNarrowed, MAX_OFFER_PAGE, offerSearchToParams, parseOfferSearch } from "~/schemas/offer-search";
import { highlightToHtml } from "../../search/offer-search";

/** The /offres URL is typed, shared and bookmarked by anyone: what it may carry, and what not. */

const parse = (query: string) => parseOfferSearch(new URLSearchParams(query));

describe("the offer search URL", () => {
  it("reads every facet, the distance and the page, and writes them back the same", () => {
    const query = "q=urbanisme&filiere=technique&filiere=administrative&categorie=A&departement=2A&departement=35&logement=1&teletravail=1&commune=35238&rayon=50&tri=distance&page=3";
    const { params, errors } = parse(query);
    expect(errors).toEqual({});
    expect(params).toEqual({
      q: "urbanisme",
      filieres: ["technique", "administrative"],
      categories: ["A"],
      departements: ["2A", "35"],
      housing: true,
      telework: true,
      communeCode: "35238",
      radiusKm: 50,
      sort: "distance",
      page: 3,
    });
    expect(offerSearchToParams(params).toString()).toBe(query);
  });

  it("drops what it does not understand instead of failing", () => {
    const { params, errors } = parse("filiere=astrologie&categorie=Z&departement=999&departement=%22%5D&rayon=7&tri=prix&page=-2&logement=peut-etre");
    expect(errors).toEqual({});
    expect(params).toMatchObject({ filieres: [], categories: [], departements: [], radiusKm: 30, sort: "", page: 1, housing: false });
    expect(parse("page=100000").params.page).toBe(MAX_OFFER_PAGE);
  });

  it("says in French when the commune is not a commune code", () => {
    const { params, errors } = parse("commune=Rennes");
    expect(params.communeCode).toBe("");
    expect(errors.commune).toMatch(/^Cette commune n’est pas reconnue/);
  });

  it("sorts by date without words, by relevance with words, by distance only around a commune", () => {
    expect(effectiveSort({ q: "", communeCode: "", sort: "" })).toBe("recentes");
    expect(effectiveSort({ q: "dgs", communeCode: "", sort: "" })).toBe("pertinence");
    expect(effectiveSort({ q: "dgs", communeCode: "", sort: "distance" })).toBe("pertinence");
    expect(effectiveSort({ q: "dgs", communeCode: "35238", sort: "distance" })).toBe("distance");
    expect(isNarrowed(parse("").params)).toBe(false);
    expect(isNarrowed(parse("teletravail=1").params)).toBe(true);
  });
});

describe("a highlighted title", () => {
  it("marks the matched words and escapes everything else", () => {
    expect(highlightToHtml("<img src=x onerror=alert(1)> \uE000Technicien\uE001 & co")).toBe(
      "&lt;img src=x onerror=alert(1)&gt; <mark>Technicien</mark> &amp; co",
    );
  });
});
