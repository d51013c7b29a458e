import fs from "node:fs";
import path from "node:path";
import type { Meilisearch } from "meilisearch";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { matchContext, matchInputToDomain } from "../../app/domain/matching.server";
import { fixtureSchema } from "../../app/domain/matching-quality.server";
import { rankSuggestions } from "../../app/domain/suggestions.server";
import type { CandidateSearchViewer } from "../candidate-search";
import { timed } from "./stats";

/**
 * « Profils suggérés » as the page computes them (app/domain/suggestions.server.ts
 * rankSuggestions: the talent searches of the retrieval, the profiles read whole from SQLite,
 * the scorer), for the five positions of the matching fixture (a DGS of a small commune, an
 * engineer, a catégorie B post, a post open to contractuels, a post with housing), in turn.
 */

export type SuggestionsRun = { times: number[]; parts: { retrieve: number[]; read: number[]; score: number[] }; perPosition: Array<{ id: string; title: string; examined: number; suggested: number; top: number | null }> };

export async function measureSuggestions({ db, client, viewer, samples, root }: { db: PrismaClient; client: Meilisearch; viewer: CandidateSearchViewer; samples: number; root: string }): Promise<SuggestionsRun> {
  const fixture = fixtureSchema.parse(JSON.parse(fs.readFileSync(path.join(root, "tests", "fixtures", "matching", "pairs.json"), "utf8")));
  const { positions } = matchInputToDomain(fixture);
  const context = matchContext();
  // A cabinet of its own: no contact request or application reveals anyone, as for a new cabinet.
  const scope = { cabinetId: "bench-cabinet", missions: { id: "bench-no-mission" } };
  const run = (i: number) => rankSuggestions({ db, client }, { viewer, scope, position: positions[i % positions.length], missionId: null, context, limit: 100 });
  const perPosition = [];
  for (let i = 0; i < positions.length; i++) {
    const r = await run(i);
    perPosition.push({ id: positions[i].id, title: positions[i].title, examined: r.examined, suggested: r.suggestions.length, top: r.suggestions[0]?.score ?? null });
  }
  for (let i = 0; i < positions.length; i++) await run(i);
  const times: number[] = [];
  const parts = { retrieve: [] as number[], read: [] as number[], score: [] as number[] };
  for (let i = 0; i < samples; i++) {
    const t = await timed(() => run(i));
    times.push(t.ms);
    for (const k of ["retrieve", "read", "score"] as const) parts[k].push(t.value.timings[k]);
  }
  return { times, parts, perPosition };
}
