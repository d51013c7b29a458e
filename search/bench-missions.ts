/**
 * `npm run bench:missions` (also run by `npm run bench`; `npx tsx search/bench-missions.ts
 * [--entries N] [--samples N]`): the mission page's loaders on a mission of 1,000 shortlist
 * entries and 5,000 events, self-contained.
 *
 * A temporary SQLite database migrated as in production (deleted at the end); a cabinet, a
 * consultant on the mission, 1,000 deterministic candidates (anonymous and visible, some hiding
 * from the client, with proposals, applications and scorecards) on the list at every stage; then
 * the real route loaders (session cookie, gate, page data, JSON) called as Remix calls them: the
 * list (default, sorted by distance, filtered by words, a later page) and the board. Prints
 * p50/p95 and PASS/FAIL per target; exits 0 whatever the figures, 1 only on an error.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { prng } from "./bench/generate";
import { count, ms, summarize, table, timed } from "./bench/stats";

const TARGETS = { pageP95Ms: 50, boardP95Ms: 80 };
const STAGES = ["IDENTIFIED", "APPROACHED", "INTERESTED", "CABINET_INTERVIEW", "EVALUATED", "PRESENTED", "FINALIST", "HIRED", "NOT_RETAINED", "WITHDREW"] as const;
const PATH_TO: Record<(typeof STAGES)[number], readonly string[]> = {
  IDENTIFIED: ["IDENTIFIED"],
  APPROACHED: ["IDENTIFIED", "APPROACHED"],
  INTERESTED: ["IDENTIFIED", "APPROACHED", "INTERESTED"],
  CABINET_INTERVIEW: ["IDENTIFIED", "APPROACHED", "INTERESTED", "CABINET_INTERVIEW"],
  EVALUATED: ["IDENTIFIED", "APPROACHED", "INTERESTED", "CABINET_INTERVIEW", "EVALUATED"],
  PRESENTED: ["APPROACHED", "INTERESTED", "CABINET_INTERVIEW", "EVALUATED", "PRESENTED"],
  FINALIST: ["INTERESTED", "CABINET_INTERVIEW", "EVALUATED", "PRESENTED", "FINALIST"],
  HIRED: ["CABINET_INTERVIEW", "EVALUATED", "PRESENTED", "FINALIST", "HIRED"],
  NOT_RETAINED: ["IDENTIFIED", "APPROACHED", "INTERESTED", "CABINET_INTERVIEW", "NOT_RETAINED"],
  WITHDREW: ["IDENTIFIED", "APPROACHED", "WITHDREW"],
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const say = (line = "") => process.stdout.write(`${line}\n`);

function options() {
  const { values } = parseArgs({ options: { entries: { type: "string", default: "1000" }, samples: { type: "string", default: "200" }, keep: { type: "boolean", default: false } } });
  const n = (name: string, v: string | undefined, min: number) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x < min) throw new Error(`--${name} must be an integer of at least ${min} (got ${v})`);
    return x;
  };
  return { entries: n("entries", values.entries, 10), samples: n("samples", values.samples, 5), keep: values.keep ?? false };
}

async function main(): Promise<void> {
  const opts = options();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "vivier-bench-missions-"));
  const url = `file:${path.join(tmp, "bench.db")}`;
  // The portal's modules read their configuration once, at import: ours, before importing them.
  Object.assign(process.env, { DATABASE_URL: url, SESSION_SECRET: randomBytes(32).toString("hex"), UPLOAD_DIR: path.join(tmp, "uploads"), NODE_ENV: "production", APP_URL: "http://localhost:3000" });
  delete process.env.MEILI_URL;
  let disconnect: (() => Promise<void>) | undefined;
  try {
    say(`Banc d’essai de la page de mission — ${count(opts.entries)} candidats sur la liste, ${os.cpus().length} cœurs, Node ${process.version}`);
    const migrate = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: root, env: { ...process.env }, encoding: "utf8" });
    if (migrate.status !== 0) throw new Error(`prisma migrate deploy failed:\n${migrate.stdout}\n${migrate.stderr}`);

    const { db } = await import("../app/utils/db.server");
    disconnect = () => db.$disconnect();
    const { createUserSession } = await import("../app/utils/session.server");
    const { listCommunes } = await import("../app/reference/territory.server");
    const missionRoute = await import("../app/routes/cabinet.missions.$id");

    // 1. A cabinet, its consultant, a collectivité and its mandated position.
    const rnd = prng(20261130);
    const made = await timed(async () => {
      const cabinet = await db.organization.create({ data: { kind: "CABINET", name: "Cabinet du banc", officialKey: "CAB-000000001" } });
      const client = await db.organization.create({ data: { kind: "COLLECTIVITE", name: "Commune du banc", officialKey: "214800807", communeCode: "48080" } });
      const consultant = await db.user.create({ data: { email: "consultant@banc.test", name: "Consultante du banc", role: "CONSULTANT", passwordHash: "x", organizationId: cabinet.id } });
      const position = await db.position.create({
        data: {
          organizationId: client.id, state: "PUBLISHED", title: "Directeur général des services (H/F)", filiere: "administrative", categorie: "A", communeCode: "48080",
          salaryMin: 48_000, salaryMax: 56_000, ifse: 650, remoteDays: 1, publishedAt: new Date(),
          committee: { create: [{ name: "Maire", function: "Maire", role: "DECIDE" }, { name: "DGA", function: "DGA", role: "EVALUATE" }] },
          criteria: { create: [{ label: "Management", weight: 40 }, { label: "Finances", weight: 35 }, { label: "Projet", weight: 25 }] },
        },
      });
      const mission = await db.mission.create({ data: { positionId: position.id, cabinetId: cabinet.id, consultants: { create: { userId: consultant.id } } } });

      // 2. Candidates, on the list at every stage, with their story.
      const communes = listCommunes().filter((c) => c.departementCode === "48" || c.departementCode === "43" || c.departementCode === "12" || c.departementCode === "07" || c.departementCode === "30");
      const day = 86_400_000;
      const now = Date.now();
      const users = Array.from({ length: opts.entries }, (_, i) => ({ id: `benchuser${String(i).padStart(6, "0")}`, email: `candidat-${i}@banc.test`, name: `Candidat ${i} Banc`, role: "CANDIDATE", passwordHash: "x" }));
      await db.user.createMany({ data: users });
      const profiles = users.map((u, i) => ({
        id: `benchprofile${String(i).padStart(6, "0")}`, userId: u.id, pseudonym: `Candidat B${String(i).padStart(5, "0")}`,
        visibility: rnd() < 0.6 ? "ANONYMOUS" : "VISIBLE", currentFunction: ["Secrétaire général de mairie", "Directeur des finances", "DGA", "Responsable RH"][i % 4],
        grade: ["Attaché", "Attaché principal", "Directeur territorial"][i % 3], cadreEmplois: "attaches", filiere: "administrative", categorie: "A",
        homeCommuneCode: communes[Math.floor(rnd() * communes.length)].code,
      }));
      await db.candidateProfile.createMany({ data: profiles });
      await db.hiddenOrganization.createMany({ data: profiles.filter((_, i) => i % 25 === 0).map((p) => ({ profileId: p.id, officialKey: client.officialKey, name: client.name })) });
      const entries = profiles.map((p, i) => {
        const stage = STAGES[i % STAGES.length];
        return { id: `benchentry${String(i).padStart(6, "0")}`, missionId: mission.id, profileId: p.id, stage, source: ["SEARCH", "CONTACT", "APPLICATION"][i % 3], stageChangedAt: new Date(now - Math.floor(rnd() * 60) * day), createdAt: new Date(now - 90 * day + i * 1000) };
      });
      for (let i = 0; i < entries.length; i += 500) await db.shortlistEntry.createMany({ data: entries.slice(i, i + 500) });
      // Five events an entry: its moves, and reminders in its stage to make up the history.
      const events = entries.flatMap((e) => {
        const steps = PATH_TO[e.stage as (typeof STAGES)[number]];
        const moves = steps.map((to, k) => ({ entryId: e.id, actorId: consultant.id, fromStage: k ? steps[k - 1] : null, toStage: to, reason: "", at: new Date(e.createdAt.getTime() + k * day) }));
        const last = steps[steps.length - 1];
        const reminders = Array.from({ length: Math.max(0, 5 - moves.length) }, (_, k) => ({ entryId: e.id, actorId: consultant.id, fromStage: last, toStage: last, reason: "Relance", at: new Date(e.createdAt.getTime() + (steps.length + k) * day) }));
        return [...moves, ...reminders];
      });
      for (let i = 0; i < events.length; i += 1000) await db.shortlistEvent.createMany({ data: events.slice(i, i + 1000) });
      const contacted = entries.filter((e) => e.stage !== "IDENTIFIED" && e.source === "CONTACT");
      await db.contactRequest.createMany({ data: contacted.map((e) => ({ profileId: e.profileId, cabinetId: cabinet.id, consultantId: consultant.id, missionId: mission.id, status: e.stage === "APPROACHED" ? "PENDING" : e.stage === "WITHDREW" ? "DECLINED" : "ACCEPTED" })) });
      const applied = entries.filter((e) => e.source === "APPLICATION");
      await db.application.createMany({ data: applied.map((e) => ({ profileId: e.profileId, positionId: position.id, state: "REVIEWING" })) });
      const scored = entries.filter((e) => ["EVALUATED", "PRESENTED", "FINALIST", "HIRED"].includes(e.stage));
      await db.scorecard.createMany({ data: scored.map((e) => ({ entryId: e.id, consultantId: consultant.id, total: 40 + Math.floor(rnd() * 60) })) });
      await db.$executeRawUnsafe("ANALYZE");
      return { mission, consultant, events: events.length, contacted: contacted.length, applied: applied.length, scored: scored.length };
    });
    const { mission, consultant } = made.value;
    say(`Données écrites en ${ms(made.ms)} : ${count(opts.entries)} candidats, ${count(made.value.events)} événements, ${count(made.value.contacted)} propositions, ${count(made.value.applied)} candidatures, ${count(made.value.scored)} grilles.`);

    // 3. The loaders, as Remix calls them for a signed-in consultant.
    const cookie = (await createUserSession(consultant.id)).split(";")[0];
    const base = `http://localhost:3000/cabinet/missions/${mission.id}`;
    const call = async (query: string) => {
      const res = await missionRoute.loader({ request: new Request(`${base}${query}`, { headers: { Cookie: cookie } }), params: { id: mission.id }, context: { clientAddress: "127.0.0.1" } });
      const body = await (res as Response).text();
      if ((res as Response).status !== 200) throw new Error(`${query}: ${(res as Response).status}`);
      return body.length;
    };
    const views = [
      { label: "liste (50 premiers, par étape)", query: "", target: TARGETS.pageP95Ms },
      { label: "liste triée par distance", query: "?sort=distance", target: TARGETS.pageP95Ms },
      { label: "liste filtrée (« finances »)", query: "?q=finances", target: TARGETS.pageP95Ms },
      { label: "liste, page 10", query: "?page=10&size=50", target: TARGETS.pageP95Ms },
      { label: "tableau par étape", query: "?vue=tableau", target: TARGETS.boardP95Ms },
    ];
    const rows: string[][] = [];
    const verdicts: Array<{ label: string; p95: number; target: number }> = [];
    for (const v of views) {
      const size = await call(v.query);
      for (let i = 0; i < 10; i++) await call(v.query);
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < opts.samples; i++) {
        const before = process.cpuUsage();
        times.push((await timed(() => call(v.query))).ms);
        const used = process.cpuUsage(before);
        cpu.push((used.user + used.system) / 1000);
      }
      const s = summarize(times);
      // The processor time of this process: what the figures would be with nothing else running.
      const c = summarize(cpu);
      rows.push([v.label, ms(s.p50), ms(s.p95), ms(c.p50), `${count(Math.round(size / 1024))} Ko`, `< ${v.target} ms`, s.p95 < v.target ? "PASS" : "FAIL"]);
      verdicts.push({ label: v.label, p95: s.p95, target: v.target });
    }
    say();
    say(table(["chargement de /cabinet/missions/:id", "p50", "p95", "CPU p50", "JSON", "cible p95", ""], rows));
    say(`charge de la machine pendant la mesure (1 min) : ${os.loadavg()[0].toFixed(2)} pour ${os.cpus().length} cœurs`);
    say();
    const page = Math.max(...verdicts.filter((v) => v.target === TARGETS.pageP95Ms).map((v) => v.p95));
    const board = verdicts.find((v) => v.target === TARGETS.boardP95Ms)!.p95;
    say(`page de mission, p95 le plus lent : ${ms(page)} (cible < ${TARGETS.pageP95Ms} ms) — ${page < TARGETS.pageP95Ms ? "PASS" : "FAIL"}`);
    say(`tableau, p95 : ${ms(board)} (cible < ${TARGETS.boardP95Ms} ms) — ${board < TARGETS.boardP95Ms ? "PASS" : "FAIL"}`);
  } finally {
    await disconnect?.().catch(() => {});
    if (opts.keep) say(`Base gardée (--keep) : ${url}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
