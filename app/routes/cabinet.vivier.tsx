import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { CsrfField } from "~/components/ui/CsrfField";
import { addToShortlist } from "~/domain/shortlists.server";
import { readForm } from "~/utils/csrf.server";
import { CandidateHitList } from "~/components/talent/CandidateHitList";
import { SaveSearchForm } from "~/components/talent/SaveSearchForm";
import { TalentFacetPanel, TalentSearchBar } from "~/components/talent/TalentSearchForm";
import { formatDayTime, plural } from "~/components/talent/format";
import { FormAlert } from "~/components/ui/Field";
import { Pagination } from "~/components/ui/Table";
import { describeTalentSearch, talentSearchPage, type TalentSearchView } from "~/domain/talent-search.server";
import { isEmptyTalentSearch, parseTalentSearch, talentSearchQuery, type TalentSearch } from "~/schemas/talent-search";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.search.q ? `« ${data.search.q} » — Vivier — Cabinet` : "Vivier — Cabinet" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const url = new URL(request.url);
  const { search, errors, notes } = parseTalentSearch(url.searchParams);
  const page = await talentSearchPage(user, search, errors);
  // Set by "Relancer" on a saved search: the profiles active since its previous run are marked.
  const since = Number(url.searchParams.get("depuis"));
  return json(
    {
      search,
      query: talentSearchQuery(search, { page: false }),
      suggestedName: describeTalentSearch(search).join(", ").slice(0, 80) || "Tout le vivier",
      since: Number.isSafeInteger(since) && since > 0 ? since : null,
      notes,
      ...page,
    },
    { status: page.result ? 200 : 503 },
  );
}

/**
 * « Ajouter à la mission » on a card of a search made for a mission: the profile enters the
 * mission's list as identifié (addToShortlist checks everything again).
 */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const missionId = String(form.get("missionId") ?? "");
  const added = await addToShortlist(user, missionId, String(form.get("profileId") ?? ""));
  if (!added.ok) return json({ added: null, error: added.error }, { status: added.status });
  return json({ added: { missionId, entryId: added.entryId }, error: null });
}

function AddToMission({ missionId, profileId, who }: { missionId: string; profileId: string; who: string }) {
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" className="inline" preventScrollReset>
      <CsrfField />
      <input type="hidden" name="missionId" value={missionId} />
      <input type="hidden" name="profileId" value={profileId} />
      <button type="submit" className="button-secondary" disabled={busy}>Ajouter à la mission<span className="visually-hidden"> : {who}</span></button>
    </Form>
  );
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

export default function TalentPool() {
  const data = useLoaderData<typeof loader>();
  const { search, errors, notes, result, commune, mission, missions, since } = data;
  const location = useLocation();
  const added = useActionData<typeof action>();
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
      {added?.error ? <FormAlert>{added.error}</FormAlert> : null}
      {added?.added ? (
        <FormAlert tone="success">
          Le candidat est ajouté à la mission. <Link to={`/cabinet/missions/${added.added.missionId}/candidats/${added.added.entryId}`}>Voir sa fiche</Link>
        </FormAlert>
      ) : null}
      <TalentSearchBar key={`bar${key}`} search={search} errors={errors} notes={notes} communeLabel={commune?.label ?? ""} missions={missions} />
      {data.unavailable ? <FormAlert>{data.unavailable}</FormAlert> : null}
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
            <CandidateHitList hits={result.hits} since={since} missionId={mission?.id ?? null}
              actions={mission ? (hit) => <AddToMission missionId={mission.id} profileId={hit.id} who={hit.visibility === "VISIBLE" && hit.name ? hit.name : hit.pseudonym} /> : undefined} />
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
