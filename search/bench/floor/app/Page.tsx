import type { ReactNode } from "react";

/** A title, the count, the facets' first ten values, then the rows. */
export function Page({ title, total, facets, children }: { title: string; total: number; facets: Record<string, Record<string, number>>; children: ReactNode }) {
  return (
    <main>
      <h1>{title}</h1>
      <p>{total} résultat(s)</p>
      <aside>
        {Object.entries(facets).map(([name, values]) => (
          <fieldset key={name}>
            <legend>{name}</legend>
            {Object.entries(values)
              .slice(0, 10)
              .map(([v, n]) => (
                <label key={v}>
                  <input type="checkbox" name={name} value={v} /> {v} ({n})
                </label>
              ))}
          </fieldset>
        ))}
      </aside>
      {children}
    </main>
  );
}
