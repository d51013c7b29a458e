import type { MetaFunction } from "@remix-run/node";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";

export const meta: MetaFunction = () => [{ title: "Politique de confidentialité — Vivier" }];

export default function Privacy() {
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="contenu" className="container" tabIndex={-1}>
        <h1>Politique de confidentialité</h1>
        <p>
          Vivier met en relation des collectivités territoriales, des cabinets de recrutement et des candidats.
          Les données de votre profil servent uniquement à cette mise en relation.
        </p>
        <h2>Ce que voient les autres</h2>
        <ul>
          <li>Vous choisissez la visibilité de votre profil : caché, anonyme ou visible des consultants.</li>
          <li>Les employeurs ne consultent jamais le vivier : ils ne voient votre profil que si vous postulez chez eux ou si vous acceptez d’être présenté.</li>
          <li>Les organisations que vous excluez (« Ne pas me montrer à ») ne vous voient dans aucune page ni aucune recherche.</li>
        </ul>
        <h2>Vos droits</h2>
        <p>
          Depuis votre espace, vous pouvez télécharger toutes vos données et supprimer votre compte à tout moment ;
          vous disparaissez alors des recherches en moins d’une minute.
        </p>
      </main>
      <SiteFooter />
    </>
  );
}
