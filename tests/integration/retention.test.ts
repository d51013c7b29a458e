import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { monthsBefore, RETENTION, RETENTION_WARNING_SUBJECT, retentionPreview, runRetention } from "~/domain/retention.server";
import { loader as adminLoader } from "~/routes/admin._index";
import { cvFilePath, storeCv } from "~/utils/uploads.server";
import { Browser, call, createUser, uniqueEmail } from "../helpers/http";
import { db, pdfBytes } from "../helpers/candidate-requests";

/**
 * Retention with a fake clock: `now` is passed in. The candidates of this file stopped using
 * Vivier about two years before the real today, so that the clock only moves a few weeks around
 * the real today and the other files' rows (all recent) are never due.
 */

const DAY = 24 * 60 * 60 * 1000;
const base = new Date();
const at = (days: number) => new Date(base.getTime() + days * DAY);

/** A candidate whose last sign-in and last profile change are `lastActive`, with a CV and journal lines about them. */
async function inactiveCandidate(lastActive: Date) {
  const email = uniqueEmail("inactif");
  const cvFile = await storeCv(Buffer.from(pdfBytes()));
  const user = await db.user.create({
    data: {
      email,
      name: "Hélène Inactive",
      role: "CANDIDATE",
      passwordHash: "not-a-real-hash",
      createdAt: new Date(lastActive.getTime() - 90 * DAY),
      lastActiveAt: lastActive,
      profile: {
        create: {
          pseudonym: `Candidat-${email}`,
          visibility: "VISIBLE",
          currentFunction: "Directrice des finances",
          cvFile,
          cvSize: 2048,
          lastActivityAt: lastActive,
          createdAt: new Date(lastActive.getTime() - 90 * DAY),
        },
      },
    },
    include: { profile: true },
  });
  const profileId = user.profile!.id;
  const missionId = `mission-${email}`;
  await db.auditEvent.createMany({
    data: [
      { actorName: "Consultant Test", organizationName: "Cabinet Test", action: "IDENTITY_VIEW", profileId, missionId, detail: "DGS — Commune test", at: new Date(lastActive.getTime() - 10 * DAY) },
      { actorName: "Consultant Test", organizationName: "Cabinet Test", action: "CV_DOWNLOAD", profileId, missionId, detail: "DGS — Commune test", at: new Date(lastActive.getTime() - 9 * DAY) },
    ],
  });
  await db.outgoingMail.create({ data: { to: email, subject: "Vivier : du nouveau dans votre espace", text: "…", createdAt: new Date(lastActive.getTime() - 5 * DAY) } });
  return { userId: user.id, profileId, email, cvFile, missionId };
}

/** Last active so that the warning falls due `daysFromBase` days after the real today. */
function lastActiveForWarningAt(daysFromBase: number): Date {
  // warn when lastActivity <= monthsBefore(now, 24) + 30 days
  return new Date(monthsBefore(at(daysFromBase), RETENTION.INACTIVE_MONTHS).getTime() + RETENTION.WARN_DAYS * DAY);
}

const warningsTo = (email: string) => db.outgoingMail.findMany({ where: { to: email, subject: RETENTION_WARNING_SUBJECT } });

