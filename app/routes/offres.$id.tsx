import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { JsonLd } from "~/components/positions/JsonLd";
import { OfferKeyFacts, OfferSections } from "~/components/positions/OfferDetails";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { portalUrl } from "~/domain/links.server";
import { getOffer, offerJsonLd } from "~/domain/positions.server";
import { notFound } from "~/utils/auth.server";
import { getSessionUser } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data
    ? [
        { title: `${data.offer.title} — ${data.offer.organizationName} — Vivier` },
        { name: "description", content: `${data.offer.title} à ${data.offer.commune.name} : rémunération, logement, mobilité et vie sur le territoire.` },
      ]
    : [{ title: "Offre introuvable — Vivier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  // Drafts, closed, filled and confidential positions answer 404, as if they did not exist.
  const offer = await getOffer(params.id ?? "");
  if (!offer) throw notFound();
  const user = await getSessionUser(request);
  return json({
    offer,
    jsonLd: offerJsonLd(offer, portalUrl(`/offres/${offer.id}`)),
    viewer: user ? { role: user.role } : null,
  });
}

export default function OfferPage() {
  const { offer, jsonLd, viewer } = useLoaderData<typeof loader>();
  return (
    <>
      <PublicHeader signedIn={!!viewer} />
      <main id="contenu" className="container offer-page" tabIndex={-1}>
        <JsonLd data={jsonLd} />
        <p><Link to="/offres">← Toutes les offres</Link></p>
        <h1>{offer.title}</h1>
        <p className="offer-employer lead">
          {offer.organizationName === offer.commune.name ? offer.organizationName : `${offer.organizationName} — ${offer.commune.name}`}
          {offer.commune.departementName ? ` (${offer.commune.departementName})` : ""}
        </p>
        {offer.publishedAt ? <p className="muted">Publiée le {formatDate(offer.publishedAt)}</p> : null}
        <OfferKeyFacts offer={offer} />
        {/* « Postuler » at the top as at the bottom: the long offer need not be scrolled first. */}
        <p className="offer-apply-top">
          {viewer?.role === "CANDIDATE" ? (
            <Link className="button" to={`/offres/${offer.id}/postuler`}>Postuler</Link>
          ) : (
            <a className="button" href="#offre-candidater">Postuler</a>
          )}
        </p>
        <OfferSections offer={offer} />
        <section aria-labelledby="offre-candidater" className="card apply-card">
          <h2 id="offre-candidater">Candidater</h2>
          {viewer?.role === "CANDIDATE" ? (
            <p>
              <Link className="button" to={`/offres/${offer.id}/postuler`}>Postuler à cette offre</Link>{" "}
              Votre employeur actuel n’en saura rien.
            </p>
          ) : viewer ? (
            <p className="muted">Les candidatures se font depuis un compte candidat.</p>
          ) : (
            <p>
              Pour postuler, <Link to="/inscription">créez votre profil candidat</Link> ou{" "}
              <Link to={`/connexion?redirectTo=${encodeURIComponent(`/offres/${offer.id}/postuler`)}`}>connectez-vous</Link>.
              Votre démarche reste confidentielle.
            </p>
          )}
        </section>
      </main>
      <SiteFooter />
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
