import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import type { Space } from "~/access/spaces";
import { DIGEST_HOUR } from "~/schemas/notifications";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { getPreferences, savePreferences } from "./notifications.server";

/**
 * The loader and action shared by the three settings pages (/candidat/notifications,
 * /employeur/notifications, /cabinet/notifications): the signed-in user's choice of how to
 * receive each kind of optional mail. Each user changes only their own choices.
 */
export async function notificationSettingsLoader(space: Space, { request }: LoaderFunctionArgs) {
  const user = await requireUser(request, space);
  return json({
    preferences: await getPreferences(user),
    digestHour: DIGEST_HOUR,
    email: user.email,
    ok: new URL(request.url).searchParams.get("ok") === "1",
  });
}

export async function notificationSettingsAction(space: Space, { request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, space);
  const result = await savePreferences(user, form);
  if (!result.ok) return json({ error: result.error }, { status: 400 });
  return redirect(`${new URL(request.url).pathname}?ok=1`);
}
