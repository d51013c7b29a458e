import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDayTime } from "./candidates/format";

/**
 * The two lists at the top of every space's home: what changed since the last visit, and what
 * is left to do. Each item is a count and the link to the list it counts (filtered as it says).
 */
export type HomeItem = { key: string; to: string; text: string; after?: ReactNode };

function Items({ items, className }: { items: HomeItem[]; className: string }) {
  return (
    <ul className={`home-list ${className}`}>
      {items.map((i) => (
        <li key={i.key}><Link to={i.to}>{i.text}</Link>{i.after ?? null}</li>
      ))}
    </ul>
  );
}

export function SinceLastVisit({ since, items, empty = "Rien de nouveau depuis votre dernière visite." }: { since: string; items: HomeItem[]; empty?: string }) {
  return (
    <section className="home-news" aria-labelledby="depuis">
      <h2 id="depuis">Depuis votre dernière visite</h2>
      <p className="muted small">Depuis le {formatDayTime(since)}.</p>
      {items.length ? <Items items={items} className="home-counts" /> : <p>{empty}</p>}
    </section>
  );
}

export function NextActions({ items, empty = "Rien ne vous attend pour le moment." }: { items: HomeItem[]; empty?: string }) {
  return (
    <section className="home-next" aria-labelledby="a-faire">
      <h2 id="a-faire">À faire</h2>
      {items.length ? <Items items={items} className="home-counts" /> : <p>{empty}</p>}
    </section>
  );
}

/** Above a list opened from a home with a filter: what it shows, and the way back to all of it. */
export function FilterNote({ children, all, allLabel }: { children: ReactNode; all: string; allLabel: string }) {
  return (
    <p className="filter-note">
      {children} · <Link to={all}>{allLabel}</Link>
    </p>
  );
}
