import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { CandidateHitList } from "~/components/talent/CandidateHitList";
import { SaveSearchForm } from "~/components/talent/SaveSearchForm";
import { TalentFacetPanel, TalentSearchBar } from "~/components/talent/TalentSearchForm";
import { formatDayTime, plural } from "~/components/talent/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert } from "~/components/ui/Field";
import { Pagination } from "~/components/ui/Table";
import { profilesOnMission } from "~/domain/shortlist-search.server";
import { addToShortlist } from "~/domain/shortlists.server";
import { describeTalentSearch, talentSearchPage, type TalentSearchView } from "~/domain/talent-search.server";
import { isEmptyTalentSearch, parseTalentSearch, talentSearchQuery, unfoldedFacets, type TalentSearch } from "~/schemas/talent-search";
import { ID } from "~/schemas/mission";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { rememberTalentView, talentView, TALENT_VIEWS, type TalentView } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.search.q ? `« ${data.search.q} » — Vivier — Cabinet` : "Vivier — Cabinet" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const url = new URL(request.url);
  const { search, errors, notes } = parseTalentSearch(url.searchParams);
  const page = await talentSearchPage(user, search, errors, { unfolded: unfoldedFacets(url.searchParams) });
  // Set by "Relancer" on a saved search: the profiles active since its previous run are marked.
  const since = Number(url.searchParams.get("depuis"));
  return json(
    {
      search,
      query: talentSearchQuery(search, { page: false }),
      suggestedName: describeTalentSearch(search).join(", ").slice(0, 80) || "Tout le vivier",
      since: Number.isSafeInteger(since) && since > 0 ? since : null,
      notes,
      onMission: await profilesOnMission(user, page.mission?.id ?? null, page.result?.hits.map((h) => h.id) ?? []),
      view: await talentView(request),
      ...page,
    },
    { status: page.result ? 200 : 503 },
  );
}

/**
 * « Fiches » / « Liste compacte »: the view is remembered (a cookie) and the same search shown
 * again. « Ajouter à la mission » on a card: the candidate enters the mission's list as identifié.
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  if (form.get("intent") === "view") {
    const view = TALENT_VIEWS.find((v) => v === form.get("view")) ?? "cards";
    // Back to the same search: only a query string of this page, never another address.
    const url = new URL(request.url);
    return redirect(`/cabinet/vivier${url.search}`, { headers: { "Set-Cookie": await rememberTalentView(view) } });
  }
  const missionId = ID.safeParse(form.get("missionId") ?? "");
  const profileId = ID.safeParse(form.get("profileId") ?? "");
  if (!missionId.success || !profileId.success) return json({ added: null, error: "Choisissez une mission et un profil." }, { status: 400 });
  const r = await addToShortlist(user, missionId.data, profileId.data);
  if (!r.ok) return json({ added: null, error: r.error }, { status: r.status });
  return json({ added: profileId.data, entryId: r.entryId, error: null });
}

function statusLine(result: TalentSearchView, search: TalentSearch, commune: { label: string } | null): string {
  if (result.totalHits === 0) return "Aucun profil ne correspond à cette recherche.";
  const count = result.totalIsCapped ? `Plus de ${plural(result.totalHits, "profil")}` : plural(result.totalHits, "profil");
  const what = search.q ? ` pour « ${search.q} »` : "";
  const where = commune ? ` à moins de ${search.radius} km de ${commune.label}` : "";
  const order = result.sort === "recent" ? ", les plus récemment actifs d’abord" : result.sort === "distance" ? ", les plus proches d’abord, par tranches de distance" : "";
  const pages = result.totalPages > 1 ? ` Page ${result.page} sur ${result.totalPages}.` : "";
  return `${count}${what}${where}${order}.${pages}`;
}

/**
 * Two buttons, the pressed one the view shown (aria-pressed): a form, so that it works by
 * keyboard and without JavaScript, posted to this page's own address (the same search).
 */
