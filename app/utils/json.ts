/**
 * The JSON text columns that hold lists (competencies, benefits…): read leniently, since a
 * malformed or non-array value must read as an empty list rather than break a page.
 */
export function jsonArray(text: string | null | undefined): unknown[] {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

/** As jsonArray, typed by the caller who knows what the column holds. */
export function jsonList<T>(text: string | null | undefined): T[] {
  return jsonArray(text) as T[];
}
