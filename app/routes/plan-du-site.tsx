import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { PublicPage } from "~/components/PublicPage";

export const meta: MetaFunction = () => [{ title: "Plan du site — Vivier" }];

/** Every page one reaches without an id in its address, by space. */
export default function SiteMap() {
  return (
    <PublicPage>
      <h1>Plan du site</h1>
      <h2>Pour tous</h2>
      <ul>
        <li><Link to="/">Accueil</Link></li>
        <li><Link to="/offres">Offres d’emploi</Link></li>
        <li><Link to="/inscription">Créer mon profil candidat</Link></li>
        <li><Link to="/connexion">Se connecter</Link> · <Link to="/mot-de-passe-oublie">Mot de passe oublié</Link></li>
        <li><Link to="/mentions-legales">Mentions légales</Link> · <Link to="/donnees-personnelles">Données personnelles</Link> · <Link to="/confidentialite">Politique de confidentialité</Link> · <Link to="/accessibilite">Accessibilité</Link></li>
      </ul>
      <h2>Espace candidat</h2>
      <ul>
        <li><Link to="/candidat">Tableau de bord</Link></li>
        <li><Link to="/candidat/profil">Mon profil</Link> (<Link to="/candidat/profil/cv">CV</Link>, <Link to="/candidat/profil/visibilite">visibilité</Link>)</li>
        <li><Link to="/candidat/candidatures">Mes candidatures</Link></li>
        <li><Link to="/candidat/contacts">Propositions des cabinets</Link> · <Link to="/candidat/messages">Échanges avec les consultants</Link></li>
        <li><Link to="/candidat/missions">Missions avec les cabinets</Link> · <Link to="/candidat/presentations">Présentations</Link> · <Link to="/candidat/references">Références</Link></li>
        <li><Link to="/candidat/journal">Qui a vu mon identité</Link> · <Link to="/candidat/donnees">Mes données</Link></li>
      </ul>
      <h2>Espace employeur</h2>
      <ul>
        <li><Link to="/employeur">Tableau de bord</Link></li>
        <li><Link to="/employeur/postes">Postes</Link> · <Link to="/employeur/postes/nouveau">Nouveau poste</Link></li>
        <li><Link to="/employeur/comite">Mes comités</Link> (membres d’un comité de recrutement)</li>
      </ul>
      <h2>Espace cabinet</h2>
      <ul>
        <li><Link to="/cabinet">Tableau de bord</Link></li>
        <li><Link to="/cabinet/missions">Missions</Link> · <Link to="/cabinet/vivier">Vivier</Link> · <Link to="/cabinet/recherches">Recherches enregistrées</Link></li>
        <li><Link to="/cabinet/contacts">Prises de contact</Link> · <Link to="/cabinet/consultants">Consultants</Link></li>
      </ul>
      <h2>Administration</h2>
      <ul>
        <li><Link to="/admin">Tableau de bord</Link> · <Link to="/admin/organisations">Organisations</Link> · <Link to="/admin/courriels">Courriels</Link> · <Link to="/admin/journal">Journal des accès</Link></li>
      </ul>
    </PublicPage>
  );
}
