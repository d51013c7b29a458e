import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SpaceLayout } from "~/components/SpaceLayout";
import { spaceLayoutData } from "~/domain/space.server";

export const loader = ({ request }: LoaderFunctionArgs) => spaceLayoutData(request, "employeur");

export default function EmployerSpace() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <SpaceLayout
      spaceLabel="Employeur"
      user={user}
      nav={
        // A committee member's account reaches only the finalists of its positions (docs/decisions/050).
        user.role === "COMMITTEE"
          ? [{ to: "/employeur/comite", label: "Mes comités" }, { to: "/employeur/notifications", label: "Mes courriels" }]
          : [
              { to: "/employeur", label: "Tableau de bord", end: true },
              { to: "/employeur/postes", label: "Postes" },
              { to: "/employeur/notifications", label: "Mes courriels" },
            ]
      }
    />
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
