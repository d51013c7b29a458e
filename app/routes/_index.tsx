import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { getSessionUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [
  { title: "Vivier — le recrutement des cadres des collectivités territoriales" },
  { name: "description", content: "Collectivités, cabinets et candidats : recruter les cadres territoriaux, y compris dans les petites communes, en toute confidentialité." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ signedIn: !!(await getSessionUser(request)) });
}

export default function Landing() {
  const { signedIn } = useLoaderData<typeof loader>();
  return (
    <>
      <PublicHeader signedIn={signedIn} />
      <main id="contenu" className="landing" tabIndex={-1}>
        <section className="hero">
          <div className="container">
            <h1>Recruter les cadres qui feront vivre nos territoires</h1>
            <p className="lead">
              Plus de la moitié des collectivités peinent à attirer des cadres. Vivier réunit les employeurs
              territoriaux, les cabinets de recrutement et les candidats autour de postes décrits tels qu’ils
              se vivent : rémunération, logement, mobilité, cadre de vie.
            </p>
            <div className="actions">
              <Link className="button" to="/offres">Voir les offres</Link>
              <Link className="button button-secondary" to="/inscription">Créer mon profil candidat</Link>
              <Link to="/connexion">Se connecter</Link>
            </div>
          </div>
        </section>
        <section className="container" aria-labelledby="publics">
          <h2 id="publics">Pour qui ?</h2>
          <div className="cards">
            <article className="card">
              <h3>Collectivités</h3>
              <p>
                Communes, intercommunalités, départements et régions décrivent leurs postes avec tout ce qui décide
                un candidat à venir : salaire et régime indemnitaire, logement, transports, télétravail, projets du
                territoire. Avant toute recherche, le comité s’accorde sur les critères et leur poids.
              </p>
            </article>
            <article className="card">
              <h3>Cabinets de recrutement</h3>
              <p>
                Les consultants mesurent le marché (combien de profils, où, quelles compétences sont rares),
                recherchent dans le vivier, conduisent des listes restreintes confidentielles et accompagnent
                l’intégration des lauréats.
              </p>
            </article>
            <article className="card">
              <h3>Candidats</h3>
              <p>
                Votre démarche reste confidentielle : votre employeur actuel ne vous voit jamais, votre identité
                n’est transmise qu’avec votre accord, et vous pouvez poser au consultant les questions que vous
                ne poseriez pas à l’employeur.
              </p>
              <p><Link to="/inscription">Créer mon profil</Link></p>
            </article>
          </div>
        </section>
      </main>
      <SiteFooter />
    </>
  );
}
