import type { Prisma } from "~/generated/prisma/client";
import { distanceBand, distanceBandLabel } from "./anonymous-distance";

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
 * 9. An anonymous candidate's distance is told only in bands, no circle is drawn under 20 km,
 *    and the distance sort goes by band: app/access/anonymous-distance.ts (pure and
 *    browser-safe, the URL schema reads it), docs/decisions/011-anonymous-distance.md.
 * 10. A shortlist entry's evaluation (interview notes, scorecards, reference checks, the CV) is
 *    the mission's consultants' only, and only for a candidate they know (identified, or met
 *    elsewhere): never for a withdrawn or a pseudonymous one. References are checked only while
 *    the candidate's consent for that entry stands, asked once they are in the search. Each
 *    delivery of a revealed identity or CV to a consultant is journaled; the candidate reads who
 *    saw them by organisation, never by staff member. (Number 9 is the anonymous distance's.)
 * 11. Matching: a score's reasons tell an anonymous candidate's distance in rule 9's bands;
 *    « Offres pour vous » proposes public offers only, never one of an employer the candidate
 *    hides from.
 * 12. A presented finalist (docs/decisions/051-presentation.md): their identity, the cabinet's
 *    synthesis and scores and the CV as presented reach the collectivité's employers and the
 *    members of that position's committee, and nobody else of the collectivité, only while the
 *    candidate's PRESENTATION consent is granted and not withdrawn, the cabinet has not withdrawn
 *    the presentation, rule 7 keeps them on the mission's list, and they do not hide from the
 *    collectivité (rule 2). When that stops after the committee decided, the decision stays on
 *    record without any identity; before a decision, the finalist is gone from the client's view
 *    (not even counted). Before presentation the client sees nothing of the shortlist.
 * 13. An application's interviews and thread (docs/decisions/070-application-interviews.md) are
 *    the candidate's and the employers' of the position's collectivité, while rule 2 lets that
 *    collectivité see the application: nobody else — not a committee account, not a cabinet on
 *    a mission for the position (its own thread with the candidate is another, rule 7), not
 *    another collectivité. The thread is open while the application runs (neither withdrawn nor
 *    refused) and the position is neither filled nor closed; then it is read-only. An interview
 *    may be organised while the application runs undecided (neither retained nor refused) and
 *    the position is still published or in draft.
 * 14. An anonymous profile's card (a talent search hit, a suggestion, a pseudonymous entry of a
 *    shortlist, whatever shows an ANONYMOUS profile to a cabinet, an employer or anyone else)
 *    shows its facts coarsened — a family of functions, the cadre d'emplois at best and never
 *    the grade, experience in bands, the département only where the pool is thick enough — so
 *    that no combination shown matches fewer than K_ANONYMITY (5) anonymous profiles of the
 *    pool: app/access/anonymous-card.ts, docs/decisions/110-anonymous-card-k-anonymity.md. The
 *    search index holds only those coarsened facts for an anonymous profile, so that no filter
 *    or text query can find it by an exact one.
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

/** Rule 14's crowd: the anonymous profiles of the pool, among whom each anonymous card must fit K. */
export const anonymousPoolWhere: Prisma.CandidateProfileWhereInput = { visibility: "ANONYMOUS", user: { role: "CANDIDATE" } };

/** Does this profile show an anonymous card (rule 14) rather than its exact facts? */
export function showsAnonymousCard(profile: { visibility: string }): boolean {
  return profile.visibility !== "VISIBLE";
}

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
  | { kind: "consultant"; cabinetId: string; keys: readonly string[]; missionIds: "all" | readonly string[] }
  /** A committee member's account: the positions whose committee they sit on. */
  | { kind: "committee"; positionIds: readonly string[] };