function ViewToggle({ view }: { view: TalentView }) {
  return (
    <Form method="post" className="talent-view" aria-label="Affichage des résultats" preventScrollReset>
      <CsrfField />
      <input type="hidden" name="intent" value="view" />
      <span className="small">Affichage :</span>
      <button type="submit" name="view" value="cards" className="button-secondary" aria-pressed={view === "cards"}>Fiches</button>
      <button type="submit" name="view" value="compact" className="button-secondary" aria-pressed={view === "compact"}>Liste compacte</button>
    </Form>
  );
}

export default function TalentPool() {
  const data = useLoaderData<typeof loader>();
  const { search, errors, notes, result, commune, mission, missions, since, onMission } = data;
  const added = useActionData<typeof action>();
  const addedHit = added?.added ? result?.hits.find((h) => h.id === added.added) : undefined;
  const location = useLocation();
  // Remounted at each URL: the back button shows the form as the URL says, not as it was left.
  const key = location.search;
  return (
    <>
      <div className="page-head">
        <h1>Vivier</h1>
        <Link to="/cabinet/recherches">Mes recherches enregistrées</Link>
      </div>
      <p className="muted">
        Les profils anonymes ne montrent ni nom, ni coordonnées, ni employeur. Un candidat qui a demandé à ne pas être
        montré à votre cabinet ou à l’un de ses clients n’apparaît jamais ici.
      </p>
      {mission ? (
        <p className="alert alert-info">
          Recherche pour la mission <Link to={`/cabinet/missions/${mission.id}`}>{mission.title}</Link> — {mission.collectiviteName}, {mission.communeLabel}.
        </p>
      ) : null}
      <TalentSearchBar key={`bar${key}`} search={search} errors={errors} notes={notes} communeLabel={commune?.label ?? ""} missions={missions} />
      {data.unavailable ? <FormAlert>{data.unavailable}</FormAlert> : null}
      {added?.error ? <FormAlert>{added.error}</FormAlert> : null}
      {added?.added && mission ? (
        <FormAlert tone="success">
          {addedHit ? (addedHit.visibility === "VISIBLE" && addedHit.name ? addedHit.name : addedHit.pseudonym) : "Le candidat"} est ajouté à la mission, à l’étape « Identifié ».{" "}
          {"entryId" in added && added.entryId ? <><Link to={`/cabinet/missions/${mission.id}/candidats/${added.entryId}`}>Voir sa fiche</Link> · </> : null}
          <Link to={`/cabinet/missions/${mission.id}`}>Voir la liste restreinte</Link>
        </FormAlert>
      ) : null}
      {result ? (
        <div className="talent-layout">
          <TalentFacetPanel key={`facets${key}`} search={search} errors={errors} facets={result.facets} toggles={result.toggles} />
          <section className="talent-results" aria-labelledby="resultats-titre">
            <h2 id="resultats-titre">Résultats</h2>
            <p role="status" className="talent-status">{statusLine(result, search, commune)}</p>
            {since !== null ? (
              <p className="muted">Les profils marqués « Nouveau » sont apparus ou ont été mis à jour depuis le {formatDayTime(since)}.</p>
            ) : null}
            {result.totalHits === 0 && !isEmptyTalentSearch(search) ? (
              <p>Élargissez le rayon, retirez un filtre ou essayez un autre mot-clé.</p>
            ) : null}
            {result.hits.length === 0 && result.totalHits > 0 ? (
              <p>
                Cette page de résultats n’existe pas (ou plus).{" "}
                <Link to={`?${new URLSearchParams([...new URLSearchParams(location.search)].filter(([k]) => k !== "page")).toString()}`}>Revenir à la première page</Link>
              </p>
            ) : null}
            {result.hits.length ? <ViewToggle view={data.view} /> : null}
            <CandidateHitList hits={result.hits} since={since} missionId={mission?.id ?? null} onMission={onMission} compact={data.view === "compact"} />
            {result.totalPages > 1 ? <Pagination page={result.page} pageCount={result.totalPages} search={location.search} label="Pages de résultats" /> : null}
            <details className="talent-save-box">
              <summary>Enregistrer cette recherche</summary>
              <SaveSearchForm key={`save${key}`} query={data.query} suggestedName={data.suggestedName} />
            </details>
          </section>
        </div>
      ) : null}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
