import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PublicPage } from "~/components/PublicPage";

export const meta: MetaFunction = () => [{ title: "Mentions légales — Vivier" }];

export default function LegalNotice() {
  return (
    <PublicPage>
      <h1>Mentions légales</h1>
      <h2>Éditeur</h2>
      <p>
        Vivier est édité par l’organisme qui exploite ce portail pour les collectivités territoriales qui y recrutent. Son
        nom, son adresse et le nom du directeur ou de la directrice de la publication figurent dans la convention qui lie
        chaque collectivité et chaque cabinet au portail, et sont communiqués sur simple demande à l’adresse de contact
        ci-dessous.
      </p>
      <h2>Hébergement</h2>
      <p>
        Le portail, sa base de données et son moteur de recherche sont hébergés sur le même serveur, en France. Aucune donnée
        n’est confiée à un service tiers : ni mesure d’audience, ni police de caractères, ni script extérieur.
      </p>
      <h2>Contact</h2>
      <p>
        Pour toute question sur le portail, sur vos données ou sur son accessibilité, écrivez à l’adresse indiquée dans votre
        espace ou dans les courriels que le portail vous envoie. Voir aussi <Link to="/donnees-personnelles">Données personnelles</Link>{" "}
        et <Link to="/accessibilite">Accessibilité</Link>.
      </p>
      <h2>Données réutilisées</h2>
      <ul>
        <li>Communes, intercommunalités, départements et régions : découpage administratif officiel publié par Etalab.</li>
        <li>Points des communes : La Poste, « Base officielle des codes postaux » (data.gouv.fr, licence ODbL) et GeoNames (CC BY 4.0).</li>
        <li>Filières, cadres d’emplois, grades et emplois fonctionnels : textes officiels de la fonction publique territoriale.</li>
      </ul>
      <h2>Propriété intellectuelle</h2>
      <p>
        Les offres appartiennent aux collectivités qui les publient ; les profils et les candidatures, aux personnes qui les
        déposent. Leur reproduction hors du portail n’est pas autorisée.
      </p>
    </PublicPage>
  );
}
