import type { PrismaClient } from "~/generated/prisma/client";
import type { SeedPlan } from "./plan";
import { stableId } from "./random";

export type Counts = { total: number; created: number; updated: number; deleted: number };

export type WriteSummary = {
  organizations: Counts;
  users: Counts;
  profiles: Counts;
  hiddenOrganizations: Counts;
  positions: Counts;
  positionEvents: Counts;
  committeeMembers: Counts;
  criteria: Counts;
  missions: Counts;
  applications: Counts;
  contactRequests: Counts;
  messages: Counts;
  savedSearches: Counts;
  missionConsultants: Counts;
  missionBriefs: Counts;
  messageTemplates: Counts;
  shortlistEntries: Counts;
  shortlistEvents: Counts;
  scorecards: Counts;
  consentRequests: Counts;
};

type Row = { id: string } & Record<string, unknown>;

/**
 * Upserts `desired` rows matched to `existing` ones by a stable key: creates the missing ones in
 * one createMany, updates only the columns that differ, and leaves identical rows untouched — a
 * second run writes nothing. `createOnly` columns are written on creation only (a user's own
 * activity); `passive` ones (updatedAt) never trigger an update but go along with one.
 */
async function sync<R extends Row>(opts: {
  desired: readonly R[];
  existing: readonly Row[];
  key: (row: Row) => string;
  createMany: (rows: R[]) => Promise<unknown>;
  update: (id: string, data: Partial<R>) => Promise<unknown>;
  createOnly?: readonly string[];
  passive?: readonly string[];
  /** Deletes rows owned by the seed that it no longer wants; returns how many. */
  deleteExtra?: (ids: string[]) => Promise<number>;
}): Promise<{ ids: Map<string, string>; counts: Counts }> {
  const byKey = new Map(opts.existing.map((row) => [opts.key(row), row]));
  const ids = new Map<string, string>();
  const toCreate: R[] = [];
  let updated = 0;
  const skip = new Set(["id", ...(opts.createOnly ?? []), ...(opts.passive ?? [])]);
  for (const row of opts.desired) {
    const k = opts.key(row);
    const current = byKey.get(k);
    if (!current) {
      toCreate.push(row);
      ids.set(k, row.id);
      continue;
    }
    ids.set(k, current.id);
    const changed: Partial<R> = {};
    let dirty = false;
    for (const [field, value] of Object.entries(row)) {
      if (skip.has(field) || same(value, current[field])) continue;
      (changed as Record<string, unknown>)[field] = value;
      dirty = true;
    }
    if (dirty) {
      for (const field of opts.passive ?? []) (changed as Record<string, unknown>)[field] = row[field];
      await opts.update(current.id, changed);
      updated++;
    }
  }
  if (toCreate.length > 0) await opts.createMany(toCreate);
  let deleted = 0;
  if (opts.deleteExtra) {
    const wanted = new Set(opts.desired.map(opts.key));
    const extra = opts.existing.filter((row) => !wanted.has(opts.key(row))).map((row) => row.id);
    if (extra.length > 0) deleted = await opts.deleteExtra(extra);
  }
  return { ids, counts: { total: opts.desired.length, created: toCreate.length, updated, deleted } };
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return (a ?? null) === (b ?? null);
}

function must<V>(map: ReadonlyMap<string, V>, key: string, what: string): V {
  const v = map.get(key);
  if (v === undefined) throw new Error(`Seed: no ${what} for ${key}`);
  return v;
}

const TX = { timeout: 120_000, maxWait: 20_000 } as const;

