import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SpaceLayout } from "~/components/SpaceLayout";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "admin");
  return json({ user: { name: user.name, isCabinetLead: user.isCabinetLead, organization: user.organization && { name: user.organization.name } } });
}

export default function AdminSpace() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <SpaceLayout
      spaceLabel="Administration"
      user={user}
      nav={[
        { to: "/admin", label: "Tableau de bord", end: true },
        { to: "/admin/organisations", label: "Organisations et invitations" },
        { to: "/admin/courriels", label: "Courriels envoyés" },
      ]}
    />
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
