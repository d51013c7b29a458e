import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PublicPage } from "~/components/PublicPage";

export const meta: MetaFunction = () => [{ title: "Données personnelles — Vivier" }];

export default function PersonalData() {
  return (
    <PublicPage>
      <h1>Données personnelles</h1>
      <p>
        Cette page dit quelles données le portail traite, pourquoi, combien de temps et comment exercer vos droits (règlement
        général sur la protection des données, RGPD, et loi Informatique et Libertés). Ce que chacun voit de vous est résumé
        dans la <Link to="/confidentialite">politique de confidentialité</Link>.
      </p>
      <h2>Ce que le portail traite, et pourquoi</h2>
      <ul>
        <li><strong>Candidats</strong> : le profil, les CV, les candidatures, les échanges avec les consultants et les accords donnés, pour mettre en relation les candidats avec les collectivités et les cabinets qui recrutent.</li>
        <li><strong>Employeurs, consultants et membres de comité</strong> : le nom, l’adresse e-mail et l’organisation, pour ouvrir leur espace et tracer leurs décisions.</li>
        <li><strong>Tous</strong> : l’adresse de connexion et la date des accès aux identités des candidats, inscrites au journal des accès.</li>
      </ul>
      <h2>Base légale</h2>
      <p>
        Le consentement des candidats pour leur profil et sa visibilité (qu’ils peuvent retirer à tout moment) ; l’exécution
        des démarches de recrutement qu’ils engagent (candidature, accord pour être présenté) ; l’intérêt légitime des
        employeurs et des cabinets pour la gestion de leurs recrutements et la sécurité du portail.
      </p>
      <h2>Qui voit quoi</h2>
      <p>
        Votre employeur actuel ne voit jamais votre démarche. Les collectivités ne reçoivent votre identité que si vous leur
        écrivez (candidature) ou si vous acceptez d’être présenté par un cabinet. Chaque consultation de votre identité est
        inscrite au journal que vous lisez dans votre espace (« Qui a vu mon identité »).
      </p>
      <h2>Durée de conservation</h2>
      <p>
        Votre compte et votre profil sont conservés tant que vous les gardez ; vous pouvez les supprimer à tout moment depuis
        votre espace. Les lignes du journal des accès sont conservées sans votre identité après la suppression du compte.
      </p>
      <h2>Vos droits</h2>
      <p>
        Depuis votre espace (« Mes données »), vous téléchargez toutes vos données et supprimez votre compte. Pour exercer
        vos autres droits (rectification, limitation, opposition), écrivez à l’adresse de contact des{" "}
        <Link to="/mentions-legales">mentions légales</Link>. Si vous estimez que vos droits ne sont pas respectés, vous pouvez
        adresser une réclamation à la CNIL (Commission nationale de l’informatique et des libertés).
      </p>
      <h2>Cookies</h2>
      <p>
        Le portail n’utilise que les cookies nécessaires à son fonctionnement : la session de connexion et la protection des
        formulaires. Aucun cookie de mesure d’audience ni de publicité : aucun consentement ne vous est donc demandé.
      </p>
    </PublicPage>
  );
}