export async function writePlan(db: PrismaClient, plan: SeedPlan, passwordHash: string): Promise<WriteSummary> {
  // Organisations and staff accounts.
  const { orgIds, userIds, organizations, users } = await db.$transaction(async (tx) => {
    const keys = plan.organizations.map((o) => o.officialKey);
    const orgs = await sync({
      desired: plan.organizations.map((o) => ({ id: stableId("organization", o.officialKey), ...o })),
      existing: await tx.organization.findMany({ where: { officialKey: { in: keys } } }),
      key: (r) => String(r.officialKey),
      createMany: (data) => tx.organization.createMany({ data }),
      update: (id, data) => tx.organization.update({ where: { id }, data }),
      createOnly: ["createdAt"],
    });
    const allUsers = [...plan.users, ...plan.candidates.map((c) => c.user)];
    const emails = allUsers.map((u) => u.email);
    const usersResult = await sync({
      desired: allUsers.map(({ orgKey, ...u }) => ({
        id: stableId("user", u.email),
        ...u,
        passwordHash,
        organizationId: orgKey ? must(orgs.ids, orgKey, "organisation") : null,
      })),
      existing: await tx.user.findMany({ where: { email: { in: emails } } }),
      key: (r) => String(r.email),
      createMany: (data) => tx.user.createMany({ data }),
      update: (id, data) => tx.user.update({ where: { id }, data }),
      createOnly: ["createdAt", "lastActiveAt"],
    });
    return { orgIds: orgs.ids, userIds: usersResult.ids, organizations: orgs.counts, users: usersResult.counts };
  }, TX);

  // Candidate profiles and whom each hides from.
  const { profileIds, profiles, hiddenOrganizations } = await db.$transaction(async (tx) => {
    const userIdList = plan.candidates.map((c) => must(userIds, c.user.email, "user"));
    const profilesResult = await sync({
      desired: plan.candidates.map(({ profile: { hiddenFrom: _hidden, email, ...p } }) => ({
        id: stableId("profile", email),
        userId: must(userIds, email, "user"),
        ...p,
      })),
      existing: await tx.candidateProfile.findMany({ where: { userId: { in: userIdList } } }),
      key: (r) => String(r.userId),
      createMany: (data) => tx.candidateProfile.createMany({ data }),
      update: (id, data) => tx.candidateProfile.update({ where: { id }, data }),
      passive: ["updatedAt"],
    });
    // Profiles are keyed by user id; re-key them by e-mail for the rows that follow.
    const byEmail = new Map(plan.candidates.map((c) => [c.user.email, must(profilesResult.ids, must(userIds, c.user.email, "user"), "profile")]));
    const profileIdList = [...byEmail.values()];
    const hidden = await sync({
      desired: plan.candidates.flatMap((c) =>
        c.profile.hiddenFrom.map((h) => ({
          id: stableId("hidden", `${c.user.email}:${h.officialKey}`),
          profileId: must(byEmail, c.user.email, "profile"),
          officialKey: h.officialKey,
          name: h.name,
        })),
      ),
      existing: await tx.hiddenOrganization.findMany({ where: { profileId: { in: profileIdList } } }),
      key: (r) => `${r.profileId}|${r.officialKey}`,
      createMany: (data) => tx.hiddenOrganization.createMany({ data }),
      update: (id, data) => tx.hiddenOrganization.update({ where: { id }, data }),
      deleteExtra: async (ids) => (await tx.hiddenOrganization.deleteMany({ where: { id: { in: ids } } })).count,
    });
    return { profileIds: byEmail, profiles: profilesResult.counts, hiddenOrganizations: hidden.counts };
  }, TX);

  // Positions, their story, committee and criteria, and the searches entrusted to a cabinet.
  const positionsSummary = await db.$transaction(async (tx) => {
    const ids = plan.positions.map((p) => p.id);
    const positions = await sync({
      desired: plan.positions.map(({ orgKey, createdByEmail, events: _e, committee: _c, criteria: _k, missionCabinetKey: _m, missionCreatedAt: _mc, ...p }) => ({
        ...p,
        organizationId: must(orgIds, orgKey, "organisation"),
        createdById: must(userIds, createdByEmail, "user"),
      })),
      existing: await tx.position.findMany({ where: { id: { in: ids } } }),
      key: (r) => r.id,
      createMany: (data) => tx.position.createMany({ data }),
      update: (id, data) => tx.position.update({ where: { id }, data }),
      passive: ["updatedAt"],
    });
    const events = await sync({
      desired: plan.positions.flatMap((p) =>
        p.events.map((e) => ({ ...e, positionId: p.id, userId: must(userIds, p.createdByEmail, "user") })),
      ),
      existing: await tx.positionEvent.findMany({ where: { positionId: { in: ids } } }),
      key: (r) => r.id,
      createMany: (data) => tx.positionEvent.createMany({ data }),
      update: (id, data) => tx.positionEvent.update({ where: { id }, data }),
      deleteExtra: async (extra) => (await tx.positionEvent.deleteMany({ where: { id: { in: extra } } })).count,
    });
    const committee = await sync({
      desired: plan.positions.flatMap((p) => p.committee.map((m) => ({ ...m, positionId: p.id }))),
      existing: await tx.committeeMember.findMany({ where: { positionId: { in: ids } } }),
      key: (r) => r.id,
      createMany: (data) => tx.committeeMember.createMany({ data }),
      update: (id, data) => tx.committeeMember.update({ where: { id }, data }),
      deleteExtra: async (extra) => (await tx.committeeMember.deleteMany({ where: { id: { in: extra } } })).count,
    });
    const criteria = await sync({
      desired: plan.positions.flatMap((p) => p.criteria.map((c) => ({ ...c, positionId: p.id }))),
      existing: await tx.criterion.findMany({ where: { positionId: { in: ids } } }),
      key: (r) => r.id,
      createMany: (data) => tx.criterion.createMany({ data }),
      update: (id, data) => tx.criterion.update({ where: { id }, data }),
      deleteExtra: async (extra) => (await tx.criterion.deleteMany({ where: { id: { in: extra } } })).count,
    });
    const mandated = plan.positions.filter((p) => p.missionCabinetKey);
    const missions = await sync({
      desired: mandated.map((p) => ({
        id: stableId("mission", `${p.id}:${p.missionCabinetKey}`),
        positionId: p.id,
        cabinetId: must(orgIds, p.missionCabinetKey!, "cabinet"),
        status: "ACTIVE",
        createdById: must(userIds, p.createdByEmail, "user"),
        createdAt: p.missionCreatedAt!,
      })),
      existing: await tx.mission.findMany({ where: { positionId: { in: mandated.map((p) => p.id) } } }),
      key: (r) => `${r.positionId}|${r.cabinetId}`,
      createMany: (data) => tx.mission.createMany({ data }),
      update: (id, data) => tx.mission.update({ where: { id }, data }),
    });
    return {
      missionIds: missions.ids,
      counts: { positions: positions.counts, positionEvents: events.counts, committeeMembers: committee.counts, criteria: criteria.counts, missions: missions.counts },
    };
  }, TX);
  const { missionIds } = positionsSummary;

  // Applications.
  const applications = await db.$transaction(async (tx) => {
    const result = await sync({
      desired: plan.applications.map(({ email, ...a }) => {
        const profileId = must(profileIds, email, "profile");
        return { id: stableId("application", `${email}:${a.positionId}`), profileId, ...a };
      }),
      existing: await tx.application.findMany({ where: { profileId: { in: [...profileIds.values()] } } }),
      key: (r) => `${r.profileId}|${r.positionId}`,
      createMany: (data) => tx.application.createMany({ data }),
      update: (id, data) => tx.application.update({ where: { id }, data }),
      passive: ["updatedAt"],
    });
    return result.counts;
  }, TX);

  // What passes between the cabinets and the candidates. A candidate's answer to a proposal is
  // their own doing: written on creation only, never put back by a later run.
  const conversations = await db.$transaction(async (tx) => {
    const missionOf = (r: { positionId: string; cabinetKey: string }) =>
      must(missionIds, `${r.positionId}|${must(orgIds, r.cabinetKey, "cabinet")}`, "mission");
    const contactRequests = await sync({
      desired: plan.contactRequests.map(({ email, positionId, cabinetKey, consultantEmail, ...r }) => ({
        ...r,
        profileId: must(profileIds, email, "profile"),
        cabinetId: must(orgIds, cabinetKey, "cabinet"),
        consultantId: must(userIds, consultantEmail, "user"),
        missionId: missionOf({ positionId, cabinetKey }),
      })),
      existing: await tx.contactRequest.findMany({ where: { id: { in: plan.contactRequests.map((r) => r.id) } } }),
      key: (r) => r.id,
      createMany: (data) => tx.contactRequest.createMany({ data }),
      update: (id, data) => tx.contactRequest.update({ where: { id }, data }),
      createOnly: ["status", "answeredAt"],
    });
    const messages = await sync({
      desired: plan.messages.map(({ email, positionId, cabinetKey, authorEmail, ...m }) => ({
        ...m,
        missionId: missionOf({ positionId, cabinetKey }),
        profileId: must(profileIds, email, "profile"),
        authorId: must(userIds, authorEmail, "user"),
      })),
      existing: await tx.message.findMany({ where: { id: { in: plan.messages.map((m) => m.id) } } }),
      key: (r) => r.id,
      createMany: (data) => tx.message.createMany({ data }),
      update: (id, data) => tx.message.update({ where: { id }, data }),
    });
    return { contactRequests: contactRequests.counts, messages: messages.counts };
  }, TX);

  // Consultants' saved searches; running one again is the consultant's doing (lastRunAt).
  const savedSearches = await sync({
    desired: plan.savedSearches.map(({ email, ...s }) => ({ ...s, userId: must(userIds, email, "user") })),
    existing: await db.savedSearch.findMany({ where: { id: { in: plan.savedSearches.map((s) => s.id) } } }),
    key: (r) => r.id,
    createMany: (data) => db.savedSearch.createMany({ data }),
    update: (id, data) => db.savedSearch.update({ where: { id }, data }),
    createOnly: ["lastRunAt"],
  });

  const shortlists = await writeShortlists(db, plan, { orgIds, userIds, profileIds });

  return { organizations, users, profiles, hiddenOrganizations, ...positionsSummary.counts, applications, ...conversations, savedSearches: savedSearches.counts, ...shortlists };
}

