import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { OffersForYou } from "~/components/matching/OffersForYou";
import { candidateSummary } from "~/domain/dashboard.server";
import { offersForCandidate } from "~/domain/match-pages.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Mon espace candidat — Vivier" }];

const VISIBILITY: Record<string, string> = {
  HIDDEN: "caché (personne ne vous trouve dans le vivier)",
  ANONYMOUS: "anonyme (les consultants voient un profil sans votre identité)",
  VISIBLE: "visible des consultants",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  return json({ name: user.name, summary: await candidateSummary(user), offers: await offersForCandidate(user) });
}

export default function CandidateHome() {
  const { name, summary, offers } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Bonjour {name}</h1>
      <div className="cards">
        <section className="card" aria-labelledby="k-profil">
          <h2 id="k-profil">Mon profil</h2>
          {summary.hasProfile ? (
            <p>Visibilité : {VISIBILITY[summary.visibility] ?? summary.visibility}.</p>
          ) : (
            <p>Vous n’avez pas encore de profil. Il reste caché tant que vous ne décidez pas qui peut le voir.</p>
          )}
          <p><Link to="/candidat/profil">{summary.hasProfile ? "Modifier mon profil" : "Compléter mon profil"}</Link></p>
        </section>
        <section className="card" aria-labelledby="k-cand">
          <h2 id="k-cand">Mes candidatures</h2>
          <p>{summary.applications} candidature(s) en cours.</p>
          <p><Link to="/candidat/candidatures">Suivre mes candidatures</Link></p>
        </section>
        <section className="card" aria-labelledby="k-contacts">
          <h2 id="k-contacts">Propositions des cabinets</h2>
          <p>{summary.pendingContacts} proposition(s) en attente de votre réponse.</p>
          <p><Link to="/candidat/contacts">Voir les propositions</Link></p>
        </section>
        <section className="card" aria-labelledby="k-missions">
          <h2 id="k-missions">Missions avec les cabinets</h2>
          <p>
            {summary.missions} mission(s) en cours ou passée(s)
            {summary.pendingConsents ? `, ${summary.pendingConsents} demande(s) d’accord en attente de votre réponse` : ""}.
          </p>
          <p><Link to="/candidat/missions">Suivre mes missions</Link></p>
          <p><Link to="/candidat/references">Mes références</Link> · <Link to="/candidat/journal">Qui a vu mon identité</Link></p>
        </section>
      </div>
      <OffersForYou state={offers.state} offers={offers.offers} />
    </>
  );
}
