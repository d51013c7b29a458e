import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "./db.server";

/**
 * Sign-in failures: 5 per account from one client address, and 20 per address across accounts,
 * in 15 minutes. The account itself is never locked: a stranger's failures only block the
 * stranger's address, and the owner still signs in from anywhere else, or from that address too
 * once a reset link gave them a new password. Counting happens whether or not the account
 * exists, so the limit says nothing of it.
 *
 * The counters live in the database (RateLimitBucket, through rate-limiter-flexible's Prisma
 * store), so that every portal instance behind the reverse proxy counts the same attempts
 * (docs/decisions/141). The store adds a failure with an increment in the database, never a
 * read-then-write, so attempts made at once on two instances are all counted. Rows whose window
 * is over are purged by the retention job, not by a timer of the library's in every process.
 */
const WINDOW_S = 15 * 60;
const PER_PAIR = 5;
const PER_ADDRESS = 20;
// The client's delegate is named after the model in camel case.
const store = { storeClient: db, tableName: "rateLimitBucket", clearExpiredByTimeout: false };
const perAccountAndAddress = new RateLimiterPrisma({ ...store, keyPrefix: "login-account-address", points: PER_PAIR, duration: WINDOW_S });
const perAddress = new RateLimiterPrisma({ ...store, keyPrefix: "login-address", points: PER_ADDRESS, duration: WINDOW_S });

// A JSON pair cannot be forged by an e-mail holding the separator.
const pairKey = (email: string, address: string) => JSON.stringify([email, address]);

/** Seconds to wait before trying again, or 0 when a new attempt is allowed. */
export async function loginRetryAfter(email: string, address: string): Promise<number> {
  const [a, b] = await Promise.all([perAccountAndAddress.get(pairKey(email, address)), perAddress.get(address)]);
  const blocked = [a && a.consumedPoints >= PER_PAIR ? a.msBeforeNext : 0, b && b.consumedPoints >= PER_ADDRESS ? b.msBeforeNext : 0];
  return Math.ceil(Math.max(...blocked) / 1000);
}

export async function recordLoginFailure(email: string, address: string): Promise<void> {
  await Promise.all([perAccountAndAddress.penalty(pairKey(email, address), 1), perAddress.penalty(address, 1)]);
}

/** After a successful sign-in or password reset from this address: the account's count there starts again. */
export async function clearLoginFailures(email: string, address: string): Promise<void> {
  await perAccountAndAddress.delete(pairKey(email, address));
}

/** Deletes the counters whose window ended before `now` (the retention job). */
export async function purgeExpiredLoginAttempts(now: Date = new Date()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expire: { lt: now } } });
  return count;
}
