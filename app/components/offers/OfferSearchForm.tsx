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

  // Uncontrolled fields keep what was typed or ticked when the URL changes another way (back
  // button, "Effacer la recherche"), and React does not carry a new defaultChecked to the DOM:
  // set them from the search the new URL carries.
  useEffect(() => {
    const f = form.current;
    if (!f) return;
    const ticked: Record<string, string[]> = {
      filiere: params.filieres,
      categorie: params.categories,
      departement: params.departements,
      logement: params.housing ? ["1"] : [],
      teletravail: params.telework ? ["1"] : [],
    };
    for (const box of f.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = (ticked[box.name] ?? []).includes(box.value);
    const set = (name: string, value: string) => {
      const field = f.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    };
    set("q", params.q);
    set("rayon", String(params.radiusKm));
    set("tri", sort);
  }, [location.key, params, sort]);

  const onChange = (event: ChangeEvent<HTMLFormElement>) => {
    // React types the target as the form; it is the field that changed.
    const target: EventTarget = event.target;
    const field = target instanceof HTMLInputElement ? target.type : target instanceof HTMLSelectElement ? "select" : "";
    // Typing in the text fields waits for Enter or the button; ticking and choosing apply at once.
    if (field === "checkbox" || field === "select") submit(event.currentTarget, { preventScrollReset: true });
  };

  return (
    <Form method="get" action="/offres" ref={form} onChange={onChange} className="offer-search-form" aria-label="Rechercher une offre">
      <div className="field">
        <label htmlFor="offres-q">Métier, compétence, collectivité…</label>
        <input id="offres-q" type="search" name="q" defaultValue={params.q} maxLength={200} />
      </div>
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
      <button type="submit">Rechercher</button>

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
      ) : null}
      <p>
        <Link to="/offres">Effacer la recherche et les filtres</Link>
      </p>
    </Form>
  );
}
