import type { Prisma } from "~/generated/prisma/client";

/**
 * THE GATE: every rule about which candidate, which identity and which position an actor may see,
 * written once here and derived in the forms its readers need (one row, a Prisma `where` for
 * many rows, a Meilisearch filter clause). Pure: no database, no request; the guards that look
 * the actor up are app/access/guards.server.ts, the spaces app/access/spaces.ts. No other file
 * writes such a condition (README, « La porte » says how to check).
 *
 * The rules, as decided (docs/decisions/010-the-gate.md):
 *
 * 1. The talent pool holds the profiles a candidate opened to it: visibility ANONYMOUS or
 *    VISIBLE, on a candidate's account. HIDDEN is nowhere but in the candidate's own space and
 *    the applications they sent.
 * 2. « Ne pas me montrer à » (hide-from): a profile that hides from an organisation is never
 *    shown to anyone acting for it — in a search, a count, a list, a thread, an application —
 *    and it applies from the moment it is set, to what was shared before too. An actor acts for
 *    the keys of `actingKeys`: an employer for their collectivité; a consultant for their cabinet
 *    and for every collectivité that entrusts it with an active mission (a profile found today
 *    for one client can be proposed tomorrow to another), plus the collectivité of the mission
 *    at hand even if that mission has ended.
 * 3. Reveal to a cabinet: the name, the e-mail, the current employer and the CV of a profile
 *    reach a consultant when the candidate gave them to the cabinet — the profile is VISIBLE, or
 *    the candidate accepted a contact request of that cabinet, or applied (not withdrawn) to a
 *    position the cabinet holds a mission for — for the missions that consultant works on (a
 *    request of no mission counts for the whole cabinet), and only while rule 2 lets the cabinet
 *    see the profile at all. Otherwise the consultant sees the pseudonym. (This settles two
 *    rules that disagreed: the contact list forgot applications, the threads remembered them.)
 * 4. Reveal to a collectivité: an application shows the employer who applied (name, profile
 *    summary); the e-mail and the CV sent only while the application runs (not withdrawn). A
 *    withdrawn application keeps its name for the record and hands over no way to reach them.
 * 5. A confidential position's employer is named to a candidate once the candidate is in its
 *    search: they accepted a contact request for that mission, or applied to it. Before, the
 *    candidate's pages say only that the search is confidential. (This settles the contact
 *    list, which named it after acceptance, and the threads, which never did: a candidate who
 *    talks with the cabinet about a post may know whose post it is.) Nor its commune: the
 *    département only.
 * 6. A public offer is a PUBLISHED position that is not confidential: the only positions that
 *    reach /offres, the offers index, an anonymous visitor or a candidate's apply page.
 * 7. A mission's shortlist is seen by the consultants on the mission (and the cabinet's lead)
 *    only: the client sees nothing of it before presentation. A candidate whose profile is
 *    HIDDEN, and who has no running application to the position, is out of every mission at
 *    once. A candidate who hides from the cabinet or a collectivité it works for stays on the
 *    list as « retiré par le candidat », with no identity, no pseudonym, no notes, no CV. Else
 *    rule 3 gives the name or the pseudonym. A person met elsewhere (« hors plateforme ») is
 *    named as the consultants typed them, and seen by nobody else. A pseudonymous entry's
 *    distance shows as a band; a list is filtered, sorted and exported on what each entry
 *    shows, never on what it hides (an order can tell a name). The cabinet's lead staffs the
 *    missions: only they assign and remove consultants.
 * 8. A candidate reads their own state on a mission once they are in its search (rule 5's
 *    test: they accepted the cabinet's proposal for it, or applied to its position), in plain
 *    French, never the cabinet's notes, scores or stage names.
 */

// ---------------------------------------------------------------------------------------------
// 1. The talent pool

export const POOL_VISIBILITIES = ["ANONYMOUS", "VISIBLE"] as const;
export type PoolVisibility = (typeof POOL_VISIBILITIES)[number];

export function isInTalentPool(profile: { visibility: string; user?: { role: string } }): profile is typeof profile & { visibility: PoolVisibility } {
  if (profile.user && profile.user.role !== "CANDIDATE") return false;
  return (POOL_VISIBILITIES as readonly string[]).includes(profile.visibility);
}

export const talentPoolWhere: Prisma.CandidateProfileWhereInput = { visibility: { in: [...POOL_VISIBILITIES] }, user: { role: "CANDIDATE" } };

