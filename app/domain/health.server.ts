import { db } from "~/utils/db.server";
import { searchHealth } from "../../search/health";

/** Whether the database and the search server answer, each within timeoutMs. Never throws. */
export async function portalHealth(timeoutMs = 2000): Promise<{ db: boolean; search: boolean }> {
  const [dbOk, searchOk] = await Promise.all([databaseHealth(timeoutMs), searchHealth(undefined, timeoutMs)]);
  return { db: dbOk, search: searchOk };
}

async function databaseHealth(timeoutMs: number): Promise<boolean> {
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
