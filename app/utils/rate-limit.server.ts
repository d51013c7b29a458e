import { RateLimiterMemory } from "rate-limiter-flexible";

/**
 * Sign-in failures: 5 per account and 20 per address in 15 minutes. In memory: one portal
 * process. Counting happens whether or not the account exists, so the limit says nothing of it.
 */
const WINDOW_S = 15 * 60;
const perAccount = new RateLimiterMemory({ keyPrefix: "login-account", points: 5, duration: WINDOW_S });
const perAddress = new RateLimiterMemory({ keyPrefix: "login-address", points: 20, duration: WINDOW_S });

/** Seconds to wait before trying again, or 0 when a new attempt is allowed. */
export async function loginRetryAfter(email: string, address: string): Promise<number> {
  const [a, b] = await Promise.all([perAccount.get(email), perAddress.get(address)]);
  const blocked = [a && a.consumedPoints >= 5 ? a.msBeforeNext : 0, b && b.consumedPoints >= 20 ? b.msBeforeNext : 0];
  return Math.ceil(Math.max(...blocked) / 1000);
}

export async function recordLoginFailure(email: string, address: string): Promise<void> {
  await Promise.all([perAccount.penalty(email, 1), perAddress.penalty(address, 1)]);
}

export async function clearLoginFailures(email: string): Promise<void> {
  await perAccount.delete(email);
}
