import type { Prisma } from "~/generated/prisma/client";
import { jsonList } from "~/utils/json";
import { filiereLabel, getCadre } from "~/reference/statute";
import { getCommune, getDepartement } from "~/reference/territory.server";
import {
  emptyPositionValues,
  formDataToPositionValues,
  makePositionSchema,
  positionFieldErrors,
  todayInFrance,
  type CommitteeRole,
  type CompetencyLevel,
  type PositionFormValues,
  type PositionInput,
  type PositionState,
} from "~/schemas/position";
import { asEmployer, employerPositionWhere, publicOfferByIdWhere } from "~/access/guards.server";
import { isPublicOffer, notHiddenFromWhere } from "~/access/rules";
import { containsIgnoringCase, db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/session.server";
import { enqueue } from "../../search/outbox";

/**
 * Positions of a collectivité, as its employers write and run them, and offers as the public
 * reads them. Every employer function takes the acting user and reads only rows of the user's
 * own organisation: another collectivité's id is "not found", never "forbidden" (an id must not
 * tell whether it exists). Every write enqueues the position for Meilisearch in its transaction.
 */

type Tx = Prisma.TransactionClient;

/** The acting employer's collectivité; an account without one may do nothing here (403). */
function organizationIdOf(user: SessionUser): string {
  return asEmployer(user).organizationId;
}

const ownPosition = (user: SessionUser, id: string) => employerPositionWhere(asEmployer(user), id);

/**
 * The applications the employer counts: not withdrawn, and from candidates who do not hide from
 * the collectivité (the gate's rule 2), so the count matches the list of
 * app/domain/employer-applications.server.ts. Anything the employer reads of a position's
 * applications (the count shown, the order of the list of positions by that count) goes through
 * it: a count, or an order, that included the others would tell the employer that a candidate
 * who hides from it has applied.
 */
export const activeApplicationsWhere = (user: SessionUser): Prisma.ApplicationWhereInput => ({
  state: { not: "WITHDRAWN" },
  profile: notHiddenFromWhere([asEmployer(user).officialKey]),
});

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

// ---------------------------------------------------------------------------------------------
// Validation of the form

export const serverPositionSchema = makePositionSchema({ knownCommune: (code) => !!getCommune(code) });

export type PositionFormResult =
  | { ok: true; data: PositionInput }
  | { ok: false; values: PositionFormValues; fieldErrors: Record<string, string>; communeLabel: string };

/** Reads and validates a posted position form; on failure, returns what was typed and why. */
export function parsePositionForm(form: FormData, employer?: { type: string | null; population: number | null }): PositionFormResult {
  const values = formDataToPositionValues(form);
  // Who may hold an emploi fonctionnel depends on the collectivité's kind and size.
  const schema = employer ? makePositionSchema({ knownCommune: (code) => !!getCommune(code), employer }) : serverPositionSchema;
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, values, fieldErrors: positionFieldErrors(parsed.error), communeLabel: communeLabel(values.communeCode) };
}

/** "Rennes (35)", as the commune picker shows a chosen commune; "" for an unknown code. */
export function communeLabel(code: string): string {
  const c = code ? getCommune(code.toUpperCase()) : undefined;
  return c ? `${c.name} (${c.departementCode})` : "";
}

// ---------------------------------------------------------------------------------------------
// Employer: list

export const POSITION_SORTS = ["updatedAt", "title", "state", "deadline", "applications"] as const;
export type PositionSort = (typeof POSITION_SORTS)[number];

export type PositionListQuery = {
  q?: string;
  state?: PositionState | "";
  /** Only the positions entrusted to a cabinet (an active mission). */
  mandated?: boolean;
  sort: PositionSort;
  desc: boolean;
  page: number;
  size: number;
};

