import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import missionStyles from "~/components/missions/missions.css";
import { SpaceLayout } from "~/components/SpaceLayout";
import { spaceLayoutData } from "~/domain/space.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: missionStyles }];

export const loader = ({ request }: LoaderFunctionArgs) => spaceLayoutData(request, "cabinet");

export default function CabinetSpace() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <SpaceLayout
      spaceLabel="Cabinet"
      user={user}
      nav={[
        { to: "/cabinet", label: "Tableau de bord", end: true },
        { to: "/cabinet/missions", label: "Missions" },
        { to: "/cabinet/vivier", label: "Vivier" },
        { to: "/cabinet/contacts", label: "Prises de contact" },
        { to: "/cabinet/modeles", label: "Modèles de message" },
        ...(user.isCabinetLead ? [{ to: "/cabinet/consultants", label: "Consultants" }] : []),
        { to: "/cabinet/notifications", label: "Mes courriels" },
      ]}
    />
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
