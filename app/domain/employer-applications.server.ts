import type { Prisma } from "~/generated/prisma/client";
import { applicationStateLabel, type ApplicationState } from "~/schemas/application";
import { employerStateChangeRefusal, isDecision, type EmployerApplicationInput } from "~/schemas/employer-application";
import { asEmployer, employerPositionWhere, type Employer } from "~/access/guards.server";
import { applicationRevealToEmployer, notHiddenFromWhere } from "~/access/rules";
import { db } from "~/utils/db.server";
import { jsonArray } from "~/utils/json";
import type { SessionUser } from "~/utils/session.server";
import { closeApplicationInterviews, openInterviewWhere } from "./application-interviews.server";
import { notifyCandidate } from "./notifications.server";
import { getCommune } from "~/reference/territory.server";
import { getCadre } from "~/reference/statute";
import { STATUS_LABEL, type Status } from "~/schemas/profile";

const statusLabel = (status: string | null) => (status ? (STATUS_LABEL[status as Status] ?? null) : null);

/**
 * Applications as the employer reads and handles them. Every function takes the acting employer
 * and reads only applications to their collectivité's positions, from candidates who do not hide
 * from it ("ne pas me montrer à" applies even after applying): anything else is "not found".
 * The employer sees the candidate's name, and on an application still running their e-mail to
 * arrange interviews (they applied to them), but never the candidate's hidden list, current
 * employer or other applications.
 */

const employerOf = asEmployer;

/** Applications to the employer's positions, from candidates who may be shown to them (the gate's rule 2). */
function visibleApplicationsWhere(employer: Employer): Prisma.ApplicationWhereInput {
  return {
    position: employerPositionWhere(employer),
    profile: notHiddenFromWhere([employer.officialKey]),
  };
}

function strings(text: string): string[] {
  return jsonArray(text).filter((v): v is string => typeof v === "string");
}

// ---------------------------------------------------------------------------------------------
// The list of one position

export const APPLICATION_SORTS = ["createdAt", "name", "state", "score"] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export type ApplicationListQuery = { sort: ApplicationSort; desc: boolean; page: number; size: number };
/** The filters the employer's home links to: one state, received after an instant. */
export type ApplicationListFilters = { state?: ApplicationState | null; since?: Date | null };

function orderBy(sort: ApplicationSort, desc: boolean): Prisma.ApplicationOrderByWithRelationInput[] {
  const dir = desc ? "desc" : "asc";
  const tie: Prisma.ApplicationOrderByWithRelationInput = { id: "asc" };
  switch (sort) {
    case "name": return [{ profile: { user: { name: dir } } }, tie];
    case "state": return [{ state: dir }, { createdAt: "desc" }, tie];
    case "score": return [{ score: { sort: dir, nulls: "last" } }, { createdAt: "desc" }, tie];
    default: return [{ createdAt: dir }, tie];
  }
}

const listSelect = {
  id: true, state: true, score: true, createdAt: true, updatedAt: true,
  profile: {
    select: {
      currentFunction: true, grade: true, cadreEmplois: true, status: true, yearsExperience: true, homeCommuneCode: true,
      user: { select: { name: true } },
    },
  },
} satisfies Prisma.ApplicationSelect;

const DEFAULT_QUERY: ApplicationListQuery = { sort: "createdAt", desc: true, page: 1, size: 50 };

/**
 * The active (not withdrawn) applications to one of the employer's positions, one page of them;
 * null when the position is not theirs (the route answers 404).
 */
