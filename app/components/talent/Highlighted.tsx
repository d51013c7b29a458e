import { Fragment } from "react";
import type { TextSegment } from "~/domain/search-results";

/**
 * Text with the words the search matched in <mark>. The segments are plain strings cut by the
 * server at Meilisearch's markers: React escapes them like any text, nothing is parsed as HTML.
 */
export function Highlighted({ text, segments }: { text: string | null | undefined; segments?: TextSegment[] }) {
  if (!segments || segments.length === 0) return <>{text ?? ""}</>;
  return (
    <>
      {segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <Fragment key={i}>{s.text}</Fragment>))}
    </>
  );
}
