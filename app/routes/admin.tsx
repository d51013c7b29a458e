import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SpaceLayout } from "~/components/SpaceLayout";
import { spaceLayoutData } from "~/domain/space.server";

export const loader = ({ request }: LoaderFunctionArgs) => spaceLayoutData(request, "admin");

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
        { to: "/admin/journal", label: "Journal des accès" },
      ]}
    />
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