export async function listPositionApplications(user: SessionUser, positionId: string, query: ApplicationListQuery = DEFAULT_QUERY, filters: ApplicationListFilters = {}) {
  const employer = employerOf(user);
  const position = await db.position.findFirst({
    where: { id: positionId, organizationId: employer.organizationId },
    select: { id: true, title: true },
  });
  if (!position) return null;
  const where: Prisma.ApplicationWhereInput = {
    ...visibleApplicationsWhere(employer), positionId,
    state: filters.state && filters.state !== "WITHDRAWN" ? filters.state : { not: "WITHDRAWN" },
    ...(filters.since ? { createdAt: { gt: filters.since } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.application.count({ where }),
    db.application.findMany({
      where,
      orderBy: orderBy(query.sort, query.desc),
      skip: (query.page - 1) * query.size,
      take: query.size,
      select: listSelect,
    }),
  ]);
  return {
    position,
    total,
    rows: rows.map((a) => ({
      id: a.id,
      name: a.profile.user.name,
      currentFunction: a.profile.currentFunction,
      grade: a.profile.grade,
      statusLabel: statusLabel(a.profile.status),
      cadreEmploisLabel: a.profile.cadreEmplois ? (getCadre(a.profile.cadreEmplois)?.label ?? a.profile.cadreEmplois) : null,
      yearsExperience: a.profile.yearsExperience,
      homeCommune: a.profile.homeCommuneCode ? (getCommune(a.profile.homeCommuneCode)?.name ?? null) : null,
      state: a.state as ApplicationState,
      stateLabel: applicationStateLabel(a.state),
      score: a.score,
      createdAt: a.createdAt.toISOString(),
      updatedAt: a.updatedAt.toISOString(),
    })),
  };
}

export type EmployerApplicationRow = NonNullable<Awaited<ReturnType<typeof listPositionApplications>>>["rows"][number];

// ---------------------------------------------------------------------------------------------
// One application

const detailSelect = {
  id: true, state: true, letter: true, internalNote: true, score: true, cvFile: true, createdAt: true, updatedAt: true, withdrawnAt: true,
  position: { select: { id: true, title: true } },
  profile: {
    select: {
      currentFunction: true, grade: true, cadreEmplois: true, status: true, yearsExperience: true, homeCommuneCode: true,
      summary: true, competencies: true,
      user: { select: { name: true, email: true } },
    },
  },
} satisfies Prisma.ApplicationSelect;

/**
 * One application to the employer's positions, with the letter, the candidate's profile summary
 * and the recruiters' note and score; null when the position is not theirs or the candidate
 * hides from them.
 */
export async function getApplicationForEmployer(user: SessionUser, applicationId: string) {
  const employer = employerOf(user);
  const a = await db.application.findFirst({ where: { ...visibleApplicationsWhere(employer), id: applicationId }, select: detailSelect });
  if (!a) return null;
  const withdrawn = a.state === "WITHDRAWN";
  const reveal = applicationRevealToEmployer(a);
  return {
    id: a.id,
    state: a.state as ApplicationState,
    stateLabel: applicationStateLabel(a.state),
    withdrawn,
    letter: a.letter,
    internalNote: a.internalNote,
    score: a.score,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    withdrawnAt: a.withdrawnAt?.toISOString() ?? null,
    position: a.position,
    candidate: {
      name: a.profile.user.name,
      // A withdrawn application no longer hands over a way to reach the candidate (the gate's rule 4).
      email: reveal.email ? a.profile.user.email : null,
      currentFunction: a.profile.currentFunction,
      grade: a.profile.grade,
      cadreEmplois: a.profile.cadreEmplois,
      cadreEmploisLabel: a.profile.cadreEmplois ? (getCadre(a.profile.cadreEmplois)?.label ?? a.profile.cadreEmplois) : null,
      statusLabel: statusLabel(a.profile.status),
      yearsExperience: a.profile.yearsExperience,
      homeCommune: a.profile.homeCommuneCode ? (getCommune(a.profile.homeCommuneCode)?.name ?? null) : null,
      summary: a.profile.summary,
      competencies: strings(a.profile.competencies),
      // The CV sent with the application (a withdrawal deletes it).
      hasCv: reveal.cv && !!a.cvFile,
    },
  };
}

export type EmployerApplication = NonNullable<Awaited<ReturnType<typeof getApplicationForEmployer>>>;

export type UpdateApplicationResult =
  | { ok: true }
  | { ok: false; status: 404 }
  | { ok: false; status: 409; error: string };

/**
 * Sets the state (when one is chosen: left empty, it stays as it is), internal note and score of
 * an application to the employer's positions; a new state sends the candidate a discreet e-mail.
 * A withdrawn application is the candidate's decision: it cannot be changed any more. A decision
 * (retenue, non retenue) is recorded once; the interview states follow the interview
 * (./application-interviews.server.ts), and a decision ends the interviews still ahead
 * (employerStateChangeRefusal says what is refused).
 */
export async function updateApplication(user: SessionUser, applicationId: string, input: EmployerApplicationInput): Promise<UpdateApplicationResult> {
  const employer = employerOf(user);
  const where: Prisma.ApplicationWhereInput = { ...visibleApplicationsWhere(employer), id: applicationId };
  const outcome = await db.$transaction(async (tx) => {
    const current = await tx.application.findFirst({
      where,
      select: {
        state: true,
        profile: { select: { user: { select: { email: true, name: true } } } },
        interviews: { where: openInterviewWhere(), take: 1, select: { id: true } },
      },
    });
    if (!current) return { ok: false, status: 404 } as const;
    if (current.state === "WITHDRAWN") return { ok: false, status: 409, error: "Le candidat a retiré cette candidature : elle ne peut plus être modifiée." } as const;
    const state = input.state ?? current.state;
    const changed = state !== current.state;
    const refusal = employerStateChangeRefusal(current.state, state, current.interviews.length > 0);
    if (refusal) return { ok: false, status: 409, error: refusal } as const;
    // The state is checked again in the write: a withdrawal (or another decision) between the read and the write wins.
    const updated = await tx.application.updateMany({
      where: { ...where, state: current.state },
      data: { state, internalNote: input.internalNote, score: input.score, ...(changed ? { stateChangedAt: new Date() } : {}) },
    });
    if (updated.count !== 1) {
      return { ok: false, status: 409, error: "Cette candidature vient de changer (retrait du candidat, ou décision d’un autre employeur) : rechargez la page. Rien n’a été enregistré." } as const;
    }
    return { ok: true, candidate: changed ? current.profile.user : null } as const;
  });
  // The candidate hears of a new state (never of the note or the score), once it is written.
  if (!outcome.ok) return outcome;
  if (outcome.candidate && input.state && isDecision(input.state)) await closeApplicationInterviews(applicationId, input.state as "ACCEPTED" | "REJECTED");
  if (outcome.candidate) await notifyCandidate(outcome.candidate, "application-state");
  return { ok: true };
}

/**
 * The stored file name of the CV sent with an application to the employer's positions, under the
 * same rule as the application itself; null otherwise (or when the application was withdrawn).
 * It is the CV as sent, whatever the candidate has done with their profile's CV since.
 */
export async function getApplicationCvForEmployer(user: SessionUser, applicationId: string): Promise<string | null> {
  const employer = employerOf(user);
  const a = await db.application.findFirst({
    where: { ...visibleApplicationsWhere(employer), id: applicationId, state: { not: "WITHDRAWN" } },
    select: { cvFile: true },
  });
  return a?.cvFile ?? null;
}
