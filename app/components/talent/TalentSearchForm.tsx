import { FiltersDisclosure } from "~/components/ui/FiltersDisclosure";
import { useEffect, useRef, type Ref } from "react";
import { Form, Link, useLocation } from "@remix-run/react";
import { CommunePicker } from "~/components/ui/CommunePicker";
import { Field, Select } from "~/components/ui/Field";
import type { FacetGroup, FacetOption } from "~/domain/talent-search.server";
import {
  FACET_SHOWN_OPTIONS, RADII, TALENT_SORTS, TALENT_SORT_LABEL, UNFOLD_PARAM,
  type TalentSearch, type TalentSearchErrors, type TalentSearchNotes,
} from "~/schemas/talent-search";
import { formatInt } from "./format";

/**
 * The talent search as a GET form: submitting it writes the whole search into the URL, so that
 * the page works without JavaScript, can be shared, and the back button restores it. The facet
 * panel sits outside the <form> element (the results lie between) and joins it through the
 * inputs' `form` attribute. Both are keyed by the URL by the page, so that going back re-renders
 * them from the URL rather than keeping what was ticked.
 */

export const TALENT_FORM_ID = "recherche-vivier";

export function TalentSearchBar({
  search,
  errors,
  notes,
  communeLabel,
  missions,
}: {
  search: TalentSearch;
  errors: TalentSearchErrors;
  notes: TalentSearchNotes;
  communeLabel: string;
  missions: Array<{ id: string; label: string }>;
}) {
  return (
    <Form method="get" id={TALENT_FORM_ID} className="talent-bar" role="search" aria-label="Rechercher dans le vivier">
      <Field
        label="Mots-clés"
        name="q"
        type="search"
        defaultValue={search.q}
        hint="Fonction, compétence, cadre d’emplois, grade… (exemple : urbanisme, DGS, finances)"
        maxLength={200}
        className="talent-q"
      />
      <CommunePicker name="commune" label="Autour de la commune" defaultCode={search.commune ?? ""} defaultLabel={communeLabel} error={errors.commune} />
      <Select label="Rayon" name="radius" defaultValue={String(search.radius)} hint={notes.radius}>
        {[...new Set([...RADII, search.radius])].sort((a, b) => a - b).map((r) => (
          <option key={r} value={r}>{r} km</option>
        ))}
      </Select>
      <Select label="Trier par" name="sort" defaultValue={search.sort} error={errors.sort} hint={search.commune ? undefined : "La distance demande une commune."}>
        {TALENT_SORTS.map((s) => (
          <option key={s} value={s}>{TALENT_SORT_LABEL[s]}</option>
        ))}
      </Select>
      {missions.length ? (
        <Select label="Pour la mission" name="mission" defaultValue={search.mission ?? ""}>
          <option value="">Aucune mission en particulier</option>
          {missions.map((m) => (
            <option key={m.id} value={m.id}>{m.label}</option>
          ))}
        </Select>
      ) : null}
      <div className="talent-bar-submit">
        <button type="submit">Rechercher</button>
      </div>
    </Form>
  );
}

function FacetCheckbox({ name, option, inputRef }: { name: string; option: FacetOption; inputRef?: Ref<HTMLInputElement> }) {
  const id = `f-${name}-${option.value}`;
  return (
    <div className="field field-check">
      <input ref={inputRef} type="checkbox" id={id} name={name} value={option.value} defaultChecked={option.selected} form={TALENT_FORM_ID} />
      <label htmlFor={id}>
        {option.label} <span className="facet-count">({formatInt(option.count)})</span>
      </label>
    </div>
  );
}

/** This page's address with the facet unfolded (`unfold`) or folded again. */
function unfoldHref(search: string, name: string, unfold: boolean): string {
  const params = new URLSearchParams(search);
  const others = params.getAll(UNFOLD_PARAM).filter((v) => v !== name);
  params.delete(UNFOLD_PARAM);
  for (const v of unfold ? [...others, name] : others) params.append(UNFOLD_PARAM, v);
  return `?${params.toString()}`;
}

/** Set on the link that unfolds a facet: the page then moves the focus to its first new value. */
type UnfoldState = { unfolded?: string };

/**
 * A facet's checkboxes: its first values, then « Afficher les N autres choix », a link to the
 * same search with the facet unfolded (the page and its data carry only the values shown). After
 * that link, the keyboard focus lands on the first value it revealed.
 */
