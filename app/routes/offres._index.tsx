import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { OfferSearchForm } from "~/components/offers/OfferSearchForm";
import offersStyles from "~/components/offers/offers.css";
import { OfferList } from "~/components/positions/OfferList";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { Pagination } from "~/components/ui/Table";
import { offerSearchLoader } from "~/domain/offer-search.server";
import type { OfferSearchResult } from "~/domain/search-results";
import { effectiveSort, isNarrowed } from "~/schemas/offer-search";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: offersStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.params.q ? `« ${data.params.q} » — Offres d’emploi des collectivités — Vivier` : "Offres d’emploi des collectivités — Vivier" },
  { name: "description", content: "Les postes ouverts par les collectivités territoriales, avec leur rémunération, le logement, la mobilité et la vie sur le territoire." },
];

export const loader = (args: LoaderFunctionArgs) => offerSearchLoader(args);

const offers = (n: number) => `${n} offre${n > 1 ? "s" : ""}`;

function statusLine(result: OfferSearchResult, q: string, narrowed: boolean): string {
  if (result.total === 0) return narrowed ? "Aucune offre ne correspond à votre recherche." : "Aucune offre publiée pour le moment.";
  const what = q ? `${offers(result.total)} pour « ${q} »` : `${offers(result.total)} publiée${result.total > 1 ? "s" : ""}`;
  const where = result.near ? ` à moins de ${result.near.radiusKm} km de ${result.near.name}` : "";
  const order = result.sort === "recentes" ? ", les plus récentes d’abord" : result.sort === "distance" ? ", les plus proches d’abord" : "";
  const page = result.pageCount > 1 ? ` Page ${result.page} sur ${result.pageCount}.` : "";
  return `${what}${where}${order}.${page}`;
}

export default function Offers() {
  const { params, result, communeError, communeLabel, signedIn } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  const narrowed = isNarrowed(params);
  return (
    <>
      <PublicHeader signedIn={signedIn} />
      <main id="contenu" className="container" tabIndex={-1}>
        <h1>Offres d’emploi des collectivités</h1>
        <div className="offer-search">
          <OfferSearchForm
            params={params}
            facets={result?.facets ?? null}
            sort={result?.sort ?? effectiveSort(params)}
            communeLabel={communeLabel}
            communeError={communeError}
          />
          <section aria-labelledby="offres-resultats">
            <h2 id="offres-resultats" className="visually-hidden">Résultats</h2>
            {result ? (
              <>
                <p className="muted offer-results-status" role="status">{statusLine(result, params.q, narrowed)}</p>
                {result.total === 0 ? (
                  <div className="alert alert-info">
                    {narrowed ? (
                      <p>
                        Vérifiez l’orthographe, retirez un filtre ou élargissez le rayon autour de la commune.{" "}
                        <Link to="/offres">Voir toutes les offres</Link>
                      </p>
                    ) : (
                      <p>Revenez bientôt : les collectivités publient leurs postes ici.</p>
                    )}
                  </div>
                ) : result.hits.length === 0 ? (
                  <p>
                    Cette page est au-delà des résultats. <Link to={`?${withPage(search, 1)}`}>Revenir à la première page</Link>
                  </p>
                ) : (
                  <OfferList offers={result.hits} headingLevel={3} />
                )}
                {result.pageCount > 1 && result.hits.length > 0 ? (
                  <Pagination page={result.page} pageCount={result.pageCount} search={search} label="Pages des résultats" />
                ) : null}
              </>
            ) : (
              <div className="alert alert-error" role="alert">
                <p>La recherche d’offres est momentanément indisponible.</p>
                <p>Nous y travaillons : réessayez dans quelques instants. Les offres publiées restent accessibles dès le retour du service.</p>
              </div>
            )}
          </section>
        </div>
      </main>
      <SiteFooter />
    </>
  );
}

function withPage(search: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page > 1) params.set("page", String(page));
  else params.delete("page");
  return params.toString();
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
