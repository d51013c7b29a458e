import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SpaceLayout } from "~/components/SpaceLayout";
import { requireUser } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  return json({ user: { name: user.name, isCabinetLead: user.isCabinetLead, organization: user.organization && { name: user.organization.name } } });
}

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
        ...(user.isCabinetLead ? [{ to: "/cabinet/consultants", label: "Consultants" }] : []),
      ]}
    />
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
