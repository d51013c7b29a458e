import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { NotificationSettings } from "~/components/NotificationSettings";
import { notificationSettingsAction, notificationSettingsLoader } from "~/domain/notification-settings.server";

export const meta: MetaFunction = () => [{ title: "Mes courriels — Vivier" }];

/** GET, POST /candidat/notifications — how the user receives each kind of optional mail (app/domain/notification-settings.server.ts). */
export const loader = (args: LoaderFunctionArgs) => notificationSettingsLoader("candidat", args);
export const action = (args: ActionFunctionArgs) => notificationSettingsAction("candidat", args);

export default function NotificationsPage() {
  const { preferences, digestHour, email, ok } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return <NotificationSettings preferences={preferences} digestHour={digestHour} email={email} saved={ok} error={data?.error ?? null} candidate />;
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
