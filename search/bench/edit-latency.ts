import type { Meilisearch } from "meilisearch";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { searchCandidates, type CandidateSearchViewer } from "../candidate-search";
import { enqueue, startOutboxWorker } from "../outbox";
import { prng } from "./generate";

/**
 * "An edit is searchable within 2 s": profiles are edited the way the domain edits them (the
 * change and its outbox row in one transaction), the outbox worker runs as the portal runs it
 * (every 250 ms, nobody wakes it), and the portal's search is polled until the new competency
 * finds the profile, every 25 ms. The time counts from the start of the save.
 */

function madeUpWord(r: () => number): string {
  return Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(r() * 26))).join("");
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** "PT0.612S", "PT1M2.5S" (a batch's duration) → ms. */
function isoDurationMs(value: string | null | undefined): number {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(value ?? "");
  return m ? ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000 : Number.NaN;
}

/** "637.30ms", "2.45s", "37.24µs" (a step of a batch's progressTrace) → ms. */
export function traceMs(value: unknown): number {
  const m = /^([\d.]+)(µs|ms|s)$/.exec(String(value ?? ""));
  if (!m) return Number.NaN;
  return Number(m[1]) * (m[2] === "s" ? 1000 : m[2] === "ms" ? 1 : 0.001);
}

export type EditLatency = {
  /** From the start of each save to the search finding the change. */
  visibleMs: number[];
  /** Meilisearch's processing of each batch that carried an edit. */
  batchMs: number[];
  /** Of which rewriting the geo R-tree (Meilisearch deserialises and rewrites it whole). */
  geoMs: number[];
};

export async function measureEditLatency({
  db,
  client,
  viewer,
  profileIds,
  timeoutMs = 15_000,
}: {
  db: PrismaClient;
  client: Meilisearch;
  viewer: CandidateSearchViewer;
  /** Indexed profiles the viewer may see, one per sample. */
  profileIds: readonly string[];
  timeoutMs?: number;
}): Promise<EditLatency> {
  const r = prng(42);
  const worker = startOutboxWorker({ db, client, log: { warn: (m: string) => console.warn(m), info: () => {} } });
  const samples: number[] = [];
  try {
    for (const id of profileIds) {
      // Edits do not arrive in step with the worker's clock.
      await sleep(Math.floor(r() * 250));
      const word = madeUpWord(r);
      const start = performance.now();
      await db.$transaction(async (tx) => {
        const row = await tx.candidateProfile.findUniqueOrThrow({ where: { id }, select: { competencies: true } });
        const competencies = [...(JSON.parse(row.competencies) as string[]), `Compétence ${word}`];
        await tx.candidateProfile.update({ where: { id }, data: { competencies: JSON.stringify(competencies), lastActivityAt: new Date() } });
        await enqueue(tx, "candidates", id);
      });
      for (;;) {
        const found = await searchCandidates(client, viewer, { q: word, facets: "none", hitsPerPage: 5 });
        if (found.hits.some((h) => h.id === id)) break;
        if (performance.now() - start > timeoutMs) throw new Error(`The edit of ${id} was not searchable after ${timeoutMs} ms`);
        // Often enough to time it to within 25 ms, seldom enough not to slow the indexing down
        // (the searches share the two cores with it).
        await sleep(25);
      }
      samples.push(performance.now() - start);
    }
  } finally {
    await worker.stop();
  }
  // Where Meilisearch spends its time on these small batches.
  const { results: batches } = await client.batches.getBatches({ indexUids: ["candidates"], limit: profileIds.length });
  return {
    visibleMs: samples,
    batchMs: batches.map((b) => isoDurationMs(b.duration)),
    geoMs: batches.map((b) => traceMs(b.stats.progressTrace?.["processing tasks > indexing > writing geo points"])).filter((n) => Number.isFinite(n)),
  };
}
