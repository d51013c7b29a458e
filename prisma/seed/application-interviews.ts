import type { PrismaClient } from "~/generated/prisma/client";
import { DEMO_ACCOUNTS } from "./accounts";
import { createClock } from "./dates";
import type { ApplicationPlan } from "./plan";
import { positionId } from "./positions";
import { stableId } from "./random";

/**
 * Interviews and messages on applications (issue 15), for the demo accounts' pages:
 * - on dgs@'s DGS position, a candidate's application with an interview fixed in six days
 *   (« entretien fixé », the mayor and the first deputy present) and a thread of three messages;
 * - on dgs@'s other public position, an application with two slots waiting for the candidate;
 * - on candidat@'s application to Mende's finances, two slots proposed by Mende's employer for
 *   her to choose (or to ask for others), and a thread with the recruiter.
 *
 * The states are the plan's (`planInterviewStates`, before it is written), so that a second run
 * writes nothing; the interviews, slots and messages are written after it, each with a stable id
 * and only when missing (`seedApplicationInterviews`).
 */

/** Mende, whose direction of finances candidat@ applies to (prisma/seed/applications.ts). */
const MENDE = "214800955";

type Demo = { kind: "booked" | "proposed"; email: string; positionId: string };

/** Running applications; the interview states too, so that the same ones are found in the plan before and after `planInterviewStates`. */
const RUNNING = new Set(["SENT", "REVIEWING", "INTERVIEW", "INTERVIEW_PROPOSED", "INTERVIEW_BOOKED"]);

/** The applications the demo gives an interview, chosen in the plan: the first running one that fits each need. */
function demoApplications(applications: readonly ApplicationPlan[], demoCollectiviteKey: string): Demo[] {
  const dgs = positionId(demoCollectiviteKey, "dgs");
  const ofDemo = (a: ApplicationPlan) => a.email !== DEMO_ACCOUNTS.candidate && RUNNING.has(a.state);
  const booked = applications.find((a) => ofDemo(a) && a.positionId === dgs);
  const proposed = applications.find((a) => ofDemo(a) && a !== booked && a.positionId !== dgs && demoPositionKeys(demoCollectiviteKey).includes(a.positionId));
  const own = applications.find((a) => a.email === DEMO_ACCOUNTS.candidate && a.positionId === positionId(MENDE, "finances"));
  return [
    ...(booked ? [{ kind: "booked" as const, email: booked.email, positionId: booked.positionId }] : []),
    ...(proposed ? [{ kind: "proposed" as const, email: proposed.email, positionId: proposed.positionId }] : []),
    ...(own ? [{ kind: "proposed" as const, email: own.email, positionId: own.positionId }] : []),
  ];
}

function demoPositionKeys(demoCollectiviteKey: string): string[] {
  return ["rst", "accueil"].map((k) => positionId(demoCollectiviteKey, k));
}

/** Sets, in the plan, the states the demo interviews give their applications. */
export function planInterviewStates(applications: ApplicationPlan[], demoCollectiviteKey: string): ApplicationPlan[] {
  const demos = demoApplications(applications, demoCollectiviteKey);
  return applications.map((a) => {
    const demo = demos.find((d) => d.email === a.email && d.positionId === a.positionId);
    return demo ? { ...a, state: demo.kind === "booked" ? "INTERVIEW_BOOKED" : "INTERVIEW_PROPOSED" } : a;
  });
}

const THREADS: Record<Demo["kind"] | "own", ReadonlyArray<{ fromCandidate: boolean; body: string; daysAgo: number }>> = {
  booked: [
    { fromCandidate: false, body: "Bonjour, votre candidature a retenu notre attention. Le maire et sa première adjointe souhaitent vous rencontrer : je vous propose un entretien en mairie.", daysAgo: 3 },
    { fromCandidate: true, body: "Bonjour, merci pour votre message. Le créneau proposé me convient très bien. Faut-il prévoir une présentation ?", daysAgo: 2 },
    { fromCandidate: false, body: "Pas de présentation formelle : nous échangerons sur vos priorités pour les six premiers mois et sur le projet de mandat.", daysAgo: 1 },
  ],
  proposed: [],
  own: [
    { fromCandidate: false, body: "Bonjour, merci pour votre candidature au poste de directrice des finances. Je vous propose deux créneaux d’entretien ; dites-moi si aucun ne vous convient.", daysAgo: 1 },
  ],
};