describe("inactive candidates", () => {
  it("are warned once, 30 days before, then erased as by their own request; the mission's journal keeps no identity", async () => {
    const c = await inactiveCandidate(lastActiveForWarningAt(0));

    await runRetention(at(-1));
    expect(await warningsTo(c.email)).toHaveLength(0);

    await runRetention(at(0));
    const warnings = await warningsTo(c.email);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.text).toContain("/connexion");
    expect(warnings[0]!.text).toMatch(/supprimé à partir du \d{1,2} \S+ \d{4}/);
    expect((await db.user.findUniqueOrThrow({ where: { id: c.userId } })).retentionWarnedAt).toEqual(at(0));

    // Another pass the same day, and the days after: no second warning, nothing erased yet.
    await runRetention(at(0));
    await runRetention(at(29));
    expect(await warningsTo(c.email)).toHaveLength(1);
    expect(await db.user.findUnique({ where: { id: c.userId } })).not.toBeNull();

    // The admin sees the warned account's dates, and nothing that says who.
    const preview = await retentionPreview(at(29));
    expect(preview.toErase).toBeGreaterThanOrEqual(1);
    expect(preview.warned).toContainEqual({ warnedAt: at(0).toISOString(), erasableFrom: at(30).toISOString() });
    expect(JSON.stringify(preview)).not.toContain(c.email);

    const run = await runRetention(at(30));
    expect(run.erased).toBeGreaterThanOrEqual(1);
    expect(await db.user.findUnique({ where: { id: c.userId } })).toBeNull();
    expect(await db.candidateProfile.findUnique({ where: { id: c.profileId } })).toBeNull();
    expect(await db.outgoingMail.count({ where: { to: c.email } })).toBe(0);
    expect(fs.existsSync(cvFilePath(c.cvFile))).toBe(false);
    // The talent pool forgets them at the worker's next pass.
    expect(await db.searchOutbox.count({ where: { indexName: "candidates", entityId: c.profileId } })).toBeGreaterThan(0);
    // The journal keeps who looked, for which mission, and no longer at whom.
    const lines = await db.auditEvent.findMany({ where: { missionId: c.missionId } });
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.profileId === null)).toBe(true);
    expect(JSON.stringify(lines)).not.toContain("Hélène");
  });

  it("keeps an account that signs in after its warning, and warns it again only after a new period of inactivity", async () => {
    const c = await inactiveCandidate(lastActiveForWarningAt(0));
    await runRetention(at(0));
    expect(await warningsTo(c.email)).toHaveLength(1);

    // The candidate signs in ten days later.
    await db.user.update({ where: { id: c.userId }, data: { lastActiveAt: at(10) } });
    await runRetention(at(31));
    await runRetention(at(60));
    expect(await db.user.findUnique({ where: { id: c.userId } })).not.toBeNull();
    expect(await warningsTo(c.email)).toHaveLength(1);
    expect((await retentionPreview(at(31))).warned).not.toContainEqual(expect.objectContaining({ warnedAt: at(0).toISOString() }));

    // Two years less 30 days after that sign-in, the second warning.
    const again = new Date(monthsBefore(at(10), -RETENTION.INACTIVE_MONTHS).getTime() - RETENTION.WARN_DAYS * DAY + DAY);
    await runRetention(again);
    // (Its mail is stamped with the real clock, so the same pass's 12-month purge takes it: the
    // warning's date says it was sent.)
    expect((await db.user.findUniqueOrThrow({ where: { id: c.userId } })).retentionWarnedAt).toEqual(again);
  });

  it("never erases sooner than 30 days after the warning, even when the daily job did not run for months", async () => {
    // Inactive for 26 months and never warned (the job was stopped): warned now, erased 30 days later.
    const c = await inactiveCandidate(monthsBefore(base, 26));
    await runRetention(at(0));
    expect(await warningsTo(c.email)).toHaveLength(1);
    expect(await db.user.findUnique({ where: { id: c.userId } })).not.toBeNull();
    await runRetention(at(29));
    expect(await db.user.findUnique({ where: { id: c.userId } })).not.toBeNull();
    await runRetention(at(30));
    expect(await db.user.findUnique({ where: { id: c.userId } })).toBeNull();
  });

  it("leaves staff accounts alone, however long inactive", async () => {
    const staff = await createUser("CONSULTANT");
    await db.user.update({ where: { id: staff.id }, data: { createdAt: monthsBefore(base, 40), lastActiveAt: monthsBefore(base, 30) } });
    await runRetention(at(40));
    expect(await db.user.findUnique({ where: { id: staff.id } })).not.toBeNull();
    expect(await db.outgoingMail.count({ where: { to: staff.email } })).toBe(0);
  });
});

describe("mails and journal lines", () => {
  it("are deleted after 12 months and 6 years, the more recent kept", async () => {
    const to = uniqueEmail("courriel");
    const old = await db.outgoingMail.create({ data: { to, subject: "Ancien", text: "…", createdAt: new Date(monthsBefore(base, 12).getTime() - DAY) } });
    const recent = await db.outgoingMail.create({ data: { to, subject: "Récent", text: "…", createdAt: new Date(monthsBefore(base, 12).getTime() + DAY) } });
    const detail = `purge-${to}`;
    await db.auditEvent.createMany({
      data: [
        { actorName: "A", organizationName: "O", action: "IDENTITY_VIEW", detail, at: new Date(monthsBefore(base, RETENTION.AUDIT_MONTHS).getTime() - DAY) },
        { actorName: "A", organizationName: "O", action: "IDENTITY_VIEW", detail, at: new Date(monthsBefore(base, RETENTION.AUDIT_MONTHS).getTime() + DAY) },
      ],
    });

    const preview = await retentionPreview(base);
    expect(preview.mails).toBeGreaterThanOrEqual(1);
    expect(preview.auditEvents).toBeGreaterThanOrEqual(1);

    const run = await runRetention(base);
    expect(run.mailsDeleted).toBeGreaterThanOrEqual(1);
    expect(await db.outgoingMail.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.outgoingMail.findUnique({ where: { id: recent.id } })).not.toBeNull();
    const kept = await db.auditEvent.findMany({ where: { detail } });
    expect(kept).toHaveLength(1);
    expect(kept[0]!.at.getTime()).toBeGreaterThan(monthsBefore(base, RETENTION.AUDIT_MONTHS).getTime());
  });
});

describe("/admin", () => {
  it("shows what the next purge will remove, to the admin only", async () => {
    await inactiveCandidate(lastActiveForWarningAt(0));
    const admin = await createUser("ADMIN");
    const browser = await Browser.create();
    await browser.signInAs(admin.id);
    const res = await call(adminLoader, browser.get("/admin"));
    expect(res.status).toBe(200);
    const data = (await res.json()) as { purge: { toWarn: number; rules: typeof RETENTION } };
    expect(data.purge.toWarn).toBeGreaterThanOrEqual(1);
    expect(data.purge.rules.INACTIVE_MONTHS).toBe(24);

    const candidate = await createUser("CANDIDATE");
    const other = await Browser.create();
    await other.signInAs(candidate.id);
    expect((await call(adminLoader, other.get("/admin"))).status).toBe(403);
  });
});
