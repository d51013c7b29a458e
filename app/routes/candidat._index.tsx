import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NextActions, SinceLastVisit, type HomeItem } from "~/components/HomeLists";
import { OffersForYou } from "~/components/matching/OffersForYou";
import { plural } from "~/components/ui/plural";
import { candidateHome, openHome } from "~/domain/home.server";
import { offersForCandidate } from "~/domain/match-pages.server";
import { sinceQuery } from "~/schemas/since";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Mon espace candidat — Vivier" }];

const VISIBILITY: Record<string, string> = {
  HIDDEN: "caché (personne ne vous trouve dans le vivier)",
  ANONYMOUS: "anonyme (les consultants voient un profil sans votre identité)",
  VISIBLE: "visible des consultants",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const since = await openHome(user);
  const [home, offers] = await Promise.all([candidateHome(user, since), offersForCandidate(user)]);
  return json({ name: user.name, since: since.toISOString(), home, offers });
}

export default function CandidateHome() {
  const { name, since, home, offers } = useLoaderData<typeof loader>();
  const q = sinceQuery(since);
  const news: HomeItem[] = [
    ...(home.answered ? [{ key: "answered", to: `/candidat/candidatures?${q}`, text: plural(home.answered, "réponse à vos candidatures", "réponses à vos candidatures") }] : []),
    ...(home.messages ? [{ key: "messages", to: `/candidat/messages?${q}`, text: plural(home.messages, "nouveau message d’un consultant", "nouveaux messages des consultants") }] : []),
    ...(home.proposals ? [{ key: "proposals", to: `/candidat/contacts?${q}`, text: plural(home.proposals, "nouvelle proposition d’un cabinet", "nouvelles propositions des cabinets") }] : []),
  ];
  const next: HomeItem[] = [
    ...(home.hasProfile ? [] : [{ key: "profile", to: "/candidat/profil", text: "Compléter mon profil" }]),
    ...(home.pendingProposals ? [{ key: "pending", to: "/candidat/contacts?statut=en-attente", text: plural(home.pendingProposals, "proposition attend votre réponse", "propositions attendent votre réponse") }] : []),
    ...(home.pendingPresentations ? [{ key: "present", to: "/candidat/presentations", text: plural(home.pendingPresentations, "demande de présentation à une collectivité", "demandes de présentation à une collectivité") }] : []),
    ...(home.pendingConsents ? [{ key: "consents", to: "/candidat/missions", text: plural(home.pendingConsents, "demande d’accord pour contacter vos références", "demandes d’accord pour contacter vos références") }] : []),
  ];
  return (
    <>
      <h1>Bonjour {name}</h1>
      <div className="home-top">
        <SinceLastVisit since={since} items={news} />
        <NextActions items={next} empty="Aucune réponse ne vous est demandée pour le moment." />
      </div>
      <div className="cards">
        <section className="card" aria-labelledby="k-profil">
          <h2 id="k-profil">Mon profil</h2>
          {home.hasProfile ? (
            <p>Visibilité : {VISIBILITY[home.visibility] ?? home.visibility}.</p>
          ) : (
            <p>Vous n’avez pas encore de profil. Il reste caché tant que vous ne décidez pas qui peut le voir.</p>
          )}
          <p><Link to="/candidat/profil">{home.hasProfile ? "Modifier mon profil" : "Compléter mon profil"}</Link></p>
        </section>
        <section className="card" aria-labelledby="k-cand">
          <h2 id="k-cand">Mes candidatures</h2>
          <ul className="home-list home-counts">
            <li><Link to="/candidat/candidatures">{plural(home.applications, "candidature en cours", "candidatures en cours")}</Link></li>
          </ul>
        </section>
        <section className="card" aria-labelledby="k-missions">
          <h2 id="k-missions">Avec les cabinets</h2>
          <ul className="home-list home-counts">
            <li><Link to="/candidat/missions">{plural(home.missions, "mission en cours ou passée", "missions en cours ou passées")}</Link></li>
          </ul>
          <p><Link to="/candidat/references">Mes références</Link> · <Link to="/candidat/journal">Qui a vu mon identité</Link></p>
        </section>
      </div>
      <OffersForYou state={offers.state} offers={offers.offers} />
    </>
  );
}