export async function seedApplicationInterviews(db: PrismaClient, opts: { now: Date; applications: readonly ApplicationPlan[]; demoCollectiviteKey: string }): Promise<{ created: number }> {
  const clock = createClock(opts.now);
  /** `n` days ahead, or the Monday after when that is a Saturday or a Sunday. */
  const workday = (n: number, hour: number) => {
    const d = clock.days(n, hour);
    const day = d.getUTCDay();
    return day === 6 ? clock.days(n + 2, hour) : day === 0 ? clock.days(n + 1, hour) : d;
  };
  let created = 0;
  for (const demo of demoApplications(opts.applications, opts.demoCollectiviteKey)) {
    const application = await db.application.findFirst({
      where: { positionId: demo.positionId, profile: { user: { email: demo.email } } },
      select: { id: true, createdAt: true, position: { select: { organizationId: true, committee: { orderBy: { sort: "asc" }, take: 2, select: { id: true, name: true, function: true } } } } },
    });
    if (!application) continue;
    const employer = await db.user.findFirst({ where: { organizationId: application.position.organizationId, role: "EMPLOYER" }, orderBy: { createdAt: "asc" }, select: { id: true, name: true } });
    const candidate = await db.user.findUniqueOrThrow({ where: { email: demo.email }, select: { id: true, name: true } });
    if (!employer) continue;
    const key = `${demo.email}:${demo.positionId}`;
    const interviewId = stableId("application-interview", key);
    if (!(await db.applicationInterview.findUnique({ where: { id: interviewId }, select: { id: true } }))) {
      // Working days, at round Paris hours (UTC+1 in winter, UTC+2 in summer: 8 h UTC is 9 h or 10 h in Paris).
      const slots = demo.kind === "booked" ? [workday(6, 8)] : [workday(8, 8), workday(10, 13)];
      await db.applicationInterview.create({
        data: {
          id: interviewId,
          applicationId: application.id,
          uid: `${interviewId}@vivier`,
          status: demo.kind === "booked" ? "BOOKED" : "PROPOSED",
          startsAt: demo.kind === "booked" ? slots[0] : null,
          durationMin: 60,
          place: "Hôtel de ville, salle du conseil",
          panel: JSON.stringify(application.position.committee.map((m) => ({ memberId: m.id, name: m.name, function: m.function }))),
          proposedById: employer.id,
          createdAt: clock.days(-3, 10),
          slots: { create: slots.map((startsAt, n) => ({ id: stableId("application-interview-slot", `${key}:${n}`), startsAt })) },
        },
      });
      created++;
    }
    const thread = demo.email === DEMO_ACCOUNTS.candidate ? THREADS.own : THREADS[demo.kind];
    for (const [n, m] of thread.entries()) {
      const id = stableId("application-message", `${key}:${n}`);
      if (await db.applicationMessage.findUnique({ where: { id }, select: { id: true } })) continue;
      // After the application, before the day the seed runs.
      const at = new Date(Math.max(application.createdAt.getTime() + (n + 1) * 60_000, clock.days(-m.daysAgo, 9 + n).getTime()));
      await db.applicationMessage.create({
        data: { id, applicationId: application.id, authorId: m.fromCandidate ? candidate.id : employer.id, authorName: m.fromCandidate ? candidate.name : employer.name, fromCandidate: m.fromCandidate, body: m.body, createdAt: at },
      });
      created++;
    }
  }
  return { created };
}