function FacetFieldset({ group }: { group: FacetGroup }) {
  const location = useLocation();
  const firstNew = useRef<HTMLInputElement>(null);
  const justUnfolded = (location.state as UnfoldState | null)?.unfolded === group.name;
  useEffect(() => {
    const input = firstNew.current;
    if (!justUnfolded || !input) return;
    // On a phone the filters are folded again by the new page (FiltersDisclosure): reopen them.
    const disclosure = input.closest("details");
    if (disclosure) disclosure.open = true;
    input.focus();
  }, [justUnfolded]);
  if (group.options.length === 0) return null;
  return (
    <fieldset className="facet" id={`facette-${group.name}`}>
      <legend>{group.label}</legend>
      {group.options.map((o, i) => (
        <FacetCheckbox key={o.value} name={group.name} option={o} inputRef={i === FACET_SHOWN_OPTIONS ? firstNew : undefined} />
      ))}
      {group.more > 0 ? (
        <Link className="facet-more" to={unfoldHref(location.search, group.name, true)} state={{ unfolded: group.name } satisfies UnfoldState} preventScrollReset>
          {group.more === 1 ? "Afficher 1 autre choix" : `Afficher les ${formatInt(group.more)} autres choix`}
          <span className="visually-hidden"> ({group.label})</span>
        </Link>
      ) : null}
      {group.unfolded ? (
        <>
          <input type="hidden" name={UNFOLD_PARAM} value={group.name} form={TALENT_FORM_ID} />
          <Link className="facet-more" to={unfoldHref(location.search, group.name, false)} preventScrollReset>
            Afficher moins de choix<span className="visually-hidden"> ({group.label})</span>
          </Link>
        </>
      ) : null}
    </fieldset>
  );
}

export function TalentFacetPanel({
  search,
  errors,
  facets,
  toggles,
}: {
  search: TalentSearch;
  errors: TalentSearchErrors;
  facets: FacetGroup[];
  toggles: { needsHousing: number; relocation: number };
}) {
  return (
    <aside className="talent-facets" aria-labelledby="filtres-titre">
      <FiltersDisclosure count={facets.reduce((n, g) => n + g.options.filter((o) => o.selected).length, 0) + (search.needsHousing ? 1 : 0) + (search.relocation ? 1 : 0) + (search.salaryMin !== null ? 1 : 0) + (search.salaryMax !== null ? 1 : 0)}>
      <h2 id="filtres-titre">Affiner</h2>
      {facets.map((g) => <FacetFieldset key={g.name} group={g} />)}
      <fieldset className="facet">
        <legend>Logement et mobilité</legend>
        <div className="field field-check">
          <input type="checkbox" id="f-needsHousing" name="needsHousing" value="1" defaultChecked={search.needsHousing} form={TALENT_FORM_ID} />
          <label htmlFor="f-needsHousing">Cherche un logement <span className="facet-count">({formatInt(toggles.needsHousing)})</span></label>
        </div>
        <div className="field field-check">
          <input type="checkbox" id="f-relocation" name="relocation" value="1" defaultChecked={search.relocation} form={TALENT_FORM_ID} />
          <label htmlFor="f-relocation">Déménagement envisagé <span className="facet-count">({formatInt(toggles.relocation)})</span></label>
        </div>
      </fieldset>
      <fieldset className="facet">
        <legend>Concours</legend>
        <div className="field field-check">
          <input type="checkbox" id="f-laureat" name="laureat" value="1" defaultChecked={search.laureat} form={TALENT_FORM_ID} />
          <label htmlFor="f-laureat">Lauréat(e) de concours, inscrit(e) sur liste d’aptitude</label>
        </div>
      </fieldset>
      <fieldset className="facet">
        <legend>Prétention salariale</legend>
        <p className="hint">En euros bruts par an. Les profils sans prétention indiquée sont écartés dès qu’un montant est saisi.</p>
        <Field label="Au moins" name="salaryMin" inputMode="numeric" defaultValue={search.salaryMin ?? ""} error={errors.salaryMin} form={TALENT_FORM_ID} />
        <Field label="Au plus" name="salaryMax" inputMode="numeric" defaultValue={search.salaryMax ?? ""} error={errors.salaryMax} form={TALENT_FORM_ID} />
      </fieldset>
      <div className="actions">
        <button type="submit" form={TALENT_FORM_ID}>Appliquer les filtres</button>
        <Link to={search.mission ? `?mission=${encodeURIComponent(search.mission)}` : "?"}>Tout effacer</Link>
      </div>
      </FiltersDisclosure>
    </aside>
  );
}
