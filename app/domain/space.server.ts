import { json } from "@remix-run/node";
import type { Space } from "~/access/spaces";
import { requireUser } from "~/utils/auth.server";

/** What every space's layout shows of the signed-in user (and nothing more: it goes to the browser). */
export async function spaceLayoutData(request: Request, space: Space) {
  const user = await requireUser(request, space);
  return json({
    user: { name: user.name, role: user.role, isCabinetLead: user.isCabinetLead, organization: user.organization && { name: user.organization.name } },
  });
}
