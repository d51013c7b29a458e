import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { portalHealth } from "~/domain/health.server";

/**
 * GET /healthz, for monitors and load balancers: 200 when the database and the search server
 * both answer, 503 otherwise. Says only "ok" or "down": nothing about versions or addresses.
 */
export async function loader(_args: LoaderFunctionArgs) {
  const health = await portalHealth();
  return json(
    { db: health.db ? "ok" : "down", search: health.search ? "ok" : "down" } as const,
    { status: health.db && health.search ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
