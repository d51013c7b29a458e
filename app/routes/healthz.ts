import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/utils/db.server";
import { searchHealth } from "../../search/health";

/**
 * GET /healthz, for monitors and load balancers: 200 when the database and the search server
 * both answer, 503 otherwise. Says only "ok" or "down": nothing about versions or addresses.
 */

async function databaseHealth(timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
    });
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function loader(_args: LoaderFunctionArgs) {
  const [dbOk, searchOk] = await Promise.all([databaseHealth(), searchHealth()]);
  return json(
    { db: dbOk ? "ok" : "down", search: searchOk ? "ok" : "down" } as const,
    { status: dbOk && searchOk ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
