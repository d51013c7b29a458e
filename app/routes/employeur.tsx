import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SpaceLayout } from "~/components/SpaceLayout";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  return json({ user: { name: user.name, isCabinetLead: user.isCabinetLead, organization: user.organization && { name: user.organization.name } } });
}

export default function EmployerSpace() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <SpaceLayout
      spaceLabel="Employeur"
      user={user}
      nav={[
        { to: "/employeur", label: "Tableau de bord", end: true },
        { to: "/employeur/postes", label: "Postes" },
      ]}
    />
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
