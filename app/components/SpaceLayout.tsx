import { Form, NavLink, Outlet } from "@remix-run/react";
import { CsrfField } from "./ui/CsrfField";

export type NavItem = { to: string; label: string; end?: boolean };

/** The frame of each signed-in space: navigation, who is signed in, sign-out. */
export function SpaceLayout({
  spaceLabel, nav, user,
}: {
  spaceLabel: string;
  nav: NavItem[];
  user: { name: string; organization: { name: string } | null };
}) {
  return (
    <>
      <header className="site-header">
        <div className="container header-row">
          <a href="/" className="brand">Vivier <span className="brand-space">{spaceLabel}</span></a>
          <div className="who">
            <span>{user.name}</span>
            {user.organization ? <span className="muted"> — {user.organization.name}</span> : null}
            <Form method="post" action="/deconnexion" className="inline">
              <CsrfField />
              <button type="submit" className="button-link">Se déconnecter</button>
            </Form>
          </div>
        </div>
        <nav className="container space-nav" aria-label={`Navigation ${spaceLabel}`}>
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="contenu" className="container" tabIndex={-1}>
        <Outlet />
      </main>
      <SiteFooter />
    </>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p>Vivier — le recrutement des cadres des collectivités territoriales. Vos démarches sont confidentielles.</p>
        <nav aria-label="Informations sur le site">
          <ul className="inline-list footer-links">
            <li><a href="/mentions-legales">Mentions légales</a></li>
            <li><a href="/donnees-personnelles">Données personnelles</a></li>
            <li><a href="/accessibilite">Accessibilité : non conforme</a></li>
            <li><a href="/plan-du-site">Plan du site</a></li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}

export function PublicHeader({ signedIn }: { signedIn: boolean }) {
  return (
    <header className="site-header">
      <div className="container header-row">
        <a href="/" className="brand">Vivier</a>
        <nav aria-label="Navigation principale">
          <ul className="inline-list">
            <li><a href="/offres">Offres</a></li>
            {signedIn ? <li><a href="/connexion">Mon espace</a></li> : (
              <>
                <li><a href="/connexion">Se connecter</a></li>
                <li><a href="/inscription">Créer mon profil</a></li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