/** A Meilisearch string literal: values come validated, but a quote must never end the literal. */
export function meiliString(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** The pool's clause; the index holds only pool profiles already (search/documents.ts), this is the second lock. */
export const talentPoolFilter = `visibility IN [${POOL_VISIBILITIES.map(meiliString).join(", ")}]`;

// ---------------------------------------------------------------------------------------------
// 2. Hide-from

/** The keys, trimmed, deduplicated and sorted; an actor with no key of its own is refused. */
export function normalizeKeys(keys: readonly string[]): string[] {
  const clean = [...new Set(keys.map((k) => k.trim()).filter((k) => k !== ""))].sort();
  // Fail closed: a rule with no key would filter on nothing.
  if (clean.length === 0) throw new Error("A hide-from rule needs at least one organisation key.");
  return clean;
}

// A list asks the same keys for each of its rows: their set is made once per keys array.
const keySets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** One profile: does it hide from any of these keys? */
export function hidesFrom(profile: { hiddenFrom: ReadonlyArray<{ officialKey: string }> }, keys: readonly string[]): boolean {
  let wanted = keySets.get(keys);
  if (!wanted) {
    wanted = new Set(normalizeKeys(keys));
    keySets.set(keys, wanted);
  }
  return profile.hiddenFrom.some((h) => wanted.has(h.officialKey));
}

/** Many profiles: those that hide from none of these keys. */
export function notHiddenFromWhere(keys: readonly string[]): Prisma.CandidateProfileWhereInput {
  return { hiddenFrom: { none: { officialKey: { in: normalizeKeys(keys) } } } };
}

/** The index: documents whose `hiddenFrom` holds none of these keys (an empty array passes). */
export function notHiddenFromFilter(keys: readonly string[]): string {
  return `hiddenFrom NOT IN [${normalizeKeys(keys).map(meiliString).join(", ")}]`;
}

/**
 * The keys an actor acts for (rule 2). `clients` are the collectivités of the cabinet's active
 * missions and of the mission at hand; an employer has none.
 */
export function actingKeys(actor: { organizationKey: string; clients?: readonly string[] }): string[] {
  return normalizeKeys([actor.organizationKey, ...(actor.clients ?? [])]);
}

// ---------------------------------------------------------------------------------------------
// 3. Reveal to a cabinet

/** What decides whether a cabinet may know who the candidate is. */
export type CabinetRevealFacts = {
  visibility: string;
  /** The candidate accepted a contact request of this cabinet. */
  acceptedContact: boolean;
  /** The candidate has an application (not withdrawn) to a position this cabinet holds a mission for. */
  appliedThroughCabinet: boolean;
};

/** A VISIBLE profile shows its identity to every cabinet that may see it: in the index too. */
export function identityOpenToCabinets(profile: { visibility: string }): boolean {
  return profile.visibility === "VISIBLE";
}

export function identityRevealedToCabinet(facts: CabinetRevealFacts): boolean {
  return identityOpenToCabinets(facts) || facts.acceptedContact || facts.appliedThroughCabinet;
}

/**
 * Where the consultant may look: their cabinet, and the missions they work on (a `where` on
 * Mission from app/access/guards.server.ts cabinetMissionWhere). A contact request of no mission
 * counts for the whole cabinet.
 */
export type CabinetScope = { cabinetId: string; missions: Prisma.MissionWhereInput };

/**
 * Select these on a profile to decide rule 3 for one consultant with `cabinetRevealFacts`: the
 * accepted requests of the cabinet (of no mission or of one the consultant is on) and the
 * running applications to the positions of the consultant's missions; few rows for one profile.
 */
export function cabinetRevealSelect(scope: CabinetScope) {
  const where = cabinetRevealWhere(scope);
  return {
    visibility: true,
    contactRequests: { where: where.contactRequests, select: { missionId: true } },
    applications: { where: where.applications, select: { positionId: true } },
  } satisfies Prisma.CandidateProfileSelect;
}

/**
 * The rows that reveal a profile to the consultant (rule 3), as conditions on those rows: for a
 * list, read them once for all its profiles (`profileId: { in }`) rather than profile by profile.
 */
export function cabinetRevealWhere(scope: CabinetScope): { contactRequests: Prisma.ContactRequestWhereInput; applications: Prisma.ApplicationWhereInput } {
  return {
    contactRequests: { cabinetId: scope.cabinetId, status: "ACCEPTED", OR: [{ missionId: null }, { mission: scope.missions }] },
    applications: { state: { not: "WITHDRAWN" }, position: { missionsMandated: { some: scope.missions } } },
  };
}

export function cabinetRevealFacts(row: { visibility: string; contactRequests: readonly unknown[]; applications: readonly unknown[] }): CabinetRevealFacts {
  return { visibility: row.visibility, acceptedContact: row.contactRequests.length > 0, appliedThroughCabinet: row.applications.length > 0 };
}

/** Many profiles: those whose identity this consultant may know (rule 3; rule 2 is applied beside it). */
export function identityRevealedToCabinetWhere(scope: CabinetScope): Prisma.CandidateProfileWhereInput {
  return {
    OR: [
      { visibility: "VISIBLE" },
      { contactRequests: { some: { cabinetId: scope.cabinetId, status: "ACCEPTED", OR: [{ missionId: null }, { mission: scope.missions }] } } },
      { applications: { some: { state: { not: "WITHDRAWN" }, position: { missionsMandated: { some: scope.missions } } } } },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// 4. Reveal to a collectivité (through an application)

export type EmployerReveal = { name: boolean; email: boolean; cv: boolean };

export function applicationRevealToEmployer(application: { state: string }): EmployerReveal {
  const running = application.state !== "WITHDRAWN";
  return { name: true, email: running, cv: running };
}

// ---------------------------------------------------------------------------------------------
// 5. A confidential employer, named to a candidate

export function employerNamedToCandidate(position: { confidential: boolean }, candidateInSearch: boolean): boolean {
  return !position.confidential || candidateInSearch;
}

/** The employer's name as the candidate may read it (rule 5), or null: the page says it is confidential. */
export function employerNameForCandidate(position: { confidential: boolean; organization: { name: string } }, candidateInSearch: boolean): string | null {
  return employerNamedToCandidate(position, candidateInSearch) ? position.organization.name : null;
}

/**
 * Where a position is, as a candidate may read it before they are in its search: a confidential
 * position shows its département only, since the commune of a commune's post names its employer.
 */
export function positionPlaceForCandidate(position: { confidential: boolean }, candidateInSearch: boolean): "commune" | "departement" {
  return employerNamedToCandidate(position, candidateInSearch) ? "commune" : "departement";
}

// ---------------------------------------------------------------------------------------------
// 6. The public offer

export function isPublicOffer(position: { state: string; confidential: boolean }): boolean {
  return position.state === "PUBLISHED" && !position.confidential;
}

export const publicOfferWhere = { state: "PUBLISHED", confidential: false } as const satisfies Prisma.PositionWhereInput;

// ---------------------------------------------------------------------------------------------
// All of it for one candidate and one actor

/** An actor, as the rules need them: who they are and the keys they act for (rule 2). */
export type GateActor =
  | { kind: "anonymous" }
  | { kind: "admin" }
  | { kind: "candidate"; userId: string }
  | { kind: "employer"; organizationId: string; organizationKey: string }
  | { kind: "consultant"; cabinetId: string; keys: readonly string[]; missionIds: "all" | readonly string[] };

/** What the rules need to know of a candidate, with the rows that tie them to organisations. */
export type CandidateFacts = {
  userId: string;
  visibility: string;
  hiddenFrom: ReadonlyArray<{ officialKey: string }>;
  contactRequests: ReadonlyArray<{ cabinetId: string; status: string; missionId: string | null }>;
  /** Each application with its position's collectivité and the missions (of any cabinet) on that position. */
  applications: ReadonlyArray<{ state: string; organizationId: string; missions: ReadonlyArray<{ id: string; cabinetId: string }> }>;
};

/**
 * What an actor may know of a candidate, anywhere in Vivier: nothing; the pseudonym and the
 * professional facts; the name without a way to reach them; the identity (name, e-mail, CV,
 * current employer); or all of it, their own.
 */
export type CandidateSight = "none" | "pseudonym" | "name" | "identity" | "self";

/**
 * Rules 1–4 for one candidate and one actor. The readers of candidates (the talent search, the
 * contact list, the mission threads, the applications) each apply the derived forms above; the
 * gate's table test checks that what they return is what this says.
 */
export function candidateSight(actor: GateActor, candidate: CandidateFacts): CandidateSight {
  switch (actor.kind) {
    case "candidate":
      return actor.userId === candidate.userId ? "self" : "none";
    case "employer": {
      if (hidesFrom(candidate, [actor.organizationKey])) return "none";
      const theirs = candidate.applications.filter((a) => a.organizationId === actor.organizationId);
      if (theirs.length === 0) return "none";
      return theirs.some((a) => applicationRevealToEmployer(a).email) ? "identity" : "name";
    }
    case "consultant": {
      if (hidesFrom(candidate, actor.keys)) return "none";
      const onMission = (missionId: string | null) => missionId === null || actor.missionIds === "all" || actor.missionIds.includes(missionId);
      const contacted = candidate.contactRequests.filter((c) => c.cabinetId === actor.cabinetId && onMission(c.missionId));
      const appliedThroughCabinet = candidate.applications.some(
        (a) => a.state !== "WITHDRAWN" && a.missions.some((m) => m.cabinetId === actor.cabinetId && onMission(m.id)),
      );
      const reachable = isInTalentPool(candidate) || contacted.length > 0 || appliedThroughCabinet;
      if (!reachable) return "none";
      const acceptedContact = contacted.some((c) => c.status === "ACCEPTED");
      return identityRevealedToCabinet({ visibility: candidate.visibility, acceptedContact, appliedThroughCabinet }) ? "identity" : "pseudonym";
    }
    default:
      return "none";
  }
}

// ---------------------------------------------------------------------------------------------
// 7. The shortlist

/** The entries of a mission the rules keep listed: external ones, the pool, and running applicants. */
export function shortlistListedWhere(positionId: string): Prisma.ShortlistEntryWhereInput {
  return {
    OR: [
      { profileId: null },
      { profile: talentPoolWhere },
      { profile: { applications: { some: { positionId, state: { not: "WITHDRAWN" } } } } },
    ],
  };
}

/** Many listed entries: those not « retiré par le candidat » for these keys (external ones included). */
export function shortlistNotWithdrawnWhere(keys: readonly string[]): Prisma.ShortlistEntryWhereInput {
  return { OR: [{ profileId: null }, { profile: notHiddenFromWhere(keys) }] };
}

export type EntrySight = "external" | "withdrawn" | "pseudonym" | "identity";

/** How one listed entry shows to the mission's consultants (rule 7, then rule 3). */
export function shortlistEntrySight(
  entry: { profileId: string | null },
  profile: { hiddenFrom: ReadonlyArray<{ officialKey: string }> } | null,
  keys: readonly string[],
  reveal: CabinetRevealFacts | null,
): EntrySight {
  if (!entry.profileId || !profile) return "external";
  if (hidesFrom(profile, keys)) return "withdrawn";
  return reveal && identityRevealedToCabinet(reveal) ? "identity" : "pseudonym";
}

/** The bands an anonymous entry's distance shows in, in km (the last one is « plus de »). */
export const SHORTLIST_DISTANCE_BANDS_KM = [20, 50, 100, 200] as const;

/**
 * An entry's distance from the workplace as the mission's consultants may read it: exact (to the
 * km) for a candidate whose identity they know; a band (« moins de 20 km », « 50 à 100 km »)
 * for a pseudonymous one, whose commune would narrow who they are; nothing for a withdrawn or an
 * external entry. `rank` is what the list sorts on: the band's upper bound for a band, so that
 * an order never tells more than the label.
 */
export function distanceShownToCabinet(sight: EntrySight, km: number | null): { label: string; rank: number; exact: boolean } | null {
  if (km === null || !Number.isFinite(km) || (sight !== "identity" && sight !== "pseudonym")) return null;
  if (sight === "identity") {
    const rounded = Math.round(km);
    return { label: `${rounded} km`, rank: rounded, exact: true };
  }
  let lower = 0;
  for (const upper of SHORTLIST_DISTANCE_BANDS_KM) {
    if (km < upper) return { label: lower === 0 ? `moins de ${upper} km` : `${lower} à ${upper} km`, rank: upper, exact: false };
    lower = upper;
  }
  return { label: `plus de ${lower} km`, rank: Number.MAX_SAFE_INTEGER, exact: false };
}

// ---------------------------------------------------------------------------------------------
// 8. The candidate's own missions

/** The entries a candidate reads: theirs, on missions whose search they are in. */
export function candidateEntriesWhere(userId: string): Prisma.ShortlistEntryWhereInput {
  return {
    profile: { userId },
    OR: [
      { mission: { contactRequests: { some: { status: "ACCEPTED", profile: { userId } } } } },
      { mission: { position: { applications: { some: { profile: { userId } } } } } },
    ],
  };
}
