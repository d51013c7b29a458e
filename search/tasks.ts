import type { EnqueuedTaskPromise, Task } from "meilisearch";

export class SearchTaskError extends Error {
  constructor(readonly task: Task) {
    super(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? "no error message"}`);
    this.name = "SearchTaskError";
  }
}

/**
 * Waits for a Meilisearch task and throws unless it succeeded: the client's waitTask resolves
 * for failed and canceled tasks too, and "nothing lost" relies on knowing the difference.
 */
export async function waitForSuccess(enqueued: EnqueuedTaskPromise, timeoutMs = 30_000): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: timeoutMs });
  if (task.status !== "succeeded") throw new SearchTaskError(task);
  return task;
}
