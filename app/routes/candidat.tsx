import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SpaceLayout } from "~/components/SpaceLayout";
import { spaceLayoutData } from "~/domain/space.server";

export const loader = ({ request }: LoaderFunctionArgs) => spaceLayoutData(request, "candidat");

export default function CandidateSpace() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <SpaceLayout
      spaceLabel="Candidat"
      user={user}
      nav={[
        { to: "/candidat", label: "Accueil", end: true },
        { to: "/candidat/profil", label: "Mon profil" },
        { to: "/candidat/candidatures", label: "Mes candidatures" },
        { to: "/candidat/contacts", label: "Propositions" },
        { to: "/candidat/missions", label: "Missions" },
        { to: "/candidat/messages", label: "Messages" },
        { to: "/candidat/presentations", label: "Présentations" },
        { to: "/candidat/donnees", label: "Mes données" },
        { to: "/candidat/notifications", label: "Mes courriels" },
        { to: "/offres", label: "Offres" },
      ]}
    />
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
