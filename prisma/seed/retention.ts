import type { PrismaClient } from "~/generated/prisma/client";
import { createClock } from "./dates";
import { stableId } from "./random";

/**
 * Two candidates who stopped using Vivier nearly two years ago, so that /admin's « Prochaine
 * purge » has something to show (app/domain/retention.server.ts): one already warned ten days
 * ago (erasable in about twenty days), one who the daily job will warn at the portal's start.
 * Hidden profiles: they never show in a search, and nobody else's data hangs from them.
 * Created only when missing; the retention job may erase them later, as it should.
 */

export const RETENTION_DEMO_EMAILS = ["ancien.candidat1@exemple.test", "ancien.candidat2@exemple.test"] as const;

export async function seedRetention(db: PrismaClient, opts: { now: Date; passwordHash: string }): Promise<{ created: number }> {
  const clock = createClock(opts.now);
  const people = [
    { email: RETENTION_DEMO_EMAILS[0], name: "Gérard Vasseur", pseudonym: "Candidat-retention-1", inactiveDays: 725, warnedDaysAgo: 10 },
    { email: RETENTION_DEMO_EMAILS[1], name: "Sylvie Marchand", pseudonym: "Candidat-retention-2", inactiveDays: 705, warnedDaysAgo: null },
  ];
  let created = 0;
  for (const p of people) {
    if (await db.user.findUnique({ where: { email: p.email } })) continue;
    const lastActive = clock.days(-p.inactiveDays);
    await db.user.create({
      data: {
        id: stableId("user", p.email),
        email: p.email,
        name: p.name,
        role: "CANDIDATE",
        passwordHash: opts.passwordHash,
        privacyAcceptedAt: clock.days(-p.inactiveDays - 30),
        createdAt: clock.days(-p.inactiveDays - 30),
        lastActiveAt: lastActive,
        retentionWarnedAt: p.warnedDaysAgo === null ? null : clock.days(-p.warnedDaysAgo),
        profile: {
          create: {
            id: stableId("profile", p.email),
            pseudonym: p.pseudonym,
            visibility: "HIDDEN",
            currentFunction: "Secrétaire de mairie",
            categorie: "B",
            filiere: "administrative",
            lastActivityAt: lastActive,
            createdAt: clock.days(-p.inactiveDays - 30),
          },
        },
      },
    });
    created += 1;
  }
  return { created };
}