/** SQL order of the list; "applications" is sorted by pageByApplications instead. */
function orderBy(sort: Exclude<PositionSort, "applications">, desc: boolean): Prisma.PositionOrderByWithRelationInput[] {
  const dir = desc ? "desc" : "asc";
  const tie: Prisma.PositionOrderByWithRelationInput = { id: "asc" };
  switch (sort) {
    case "title": return [{ title: dir }, tie];
    case "state": return [{ state: dir }, { updatedAt: "desc" }, tie];
    case "deadline": return [{ deadline: { sort: dir, nulls: "last" } }, tie];
    default: return [{ updatedAt: dir }, tie];
  }
}

/**
 * The ids of one page of positions sorted by the count of applications the employer is shown
 * (activeApplicationsWhere), and how many positions there are. Prisma orders by a relation's
 * count only unfiltered, which counts withdrawn applications and hidden candidates' too: so the
 * collectivité's positions are counted as shown, sorted here with the SQL sort's ties (most
 * recently updated, then id), and cut into the page. A collectivité has tens or hundreds of
 * positions: one small query.
 */
async function pageByApplications(user: SessionUser, where: Prisma.PositionWhereInput, query: PositionListQuery): Promise<{ total: number; ids: string[] }> {
  const counted = await db.position.findMany({
    where,
    select: { id: true, updatedAt: true, _count: { select: { applications: { where: activeApplicationsWhere(user) } } } },
  });
  const dir = query.desc ? -1 : 1;
  counted.sort(
    (x, y) =>
      dir * (x._count.applications - y._count.applications) ||
      y.updatedAt.getTime() - x.updatedAt.getTime() ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  const skip = (query.page - 1) * query.size;
  return { total: counted.length, ids: counted.slice(skip, skip + query.size).map((p) => p.id) };
}

/** One page of the collectivité’s positions, filtered and sorted in SQL (by applications: pageByApplications), with counts. */
export async function listPositions(user: SessionUser, query: PositionListQuery) {
  const where: Prisma.PositionWhereInput = {
    organizationId: organizationIdOf(user),
    ...(query.state ? { state: query.state } : {}),
    ...(query.mandated ? { missionsMandated: { some: { status: "ACTIVE" } } } : {}),
    ...(query.q?.trim() ? { title: containsIgnoringCase(query.q.trim()) } : {}),
  };
  const select = {
    id: true, title: true, state: true, confidential: true, communeCode: true, deadline: true, updatedAt: true,
    _count: {
      select: {
        applications: { where: activeApplicationsWhere(user) },
        missionsMandated: { where: { status: "ACTIVE" } },
      },
    },
  } satisfies Prisma.PositionSelect;
  let total: number;
  let rows: Prisma.PositionGetPayload<{ select: typeof select }>[];
  if (query.sort === "applications") {
    const page = await pageByApplications(user, where, query);
    total = page.total;
    const byId = new Map((await db.position.findMany({ where: { ...where, id: { in: page.ids } }, select })).map((p) => [p.id, p]));
    rows = page.ids.flatMap((id) => byId.get(id) ?? []);
  } else {
    [total, rows] = await Promise.all([
      db.position.count({ where }),
      db.position.findMany({ where, orderBy: orderBy(query.sort, query.desc), skip: (query.page - 1) * query.size, take: query.size, select }),
    ]);
  }
  return {
    total,
    rows: rows.map((p) => ({
      id: p.id,
      title: p.title,
      state: p.state as PositionState,
      confidential: p.confidential,
      commune: communeLabel(p.communeCode) || p.communeCode,
      deadline: day(p.deadline) || null,
      updatedAt: p.updatedAt.toISOString(),
      applications: p._count.applications,
      missions: p._count.missionsMandated,
    })),
  };
}

export type PositionListRow = Awaited<ReturnType<typeof listPositions>>["rows"][number];

// ---------------------------------------------------------------------------------------------
// Employer: one position

/** Everything the employer sees of one of their positions, or null (absent or not theirs). */
export async function getPosition(user: SessionUser, id: string) {
  const p = await db.position.findFirst({
    where: ownPosition(user, id),
    include: {
      organization: { select: { name: true } },
      committee: { orderBy: { sort: "asc" } },
      criteria: { orderBy: { sort: "asc" } },
      events: { orderBy: { at: "asc" }, include: { user: { select: { name: true } } } },
      missionsMandated: { orderBy: { createdAt: "asc" }, include: { cabinet: { select: { id: true, name: true } } } },
      _count: { select: { applications: { where: activeApplicationsWhere(user) } } },
    },
  });
  if (!p) return null;
  return {
    offer: toOffer(p),
    confidential: p.confidential,
    /** Online at /offres (the gate's rule 6). */
    isPublic: isPublicOffer(p),
    state: p.state as PositionState,
    committee: p.committee.map((m) => ({
      id: m.id, name: m.name, function: m.function, role: m.role as CommitteeRole,
      email: m.email, invitedAt: m.invitedAt?.toISOString() ?? null, hasAccount: m.userId !== null,
    })),
    criteria: p.criteria.map((c) => ({ id: c.id, label: c.label, weight: c.weight })),
    events: p.events.map((e) => ({ id: e.id, fromState: e.fromState as PositionState | null, toState: e.toState as PositionState, at: e.at.toISOString(), by: e.user?.name ?? null })),
    missions: p.missionsMandated.map((m) => ({ id: m.id, cabinetId: m.cabinet.id, cabinetName: m.cabinet.name, status: m.status, createdAt: m.createdAt.toISOString() })),
    applications: p._count.applications,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export type EmployerPosition = NonNullable<Awaited<ReturnType<typeof getPosition>>>;

/** Whether the position exists and belongs to the user's collectivité. */
export async function ownsPosition(user: SessionUser, id: string): Promise<boolean> {
  return (await db.position.count({ where: ownPosition(user, id) })) > 0;
}

/** The position as the editor's values, or null (absent or not theirs). */
export async function getPositionForEdit(user: SessionUser, id: string) {
  const p = await db.position.findFirst({
    where: ownPosition(user, id),
    include: { committee: { orderBy: { sort: "asc" } }, criteria: { orderBy: { sort: "asc" } } },
  });
  if (!p) return null;
  const num = (n: number | null) => (n == null ? "" : String(n));
  const values: PositionFormValues = {
    ...emptyPositionValues(),
    title: p.title,
    filiere: p.filiere,
    categorie: p.categorie,
    cadresEmplois: jsonList<string>(p.cadresEmplois),
    grades: jsonList<string>(p.grades),
    emploiFonctionnel: p.emploiFonctionnel ?? "",
    strate: p.strate ?? "",
    openToTitulaires: p.openToTitulaires,
    openToContractuels: p.openToContractuels,
    fullTime: p.fullTime ? "true" : "false",
    hoursPerWeek: p.fullTime ? "" : num(p.hoursPerWeek),
    communeCode: p.communeCode,
    startDate: day(p.startDate),
    deadline: day(p.deadline),
    missions: p.missions,
    competencies: jsonList<{ label: string; level: string }>(p.competencies).map((c) => ({ label: c.label, level: c.level })),
    teamSize: num(p.teamSize),
    budgetManaged: num(p.budgetManaged),
    salaryMin: num(p.salaryMin),
    salaryMax: num(p.salaryMax),
    ifse: num(p.ifse),
    cia: num(p.cia),
    nbiPoints: num(p.nbiPoints),
    benefits: jsonList<string>(p.benefits),
    housing: p.housing,
    housingHelp: p.housingHelp,
    rentT3: num(p.rentT3),
    temporaryAccommodation: p.temporaryAccommodation,
    stationDistanceKm: num(p.stationDistanceKm),
    stationTimeMin: num(p.stationTimeMin),
    publicTransport: p.publicTransport,
    serviceVehicle: p.serviceVehicle,
    remoteDays: p.remoteDays ? String(p.remoteDays) : "",
    relocationHelp: p.relocationHelp,
    spouseJobHelp: p.spouseJobHelp,
    territory: p.territory,
    projects: p.projects,
    confidential: p.confidential,
    committee: p.committee.map((m) => ({ name: m.name, function: m.function, role: m.role })),
    criteria: p.criteria.map((c) => ({ label: c.label, weight: String(c.weight) })),
    vacancyReason: p.vacancyReason ?? "",
    vacancyCause: p.vacancyCause ?? "",
    metierCode: p.metierCode ?? "",
    workplace: p.workplace,
    applicationsTo: p.applicationsTo,
    contractGround: p.contractGround ?? "",
  };
  return { values, communeLabel: communeLabel(p.communeCode), state: p.state as PositionState, title: p.title };
}

// ---------------------------------------------------------------------------------------------
// Employer: writes

function columns(input: PositionInput) {
  const { committee: _committee, criteria: _criteria, ...fields } = input;
  return {
    ...fields,
    communeCode: fields.communeCode.toUpperCase(),
    cadresEmplois: JSON.stringify(fields.cadresEmplois),
    grades: JSON.stringify(fields.grades),
    competencies: JSON.stringify(fields.competencies),
    benefits: JSON.stringify(fields.benefits),
  } satisfies Omit<Prisma.PositionUncheckedCreateInput, "organizationId">;
}

async function writeLists(tx: Tx, positionId: string, input: Pick<PositionInput, "committee" | "criteria">) {
  // A member kept under the same name keeps their row, hence their account and their scores
  // (app/domain/committee.server.ts); one left out of the list loses access with its row. A
  // criterion kept under the same label keeps its id, which the scorecards refer to.
  const members = await tx.committeeMember.findMany({ where: { positionId }, select: { id: true, name: true } });
  const memberIds = new Map(members.map((m) => [m.name.trim().toLowerCase(), m.id]));
  const keptMembers: string[] = [];
  for (const [sort, m] of input.committee.entries()) {
    const id = memberIds.get(m.name.trim().toLowerCase());
    const data = { name: m.name, function: m.function, role: m.role, sort };
    if (id && !keptMembers.includes(id)) {
      keptMembers.push(id);
      await tx.committeeMember.update({ where: { id }, data });
    } else {
      keptMembers.push((await tx.committeeMember.create({ data: { positionId, ...data }, select: { id: true } })).id);
    }
  }
  await tx.committeeMember.deleteMany({ where: { positionId, id: { notIn: keptMembers } } });
  const criteria = await tx.criterion.findMany({ where: { positionId }, select: { id: true, label: true } });
  const criterionIds = new Map(criteria.map((c) => [c.label.trim().toLowerCase(), c.id]));
  const keptCriteria: string[] = [];
  for (const [sort, c] of input.criteria.entries()) {
    const id = criterionIds.get(c.label.trim().toLowerCase());
    const data = { label: c.label, weight: c.weight, sort };
    if (id && !keptCriteria.includes(id)) {
      keptCriteria.push(id);
      await tx.criterion.update({ where: { id }, data });
    } else {
      keptCriteria.push((await tx.criterion.create({ data: { positionId, ...data }, select: { id: true } })).id);
    }
  }
  await tx.criterion.deleteMany({ where: { positionId, id: { notIn: keptCriteria } } });
}

/** Creates a draft position of the user's collectivité. */
export async function createPosition(user: SessionUser, input: PositionInput): Promise<{ id: string }> {
  const organizationId = organizationIdOf(user);
  return db.$transaction(async (tx) => {
    const position = await tx.position.create({ data: { ...columns(input), organizationId, createdById: user.id, state: "DRAFT" } });
    await writeLists(tx, position.id, input);
    await tx.positionEvent.create({ data: { positionId: position.id, fromState: null, toState: "DRAFT", userId: user.id } });
    await enqueue(tx, "positions", position.id);
    return { id: position.id };
  });
}

/** Positions that can still be edited: a filled or closed one is kept as it was (duplicate it). */
export const EDITABLE_STATES: readonly PositionState[] = ["DRAFT", "PUBLISHED"];

export type WriteResult = { ok: true } | { ok: false; status: 404 | 409 | 400; error: string };

const NOT_FOUND: WriteResult = { ok: false, status: 404, error: "Ce poste n’existe pas ou n’appartient pas à votre collectivité." };

export async function updatePosition(user: SessionUser, id: string, input: PositionInput): Promise<WriteResult> {
  const where = ownPosition(user, id);
  return db.$transaction(async (tx) => {
    const current = await tx.position.findFirst({ where, select: { state: true } });
    if (!current) return NOT_FOUND;
    if (!EDITABLE_STATES.includes(current.state as PositionState)) {
      return { ok: false, status: 409, error: "Un poste pourvu ou clos ne se modifie plus : dupliquez-le pour en faire un nouveau." } as const;
    }
    await tx.position.update({ where: { id }, data: columns(input) });
    await writeLists(tx, id, input);
    // An edit is dated and signed like a state change: an event that keeps the state.
    await tx.positionEvent.create({ data: { positionId: id, fromState: current.state, toState: current.state, userId: user.id } });
    await enqueue(tx, "positions", id);
    return { ok: true } as const;
  });
}

export const POSITION_ACTIONS = ["publish", "close", "fill"] as const;
export type PositionAction = (typeof POSITION_ACTIONS)[number];

/** brouillon → publié → pourvu | clos; a draft may also be closed without being published. */
const TRANSITIONS: Record<PositionAction, { from: PositionState[]; to: PositionState }> = {
  publish: { from: ["DRAFT"], to: "PUBLISHED" },
  close: { from: ["DRAFT", "PUBLISHED"], to: "CLOSED" },
  fill: { from: ["PUBLISHED"], to: "FILLED" },
};

export function allowedActions(state: PositionState): PositionAction[] {
  return POSITION_ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state));
}

/** What a position still lacks before its search may start (French, for the employer). */
async function missingForPublication(tx: Tx, id: string): Promise<string | null> {
  const p = await tx.position.findUniqueOrThrow({
    where: { id },
    select: { deadline: true, committee: { select: { role: true } }, criteria: { select: { weight: true } } },
  });
  if (!p.committee.some((m) => m.role === "DECIDE")) {
    return "Avant de lancer la recherche, désignez dans le comité au moins une personne qui décide (bouton « Modifier »).";
  }
  if (p.criteria.reduce((s, c) => s + c.weight, 0) !== 100) {
    return "Avant de lancer la recherche, définissez les critères d’évaluation, avec des poids qui totalisent 100.";
  }
  if (p.deadline && day(p.deadline) < todayInFrance()) {
    return "La date limite de candidature est passée : modifiez-la avant de lancer la recherche.";
  }
  return null;
}

/** Moves a position to its next state, dated and signed by the user. */
export async function changePositionState(user: SessionUser, id: string, action: PositionAction): Promise<WriteResult> {
  const where = ownPosition(user, id);
  const { from, to } = TRANSITIONS[action];
  return db.$transaction(async (tx) => {
    const current = await tx.position.findFirst({ where, select: { state: true } });
    if (!current) return NOT_FOUND;
    if (!from.includes(current.state as PositionState)) {
      return { ok: false, status: 409, error: "Ce changement d’état n’est plus possible : la page n’était peut-être plus à jour." } as const;
    }
    if (to === "PUBLISHED") {
      const missing = await missingForPublication(tx, id);
      if (missing) return { ok: false, status: 400, error: missing } as const;
    }
    // The state in the WHERE makes two concurrent changes impossible: one of them updates nothing.
    const changed = await tx.position.updateMany({
      where: { ...where, state: current.state },
      data: { state: to, ...(to === "PUBLISHED" ? { publishedAt: new Date() } : {}) },
    });
    if (changed.count === 0) return { ok: false, status: 409, error: "Ce poste vient d’être modifié par ailleurs : rechargez la page." } as const;
    await tx.positionEvent.create({ data: { positionId: id, fromState: current.state, toState: to, userId: user.id } });
    if (to !== "PUBLISHED") await tx.mission.updateMany({ where: { positionId: id, status: "ACTIVE" }, data: { status: "CLOSED" } });
    await enqueue(tx, "positions", id);
    return { ok: true } as const;
  });
}

/**
 * The committee retained a finalist (app/domain/committee.server.ts): the position becomes
 * pourvu, dated and signed like any state change, from a draft or a published position. Unlike
 * the employer's « Marquer pourvu », the missions stay open: the cabinet still owes the other
 * finalists their feedback and follows the hire (it closes its mission itself).
 */
export async function fillPositionFromHire(tx: Tx, positionId: string, userId: string | null): Promise<boolean> {
  const current = await tx.position.findUnique({ where: { id: positionId }, select: { state: true } });
  if (!current || !["DRAFT", "PUBLISHED"].includes(current.state)) return false;
  const changed = await tx.position.updateMany({ where: { id: positionId, state: current.state }, data: { state: "FILLED" } });
  if (changed.count !== 1) return false;
  await tx.positionEvent.create({ data: { positionId, fromState: current.state, toState: "FILLED", userId } });
  await enqueue(tx, "positions", positionId);
  return true;
}

/** A new draft with the same content, committee and criteria (dates that have passed are left out). */
export async function duplicatePosition(user: SessionUser, id: string): Promise<{ id: string } | null> {
  const where = ownPosition(user, id);
  return db.$transaction(async (tx) => {
    const source = await tx.position.findFirst({ where, include: { committee: true, criteria: true } });
    if (!source) return null;
    const {
      id: _id, state: _state, publishedAt: _publishedAt, createdAt: _createdAt, updatedAt: _updatedAt,
      createdById: _createdById, committee, criteria, ...fields
    } = source;
    const today = todayInFrance();
    const copy = await tx.position.create({
      data: {
        ...fields,
        title: `${source.title} (copie)`.slice(0, 160),
        state: "DRAFT",
        createdById: user.id,
        startDate: source.startDate && day(source.startDate) >= today ? source.startDate : null,
        deadline: source.deadline && day(source.deadline) >= today ? source.deadline : null,
      },
    });
    const sorted = <T extends { sort: number }>(list: T[]) => [...list].sort((a, b) => a.sort - b.sort);
    await writeLists(tx, copy.id, {
      committee: sorted(committee).map((m) => ({ name: m.name, function: m.function, role: m.role as CommitteeRole })),
      criteria: sorted(criteria).map((c) => ({ label: c.label, weight: c.weight })),
    });
    await tx.positionEvent.create({ data: { positionId: copy.id, fromState: null, toState: "DRAFT", userId: user.id } });
    await enqueue(tx, "positions", copy.id);
    return { id: copy.id };
  });
}

/** Deletes a draft (a position that was ever published is kept, with its history). */
export async function deleteDraft(user: SessionUser, id: string): Promise<WriteResult> {
  const where = ownPosition(user, id);
  return db.$transaction(async (tx) => {
    const current = await tx.position.findFirst({ where, select: { state: true } });
    if (!current) return NOT_FOUND;
    if (current.state !== "DRAFT") return { ok: false, status: 409, error: "Seul un brouillon peut être supprimé ; fermez plutôt ce poste." } as const;
    if ((await tx.positionEvent.count({ where: { positionId: id, toState: "PUBLISHED" } })) > 0) {
      return { ok: false, status: 409, error: "Ce poste a été publié : fermez-le plutôt que de le supprimer." } as const;
    }
    await tx.position.delete({ where: { id } });
    await enqueue(tx, "positions", id);
    return { ok: true } as const;
  });
}

// ---------------------------------------------------------------------------------------------
// The offer: what a candidate reads

type OfferRow = Prisma.PositionGetPayload<{ include: { organization: { select: { name: true } } } }>;

/** The public part of a position (the employer's page shows the same, plus what is internal). */
function toOffer(p: OfferRow) {
  const commune = getCommune(p.communeCode);
  const departement = commune ? getDepartement(commune.departementCode) : undefined;
  return {
    id: p.id,
    title: p.title,
    organizationName: p.organization.name,
    commune: commune
      ? { code: commune.code, name: commune.name, postalCode: commune.postalCodes[0] ?? null, departementCode: commune.departementCode, departementName: departement?.name ?? null, population: commune.population }
      : { code: p.communeCode, name: p.communeCode, postalCode: null, departementCode: null, departementName: null, population: null },
    filiere: p.filiere,
    filiereLabel: filiereLabel(p.filiere),
    categorie: p.categorie,
    cadres: jsonList<string>(p.cadresEmplois).map((code) => ({ code, label: getCadre(code)?.label ?? code })),
    grades: jsonList<string>(p.grades),
    emploiFonctionnel: p.emploiFonctionnel,
    strate: p.strate,
    openToTitulaires: p.openToTitulaires,
    openToContractuels: p.openToContractuels,
    fullTime: p.fullTime,
    hoursPerWeek: p.fullTime ? null : p.hoursPerWeek,
    startDate: day(p.startDate) || null,
    deadline: day(p.deadline) || null,
    missions: p.missions,
    competencies: jsonList<{ label: string; level: CompetencyLevel }>(p.competencies),
    teamSize: p.teamSize,
    budgetManaged: p.budgetManaged,
    salaryMin: p.salaryMin,
    salaryMax: p.salaryMax,
    ifse: p.ifse,
    cia: p.cia,
    nbiPoints: p.nbiPoints,
    benefits: jsonList<string>(p.benefits),
    housing: p.housing,
    housingHelp: p.housingHelp,
    rentT3: p.rentT3,
    temporaryAccommodation: p.temporaryAccommodation,
    stationDistanceKm: p.stationDistanceKm,
    stationTimeMin: p.stationTimeMin,
    publicTransport: p.publicTransport,
    serviceVehicle: p.serviceVehicle,
    remoteDays: p.remoteDays,
    relocationHelp: p.relocationHelp,
    spouseJobHelp: p.spouseJobHelp,
    territory: p.territory,
    projects: p.projects,
    publishedAt: p.publishedAt?.toISOString() ?? null,
  };
}

export type Offer = ReturnType<typeof toOffer>;

/** A public offer (the gate's rule 6), or null: drafts, closed, filled and confidential are not public. */
export async function getOffer(id: string): Promise<Offer | null> {
  const p = await db.position.findFirst({ where: publicOfferByIdWhere(id), include: { organization: { select: { name: true } } } });
  return p ? toOffer(p) : null;
}

/** schema.org JobPosting of an offer (https://schema.org/JobPosting), for search engines. */
export function offerJsonLd(offer: Offer, url: string) {
  const description = [offer.missions, offer.territory && `Le territoire : ${offer.territory}`].filter(Boolean).join("\n\n");
  return {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: offer.title,
    description,
    url,
    identifier: { "@type": "PropertyValue", name: "Vivier", value: offer.id },
    datePosted: offer.publishedAt ? offer.publishedAt.slice(0, 10) : undefined,
    ...(offer.deadline ? { validThrough: offer.deadline } : {}),
    employmentType: offer.fullTime ? "FULL_TIME" : "PART_TIME",
    hiringOrganization: { "@type": "Organization", name: offer.organizationName },
    jobLocation: {
      "@type": "Place",
      address: {
        "@type": "PostalAddress",
        addressLocality: offer.commune.name,
        ...(offer.commune.postalCode ? { postalCode: offer.commune.postalCode } : {}),
        ...(offer.commune.departementName ? { addressRegion: offer.commune.departementName } : {}),
        addressCountry: "FR",
      },
    },
    ...(offer.salaryMin != null || offer.salaryMax != null
      ? {
          baseSalary: {
            "@type": "MonetaryAmount",
            currency: "EUR",
            value: {
              "@type": "QuantitativeValue",
              ...(offer.salaryMin != null ? { minValue: offer.salaryMin } : {}),
              ...(offer.salaryMax != null ? { maxValue: offer.salaryMax } : {}),
              unitText: "YEAR",
            },
          },
        }
      : {}),
    ...(offer.startDate ? { jobStartDate: offer.startDate } : {}),
  };
}
