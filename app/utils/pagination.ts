/**
 * Page numbers come from the address bar, where anyone can type `page=1e20`: every list reads
 * them with readPage, which keeps whole numbers from 1 to a bound and answers 1 for anything
 * else (browser-safe). No list of ours has anywhere near 10,000 pages.
 */
export const MAX_LIST_PAGE = 10_000;

export function readPage(value: string | null | undefined, max: number = MAX_LIST_PAGE): number {
  if (!value || !/^\d{1,9}$/.test(value.trim())) return 1;
  const n = Number(value.trim());
  return n >= 1 ? Math.min(n, max) : 1;
}
