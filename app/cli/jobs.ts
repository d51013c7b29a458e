/**
 * The portal's periodic work, in its own process (beside the search outbox worker): the daily
 * follow-up reminders, the daily digest of notifications, and the retention of personal data
 * (inactive candidates warned then erased, old mails and journal lines deleted:
 * app/domain/retention.server.ts). All run once at start, which
 * catches up whatever came due while the portal was down. The reminders then run every day; the
 * digest is checked every quarter of an hour, so that it leaves soon after its fixed hour (7 h,
 * Paris) without a timer aimed at a wall-clock time that a stopped portal would miss. Each job
 * is idempotent: running it twice sends nothing twice.
 *
 * Several portal instances may share the database (docs/decisions/140): each job runs under a
 * lease held for its whole period (app/utils/lease.server.ts), so that it runs once per period
 * across instances, by whichever instance tries first once the period is over. Every instance
 * tries at least every minute; a failed run gives its lease back, so that the next try, anyone's,
 * runs it again. A stopping instance gives its leases back too: the next start catches up as
 * before, which the jobs' idempotence makes harmless.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const QUARTER_MS = 15 * 60 * 1000;
const CHECK_MS = 60 * 1000;

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

export type JobName = (typeof JOB_NAMES)[number];
export const JOB_NAMES = ["reminders", "retention", "digests"] as const;
export const jobLeaseName = (job: string) => `job:${job}`;

/** The lease of a job: taken only once the last run's period is over, given back if the run fails. */
function leased(name: JobName, periodMs: number, work: () => Promise<void>, onTry: (job: JobName, ran: boolean) => void): () => Promise<void> {
  return async () => {
    const [{ db }, { acquireLease, releaseLease }] = await Promise.all([import("../utils/db.server"), import("../utils/lease.server")]);
    const ours = await acquireLease(db, jobLeaseName(name), periodMs, { renew: false });
    onTry(name, ours);
    if (!ours) return;
    try {
      await work();
    } catch (error) {
      await releaseLease(db, jobLeaseName(name));
      throw error;
    }
  };
}

export function startDailyJobs({
  intervalMs = DAY_MS,
  digestIntervalMs = QUARTER_MS,
  checkMs = CHECK_MS,
  log = console.log,
  now = () => new Date(),
  onTry = () => {},
}: {
  intervalMs?: number;
  digestIntervalMs?: number;
  /** How often each instance tries to take a job whose period is over. */
  checkMs?: number;
  log?: Log;
  now?: () => Date;
  /** Told each time this instance tries a job, and whether it runs it (tests count the runs across instances). */
  onTry?: (job: JobName, ran: boolean) => void;
} = {}) {
  const reminders = serial(
    leased("reminders", intervalMs, async () => {
      const { sendFollowUpReminders } = await import("../domain/follow-ups.server");
      const sent = await sendFollowUpReminders(now());
      if (sent > 0) log(`Suivi d’intégration : ${sent} ${sent > 1 ? "rappels envoyés" : "rappel envoyé"}.`);
    }, onTry),
    (error) => `Suivi d’intégration : rappels en échec (${String(error)}), nouvel essai au prochain passage.`,
    log,
  );
  const retention = serial(
    leased("retention", intervalMs, async () => {
      const [{ runRetention }, { purgeExpiredLoginAttempts }] = await Promise.all([import("../domain/retention.server"), import("../utils/rate-limit.server")]);
      const r = await runRetention(now());
      // Sign-in counters whose window is over: nothing of them is kept.
      await purgeExpiredLoginAttempts(now());
      if (r.warned + r.erased + r.mailsDeleted + r.auditDeleted > 0) {
        const n = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;
        log(`Conservation des données : ${n(r.warned, "compte averti", "comptes avertis")}, ${n(r.erased, "effacé", "effacés")}, ${n(r.mailsDeleted, "courriel", "courriels")} et ${n(r.auditDeleted, "ligne", "lignes")} de journal supprimés.`);
      }
    }, onTry),
    (error) => `Conservation des données : purge en échec (${String(error)}), nouvel essai au prochain passage.`,
    log,
  );
  const digests = serial(
    leased("digests", digestIntervalMs, async () => {
      const { sendDigests } = await import("../domain/notifications.server");
      const sent = await sendDigests(now());
      if (sent > 0) log(`Récapitulatif quotidien : ${sent} ${sent > 1 ? "courriels envoyés" : "courriel envoyé"}.`);
    }, onTry),
    (error) => `Récapitulatif quotidien : envoi en échec (${String(error)}), nouvel essai au prochain passage.`,
    log,
  );
  const run = () => Promise.all([reminders.run(), retention.run(), digests.run()]).then(() => undefined);
  void run();
  const timers = [
    setInterval(() => void reminders.run(), Math.min(intervalMs, checkMs)),
    setInterval(() => void retention.run(), Math.min(intervalMs, checkMs)),
    setInterval(() => void digests.run(), Math.min(digestIntervalMs, checkMs)),
  ];
  for (const t of timers) t.unref();
  return {
    runNow: run,
    async stop() {
      for (const t of timers) clearInterval(t);
      await Promise.all([reminders.idle(), retention.idle(), digests.idle()]);
      const [{ db }, { releaseLease }] = await Promise.all([import("../utils/db.server"), import("../utils/lease.server")]);
      for (const job of JOB_NAMES) await releaseLease(db, jobLeaseName(job));
    },
  };
}