/** What the rules need to know of a candidate, with the rows that tie them to organisations. */
export type CandidateFacts = {
  userId: string;
  visibility: string;
  hiddenFrom: ReadonlyArray<{ officialKey: string }>;
  contactRequests: ReadonlyArray<{ cabinetId: string; status: string; missionId: string | null }>;
  /** Each application with its position's collectivité and the missions (of any cabinet) on that position. */
  applications: ReadonlyArray<{ state: string; organizationId: string; missions: ReadonlyArray<{ id: string; cabinetId: string }> }>;
  /** Each presentation of the candidate to a collectivité (rule 12), with what decides its sight. */
  presentations?: ReadonlyArray<{ positionId: string; organizationId: string; organizationKey: string } & Omit<FinalistFacts, "hiddenFromClient">>;
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
      const presented = (candidate.presentations ?? []).some(
        (p) => p.organizationId === actor.organizationId && finalistSight({ ...p, hiddenFromClient: false }) === "identity",
      );
      if (presented) return "identity";
      const theirs = candidate.applications.filter((a) => a.organizationId === actor.organizationId);
      if (theirs.length === 0) return "none";
      return theirs.some((a) => applicationRevealToEmployer(a).email) ? "identity" : "name";
    }
    case "committee": {
      const presented = (candidate.presentations ?? []).some(
        (p) => actor.positionIds.includes(p.positionId) && finalistSight({ ...p, hiddenFromClient: hidesFrom(candidate, [p.organizationKey]) }) === "identity",
      );
      return presented ? "identity" : "none";
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

// ---------------------------------------------------------------------------------------------
// 10. An entry's evaluation, the candidate's consents, the journal
//
// The mission's consultants (cabinetEntryWhere, guards.server.ts) keep a private evaluation of
// each entry. A pseudonymous candidate has not been met, and a note may name them; a withdrawn
// one shows nothing. Consent is asked once the candidate is in the search (rule 8), since only
// then can they read and answer it.

/** Does the consultant see (and may they write) the entry's evaluation? */
export function entryEvaluationVisible(sight: EntrySight): boolean {
  return sight === "identity" || sight === "external";
}

/** Is this sight of an entry a view of a revealed identity, to be journaled? Not a pseudonym, not a person typed in by the consultants. */
export function identityViewJournaled(sight: EntrySight): boolean {
  return sight === "identity";
}

/**
 * The CV file a consultant may download from an entry: the profile's once the identity is
 * revealed, the one the consultants filed for a person met elsewhere; else none.
 */
export function entryCvFile(sight: EntrySight, entry: { externalCvFile: string | null }, profile: { cvFile: string | null } | null): string | null {
  if (sight === "identity") return profile?.cvFile ?? null;
  if (sight === "external") return entry.externalCvFile;
  return null;
}

export type ConsentFacts = { kind: string; requestedAt: Date; answeredAt: Date | null; granted: boolean | null; withdrawnAt: Date | null };
export type ConsentStanding = "pending" | "granted" | "refused" | "withdrawn";

export function consentStanding(c: Pick<ConsentFacts, "answeredAt" | "granted" | "withdrawnAt">): ConsentStanding {
  if (c.withdrawnAt) return "withdrawn";
  if (!c.answeredAt || c.granted === null) return "pending";
  return c.granted ? "granted" : "refused";
}

/** The latest request of a kind decides: granted and not withdrawn. */
export function consentGranted(consents: readonly ConsentFacts[], kind: string): boolean {
  const latest = consents.filter((c) => c.kind === kind).sort((a, b) => b.requestedAt.getTime() - a.requestedAt.getTime())[0];
  return !!latest && consentStanding(latest) === "granted";
}

/** May the cabinet ask this candidate a consent for this entry? Only one they know who is in the search. */
export function mayAskConsent(sight: EntrySight, candidateInSearch: boolean): boolean {
  return sight === "identity" && candidateInSearch;
}

/** May a consultant of the mission record a reference check? Only with the candidate's consent, granted and standing. */
export function mayRecordReferenceCheck(sight: EntrySight, consents: readonly ConsentFacts[]): boolean {
  return sight === "identity" && consentGranted(consents, "REFERENCES");
}

/** The candidate's referees (name, relation, contact) reach the consultants on the same terms. */
export const refereesVisible = mayRecordReferenceCheck;

/**
 * What a candidate may read of their own entry (rule 8): the stage, for its plain-French state,
 * and the feedback once not retained. Never the notes, scores, exit reasons, events' reasons or
 * the consultants' names: they are not selected.
 */
export const candidateEntrySelect = {
  id: true, stage: true, feedback: true, stageChangedAt: true, createdAt: true,
} satisfies Prisma.ShortlistEntrySelect;

export function candidateFeedback(entry: { stage: string; feedback: string }): string | null {
  return entry.stage === "NOT_RETAINED" && entry.feedback ? entry.feedback : null;
}

/**
 * Where the candidate stands with the cabinet on an entry: « active »; « withdrawn » when they
 * hide from the cabinet or the mission's collectivité (the cabinet sees « retiré par le
 * candidat », rule 7); « out » when their profile is hidden and they have no running application
 * (rule 7). Only the keys the candidate knows of are tested: naming another of the cabinet's
 * clients would tell them whom else it works for.
 */
export function candidateEntryStanding(profile: { visibility: string; hiddenFrom: ReadonlyArray<{ officialKey: string }> }, missionKeys: readonly string[], runningApplication: boolean): "active" | "withdrawn" | "out" {
  if (hidesFrom(profile, missionKeys)) return "withdrawn";
  if (!isInTalentPool(profile) && !runningApplication) return "out";
  return "active";
}

/** The missions whose search the candidate is in (rule 5's and rule 8's test). */
export function missionSearchOfCandidateWhere(userId: string): Prisma.MissionWhereInput {
  return {
    OR: [
      { contactRequests: { some: { status: "ACCEPTED", profile: { userId } } } },
      { position: { applications: { some: { profile: { userId } } } } },
    ],
  };
}

/** What a candidate reads of the journal about them: which organisation, what, when, for which mission; never who in it. */
export const candidateJournalSelect = {
  id: true, at: true, action: true, organizationName: true, missionId: true,
} satisfies Prisma.AuditEventSelect;
// 11. Matching: what a score's reasons may say of an anonymous candidate

/**
 * The distance between an anonymous candidate's home and a position, as a band: the exact km,
 * with the position's commune, would draw a circle small enough to find a person in a small
 * département. A pseudonymous profile's reasons (app/domain/matching.ts) say only the band; the
 * score itself is computed on the exact distance.
 */
export function distanceForAnonymous(km: number): string {
  // The talent search's bands (rule 9): one way of telling an anonymous distance everywhere.
  return distanceBandLabel(distanceBand(km));
}

/**
 * « Offres pour vous » (rules 2 and 6 for a candidate): public offers only, and never one of an
 * employer the candidate hides from, even though an offer is public: proposing it would say that
 * Vivier thinks they should apply where they asked not to be seen.
 */
export function offersForCandidateWhere(hiddenFrom: ReadonlyArray<{ officialKey: string }>): Prisma.PositionWhereInput {
  const keys = [...new Set(hiddenFrom.map((h) => h.officialKey))];
  return { ...publicOfferWhere, ...(keys.length ? { organization: { officialKey: { notIn: keys } } } : {}) };
}

// ---------------------------------------------------------------------------------------------
// 12. Presented finalists

/** What decides how a presented finalist shows to the collectivité and its committee. */
export type FinalistFacts = {
  /** The cabinet withdrew the presentation. */
  withdrawn: boolean;
  consentGranted: boolean;
  consentWithdrawn: boolean;
  /** Rule 7 keeps the entry on the mission's list. */
  listed: boolean;
  /** The candidate hides from the collectivité (rule 2). */
  hiddenFromClient: boolean;
  /** The committee recorded a decision. */
  decided: boolean;
};

/** « identity »: everything presented; « decision »: the decision alone, no identity; « none »: absent, not counted. */
export type FinalistSight = "none" | "decision" | "identity";

export function finalistSight(f: FinalistFacts): FinalistSight {
  if (f.withdrawn && !f.decided) return "none";
  const open = !f.withdrawn && f.consentGranted && !f.consentWithdrawn && f.listed && !f.hiddenFromClient;
  if (open) return "identity";
  return f.decided ? "decision" : "none";
}

/**
 * Select these on a Presentation to decide rule 12 for the collectivité of `organizationKey`
 * with `finalistFacts`; the position is the presentation's.
 */
export function finalistFactsSelect(organizationKey: string, positionId: string) {
  return {
    withdrawnAt: true,
    decision: true,
    consent: { select: { granted: true, withdrawnAt: true } },
    entry: {
      select: {
        profile: {
          select: {
            visibility: true,
            user: { select: { role: true } },
            hiddenFrom: { where: { officialKey: organizationKey }, select: { officialKey: true } },
            applications: { where: { positionId, state: { not: "WITHDRAWN" } }, select: { id: true } },
          },
        },
      },
    },
  } satisfies Prisma.PresentationSelect;
}

export function finalistFacts(row: {
  withdrawnAt: Date | null;
  decision: string | null;
  consent: { granted: boolean | null; withdrawnAt: Date | null };
  entry: { profile: { visibility: string; user: { role: string }; hiddenFrom: readonly unknown[]; applications: readonly unknown[] } | null };
}): FinalistFacts {
  const p = row.entry.profile;
  return {
    withdrawn: row.withdrawnAt !== null,
    consentGranted: row.consent.granted === true,
    consentWithdrawn: row.consent.withdrawnAt !== null,
    listed: !!p && (isInTalentPool(p) || p.applications.length > 0),
    hiddenFromClient: !p || p.hiddenFrom.length > 0,
    decided: row.decision !== null,
  };
}

/** Many presentations: those whose finalist's identity the collectivité of `organizationKey` may see. */
export function presentedFinalistWhere(organizationKey: string, positionId: string): Prisma.PresentationWhereInput {
  return {
    positionId,
    withdrawnAt: null,
    consent: { granted: true, withdrawnAt: null },
    entry: { AND: [shortlistListedWhere(positionId), { profile: notHiddenFromWhere([organizationKey]) }] },
  };
}

// ---------------------------------------------------------------------------------------------
// 13. An application's interviews and thread

/** What decides rule 13 for one application. */
export type ApplicationStanding = { state: string; positionState: string };

/** Why an application's thread is closed, or null while it is open. */
export type ThreadClosure = "withdrawn" | "rejected" | "position-ended" | null;

export function applicationThreadClosure(a: ApplicationStanding): ThreadClosure {
  if (a.state === "WITHDRAWN") return "withdrawn";
  if (a.state === "REJECTED") return "rejected";
  if (a.positionState === "FILLED" || a.positionState === "CLOSED") return "position-ended";
  return null;
}

/** Why no interview may be organised (proposed, chosen, moved) on an application, or null. */
export type InterviewRefusal = "withdrawn" | "decided" | "position-ended" | null;

export function applicationInterviewRefusal(a: ApplicationStanding): InterviewRefusal {
  if (a.state === "WITHDRAWN") return "withdrawn";
  if (a.state === "ACCEPTED" || a.state === "REJECTED") return "decided";
  if (a.positionState !== "PUBLISHED" && a.positionState !== "DRAFT") return "position-ended";
  return null;
}
