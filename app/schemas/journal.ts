import { readSince } from "./since";

/**
 * The journal of accesses to candidates' identities (AuditEvent) as people read it: the actions'
 * French labels, and the admin's filters read from the URL. Browser-safe.
 */

export const AUDIT_ACTIONS = ["IDENTITY_VIEW", "CV_DOWNLOAD", "EXPORT"] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isAuditAction(value: unknown): value is AuditAction {
  return typeof value === "string" && (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** For the admin's journal. */
export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  IDENTITY_VIEW: "Consultation d’une identité",
  CV_DOWNLOAD: "Téléchargement d’un CV",
  EXPORT: "Export",
};

/** For the candidate: what the organisation did with their identity. */
export const AUDIT_ACTION_FOR_CANDIDATE: Record<AuditAction, string> = {
  IDENTITY_VIEW: "a consulté votre identité",
  CV_DOWNLOAD: "a téléchargé votre CV",
  EXPORT: "a exporté une liste où vous figurez",
};

export function auditActionLabel(action: string, table: Record<AuditAction, string> = AUDIT_ACTION_LABEL): string {
  return isAuditAction(action) ? table[action] : action;
}

export const JOURNAL_PAGE_SIZE = 50;

export type JournalFilters = {
  action: AuditAction | null;
  organizationId: string | null;
  /** yyyy-mm-dd, inclusive, Paris days as typed. */
  from: string | null;
  to: string | null;
  /** An ISO instant (the admin's home: « depuis votre dernière visite »). */
  since: string | null;
  page: number;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayOrNull(value: string | null): string | null {
  if (!value || !DAY.test(value)) return null;
  return Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()) ? null : value;
}

/**
 * The admin's filters from the URL (?action=&organisation=&du=&au=&page=); anything unexpected is
 * dropped, and a range typed backwards says so instead of showing nothing.
 */
export function parseJournalFilters(search: URLSearchParams): { filters: JournalFilters; errors: Partial<Record<"from" | "to", string>> } {
  const action = search.get("action");
  const organizationId = (search.get("organisation") ?? "").trim();
  const rawFrom = search.get("du");
  const rawTo = search.get("au");
  const from = dayOrNull(rawFrom);
  const to = dayOrNull(rawTo);
  const page = Number(search.get("page"));
  const errors: Partial<Record<"from" | "to", string>> = {};
  if (rawFrom && !from) errors.from = "Date invalide : choisissez un jour dans le calendrier.";
  if (rawTo && !to) errors.to = "Date invalide : choisissez un jour dans le calendrier.";
  if (from && to && from > to) errors.to = "La date de fin précède la date de début : inversez-les.";
  return {
    filters: {
      action: isAuditAction(action) ? action : null,
      organizationId: organizationId && organizationId.length <= 40 ? organizationId : null,
      from,
      to: errors.to ? null : to,
      since: readSince(search)?.toISOString() ?? null,
      page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    },
    errors,
  };
}

/** The filters as a query string (without the page), for the pagination links. */
export function journalQuery(f: JournalFilters): string {
  const params = new URLSearchParams();
  if (f.action) params.set("action", f.action);
  if (f.organizationId) params.set("organisation", f.organizationId);
  if (f.from) params.set("du", f.from);
  if (f.to) params.set("au", f.to);
  if (f.since) params.set("depuis", f.since);
  return params.toString();
}
