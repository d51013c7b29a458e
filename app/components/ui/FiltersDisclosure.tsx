import { useEffect, useRef, type ReactNode } from "react";

/** Where the filters fold (the media queries of app.css: 43.75rem, 700 px). */
const WIDE = "(min-width: 43.8rem)";

/**
 * A search's filters, « Filtres (n) » on a phone: a <details> sent closed, so that the results
 * come first, and that opens with a tap, JavaScript or not. On wider screens its content shows
 * beside the results without a summary: by CSS (::details-content) where the browser knows it,
 * and by opening it once hydrated elsewhere.
 */
export function FiltersDisclosure({ count, children }: { count: number; children: ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (ref.current && window.matchMedia(WIDE).matches) ref.current.open = true;
  }, []);
  return (
    <details className="filters-disclosure" ref={ref}>
      <summary>Filtres{count ? ` (${count})` : ""}</summary>
      {children}
    </details>
  );
}
