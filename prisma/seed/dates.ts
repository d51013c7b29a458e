const DAY = 24 * 60 * 60 * 1000;

/**
 * Dates are relative to the start of the run's day (UTC): published positions keep a deadline in
 * the future whenever the seed runs, and two runs on the same day write identical rows.
 */
export type Clock = {
  today: Date;
  /** today plus `n` days (negative for the past), at `hour` UTC. */
  days(n: number, hour?: number): Date;
  /** The first day of the month on or after today + `n` days. */
  monthStartAfter(n: number): Date;
  year: number;
};

export function createClock(now: Date): Clock {
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return {
    today,
    year: today.getUTCFullYear(),
    days(n, hour = 9) {
      return new Date(today.getTime() + n * DAY + hour * 60 * 60 * 1000);
    },
    monthStartAfter(n) {
      const d = new Date(today.getTime() + n * DAY);
      const first = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
      return first.getTime() < d.getTime() ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)) : first;
    },
  };
}
