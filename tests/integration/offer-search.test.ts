import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as offersLoader } from "~/routes/offres._index";
import { db } from "~/utils/db.server";
import { searchErrorCode } from "../../search/client";
import { drainOutbox, enqueue } from "../../search/outbox";
import type { FacetValue, OfferSearchResult } from "../../search/offer-search";
import { applySettings } from "../../search/settings";
import { call } from "../helpers/http";
import { searchClient } from "../helpers/meili";

// ---------------------------------------------------------------------------------------------
// Test data: a collectivité of our own whose name carries a made-up word, so that a query for
// that word sees only this file's offers whatever else the shared index holds.

const RENNES = "35238";
const CESSON = "35051"; // next to Rennes
const BREST = "29019";
const VANNES = "56260";

/** A word no offer contains: letters only, so that Meilisearch keeps it as one word. */
function madeUpWord(): string {
  return [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
}

type PositionInput = {
  title?: string;
  state?: "DRAFT" | "PUBLISHED" | "CLOSED" | "FILLED";
  confidential?: boolean;
  filiere?: string;
  categorie?: string;
  communeCode?: string;
  housing?: "NONE" | "NAS" | "COP_A";
  remoteDays?: number;
  missions?: string;
  publishedAt?: Date;
};

async function createCollectivite(word: string) {
  const tag = randomBytes(5).toString("hex");
  return db.organization.create({
    data: { kind: "COLLECTIVITE", name: `Commune de ${word}`, officialKey: `TEST-OFFRES-${tag}`, collectiviteType: "COMMUNE", communeCode: RENNES },
  });
}

/** A position written the way the domain writes one: the row and its outbox entry together. */
async function createPosition(organizationId: string, input: PositionInput = {}): Promise<string> {
  const state = input.state ?? "PUBLISHED";
  return db.$transaction(async (tx) => {
    const p = await tx.position.create({
      data: {
        organizationId,
        state,
        confidential: input.confidential ?? false,
        title: input.title ?? "Chargé de mission (H/F)",
        filiere: input.filiere ?? "administrative",
        categorie: input.categorie ?? "A",
        cadresEmplois: JSON.stringify(["attaches"]),
        communeCode: input.communeCode ?? RENNES,
        missions: input.missions ?? "Piloter les projets de la collectivité.",
        housing: input.housing ?? "NONE",
        remoteDays: input.remoteDays ?? 0,
        publishedAt: state === "DRAFT" ? null : (input.publishedAt ?? new Date()),
      },
    });
    await enqueue(tx, "positions", p.id);
    return p.id;
  });
}

async function sync(): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const r = await drainOutbox({ db, client: searchClient() });
    expect(r.failed, r.error).toBe(0);
    if (r.sent + r.held === 0) return;
  }
}

async function search(query: string): Promise<{ status: number; body: string; data: { result: OfferSearchResult | null; communeError?: string } }> {
  const res = await call(offersLoader, new Request(`http://localhost/offres?${query}`));
  const body = await res.text();
  return { status: res.status, body, data: JSON.parse(body) as { result: OfferSearchResult | null; communeError?: string } };
}

async function results(query: string): Promise<OfferSearchResult> {
  const { status, data } = await search(query);
  expect(status).toBe(200);
  expect(data.result).not.toBeNull();
  return data.result!;
}

const count = (values: FacetValue[], value: string) => values.find((v) => v.value === value)?.count;

beforeAll(async () => {
  await applySettings(searchClient());
});

