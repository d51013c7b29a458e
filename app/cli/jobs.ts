/**
 * The portal's periodic work, in its own process (beside the search outbox worker): the daily
 * follow-up reminders, the daily digest of notifications, and the retention of personal data
 * (inactive candidates warned then erased, old mails and journal lines deleted:
 * app/domain/retention.server.ts). All run once at start, which
 * catches up whatever came due while the portal was down. The reminders then run every day; the
 * digest is checked every quarter of an hour, so that it leaves soon after its fixed hour (7 h,
 * Paris) without a timer aimed at a wall-clock time that a stopped portal would miss. Each job
 * is idempotent: running it twice sends nothing twice.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const QUARTER_MS = 15 * 60 * 1000;

type Log = (line: string) => void;

/** One job that never overlaps itself and logs its failures (it is tried again at the next tick). */
function serial(work: () => Promise<void>, failed: (error: unknown) => string, log: Log) {
  let running: Promise<void> | null = null;
  const run = () => {
    running ??= (async () => {
      try {
        await work();
      } catch (error) {
        log(failed(error));
      } finally {
        running = null;
      }
    })();
    return running;
  };
  return { run, idle: () => running ?? Promise.resolve() };
}

export function startDailyJobs({
  intervalMs = DAY_MS,
  digestIntervalMs = QUARTER_MS,
  log = console.log,
  now = () => new Date(),
}: { intervalMs?: number; digestIntervalMs?: number; log?: Log; now?: () => Date } = {}) {
  const reminders = serial(
    async () => {
      const { sendFollowUpReminders } = await import("../domain/follow-ups.server");
      const sent = await sendFollowUpReminders(now());
      if (sent > 0) log(`Suivi d’intégration : ${sent} ${sent > 1 ? "rappels envoyés" : "rappel envoyé"}.`);
    },
    (error) => `Suivi d’intégration : rappels en échec (${String(error)}), nouvel essai au prochain passage.`,
    log,
  );
  const retention = serial(
    async () => {
      const { runRetention } = await import("../domain/retention.server");
      const r = await runRetention(now());
      if (r.warned + r.erased + r.mailsDeleted + r.auditDeleted > 0) {
        const n = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;
        log(`Conservation des données : ${n(r.warned, "compte averti", "comptes avertis")}, ${n(r.erased, "effacé", "effacés")}, ${n(r.mailsDeleted, "courriel", "courriels")} et ${n(r.auditDeleted, "ligne", "lignes")} de journal supprimés.`);
      }
    },
    (error) => `Conservation des données : purge en échec (${String(error)}), nouvel essai au prochain passage.`,
    log,
  );
  const digests = serial(
    async () => {
      const { sendDigests } = await import("../domain/notifications.server");
      const sent = await sendDigests(now());
      if (sent > 0) log(`Récapitulatif quotidien : ${sent} ${sent > 1 ? "courriels envoyés" : "courriel envoyé"}.`);
    },
    (error) => `Récapitulatif quotidien : envoi en échec (${String(error)}), nouvel essai au prochain passage.`,
    log,
  );
  const run = () => Promise.all([reminders.run(), retention.run(), digests.run()]).then(() => undefined);
  void run();
  const timers = [
    setInterval(() => void reminders.run(), intervalMs),
    setInterval(() => void retention.run(), intervalMs),
    setInterval(() => void digests.run(), digestIntervalMs),
  ];
  for (const t of timers) t.unref();
  return {
    runNow: run,
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all([reminders.idle(), retention.idle(), digests.idle()]);
    },
  };
}
