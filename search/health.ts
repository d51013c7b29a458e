import type { Meilisearch } from "meilisearch";
import { getSearchReader } from "./client";

/** True when Meilisearch answers /health as available within timeoutMs. Never throws. */
export async function searchHealth(client?: Meilisearch, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const c = client ?? getSearchReader();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), timeoutMs);
    });
    const health = await Promise.race([c.health(), timeout]);
    return health.status === "available";
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
