import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { searchHideableOrganizations } from "~/domain/candidates.server";
import { getSessionUser } from "~/utils/session.server";

/**
 * GET /api/organisations?q=lyon — the suggestions of the organisation picker (current employer,
 * "ne pas me montrer à"): [{ officialKey, name, type }]. Signed-in users only; public data, but
 * not a free directory for scrapers.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (!user) return json({ organizations: [] }, { status: 401, headers: { "Cache-Control": "no-store" } });
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 80);
  const organizations = q.length < 2 ? [] : await searchHideableOrganizations(q, 10);
  return json({ organizations }, { headers: { "Cache-Control": "private, max-age=60" } });
}
