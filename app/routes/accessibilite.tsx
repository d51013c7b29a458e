import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PublicPage } from "~/components/PublicPage";

export const meta: MetaFunction = () => [{ title: "Déclaration d’accessibilité — Vivier" }];

/**
 * The declaration the law asks of a public service's site (article 47 of loi n° 2005-102, décret
 * n° 2019-768), in the RGAA's template. No full audit by a third party has been made: the status
 * is therefore « non conforme », whatever the automatic checks find.
 */
export default function Accessibility() {
  return (
    <PublicPage>
      <h1>Déclaration d’accessibilité</h1>
      <p>
        L’organisme qui exploite Vivier s’engage à rendre le portail accessible conformément à l’article 47 de la loi
        n° 2005-102 du 11 février 2005. Cette déclaration s’applique à l’ensemble du portail Vivier.
      </p>
      <h2>État de conformité</h2>
      <p>
        <strong>Vivier est non conforme</strong> au référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1 :
        aucun audit complet de conformité n’a encore été réalisé.
      </p>
      <h2>Ce qui est vérifié</h2>
      <ul>
        <li>Chaque page du portail est contrôlée automatiquement à chaque version (axe-core) : aucune erreur grave ou critique n’est acceptée.</li>
        <li>Chaque page s’affiche sans défilement horizontal sur un écran de 390 pixels de large comme sur un écran de bureau.</li>
        <li>Les formulaires fonctionnent sans JavaScript, leurs erreurs sont annoncées en français et reliées à leur champ.</li>
        <li>Chaque page a un titre, une zone principale et un lien d’évitement « Aller au contenu » ; le focus est toujours visible.</li>
      </ul>
      <h2>Contenus non accessibles</h2>
      <ul>
        <li>La carte de faisabilité de l’espace cabinet n’a pas encore été vérifiée avec un lecteur d’écran.</li>
        <li>Les CV déposés par les candidats sont des PDF dont le portail ne contrôle pas l’accessibilité.</li>
      </ul>
      <h2>Établissement de cette déclaration</h2>
      <p>Cette déclaration a été établie le 30 novembre 2026, à partir des contrôles automatiques ci-dessus.</p>
      <h2>Retour d’information et contact</h2>
      <p>
        Si vous n’arrivez pas à accéder à un contenu ou à un service, écrivez à l’adresse de contact des{" "}
        <Link to="/mentions-legales">mentions légales</Link> : nous vous répondrons et vous transmettrons le contenu sous une
        autre forme.
      </p>
      <h2>Voies de recours</h2>
      <p>
        Si vous constatez un défaut d’accessibilité qui vous empêche d’accéder à un contenu ou à un service du portail, que
        vous nous l’avez signalé et que vous n’avez pas obtenu de réponse satisfaisante, vous pouvez écrire au Défenseur des
        droits, contacter le délégué ou la déléguée du Défenseur des droits de votre région, ou écrire par courrier (gratuit,
        sans timbre) à : Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07.
      </p>
    </PublicPage>
  );
}
