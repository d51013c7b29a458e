/**
 * « depuis votre dernière visite »: the `depuis` parameter of the lists a home page links to, an
 * ISO instant. Anything else (a typo, a date in the future) is no filter at all.
 */
export function readSince(search: URLSearchParams): Date | null {
  const raw = search.get("depuis");
  if (!raw || raw.length > 30 || !/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(raw)) return null;
  const at = new Date(raw);
  return Number.isNaN(at.getTime()) || at.getTime() > Date.now() ? null : at;
}

/** The same instant, as the query string of a link. */
export function sinceQuery(since: string | Date): string {
  return `depuis=${encodeURIComponent(typeof since === "string" ? since : since.toISOString())}`;
}
