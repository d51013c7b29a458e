import { Form, Link } from "@remix-run/react";
import { MISSION_VIEW_LABEL, MISSION_VIEWS, SHORTLIST_PAGE_SIZES, shortlistQueryString, type ShortlistQuery } from "~/schemas/mission";
import { SOURCE_LABEL, SOURCES, STAGE_LABEL, STAGES } from "~/schemas/shortlist";

/** The two views (a link each, remembered in the URL) and the filters: a GET form, so the URL is the state. */
export function ViewSwitch({ query }: { query: ShortlistQuery }) {
  return (
    <nav aria-label="Vue de la liste restreinte" className="view-switch">
      <ul className="inline-list">
        {MISSION_VIEWS.map((v) => (
          <li key={v}>
            {query.view === v ? (
              <span aria-current="page" className="current-view">{MISSION_VIEW_LABEL[v]}</span>
            ) : (
              <Link to={`?${shortlistQueryString(query, { view: v, page: 1 })}`} preventScrollReset>{MISSION_VIEW_LABEL[v]}</Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ShortlistFilters({ query }: { query: ShortlistQuery }) {
  const list = query.view === "liste";
  return (
    <Form method="get" id="filtres" className="table-filters" role="search" aria-label="Filtrer la liste restreinte" preventScrollReset>
      {!list ? <input type="hidden" name="vue" value="tableau" /> : null}
      {list ? (
        <>
          <input type="hidden" name="sort" value={query.sort} />
          <input type="hidden" name="dir" value={query.desc ? "desc" : "asc"} />
          {/* The candidate's column is always shown: it also says « the columns were chosen ». */}
          <input type="hidden" name="cols" value="label" />
          <div className="field">
            <label htmlFor="filtre-etape">Étape</label>
            <select id="filtre-etape" name="etape" defaultValue={query.stage ?? ""}>
              <option value="">Toutes</option>
              <option value="en-cours">En cours (sans les sorties ni le recrutement)</option>
              {STAGES.map((s) => <option key={s} value={s}>{STAGE_LABEL[s]}</option>)}
            </select>
          </div>
        </>
      ) : null}
      <div className="field">
        <label htmlFor="filtre-source">Source</label>
        <select id="filtre-source" name="source" defaultValue={query.source ?? ""}>
          <option value="">Toutes</option>
          {SOURCES.map((s) => <option key={s} value={s}>{SOURCE_LABEL[s]}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filtre-q">Nom, pseudonyme ou fonction</label>
        <input id="filtre-q" name="q" type="search" defaultValue={query.q} />
      </div>
      {list ? (
        <div className="field">
          <label htmlFor="filtre-taille">Par page</label>
          <select id="filtre-taille" name="size" defaultValue={String(query.size)}>
            {SHORTLIST_PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
      ) : null}
      <button type="submit" className="button-secondary">Filtrer</button>
    </Form>
  );
}