/**
 * The missions' side (seed/shortlists.ts): staffing, briefs and the brief's state on the mission,
 * templates, shortlist entries with their events, scorecards and consent
 * requests. An entry is matched on its mission and candidate, so one the portal created meanwhile
 * (an application) is updated rather than doubled.
 */
async function writeShortlists(
  db: PrismaClient,
  plan: SeedPlan,
  ids: { orgIds: Map<string, string>; userIds: Map<string, string>; profileIds: Map<string, string> },
): Promise<Pick<WriteSummary, "missionConsultants" | "missionBriefs" | "messageTemplates" | "shortlistEntries" | "shortlistEvents" | "scorecards" | "consentRequests">> {
  const s = plan.shortlists;
  const user = (email: string) => must(ids.userIds, email, "user");
  const profile = (email: string) => must(ids.profileIds, email, "profile");
  return db.$transaction(async (tx) => {
    const positionIds = [...new Set(s.missions.map((m) => m.positionId))];
    const missions = await tx.mission.findMany({ where: { positionId: { in: positionIds } }, select: { id: true, positionId: true, cabinetId: true, presentationPlannedAt: true, briefSharedAt: true, briefAgreedAt: true, briefAgreedByName: true } });
    const missionOf = (m: { positionId: string; cabinetKey: string }) => {
      const cabinetId = must(ids.orgIds, m.cabinetKey, "cabinet");
      const found = missions.find((x) => x.positionId === m.positionId && x.cabinetId === cabinetId);
      if (!found) throw new Error(`Seed: no mission for ${m.positionId}`);
      return found.id;
    };
    const missionIds = missions.map((m) => m.id);

    for (const m of s.missions) {
      const current = missions.find((x) => x.id === missionOf(m))!;
      const desired = { presentationPlannedAt: m.presentationPlannedAt, briefSharedAt: m.briefSharedAt, briefAgreedAt: m.briefAgreedAt, briefAgreedByName: m.briefAgreedByName };
      if (Object.entries(desired).some(([k, v]) => !same(v, current[k as keyof typeof desired]))) await tx.mission.update({ where: { id: current.id }, data: desired });
    }

    const missionConsultants = await sync({
      desired: s.staffing.map((x) => ({ id: x.id, missionId: missionOf(x), userId: user(x.email) })),
      existing: await tx.missionConsultant.findMany({ where: { missionId: { in: missionIds } } }),
      key: (r) => `${r.missionId}|${r.userId}`,
      createMany: (data) => tx.missionConsultant.createMany({ data }),
      update: (id, data) => tx.missionConsultant.update({ where: { id }, data }),
    });
    const missionBriefs = await sync({
      desired: s.briefs.map(({ positionId, cabinetKey, authorEmail, ...b }) => ({ ...b, missionId: missionOf({ positionId, cabinetKey }), authorId: user(authorEmail) })),
      existing: await tx.missionBrief.findMany({ where: { missionId: { in: missionIds } } }),
      key: (r) => `${r.missionId}|${r.version}`,
      createMany: (data) => tx.missionBrief.createMany({ data }),
      update: (id, data) => tx.missionBrief.update({ where: { id }, data }),
    });
    const cabinetIds = [...new Set(s.templates.map((t) => must(ids.orgIds, t.cabinetKey, "cabinet")))];
    const messageTemplates = await sync({
      desired: s.templates.map(({ cabinetKey, ...t }) => ({ ...t, cabinetId: must(ids.orgIds, cabinetKey, "cabinet") })),
      existing: await tx.messageTemplate.findMany({ where: { cabinetId: { in: cabinetIds } } }),
      key: (r) => r.id,
      createMany: (data) => tx.messageTemplate.createMany({ data }),
      update: (id, data) => tx.messageTemplate.update({ where: { id }, data }),
    });
    const entries = await sync({
      desired: s.entries.map(({ positionId, cabinetKey, email, createdByEmail, events: _e, scorecards: _s, consents: _c, ...e }) => ({
        ...e, missionId: missionOf({ positionId, cabinetKey }), profileId: email ? profile(email) : null, createdById: createdByEmail ? user(createdByEmail) : null,
      })),
      existing: await tx.shortlistEntry.findMany({ where: { missionId: { in: missionIds } } }),
      key: (r) => (r.profileId ? `${r.missionId}|${r.profileId}` : String(r.id)),
      createMany: (data) => tx.shortlistEntry.createMany({ data }),
      update: (id, data) => tx.shortlistEntry.update({ where: { id }, data }),
      passive: ["updatedAt"],
    });
    const entryId = (e: (typeof s.entries)[number]) => {
      const key = e.email ? `${missionOf(e)}|${profile(e.email)}` : e.id;
      return must(entries.ids, key, "shortlist entry");
    };
    const entryIds = s.entries.map(entryId);
    const shortlistEvents = await sync({
      desired: s.entries.flatMap((e) => e.events.map(({ actorEmail, ...ev }) => ({ ...ev, entryId: entryId(e), actorId: actorEmail ? user(actorEmail) : null }))),
      existing: await tx.shortlistEvent.findMany({ where: { entryId: { in: entryIds } } }),
      key: (r) => r.id,
      createMany: (data) => tx.shortlistEvent.createMany({ data }),
      update: (id, data) => tx.shortlistEvent.update({ where: { id }, data }),
    });
    const scorecards = await sync({
      desired: s.entries.flatMap((e) => e.scorecards.map(({ consultantEmail, at, ...c }) => ({ ...c, entryId: entryId(e), consultantId: user(consultantEmail), createdAt: at, updatedAt: at }))),
      existing: await tx.scorecard.findMany({ where: { entryId: { in: entryIds } } }),
      key: (r) => `${r.entryId}|${r.consultantId}`,
      createMany: (data) => tx.scorecard.createMany({ data }),
      update: (id, data) => tx.scorecard.update({ where: { id }, data }),
      passive: ["updatedAt"],
    });
    const consentRequests = await sync({
      desired: s.entries.flatMap((e) => e.consents.map(({ requestedByEmail, ...c }) => ({ ...c, entryId: entryId(e), requestedById: user(requestedByEmail) }))),
      existing: await tx.consentRequest.findMany({ where: { id: { in: s.entries.flatMap((e) => e.consents.map((c) => c.id)) } } }),
      key: (r) => r.id,
      createMany: (data) => tx.consentRequest.createMany({ data }),
      update: (id, data) => tx.consentRequest.update({ where: { id }, data }),
    });
    return {
      missionConsultants: missionConsultants.counts, missionBriefs: missionBriefs.counts, messageTemplates: messageTemplates.counts,
      shortlistEntries: entries.counts, shortlistEvents: shortlistEvents.counts,
      scorecards: scorecards.counts, consentRequests: consentRequests.counts,
    };
  }, TX);
}
