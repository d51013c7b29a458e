/**
 * The portal's periodic work, in its own process (beside the search outbox worker): the daily
 * follow-up reminders, and the retention of personal data (inactive candidates warned then
 * erased, old mails and journal lines deleted: app/domain/retention.server.ts). Run once at start, which catches up whatever came due while the portal
 * was down, then every day. Each job is idempotent: running it twice sends nothing twice.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export function startDailyJobs({ intervalMs = DAY_MS, log = console.log }: { intervalMs?: number; log?: (line: string) => void } = {}) {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= (async () => {
      try {
        const { sendFollowUpReminders } = await import("../domain/follow-ups.server");
        const sent = await sendFollowUpReminders(new Date());
        if (sent > 0) log(`Suivi d’intégration : ${sent} rappel(s) envoyé(s).`);
      } catch (error) {
        log(`Suivi d’intégration : rappels en échec (${String(error)}), nouvel essai au prochain passage.`);
      }
      // Separate from the reminders: one failing does not stop the other.
      try {
        const { runRetention } = await import("../domain/retention.server");
        const r = await runRetention(new Date());
        if (r.warned + r.erased + r.mailsDeleted + r.auditDeleted > 0) {
          log(`Conservation des données : ${r.warned} compte(s) averti(s), ${r.erased} effacé(s), ${r.mailsDeleted} courriel(s) et ${r.auditDeleted} ligne(s) de journal supprimés.`);
        }
      } catch (error) {
        log(`Conservation des données : purge en échec (${String(error)}), nouvel essai au prochain passage.`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return {
    runNow: run,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
