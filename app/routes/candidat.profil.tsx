import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { formatDay, formatDayTime } from "~/components/candidates/format";
import { getOwnProfile } from "~/domain/candidates.server";
import { VISIBILITY_LABEL } from "~/schemas/profile";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const profile = await getOwnProfile(user);
  return json({
    summary: profile && {
      pseudonym: profile.pseudonym,
      visibility: profile.visibility,
      updatedAt: profile.updatedAt,
      consentAt: profile.consentAt,
      hasCv: !!profile.cv,
    },
  });
}

const TABS = [
  { to: "/candidat/profil", label: "Parcours et souhaits", end: true },
  { to: "/candidat/profil/cv", label: "CV" },
  { to: "/candidat/profil/visibilite", label: "Visibilité et confidentialité" },
  { to: "/candidat/donnees", label: "Mes données" },
];

export default function ProfileLayout() {
  const { summary } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Mon profil</h1>
      {summary ? (
        <p className="profile-status">
          <span className="badge">Visibilité : {VISIBILITY_LABEL[summary.visibility]}</span>{" "}
          <span className="muted">
            Mis à jour le {formatDayTime(summary.updatedAt)}.
            {summary.consentAt ? ` Consentement au vivier donné le ${formatDay(summary.consentAt)}.` : ""}
            {summary.visibility === "ANONYMOUS" ? ` Les consultants vous voient sous le pseudonyme « ${summary.pseudonym} ».` : ""}
          </span>
        </p>
      ) : (
        <p className="muted">Votre profil est vide et caché : personne ne le voit tant que vous ne l’avez pas décidé.</p>
      )}
      <nav aria-label="Rubriques du profil" className="profile-tabs">
        <ul>
          {TABS.map((t) => (
            <li key={t.to}><NavLink to={t.to} end={t.end}>{t.label}</NavLink></li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
