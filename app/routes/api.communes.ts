import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { searchCommunes } from "~/reference/territory.server";

/**
 * GET /api/communes?q=ren → the communes whose name or postal code matches, for the commune
 * picker. Public data from the official list: no session, cacheable, at most 10 answers.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 80);
  const communes = searchCommunes(q, 10).map((c) => ({
    code: c.code,
    name: c.name,
    departementCode: c.departementCode,
    postalCode: c.postalCodes[0] ?? null,
  }));
  return json(communes, { headers: { "Cache-Control": "public, max-age=86400" } });
}
