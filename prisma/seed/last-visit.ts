import type { PrismaClient } from "~/generated/prisma/client";
import { DEMO_ACCOUNTS } from "./accounts";
import type { Clock } from "./dates";

/**
 * The homes' « depuis votre dernière visite » (docs/decisions/100): the demo accounts last came
 * four days ago, so that their first visit shows the seed's recent applications, answers,
 * messages and proposals as news. The seed's applications whose employer set a state have it
 * dated as their last change (the seed writes no note apart from the state).
 */
export async function seedLastVisits(db: PrismaClient, clock: Clock): Promise<void> {
  const lastVisit = clock.days(-4, 9);
  await db.user.updateMany({
    where: { email: { in: [DEMO_ACCOUNTS.admin, DEMO_ACCOUNTS.dgs, DEMO_ACCOUNTS.consultant, DEMO_ACCOUNTS.candidate] } },
    data: { homeSeenAt: lastVisit, homeChangesSince: lastVisit },
  });
  await db.$executeRaw`UPDATE "Application" SET "stateChangedAt" = "updatedAt" WHERE "stateChangedAt" IS NULL AND "state" IN ('REVIEWING', 'INTERVIEW', 'INTERVIEW_PROPOSED', 'INTERVIEW_BOOKED', 'ACCEPTED', 'REJECTED')`;
}
