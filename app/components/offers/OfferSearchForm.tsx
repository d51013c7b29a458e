import { FiltersDisclosure } from "~/components/ui/FiltersDisclosure";
import { Form, Link, useLocation, useSubmit } from "@remix-run/react";
import { useEffect, useId, useRef, type ChangeEvent } from "react";
import { CommunePicker } from "~/components/ui/CommunePicker";
import type { FacetValue, OfferFacets } from "~/domain/search-results";
import { OFFER_RADII_KM, OFFER_SORT_LABEL, OFFER_SORTS, type OfferSearchParams, type OfferSort } from "~/schemas/offer-search";

/**
 * The offer search form: a GET form whose every field is a URL parameter, so it works before
 * JavaScript (the "Rechercher" button submits it) and the URL is the whole state. Once the page
 * is hydrated, ticking a facet or changing a list submits at once; focus stays where it was and
 * the result count is announced by the page's status line.
 */

const DEPARTEMENTS_SHOWN = 8;

/** The history state of a URL this form submitted (see the effect in OfferSearchForm). */
const OWN_SUBMISSION = { offerSearchForm: true };

function FacetCount({ count }: { count: number }) {
  return (
    <span className="facet-count">
      {count}
      <span className="visually-hidden"> offre{count > 1 ? "s" : ""}</span>
    </span>
  );
}

function FacetCheckbox({ name, value }: { name: string; value: FacetValue }) {
  const id = useId();
  return (
    <li className="facet-option">
      <input type="checkbox" id={id} name={name} value={value.value} defaultChecked={value.selected} />
      <label htmlFor={id}>
        {value.label} <FacetCount count={value.count} />
      </label>
    </li>
  );
}

function FacetGroup({ legend, name, values, shown }: { legend: string; name: string; values: FacetValue[]; shown?: number }) {
  if (values.length === 0) return null;
  // The most frequent values first; the rest behind a disclosure, opened when one of them is ticked.
  const head = shown ? values.slice(0, shown) : values;
  const tail = shown ? values.slice(shown) : [];
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <ul className="facet-options">
        {head.map((v) => <FacetCheckbox key={v.value} name={name} value={v} />)}
      </ul>
      {tail.length ? (
        <details open={tail.some((v) => v.selected)}>
          <summary>{tail.length} autre{tail.length > 1 ? "s" : ""}</summary>
          <ul className="facet-options">
            {tail.map((v) => <FacetCheckbox key={v.value} name={name} value={v} />)}
          </ul>
        </details>
      ) : null}
    </fieldset>
  );
}

/** How many filters the search applies (the text aside): the « Filtres (n) » of a phone. */
function activeFilters(p: OfferSearchParams): number {
  return p.filieres.length + p.categories.length + p.departements.length + (p.housing ? 1 : 0) + (p.telework ? 1 : 0) + (p.communeCode ? 1 : 0);
}

export function OfferSearchForm({
  params,
  facets,
  sort,
  communeLabel,
  communeError,
}: {
  params: OfferSearchParams;
  /** Null when the search could not run: the form still lets the visitor try again. */
  facets: OfferFacets | null;
  sort: OfferSort;
  communeLabel: string;
  communeError?: string;
}) {
  const form = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  const location = useLocation();
  const radiusId = useId();
  const sortId = useId();

  // The fields are uncontrolled, and React does not carry a new defaultValue or defaultChecked to
  // the DOM: when the URL changes, set them from the search it carries. Not at hydration: what the
  // visitor typed or ticked before it would be wiped, and the search then sent without it (the
  // server rendered the fields from this very URL). And after the form's own submission (marked
  // in the history entry's state), only the fields whose value the new URL changed: what was
  // typed while the results were loading stays. A link ("Effacer", "Voir toutes les offres",
  // pages) or the back button sets every field.
  const shown = useRef({ key: location.key, params, sort });
  useEffect(() => {
    const f = form.current;
    const before = shown.current;
    shown.current = { key: location.key, params, sort };
    if (!f || before.key === location.key) return;
    const own = (location.state as { offerSearchForm?: boolean } | null)?.offerSearchForm === true;
    const ticked = (p: OfferSearchParams): Record<string, string[]> => ({
      filiere: p.filieres,
      categorie: p.categories,
      departement: p.departements,
      logement: p.housing ? ["1"] : [],
      teletravail: p.telework ? ["1"] : [],
    });
    const [was, now] = [ticked(before.params), ticked(params)];
    for (const box of f.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const on = (now[box.name] ?? []).includes(box.value);
      if (!own || (was[box.name] ?? []).includes(box.value) !== on) box.checked = on;
    }
    const set = (name: string, from: string, to: string) => {
      const field = f.elements.namedItem(name);
      if ((!own || from !== to) && (field instanceof HTMLInputElement || field instanceof HTMLSelectElement)) field.value = to;
    };
    set("q", before.params.q, params.q);
    set("rayon", String(before.params.radiusKm), String(params.radiusKm));
    set("tri", before.sort, sort);
  }, [location.key, location.state, params, sort]);

  const onChange = (event: ChangeEvent<HTMLFormElement>) => {
    // React types the target as the form; it is the field that changed.
    const target: EventTarget = event.target;
    const field = target instanceof HTMLInputElement ? target.type : target instanceof HTMLSelectElement ? "select" : "";
    // Typing in the text fields waits for Enter or the button; ticking and choosing apply at once.
    if (field === "checkbox" || field === "select") submit(event.currentTarget, { preventScrollReset: true, state: OWN_SUBMISSION });
  };

  return (
    <Form method="get" action="/offres" ref={form} state={OWN_SUBMISSION} onChange={onChange} className="offer-search-form" aria-label="Rechercher une offre">
      <div className="field">
        <label htmlFor="offres-q">Métier, compétence, collectivité…</label>
        <input id="offres-q" type="search" name="q" defaultValue={params.q} maxLength={200} />
      </div>
      <button type="submit">Rechercher</button>
      <FiltersDisclosure count={activeFilters(params)}>
      <CommunePicker
        key={params.communeCode}
        name="commune"
        label="Autour de la commune"
        defaultCode={params.communeCode}
        defaultLabel={communeLabel}
        error={communeError}
      />
      <div className="field">
        <label htmlFor={radiusId}>Dans un rayon de</label>
        <select id={radiusId} name="rayon" defaultValue={String(params.radiusKm)}>
          {OFFER_RADII_KM.map((km) => <option key={km} value={km}>{km} km</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={sortId}>Trier par</label>
        <select id={sortId} name="tri" defaultValue={sort}>
          {OFFER_SORTS.map((s) => <option key={s} value={s}>{OFFER_SORT_LABEL[s]}</option>)}
        </select>
      </div>

      {facets ? (
        <div className="facets">
          <h2>Affiner</h2>
          <fieldset className="facet">
            <legend>Conditions</legend>
            <ul className="facet-options">
              <FacetCheckbox name="logement" value={facets.housing} />
              <FacetCheckbox name="teletravail" value={facets.telework} />
            </ul>
          </fieldset>
          <FacetGroup legend="Filière" name="filiere" values={facets.filiere} />
          <FacetGroup legend="Catégorie" name="categorie" values={facets.categorie} />
          <FacetGroup legend="Département" name="departement" values={facets.departement} shown={DEPARTEMENTS_SHOWN} />
          <button type="submit">Appliquer les filtres</button>
        </div>
      ) : <button type="submit">Appliquer les filtres</button>}
      </FiltersDisclosure>
      <p>
        <Link to="/offres">Effacer la recherche et les filtres</Link>
      </p>
    </Form>
  );
}