describe("the public offer search (/offres)", () => {
  const word = madeUpWord();
  const missionWord = madeUpWord();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const org = await createCollectivite(word);
    const day = (n: number) => new Date(Date.now() - n * 86_400_000);
    ids.rennes = await createPosition(org.id, {
      title: "Responsable du centre technique municipal",
      filiere: "technique",
      categorie: "A",
      communeCode: RENNES,
      housing: "NAS",
      remoteDays: 1,
      missions: `Encadrer les équipes et conduire le chantier ${missionWord} de rénovation des écoles.`,
      publishedAt: day(3),
    });
    ids.cesson = await createPosition(org.id, { title: "Technicien voirie", filiere: "technique", categorie: "B", communeCode: CESSON, publishedAt: day(1) });
    ids.brest = await createPosition(org.id, { title: "Gestionnaire des ressources humaines", filiere: "administrative", categorie: "B", communeCode: BREST, remoteDays: 2, publishedAt: day(2) });
    ids.vannes = await createPosition(org.id, { title: "Directeur des finances", filiere: "administrative", categorie: "A", communeCode: VANNES, housing: "COP_A", publishedAt: day(5) });
    ids.draft = await createPosition(org.id, { title: "Brouillon", state: "DRAFT", missions: `Le chantier ${missionWord} aussi.` });
    ids.confidential = await createPosition(org.id, { title: "DGS (recherche confidentielle)", confidential: true, missions: `Le chantier ${missionWord} encore.` });
    ids.closed = await createPosition(org.id, { title: "Poste clos", state: "CLOSED" });
    ids.filled = await createPosition(org.id, { title: "Poste pourvu", state: "FILLED" });
    await sync();
  });

  it("finds an offer by a word of its missions", async () => {
    const found = await results(`q=${missionWord}`);
    expect(found.hits.map((h) => h.id)).toEqual([ids.rennes]);
    expect(found.hits[0]).toMatchObject({ title: "Responsable du centre technique municipal", communeName: "Rennes", departementCode: "35", housing: "NAS", remoteDays: 1 });
  });

  it("lists the offers of a query most recent first when asked, and by relevance otherwise", async () => {
    const recent = await results(`q=${word}&tri=recentes`);
    expect(recent.sort).toBe("recentes");
    expect(recent.hits.map((h) => h.id)).toEqual([ids.cesson, ids.brest, ids.rennes, ids.vannes]);
    const relevant = await results(`q=${word}`);
    expect(relevant.sort).toBe("pertinence");
    expect(relevant.total).toBe(4);
  });

  it("marks the matched words of a title, with the rest of the title escaped", async () => {
    const found = await results(`q=${word}+technicien`);
    const hit = found.hits.find((h) => h.id === ids.cesson);
    expect(hit?.titleHtml).toBe("<mark>Technicien</mark> voirie");
  });

  it("counts offers per facet value, and keeps the other values' counts when one is ticked", async () => {
    const all = await results(`q=${word}`);
    expect(count(all.facets.filiere, "technique")).toBe(2);
    expect(count(all.facets.filiere, "administrative")).toBe(2);
    expect(count(all.facets.categorie, "A")).toBe(2);
    expect(count(all.facets.categorie, "B")).toBe(2);
    expect(count(all.facets.departement, "35")).toBe(2);
    expect(all.facets.departement.find((d) => d.value === "35")?.label).toBe("Ille-et-Vilaine (35)");
    expect(all.facets.housing.count).toBe(2);
    expect(all.facets.telework.count).toBe(2);

    const b = await results(`q=${word}&categorie=B`);
    expect(b.hits.map((h) => h.id).sort()).toEqual([ids.cesson, ids.brest].sort());
    // The catégorie facet still offers A with its count, to widen the search.
    expect(b.facets.categorie).toEqual([
      { value: "A", label: "Catégorie A", count: 2, selected: false },
      { value: "B", label: "Catégorie B", count: 2, selected: true },
    ]);
    // The other facets count within catégorie B.
    expect(count(b.facets.filiere, "technique")).toBe(1);
    expect(b.facets.telework.count).toBe(1);
  });

  it("combines facets: values of one facet widen, facets together narrow", async () => {
    const either = await results(`q=${word}&departement=35&departement=29`);
    expect(either.total).toBe(3);
    const narrowed = await results(`q=${word}&departement=35&departement=29&filiere=technique&logement=1`);
    expect(narrowed.hits.map((h) => h.id)).toEqual([ids.rennes]);
    const remote = await results(`q=${word}&teletravail=1`);
    expect(remote.hits.map((h) => h.id).sort()).toEqual([ids.rennes, ids.brest].sort());
  });

  it("finds offers within a distance of a commune, nearest first, with their distance", async () => {
    const near = await results(`q=${word}&commune=${RENNES}&rayon=20&tri=distance`);
    expect(near.near).toMatchObject({ code: RENNES, name: "Rennes", radiusKm: 20 });
    expect(near.sort).toBe("distance");
    expect(near.hits.map((h) => h.id)).toEqual([ids.rennes, ids.cesson]);
    expect(near.hits[0].distanceKm).toBeLessThan(1);
    expect(near.hits[1].distanceKm).toBeGreaterThan(2);
    expect(near.hits[1].distanceKm).toBeLessThan(15);

    // Brest is some 210 km from Rennes as the crow flies.
    const wider = await results(`q=${word}&commune=${RENNES}&rayon=200&tri=distance`);
    expect(wider.hits.map((h) => h.id)).toEqual([ids.rennes, ids.cesson, ids.vannes]);
  });

  it("says when a commune is not one, and searches without the distance", async () => {
    const { status, data } = await search(`q=${word}&commune=99999`);
    expect(status).toBe(200);
    expect(data.communeError).toMatch(/commune n’est pas reconnue/);
    expect(data.result?.total).toBe(4);
    expect((await search(`q=${word}&commune=rennes`)).data.communeError).toMatch(/code INSEE/);
  });

  it("never shows a draft, a confidential search, a closed or a filled position", async () => {
    const hidden = [ids.draft, ids.confidential, ids.closed, ids.filled];
    const byWord = await results(`q=${word}`);
    const byMission = await results(`q=${missionWord}`);
    for (const id of hidden) {
      expect(byWord.hits.map((h) => h.id)).not.toContain(id);
      expect(byMission.hits.map((h) => h.id)).not.toContain(id);
      await expect(searchClient().index("positions").getDocument(id)).rejects.toSatisfy((e) => searchErrorCode(e) === "document_not_found");
    }
  });

  it("drops an offer from the results once its search turns confidential", async () => {
    const org = await createCollectivite(madeUpWord());
    const tag = madeUpWord();
    const id = await createPosition(org.id, { title: `Chef de projet ${tag}` });
    await sync();
    expect((await results(`q=${tag}`)).hits.map((h) => h.id)).toEqual([id]);
    await db.$transaction(async (tx) => {
      await tx.position.update({ where: { id }, data: { confidential: true } });
      await enqueue(tx, "positions", id);
    });
    await sync();
    expect((await results(`q=${tag}`)).total).toBe(0);
  });

  it("pages through the results twenty at a time", async () => {
    const org = await createCollectivite(madeUpWord());
    const tag = madeUpWord();
    for (let i = 0; i < 23; i++) {
      await createPosition(org.id, { title: `Agent d’accueil ${tag} ${i}`, publishedAt: new Date(Date.now() - i * 60_000) });
    }
    await sync();
    const first = await results(`q=${tag}&tri=recentes`);
    expect(first).toMatchObject({ total: 23, page: 1, pageCount: 2 });
    expect(first.hits).toHaveLength(20);
    const second = await results(`q=${tag}&tri=recentes&page=2`);
    expect(second.hits).toHaveLength(3);
    expect(second.hits.map((h) => h.title)).toEqual([20, 21, 22].map((i) => `Agent d’accueil ${tag} ${i}`));
  });

  it("returns no key or secret to the browser", async () => {
    const { body } = await search(`q=${word}`);
    expect(body).not.toContain(process.env.MEILI_MASTER_KEY!);
    expect(body).not.toMatch(/masterKey|apiKey|MEILI_/i);
    expect(body).not.toContain(process.env.MEILI_URL!);
  });
});

describe("the offer search when Meilisearch does not answer", () => {
  const saved = process.env.MEILI_URL;
  afterAll(() => {
    process.env.MEILI_URL = saved;
  });

  it("answers 503 without results, for the page to say so in French, instead of failing", async () => {
    // A port where nothing listens: the client cannot connect.
    process.env.MEILI_URL = "http://127.0.0.1:9";
    const { status, data } = await search("q=finances");
    expect(status).toBe(503);
    expect(data.result).toBeNull();
  });
});
